/**
 * Opening and saving the preview's workbook as .xlsx, and keeping it in the browser's storage
 * (the worker's WorkbookSession, here on Node with a Map for storage):
 *
 * - a saved model opens again as the model, rebuilt from the templates with the user's inputs,
 *   and every cell of every sheet shows what it showed before saving; a sheet of the user's own
 *   comes back with its values and formulas;
 * - a workbook some other program wrote opens as plain sheets beside the open model;
 * - a sheet of another layout version is not rebuilt on the wrong cells;
 * - the session stores the workbook, restores it in a new session (a reload), and says whether it
 *   has unsaved changes.
 */
import ExcelJS from "exceljs";
import { MemoryHost } from "../../src/host/memory";
import { MARKER_SHEET, readModelMarker } from "../../src/export/model-marker";
import { planExtent } from "../../src/templates/cells";
import { columnLetters } from "../../src/shared/a1";
import { planCompleteModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { modelPlans, readWorkbookFile, saveWorkbookFile } from "../../src/preview/workbook-file";
import {
  PERSIST_MAX_WAIT_MS,
  type StoredWorkbook,
  WorkbookSession,
} from "../../src/preview/workbook-session";
import { readXlsx } from "../export/export-support";
import { MapStore, reopen } from "./workbook-file-support";
import { nameCell, snapshot } from "../host/memory-support";
import { sheetView } from "../../src/preview/sheet-view";

const OPTIONS = { data: "sample", currency: "US$", locale: "zh-TW", rows: 20 } as const;
const NOW = new Date("2026-03-01T09:00:00Z");
const plans = planCompleteModel(OPTIONS);
const planOf = (template: SheetPlan["template"]): SheetPlan => plans.find((p) => p.template === template)!;

async function editedModel(): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(plans, { dialect: "live" });
  await host.writeCells([
    { sheet: "ROI", address: nameCell(planOf("roi"), "AgentsAfter"), values: [[40]] },
    { sheet: "Portfolio", address: "C11", values: [[1]] },
    { sheet: "Stress", address: nameCell(planOf("stress"), "Scenario"), values: [["Worst"]] },
  ]);
  host.addSheet("Notes", [
    ["ROI times 100", "=AnnualROI*100"],
    ["typed", 7],
  ]);
  return host;
}

/** Every cell value of a sheet over the plan's extent (or the given rectangle). */
async function values(host: MemoryHost, sheet: string, plan?: SheetPlan): Promise<unknown> {
  const { rows, columns } = plan ? planExtent(plan) : { rows: 2, columns: 2 };
  return host.readRange(sheet, `A1:${columnLetters(columns - 1)}${rows}`);
}

describe("saving and opening the preview's workbook", () => {
  let original: MemoryHost;
  let bytes: Uint8Array;
  beforeAll(async () => {
    original = await editedModel();
    bytes = await saveWorkbookFile(original, NOW, ExcelJS);
  }, 120_000);

  it("marks the saved model with the template, sheet, layout version, language, currency and rows", async () => {
    const workbook = await readXlsx(bytes);
    expect(workbook.getWorksheet(MARKER_SHEET)?.state).toBe("hidden");
    expect(readModelMarker(workbook)).toEqual(
      plans.map((p) => ({
        template: p.template,
        sheet: p.sheet,
        version: p.version,
        locale: "zh-TW",
        currency: "US$",
        rows: p.template === "portfolio" ? 20 : null,
        // The sample's three benefit and five cost lines: what a reopened ROI sheet is rebuilt with.
        lines: p.template === "roi" ? { benefits: 3, costs: 5 } : null,
        data: p.template === "roi" ? "sample" : null,
      })),
    );
  });

  it("opens the saved file as the model with the user's inputs, and every output is as before", async () => {
    const file = await readWorkbookFile(bytes, ExcelJS);
    expect(file.plans.map((p) => p.sheet)).toEqual(["Portfolio", "Rollout", "ROI", "Stress"]);
    expect(file.sheets.map((s) => s.name)).toEqual(["Notes"]);
    expect(file.notes).toEqual([]);
    const reopened = await reopen(bytes);
    for (const plan of plans)
      expect(await values(reopened, plan.sheet, plan)).toEqual(await values(original, plan.sheet, plan));
    expect(await values(reopened, "Notes")).toEqual(await values(original, "Notes"));
    // The inputs are inputs again, the formulas live ones: the model recalculates.
    expect((await reopened.readRange("ROI", nameCell(planOf("roi"), "AgentsAfter")))[0][0]).toBe(40);
    const view = sheetView(reopened, "ROI");
    expect(view.cells.flat().some((c) => c?.formula?.includes("GENAI."))).toBe(true);
    expect((await reopened.readRange("Notes", "B1"))[0][0]).toEqual(
      (await original.readRange("Notes", "B1"))[0][0],
    );
  });

  it("saves what it opened the same way again (a second round trip changes nothing)", async () => {
    const reopened = await reopen(bytes);
    const again = await reopen(await saveWorkbookFile(reopened, NOW, ExcelJS));
    expect(await snapshot(again)).toEqual(await snapshot(reopened));
  });

  it("opens a sheet of another layout version as a plain sheet, not rebuilt on the wrong cells", async () => {
    const workbook = await readXlsx(bytes);
    const marker = workbook.getWorksheet(MARKER_SHEET)!;
    const roiRow = [4, 5, 6, 7].find((r) => marker.getCell(r, 1).value === "roi")!;
    marker.getCell(roiRow, 3).value = 999;
    const changed = new Uint8Array(await workbook.xlsx.writeBuffer());
    const file = await readWorkbookFile(changed, ExcelJS);
    expect(file.plans.map((p) => p.template)).toEqual(["portfolio", "rollout", "stress"]);
    expect(file.sheets.map((s) => s.name)).toEqual(["ROI", "Notes"]);
    expect(file.notes.join(" ")).toMatch(/layout version 999/);
  });
});

describe("a workbook some other program wrote", () => {
  it("opens as plain sheets beside the open model, under free names", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("ROI");
    ws.getCell("A1").value = 2;
    ws.getCell("A2").value = 3;
    ws.getCell("A3").value = { formula: "A1*A2", result: 6 };
    ws.getCell("B1").value = "=not a formula";
    workbook.addWorksheet("Budget").getCell("C2").value = new Date(Date.UTC(2026, 0, 1));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const store = new MapStore();
    const session = new WorkbookSession(store, 1);
    await session.ready();
    await session.current().applyPlans(plans, { dialect: "live" });
    const report = await session.openWorkbook(bytes, "foreign.xlsx");
    expect(report).toEqual({ kind: "sheets", sheets: ["ROI (2)", "Budget"], notes: [] });
    const host = session.current();
    expect((await host.listSheets()).map((s) => s.name)).toEqual([
      "Portfolio",
      "Rollout",
      "ROI",
      "Stress",
      "ROI (2)",
      "Budget",
    ]);
    expect(await host.readRange("ROI (2)", "A1:B3")).toEqual([
      [2, "=not a formula"],
      [3, null],
      [6, null],
    ]);
    // 2026-01-01 is day 46023 in Excel's 1900 date system.
    expect(await host.readRange("Budget", "C2")).toEqual([[46023]]);
    expect(session.status().unsaved).toBe(true);
  });
});

describe("the session in the browser's storage", () => {
  it("stores a change once the page has stopped reading it, and never later than PERSIST_MAX_WAIT_MS", async () => {
    // Storing a large model takes the worker a while: taken while the page still reads an edit's
    // results, it delayed what the edit shows; put off for ever, a change would never be kept.
    const store = new MapStore();
    const session = new WorkbookSession(store, 400);
    await session.ready();
    await session.current().applyPlans(plans, { dialect: "live" });
    await session.flush();
    const agents = nameCell(planOf("roi"), "AgentsAfter");
    jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask", "setImmediate"] });
    try {
      // A quiet page: stored PERSIST_DELAY_MS after the change.
      let saves = store.saves;
      await session.current().writeCells([{ sheet: "ROI", address: agents, values: [[41]] }]);
      jest.advanceTimersByTime(399);
      expect(store.saves).toBe(saves);
      jest.advanceTimersByTime(1);
      expect(store.saves).toBe(saves + 1);

      // A page that keeps reading every 300 ms: nothing is stored while it reads...
      saves = store.saves;
      await session.current().writeCells([{ sheet: "ROI", address: agents, values: [[43]] }]);
      let waited = 0;
      for (; waited + 300 < PERSIST_MAX_WAIT_MS; waited += 300) {
        expect(session.lookup("sheetView")).toBeDefined();
        jest.advanceTimersByTime(300);
        expect(store.saves).toBe(saves);
      }
      // ...until the change has waited PERSIST_MAX_WAIT_MS, reads or not.
      session.lookup("sheetView");
      jest.advanceTimersByTime(PERSIST_MAX_WAIT_MS - waited);
      expect(store.saves).toBe(saves + 1);
      expect((store.value as StoredWorkbook).snapshot).toEqual(session.current().snapshot());
    } finally {
      jest.useRealTimers();
    }
  });

  it("stores the workbook as it changes and a new session (a reload) restores all of it", async () => {
    const store = new MapStore();
    const first = new WorkbookSession(store, 1);
    await first.ready();
    await first.current().applyPlans(plans, { dialect: "live" });
    await first
      .current()
      .writeCells([{ sheet: "ROI", address: nameCell(planOf("roi"), "AgentsAfter"), values: [[42]] }]);
    expect(first.status()).toMatchObject({ unsaved: true, stored: false });
    await first.flush();
    expect(first.status()).toMatchObject({ unsaved: true, stored: true, storeError: null });

    const reloaded = new WorkbookSession(store, 1);
    await reloaded.ready();
    expect(reloaded.status()).toMatchObject({ unsaved: true, stored: true, generation: 1 });
    expect(await snapshot(reloaded.current())).toEqual(await snapshot(first.current()));
  });

  it("counts the workbook as saved once it is saved to a file, and says so after a reload", async () => {
    const store = new MapStore();
    const session = new WorkbookSession(store, 1);
    await session.ready();
    await session.current().applyPlans(plans, { dialect: "live" });
    const saved = await session.saveWorkbook(NOW.toISOString());
    expect(saved.fileName).toBe("genai-business-case-2026-03-01.xlsx");
    expect(session.status().unsaved).toBe(false);
    await session.flush();
    const reloaded = new WorkbookSession(store, 1);
    await reloaded.ready();
    expect(reloaded.status()).toMatchObject({ unsaved: false, fileName: saved.fileName });
    expect(await modelPlans(reloaded.current())).toHaveLength(4);
  });

  it("reports a storage that refuses the write instead of claiming the workbook is kept", async () => {
    const store = new MapStore();
    store.save = () => Promise.reject(new Error("QuotaExceededError"));
    const session = new WorkbookSession(store, 1);
    await session.ready();
    session.current().addSheet("Sheet1", [[1]]);
    await session.current().writeCells([{ sheet: "Sheet1", address: "A1", values: [[2]] }]);
    await session.flush();
    expect(session.status()).toMatchObject({
      stored: false,
      storeError: "QuotaExceededError",
      restoreFailed: false,
    });
  });

  it("says a kept workbook could not be restored as a restore, not a write, and leaves it stored", async () => {
    const store = new MapStore();
    store.load = () => Promise.reject(new Error("UnknownError"));
    const session = new WorkbookSession(store, 1);
    await session.ready();
    // The frame words it from these two (FileBar), in its own language.
    expect(session.status()).toMatchObject({ storeError: "UnknownError", restoreFailed: true });
  });
});
