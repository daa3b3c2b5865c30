/**
 * An output the workbook cannot compute is said in words: the named input at fault and where it
 * is, never the raw spreadsheet error. The declaration of inputs whose 0 breaks the model is
 * complete: every named input is set to 0 in turn on the built model.
 */
import { MemoryHost } from "../../../src/host/memory";
import type { CellValue, NameLocation } from "../../../src/host/workbook-host";
import { STRESS_NAMES } from "../../../src/templates/stress";
import { BLANK_RULES, NONZERO_INPUTS } from "../../../src/templates/blank-inputs";
import { planCompleteModel } from "../../../src/templates/index";
import {
  faultyInput,
  inputSpecs,
  isErrorValue,
  unavailableText,
} from "../../../src/taskpane/model/unavailable";

const OUTPUTS = ["AnnualROI", "PVROI", "PaybackMonths", "ThreeYearNPV", STRESS_NAMES.lossProbability];
const at = (sheet: string, address: string): NameLocation => ({ sheet, address });

describe("the inputs the pane checks", () => {
  const specs = inputSpecs("en");
  const spec = (name: string) => specs.find((s) => s.name === name)!;

  it("are the named inputs of every sheet with their labels, validation and blank rule", () => {
    expect(spec("AmortisationYears")).toMatchObject({
      template: "roi",
      label: "Spread over (years)",
      rule: { kind: "decimal", min: 0 },
      required: false,
      nonZero: true,
    });
    expect(spec("LeaderPaybackMonths").required).toBe(true);
    expect(spec("Wave1Count").template).toBe("rollout");
    expect(spec("Weights").required).toBe(true);
    expect(spec("SimDistribution").rule?.kind).toBe("list");
    // ROI inputs come first: every headline figure reads them.
    expect(specs[0].template).toBe("roi");
  });

  it("name the first input holding an error, a text for a number, a value out of range, a blank required input or a 0 divisor", () => {
    const where = Object.fromEntries(specs.map((s) => [s.name, at("ROI", `B${specs.indexOf(s) + 1}`)]));
    const one = (name: string, v: CellValue) =>
      faultyInput(specs, { [name]: [[v]] }, where)?.spec.name ?? null;
    expect(one("FxRate", "#REF!")).toBe("FxRate");
    expect(one("AgentsAfter", "thirty")).toBe("AgentsAfter");
    expect(one("BenefitRealisation", 5)).toBe("BenefitRealisation");
    expect(one("LeaderPaybackMonths", null)).toBe("LeaderPaybackMonths");
    expect(one("AmortisationYears", 0)).toBe("AmortisationYears");
    expect(one("SimDistribution", "Gaussian")).toBe("SimDistribution");
    // What the model reads well is not a fault: a blank default, a 0 that is only a zero, a list value in any case.
    expect(one("FxRate", null)).toBeNull();
    expect(one("DiscountRate", 0)).toBeNull();
    expect(one("SimDistribution", "pert")).toBeNull();
    expect(faultyInput(specs, { Weights: [[0.4, null, 0.2, 0.1]] }, where)).toBeNull();
    expect(faultyInput(specs, { Weights: [[null, null, null, null]] }, where)?.spec.name).toBe("Weights");
  });

  it("say what to enter and where, or where the output is when no input is at fault", () => {
    const fault = { spec: spec("AmortisationYears"), at: at("ROI", "B34") };
    expect(unavailableText("en", at("ROI", "B87"), fault)).toBe("Enter spread over (years) on ROI!B34");
    expect(
      unavailableText("zh-TW", at("ROI", "B87"), { spec: inputSpecs("zh-TW")[0], at: at("ROI", "B5") }),
    ).toMatch(/^請在 ROI!B5 輸入/);
    expect(unavailableText("en", at("ROI", "B87"), null)).toBe(
      "Cannot be computed: check the cells that ROI!B87 uses",
    );
    for (const text of ["#DIV/0!", "#VALUE!", "#N/A", "#NUM!", "#REF!"])
      expect(isErrorValue(text)).toBe(true);
    expect(isErrorValue("#1 priority")).toBe(false);
  });
});

describe("every named input set to 0 on the built model", () => {
  it("breaks the outputs only for the declared non-zero inputs, and the pane names that input", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel({ data: "sample", currency: "NT$", locale: "en" }), {
      dialect: "live",
    });
    const specs = inputSpecs("en");
    const names = Object.keys(BLANK_RULES);
    const where = await host.locateNames([...names, ...OUTPUTS]);
    const breaking: string[] = [];
    for (const name of names) {
      const place = where[name];
      if (!place) continue;
      const before = await host.readRange(place.sheet, place.address);
      try {
        await host.writeCells([{ ...place, values: before.map((r) => r.map(() => 0)) }]);
      } catch {
        continue; // its validation refuses 0: a user cannot type it either
      }
      const read = await host.readNames(OUTPUTS);
      const failing = OUTPUTS.filter((o) => isErrorValue(read[o]?.[0]?.[0]));
      if (failing.length > 0) {
        breaking.push(name);
        const fault = faultyInput(specs, await host.readNames(specs.map((s) => s.name)), where);
        expect([name, fault?.spec.name]).toEqual([name, name]);
        const label = specs.find((s) => s.name === name)!.label;
        const text = unavailableText("en", where[failing[0]], fault);
        expect(text).toBe(
          `Enter ${label[0].toLowerCase()}${label.slice(1)} on ${place.sheet}!${place.address}`,
        );
      }
      await host.writeCells([{ ...place, values: before }]);
    }
    expect(breaking.sort()).toEqual([...NONZERO_INPUTS].sort());
  }, 300_000);
});
