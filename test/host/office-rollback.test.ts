/**
 * What OfficeHost leaves behind when Excel fails part-way through a build: the workbook as it
 * was, the user's content, inputs and names untouched.
 */
import { OfficeHost } from "../../src/host/office";
import { ApplyError, type ApplyOptions } from "../../src/host/workbook-host";
import { TEMPLATES } from "../../src/templates/index";
import { DEFAULT_OPTIONS, type SheetPlan } from "../../src/templates/plan";
import { roiTemplate } from "../../src/templates/roi";
import { FakeExcel, fakeExcelRun, FakeRichApiError } from "./excel-fake";
import { AT, ABS, BASE, setup, roiPlan, completeModel } from "./office-support";

// ---- failure part-way ---------------------------------------------------------------------------------

describe("OfficeHost after a failure part-way", () => {
  /** A workbook with user content, an earlier ROI build with an edited input, and a user name. */
  async function seeded(): Promise<{ excel: FakeExcel; host: OfficeHost }> {
    const { excel, host } = setup();
    excel.seedSheet("Notes", { A1: "My notes", B2: 42, C3: "=B2*2" });
    excel.seedName("MyRate", "=Notes!$B$2");
    await host.applyPlans([roiPlan()], { dialect: "live" });
    excel.userEdit("ROI", AT.AgentsAfter, 40);
    await excel.idle();
    return { excel, host };
  }

  const rebuild = (): SheetPlan[] => [
    roiTemplate({ ...DEFAULT_OPTIONS, linkedTo: ["stress"] }),
    TEMPLATES.stress({ ...DEFAULT_OPTIONS, linkedTo: ["roi"] }),
  ];
  const replace = { dialect: "live" as const, policies: { ROI: "replace" as const } };

  /**
   * Injects a failure at each of many operations of one apply (every one of the first requests
   * and of the commit, a sample in between) and checks the workbook comes back exactly.
   */
  async function expectRollbackEverywhere(
    seed: () => Promise<{ excel: FakeExcel; host: OfficeHost }>,
    plans: () => SheetPlan[],
    options: ApplyOptions,
    sheets: readonly string[],
  ): Promise<number> {
    const dry = await seed();
    const start = dry.excel.operations;
    await dry.host.applyPlans(plans(), options);
    const end = dry.excel.operations - start;
    const built = dry.excel.snapshot();
    const points = [
      ...new Set([
        ...Array.from({ length: 12 }, (_, i) => i),
        ...Array.from({ length: 25 }, (_, i) => Math.floor((i * end) / 25)),
        ...Array.from({ length: 40 }, (_, i) => end - 1 - i),
      ]),
    ].filter((k) => k >= 0 && k < end);
    for (const k of points) {
      const { excel, host } = await seed();
      const before = excel.snapshot();
      excel.failAt(k);
      const error = await host.applyPlans(plans(), options).then(
        () => null,
        (e: unknown) => e,
      );
      if (error === null) {
        // A failure in the clean-up after the commit: the build stands, and the next start of
        // the pane removes the replaced sheet that was left set aside.
        expect((await host.recoverInterrupted()).restored).toEqual([]);
        expect([k, excel.snapshot()]).toEqual([k, built]);
        continue;
      }
      expect([k, error]).toEqual([k, expect.any(ApplyError)]);
      const applyError = error as ApplyError;
      expect(sheets).toContain(applyError.sheet);
      expect(applyError.step).not.toBe("");
      // The kind lets the pane word the failed step in its own language, as it words progress.
      expect([k, applyError.kind]).toEqual([k, expect.any(String)]);
      expect(applyError.message).toMatch(/The workbook was left as it was\.|Nothing was changed\./);
      expect(applyError.message).not.toMatch(/\.\./);
      expect([k, excel.snapshot()]).toEqual([k, before]);
    }
    return points.length;
  }

  it("leaves the workbook exactly as it was, whichever operation of a rebuild fails", async () => {
    const tried = await expectRollbackEverywhere(seeded, rebuild, replace, ["ROI", "Stress"]);
    expect(tried).toBeGreaterThan(60);
  }, 120_000);

  it("leaves it exactly as it was when the failure comes in a keep-both copy or a table's rename", async () => {
    const seed = async (): Promise<{ excel: FakeExcel; host: OfficeHost }> => {
      const { excel, host } = await seeded();
      await host.applyPlans([TEMPLATES.portfolio({ ...BASE, linkedTo: [] })], { dialect: "live" });
      return { excel, host };
    };
    const plans = (): SheetPlan[] => [roiPlan(), TEMPLATES.portfolio({ ...BASE, linkedTo: [] })];
    const options = {
      dialect: "live" as const,
      policies: { Portfolio: "replace" as const, ROI: "keepBoth" as const },
    };
    const tried = await expectRollbackEverywhere(seed, plans, options, ["ROI", "Portfolio"]);
    expect(tried).toBeGreaterThan(60);
  }, 120_000);

  it("names the step Excel failed at: a chart on the Stress sheet", async () => {
    const { excel, host } = await seeded();
    const before = excel.snapshot();
    let charts = 0; // the ROI sheet's chart comes first, then the Stress sheet's
    excel.failWhen((op) => op.location === "ChartCollection.add" && ++charts === 2);
    const error = (await host.applyPlans(rebuild(), replace).catch((e: unknown) => e)) as ApplyError;
    expect(error).toBeInstanceOf(ApplyError);
    expect(error.sheet).toBe("Stress");
    // The Stress sheet's three charts go to Excel in one request, and Excel's error names the
    // member (ChartCollection.add), not which call: the step is what they share, their kind.
    expect(error.step).toBe("charts");
    expect(error.kind).toBe("charts");
    expect(error.message).toMatch(
      /Building sheet "Stress" failed at step "charts": There was an internal error while processing the request\. The workbook was left as it was\.$/,
    );
    expect(excel.snapshot()).toEqual(before);
  });

  it("lets a build stand when only deleting the replaced sheet fails, and the next start removes it", async () => {
    const { excel, host } = await seeded();
    excel.failWhen((op) => op.location === "Worksheet.delete");
    const result = await host.applyPlans(rebuild(), replace);
    expect(result.sheets.map((s) => [s.sheet, s.outcome])).toEqual([
      ["ROI", "replaced"],
      ["Stress", "created"],
    ]);
    expect(excel.sheetNames()).toContain("~genai-old-1");
    expect(excel.name("AgentsAfter")).toBe(`=ROI!${ABS.AgentsAfter}`);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(40);
    excel.failWhen(() => false);
    expect(await host.recoverInterrupted()).toEqual({ restored: [], removed: ["~genai-old-1"], kept: [] });
    expect(excel.sheetNames()).not.toContain("~genai-old-1");
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(40);
  });

  it("reports a request Excel on the web would reject and leaves nothing behind", async () => {
    const { excel, run, isSetSupported } = fakeExcelRun({ requestLimitBytes: 1_000_000 });
    const host = new OfficeHost(run, { isSetSupported });
    const before = excel.snapshot();
    const error = (await host
      .applyPlans(completeModel(2000), { dialect: "live" })
      .catch((e: unknown) => e)) as ApplyError;
    expect(error).toBeInstanceOf(ApplyError);
    expect((error.cause as FakeRichApiError).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.snapshot()).toEqual(before);
  });
});
