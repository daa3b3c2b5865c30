/**
 * A blank named input means the same in both formula dialects (docs/blank-inputs.md): every
 * named input of the complete model has a stated rule, and clearing any one of them leaves every
 * formula cell equal in the live and the portable dialect. A defaulted input computes as if its
 * default were typed; a required one makes its outputs say what to enter and where.
 */
import { DEFAULT_WAVE1_COUNT, defaultWave2Count } from "../../src/engine/rollout";
import { SAMPLE_DEPARTMENTS } from "../../src/templates/samples";
import { dataValidation } from "../../src/export/xlsx-rules";
import type { MemoryHost } from "../../src/host/memory";
import { parseRange } from "../../src/shared/a1";
import type { CellValue } from "../../src/host/workbook-host";
import { BLANK_RULES, blankRule } from "../../src/templates/blank-inputs";
import {
  agree,
  blankOf,
  builtModel,
  dualFormulaCells,
  namedInputs,
  PLANS,
  valuesOf,
  withInput,
} from "./blank-inputs-support";

const inputs = namedInputs();
const cells = dualFormulaCells();

describe("blank named inputs", () => {
  let live: MemoryHost;
  let portable: MemoryHost;
  beforeAll(async () => {
    [live, portable] = await Promise.all([builtModel("live"), builtModel("portable")]);
  }, 120_000);

  it("finds the model's named inputs in the plans, and each has exactly one stated rule", () => {
    expect(inputs.length).toBeGreaterThan(50);
    expect(inputs.filter((i) => !BLANK_RULES[i.name]).map((i) => i.name)).toEqual([]);
    // A rule for a name no template defines as an input is stale: the docs would describe nothing.
    const sheetsAlone = new Set(inputs.map((i) => i.name));
    const stale = Object.keys(BLANK_RULES).filter((name) => !sheetsAlone.has(name));
    // The ROI sheet's own ramp (RampStartMonth, RampMonths, AdoptionTarget) is an input in the
    // complete model too, so every rule names an input of the complete model.
    expect(stale).toEqual([]);
  });

  it("applies the rule in data validation: only a required input's rule does not ignore blanks", () => {
    const rows = PLANS.flatMap((plan) =>
      plan.validations.map((v) => {
        const r = parseRange(v.range);
        const owner = inputs.find((i) => {
          const n = parseRange(i.range);
          return (
            i.sheet === plan.sheet &&
            r.top >= n.top &&
            r.bottom <= n.bottom &&
            r.left >= n.left &&
            r.right <= n.right
          );
        });
        return {
          range: `${plan.sheet}!${v.range}`,
          required: v.required === true,
          rule: owner ? blankRule(owner.name).kind : null,
        };
      }),
    );
    expect(rows.filter((v) => v.required !== (v.rule === "required"))).toEqual([]);
    expect(rows.filter((v) => v.required).length).toBeGreaterThanOrEqual(3);
    const required = PLANS.flatMap((p) => p.validations).find((v) => v.required)!;
    expect(dataValidation(required).allowBlank).toBe(false);
    expect(dataValidation({ ...required, required: undefined }).allowBlank).toBe(true);
  });

  it("gives every formula cell the same value in both dialects with each named input cleared in turn", async () => {
    const differing: string[] = [];
    for (const input of inputs) {
      const [a, b] = await Promise.all(
        [live, portable].map((host) => withInput(host, input, blankOf(input), () => valuesOf(host, cells))),
      );
      cells.forEach((c, i) => {
        if (!agree(a[i], b[i]))
          differing.push(
            `${input.name} cleared: ${c.sheet}!${c.address} live ${String(a[i])}, portable ${String(b[i])}`,
          );
      });
    }
    expect(differing.slice(0, 20)).toEqual([]);
  }, 600_000);

  it("computes a cleared defaulted input as if its default were typed, in both dialects", async () => {
    // The sample's departments, wave 1 at its sample size: GENAI.WAVE's default for wave 2.
    const typed = (name: string): CellValue | null => {
      if (name === "Wave2Count") return defaultWave2Count(SAMPLE_DEPARTMENTS.length, DEFAULT_WAVE1_COUNT);
      const rule = blankRule(name);
      return rule.kind === "default" && !/ n$/.test(String(rule.value)) ? rule.value : null;
    };
    const wrong: string[] = [];
    for (const input of inputs) {
      const value = typed(input.name);
      if (value === null) continue;
      for (const host of [live, portable]) {
        const cleared = await withInput(host, input, blankOf(input), () => valuesOf(host, cells));
        const filled = input.rows * input.columns;
        const withDefault = await withInput(
          host,
          input,
          Array.from({ length: input.rows }, () => new Array<CellValue>(input.columns).fill(value)),
          () => valuesOf(host, cells),
        );
        cells.forEach((c, i) => {
          if (!agree(cleared[i], withDefault[i]))
            wrong.push(
              `${input.name} (${filled} cells): ${c.sheet}!${c.address} ${String(cleared[i])} ≠ ${String(withDefault[i])}`,
            );
        });
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  }, 600_000);

  it.each([
    ["AdoptionTargetAll", "PVROI"],
    ["Wave2Count", "DepartmentWaves"],
    ["FxRate", "ApiAnnualCost"],
  ])("keeps the dialects together for the cases seen in use: %s cleared, %s", async (name, output) => {
    const input = inputs.find((i) => i.name === name)!;
    const [a, b] = await Promise.all(
      [live, portable].map((host) =>
        withInput(host, input, blankOf(input), async () => (await host.readNames([output]))[output]),
      ),
    );
    expect(a).toEqual(b);
    expect(a?.flat().some((v) => typeof v === "number")).toBe(true);
  });

  it.each([
    ["LeaderPaybackMonths", "PaybackStatus", /^Enter leaders' payback benchmark \(months\) on ROI!B\d+$/],
    ["Weights", "UseCaseScores", /^Enter the four screening weights on Portfolio!B5:E5$/],
  ])("says what to enter and where when the required %s is blank (%s)", async (name, output, text) => {
    const input = inputs.find((i) => i.name === name)!;
    for (const host of [live, portable]) {
      const shown = await withInput(
        host,
        input,
        blankOf(input),
        async () => (await host.readNames([output]))[output],
      );
      expect(String(shown?.[0]?.[0])).toMatch(text);
    }
  });

  it("shows a PoC whose metrics are not all in as Pending in both dialects, whatever the thresholds", async () => {
    const gate = inputs.find((i) => i.name === "GateThresholds")!;
    for (const host of [live, portable]) {
      const decisions = await withInput(host, gate, blankOf(gate), async () =>
        (await host.readRange("Portfolio", "R11:R25")).flat(),
      );
      expect(decisions).toContain("Pending");
      expect(decisions).toContain("Enter the five gate thresholds on Portfolio!H5:L5");
      expect(decisions.filter((d) => d === "Stop" || d === "Iterate" || d === "Scale")).toEqual([]);
    }
  });
});
