/**
 * OfficeHost reading the workbook (names, values, changes), writing inputs, and opening a shareable
 * copy as a new workbook.
 */
import { bytesToBase64, OfficeHost } from "../../src/host/office";
import { setup, roiPlan } from "./office-support";

// ---- reading, writing inputs, events -----------------------------------------------------------------

describe("OfficeHost reads, writes inputs and reports changes", () => {
  it("locates workbook names on their sheet, and gives null for unknown names", async () => {
    const { host } = setup();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "live" });
    const where = await host.locateNames(["AgentsAfter", "NoSuchName"]);
    const expected = plan.names.find((n) => n.name === "AgentsAfter")?.range.replace(/\$/g, "");
    expect(where.AgentsAfter).toEqual({ sheet: "ROI", address: expected });
    expect(where.NoSuchName).toBeNull();
  });

  it("reads values with empty cells as null and errors as their text", async () => {
    const { excel, host } = setup();
    excel.seedSheet("Data", { A1: 1, B1: "text", A2: true, B2: "#N/A" });
    expect(await host.readRange("Data", "A1:C2")).toEqual([
      [1, "text", null],
      [true, "#N/A", null],
    ]);
  });

  it("passes on Excel's own error for a sheet that is not there", async () => {
    const { host } = setup();
    await expect(host.readRange("Nowhere", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(host.writeCells([{ sheet: "Nowhere", address: "A1", values: [[1]] }])).rejects.toMatchObject(
      {
        code: "ItemNotFound",
      },
    );
  });

  it("writes input values only: a string that starts with = stays text, null clears", async () => {
    const { excel, host } = setup();
    excel.seedSheet("Data", { A1: 1, B1: 2 });
    await host.writeCells([{ sheet: "Data", address: "A1:C1", values: [["=B1*2", null, 3.5]] }]);
    expect(excel.cell("Data", "A1")).toEqual({ formula: null, value: "=B1*2" });
    expect(excel.cell("Data", "B1")).toBeNull();
    expect(excel.cell("Data", "C1")?.value).toBe(3.5);
    // One sync reads what the cells hold (a formula of the user's is never overwritten), one writes.
    expect(excel.stats.syncs).toBe(2);
  });

  it("reports a user's edit and its own writes, and stops after unsubscribing", async () => {
    const { excel, host } = setup({ apiVersion: "1.14" });
    excel.seedSheet("Data");
    const events: { sheets: readonly string[]; source: string }[] = [];
    const unsubscribe = host.onChange((e) => events.push(e));
    await excel.idle();
    expect(excel.handlerCount).toBe(2);
    excel.userEdit("Data", "A1", 5);
    await excel.idle();
    expect(events).toContainEqual({ sheets: ["Data"], source: "user" });
    await host.writeCells([{ sheet: "Data", address: "B1", values: [[6]] }]);
    await excel.idle();
    expect(events).toContainEqual({ sheets: ["Data"], source: "addin" });
    unsubscribe();
    await excel.idle();
    expect(excel.handlerCount).toBe(0);
    const seen = events.length;
    excel.userEdit("Data", "A1", 7);
    await excel.idle();
    expect(events).toHaveLength(seen);
  });

  it("tells its own writes from the user's without ExcelApi 1.14's trigger source", async () => {
    const { excel, host } = setup({ apiVersion: "1.9" });
    excel.seedSheet("Data");
    const events: { sheets: readonly string[]; source: string }[] = [];
    host.onChange((e) => events.push(e));
    await excel.idle();
    await host.writeCells([{ sheet: "Data", address: "B1", values: [[6]] }]);
    await excel.idle();
    excel.userEdit("Data", "A1", 5);
    await excel.idle();
    expect(events.filter((e) => e.sheets[0] === "Data").map((e) => e.source)).toEqual(["addin", "user"]);
  });

  it("lists sheets with emptiness and the template that built them", async () => {
    const { excel, host } = setup();
    excel.seedSheet("Notes", { A1: "x" });
    await host.applyPlans([roiPlan()], { dialect: "live" });
    expect(await host.listSheets()).toEqual([
      { name: "Sheet1", empty: true, template: null, templateVersion: null, drivesModel: false },
      { name: "Notes", empty: false, template: null, templateVersion: null, drivesModel: false },
      { name: "ROI", empty: false, template: "roi", templateVersion: roiPlan().version, drivesModel: true },
    ]);
  });
});

// ---- the shareable copy ------------------------------------------------------------------------

describe("OfficeHost opens a shareable copy as a new workbook", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it("hands Excel.createWorkbook the file as base64", async () => {
    // Excel.createWorkbook is a static of the Excel namespace, outside the request context the
    // recording fake stands in for: a stand-in global records the call.
    const createWorkbook = jest.fn((_base64?: string) => Promise.resolve());
    (globalThis as { Excel?: unknown }).Excel = { createWorkbook };
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    await new OfficeHost().createWorkbook(bytes);
    expect(createWorkbook).toHaveBeenCalledTimes(1);
    expect(Buffer.from(createWorkbook.mock.calls[0][0]!, "base64").equals(Buffer.from(bytes))).toBe(true);
  });

  it("encodes bytes as base64 in slices, the same as Node's encoder", () => {
    for (const length of [0, 1, 2, 3, 0x8000, 0x8001, 100_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });
});
