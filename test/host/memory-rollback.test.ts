/**
 * A build that fails part-way leaves no half-built sheet behind and reports what failed:
 * MemoryHost restores sheets, cells, names and its own records exactly.
 */
import { APPLY_STEP_WORDS, type ApplyStep, MemoryHost } from "../../src/host/memory";
import { ApplyError, type ChangeEvent } from "../../src/host/workbook-host";
import { planModel } from "../../src/templates/index";
import type { Dialect } from "../../src/templates/plan";
import { nameCell, roiPlan, snapshot } from "./memory-support";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;

/** A workbook with history: a user sheet, a built ROI sheet with an edited input. */
async function workbookWithHistory(
  failAt?: (step: ApplyStep, sheet: string) => boolean,
): Promise<MemoryHost> {
  const host = new MemoryHost({ failAt });
  host.addSheet("Notes", [["budget call on Friday", 3]]);
  await host.applyPlans([roiPlan()], { dialect: "live" });
  await host.writeCells([{ sheet: "ROI", address: nameCell(roiPlan(), "AgentsAfter"), values: [[41]] }]);
  return host;
}

const FAILURES: readonly { step: ApplyStep; sheet: string; dialect: Dialect }[] = [
  { step: "prepare", sheet: "Stress", dialect: "live" },
  { step: "names", sheet: "ROI", dialect: "live" },
  { step: "names", sheet: "Stress", dialect: "portable" },
  { step: "blocks", sheet: "Stress", dialect: "live" },
  { step: "values", sheet: "Stress", dialect: "portable" },
];

describe("an injected failure part-way through a two-sheet apply", () => {
  it.each(FAILURES)(
    "at $step of $sheet ($dialect) leaves the workbook exactly as before and names the sheet and step",
    async ({ step, sheet, dialect }) => {
      let armed = false;
      const host = await workbookWithHistory((s, name) => armed && s === step && name === sheet);
      const before = await snapshot(host);
      const events: ChangeEvent[] = [];
      host.onChange((e) => events.push(e));
      const plans = planModel(["roi", "stress"], OPTIONS);

      armed = true;
      const error = await host.applyPlans(plans, { dialect, policies: { ROI: "replace" } }).then(
        () => null,
        (e: unknown) => e,
      );

      expect(error).toBeInstanceOf(ApplyError);
      expect(error).toMatchObject({ sheet, step: APPLY_STEP_WORDS[step] });
      expect((error as ApplyError).message).toContain(`"${sheet}"`);
      expect((error as ApplyError).message).toContain(`"${APPLY_STEP_WORDS[step]}"`);
      expect((error as ApplyError).message).not.toMatch(/\.\./);
      expect(await snapshot(host)).toEqual(before);
      expect(events).toEqual([]);

      // The workbook still works: the same build succeeds once nothing fails.
      armed = false;
      const result = await host.applyPlans(plans, { dialect, policies: { ROI: "replace" } });
      expect(result.sheets.map((s) => [s.sheet, s.outcome])).toEqual([
        ["ROI", "replaced"],
        ["Stress", "created"],
      ]);
      expect((await host.readNames(["AgentsAfter"])).AgentsAfter).toEqual([[41]]);
    },
  );

  it("the snapshot it compares would see a half-built sheet (the test can fail)", async () => {
    const host = await workbookWithHistory();
    const before = await snapshot(host);
    await host.applyPlans(planModel(["stress"], OPTIONS), { dialect: "live" });
    expect(await snapshot(host)).not.toEqual(before);
  });
});
