/**
 * Failures leave nothing behind: when a build fails and undoing it fails too (the connection is
 * lost), the temporary and set-aside sheets it leaves are put right by the next build or pane
 * start (recoverInterrupted), which says what it restored.
 */
import { OfficeHost } from "../../src/host/office";
import { ApplyError } from "../../src/host/workbook-host";
import { roiTemplate } from "../../src/templates/roi";
import { TEMPLATES } from "../../src/templates/index";
import { DEFAULT_OPTIONS } from "../../src/templates/plan";
import { fakeExcelRun } from "./excel-fake";

/** Where the ROI sheet's "agents after AI" input sits, and its absolute form in a name. */
const AGENTS_AFTER = roiTemplate(DEFAULT_OPTIONS)
  .names.find((n) => n.name === "AgentsAfter")!
  .range.replace(/\$/g, "");
const AGENTS_AFTER_ABS = AGENTS_AFTER.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

async function builtWithEdit(): Promise<{
  excel: ReturnType<typeof fakeExcelRun>["excel"];
  host: OfficeHost;
}> {
  const { excel, run, isSetSupported } = fakeExcelRun();
  const host = new OfficeHost(run, { isSetSupported });
  await host.applyPlans([roiTemplate(DEFAULT_OPTIONS)], { dialect: "live" });
  excel.userEdit("ROI", AGENTS_AFTER, 40);
  await excel.idle();
  return { excel, host };
}

const plans = () => [
  roiTemplate({ ...DEFAULT_OPTIONS, linkedTo: ["stress"] }),
  TEMPLATES.stress({ ...DEFAULT_OPTIONS, linkedTo: ["roi"] }),
];

describe("OfficeHost after a build whose undo failed too", () => {
  it.each([
    ["while the sheets are built: the temporary sheets go", "Range.formulas", 3, []],
    ["after the old sheet stepped aside: it comes back", "NamedItem.formula", 1, ["ROI"]],
    ["once the rebuilt ROI sheet was committed: the set-aside sheet goes", "NamedItemCollection.add", 1, []],
  ])("recovers what a lost connection left %s", async (_, location, nth, restored) => {
    const { excel, host } = await builtWithEdit();
    const before = excel.snapshot();
    let seen = 0;
    // From the failing operation on, every request fails: the rollback cannot run either.
    excel.loseConnectionWhen((op) => op.location === location && ++seen === nth);

    const error = (await host
      .applyPlans(plans(), { dialect: "live" })
      .catch((e: unknown) => e)) as ApplyError;

    expect(error).toBeInstanceOf(ApplyError);
    expect(error.restored).toBe(false);
    expect(error.message).toMatch(/next build or the next start of the pane restores what it left\.$/);
    expect(error.message).not.toMatch(/\.\./);
    expect(excel.sheetNames().some((n) => n.startsWith("~genai-"))).toBe(true);

    excel.failWhen(() => false);
    const recovery = await host.recoverInterrupted();

    expect(excel.sheetNames().filter((n) => n.startsWith("~genai-"))).toEqual([]);
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI"]);
    expect(excel.cell("ROI", AGENTS_AFTER)?.value).toBe(40);
    expect(excel.name("AgentsAfter")).toBe(`=ROI!${AGENTS_AFTER_ABS}`);
    expect(recovery.restored).toEqual(restored);
    expect(recovery.removed.length).toBeGreaterThan(0);
    // Unless the rebuild had committed, the user's sheet is back exactly as it was.
    const sheet = (s: typeof before) => s.sheets.find((x) => x.name === "ROI");
    if (location !== "NamedItemCollection.add") expect(sheet(excel.snapshot())).toEqual(sheet(before));
    expect(await host.recoverInterrupted()).toEqual({ restored: [], removed: [], kept: [] });
  });
});
