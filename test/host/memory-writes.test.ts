/**
 * writeCells writes input values only: a formula, a write over a calculated cell, a write into a
 * non-input cell of a template sheet and a value its validation refuses are each rejected with a
 * message that names the cell, and nothing of the call is written.
 */
import { MemoryHost } from "../../src/host/memory";
import { CellWriteError } from "../../src/host/memory-writes";
import type { CellWrite, ChangeEvent } from "../../src/host/workbook-host";
import { nameCell, roiPlan, snapshot } from "./memory-support";

async function setUp(): Promise<{ host: MemoryHost; events: ChangeEvent[] }> {
  const host = new MemoryHost();
  await host.applyPlans([roiPlan()], { dialect: "live" });
  host.addSheet("Notes", [[1, "=A1*2"]]);
  const events: ChangeEvent[] = [];
  host.onChange((e) => events.push(e));
  return { host, events };
}

const plan = roiPlan();
const cell = (name: string): string => nameCell(plan, name);

const REJECTED: readonly { what: string; writes: CellWrite[]; message: RegExp }[] = [
  {
    what: "a formula into an input",
    writes: [{ sheet: "ROI", address: cell("AgentsAfter"), values: [["=30+10"]] }],
    message: /ROI!B\d+: formulas cannot be written here, only values \(got "=30\+10"\)/,
  },
  {
    what: "a value over a formula cell",
    writes: [{ sheet: "ROI", address: cell("AnnualBenefits"), values: [[1]] }],
    message: /ROI![A-Z]+\d+: this cell is calculated by a formula/,
  },
  {
    what: "a value over a formula on a user's sheet",
    writes: [{ sheet: "Notes", address: "B1", values: [[5]] }],
    message: /Notes!B1: this cell is calculated by a formula/,
  },
  {
    what: "a value into a label of a template sheet",
    writes: [{ sheet: "ROI", address: "A5", values: [["my label"]] }],
    message: /ROI!A5: this is not an input cell of the roi sheet/,
  },
  {
    what: "a rate above 100%",
    writes: [{ sheet: "ROI", address: cell("DiscountRate"), values: [[1.5]] }],
    message: /Enter a rate from 0% to 100%\. Expected a number from 0 to 1; got 1\.5\./,
  },
  {
    what: "text where a number is expected",
    writes: [{ sheet: "ROI", address: cell("Customers"), values: [["many"]] }],
    message: /Enter zero or a positive number\. Expected a number from 0 to 1000000000000; got "many"\./,
  },
  {
    what: "a good write followed by a bad one in the same call",
    writes: [
      { sheet: "ROI", address: cell("AgentsAfter"), values: [[40]] },
      { sheet: "ROI", address: cell("FxRate"), values: [[-1]] },
    ],
    message: /Enter zero or a positive number/,
  },
  {
    what: "values of the wrong shape for the range",
    writes: [{ sheet: "ROI", address: `${cell("AgentsBefore")}:${cell("AgentsAfter")}`, values: [[50]] }],
    message: /is 2×1 cells; the values given do not have that shape/,
  },
];

describe("writeCells in MemoryHost", () => {
  it.each(REJECTED)("rejects $what with a clear message and changes nothing", async ({ writes, message }) => {
    const { host, events } = await setUp();
    const before = await snapshot(host);
    const error = await host.writeCells(writes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CellWriteError);
    expect((error as Error).message).toMatch(message);
    expect(await snapshot(host)).toEqual(before);
    expect(events).toEqual([]);
  });

  it("rejects a write to a sheet that does not exist", async () => {
    const { host } = await setUp();
    await expect(host.writeCells([{ sheet: "Nope", address: "A1", values: [[1]] }])).rejects.toThrow(
      /no sheet named "Nope"/,
    );
  });

  it("accepts inputs within their rules, a blank, and values on a user's own sheet", async () => {
    const { host, events } = await setUp();
    await host.writeCells([
      { sheet: "ROI", address: cell("DiscountRate"), values: [[0.08]] },
      { sheet: "ROI", address: cell("ApiMonthlyBudget"), values: [[null]] },
      { sheet: "Notes", address: "A1:A2", values: [[4], ["text"]] },
    ]);
    expect((await host.readNames(["DiscountRate"])).DiscountRate).toEqual([[0.08]]);
    expect(await host.readRange("Notes", "A1:B2")).toEqual([
      [4, 8],
      ["text", null],
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].source).toBe("user");
    expect([...events[0].sheets].sort()).toEqual(["Notes", "ROI"]);
  });
});

describe("locateNames in MemoryHost", () => {
  it("finds where named inputs live, so the pane can write them, and null for unknown names", async () => {
    const { host } = await setUp();
    const where = await host.locateNames(["AgentsAfter", "RoiBenefitBase", "NoSuchName"]);
    expect(where.AgentsAfter).toEqual({ sheet: "ROI", address: cell("AgentsAfter") });
    expect(where.RoiBenefitBase?.address).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    expect(where.NoSuchName).toBeNull();
  });
});
