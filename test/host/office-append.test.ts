/**
 * The pane's Add line and the linked Stress sheet's append through OfficeHost, against the
 * recording fake, whose Table.rows.add grows a table as Excel does (the cells below move down,
 * calculated columns fill into the new rows). What it protects: the third line of a blank model
 * grows the Benefits table with its inputs and the calculated columns of the row above, and the
 * Stress table then gets the row it lacks, holding the same formulas as every other row, so it
 * shows the new line with no rebuild.
 */
import { OfficeHost } from "../../src/host/office";
import { relativeForm } from "../../src/host/formula-rows";
import { parseRange, rangeAddress } from "../../src/shared/a1";
import { addLine, keepStressInStep } from "../../src/taskpane/model/line-add";
import { planCompleteModel } from "../../src/templates/index";
import { fakeExcelRun, type FakeExcel } from "./excel-fake";

const BLANK = { data: "blank" as const, currency: "NT$", locale: "en" as const };

function setup(): { excel: FakeExcel; host: OfficeHost } {
  const { excel, run, isSetSupported } = fakeExcelRun({});
  return { excel, host: new OfficeHost(run, { isSetSupported }) };
}

function tableRange(excel: FakeExcel, name: string): ReturnType<typeof parseRange> {
  const table = excel.state.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return parseRange(table.range);
}

/** The formulas of a table body row, each in relative form (alike on every row of a calculated column). */
function rowForms(
  excel: FakeExcel,
  sheet: string,
  row: number,
  left: number,
  right: number,
): (string | null)[] {
  return Array.from({ length: right - left + 1 }, (_, i) => {
    const cell = excel.cell(sheet, rangeAddress({ top: row, left: left + i, bottom: row, right: left + i }));
    return cell?.formula ? relativeForm(cell.formula, row) : null;
  });
}

describe("OfficeHost appends table rows as Excel does", () => {
  it("grows the Benefits table for a third line, then the linked Stress table by the row it lacks", async () => {
    const { excel, host } = setup();
    await host.applyPlans(planCompleteModel(BLANK), { dialect: "live" });
    const benefits = tableRange(excel, "Benefits");
    const stress = tableRange(excel, "StressLineItems");
    expect(stress.bottom - stress.top).toBe(4);

    const added = [];
    for (const [label, amount] of [
      ["Lawyer hours saved", 2_400_000],
      ["Faster deal closing", 1_500_000],
      ["Fewer missed clauses", 600_000],
    ] as const)
      added.push(await addLine(host, { kind: "benefit", label, amount }, "en"));
    expect(added.map((a) => a.appended)).toEqual([false, false, true]);

    // The table grew by one row; the new row holds its inputs and the row above's formulas.
    const grown = tableRange(excel, "Benefits");
    expect(grown.bottom).toBe(benefits.bottom + 1);
    const last = grown.bottom;
    expect(excel.cell("ROI", rangeAddress({ top: last, left: 0, bottom: last, right: 0 }))?.value).toBe(
      "Fewer missed clauses",
    );
    const above = rowForms(excel, "ROI", last - 1, grown.left, grown.right);
    const added3 = rowForms(excel, "ROI", last, grown.left, grown.right);
    above.forEach((form, i) => {
      if (form !== null) expect(added3[i]).toBe(form);
    });
    // The names over the table's columns follow it.
    const labels = (await host.readNames(["RoiBenefitLabels"])).RoiBenefitLabels;
    expect(labels).toHaveLength(3);

    // Five lines (three benefits, a blank model's two cost rows) for four Stress rows: one appended.
    expect(await keepStressInStep(host)).toBe(1);
    const after = tableRange(excel, "StressLineItems");
    expect(after.bottom).toBe(stress.bottom + 1);
    const first = rowForms(excel, "Stress", after.top + 1, after.left, after.right);
    for (let row = after.top + 2; row <= after.bottom; row++)
      expect(rowForms(excel, "Stress", row, after.left, after.right)).toEqual(first);
    expect(first.every((form) => form !== null)).toBe(true);
    expect((await host.readNames(["StressLabels"])).StressLabels).toHaveLength(5);
    // In step now: nothing more to append.
    expect(await keepStressInStep(host)).toBe(0);
  }, 120_000);

  it("leaves a reference to the table's last line on that line when rows are appended", async () => {
    const { excel, host } = setup();
    await host.applyPlans(planCompleteModel(BLANK), { dialect: "live" });
    for (const [label, amount] of [
      ["Lawyer hours saved", 2_400_000],
      ["Faster deal closing", 1_500_000],
    ] as const)
      await addLine(host, { kind: "benefit", label, amount }, "en");
    // The user names the last line's label and amount (a name follows its cells in Excel, as
    // every reference does): appending must not slide a new line under it.
    const body = tableRange(excel, "Benefits");
    const roi = excel.state.sheets.find((s) => s.name === "ROI");
    if (!roi) throw new Error("no ROI sheet");
    const last = rangeAddress({ top: body.bottom, left: 0, bottom: body.bottom, right: 0 }, true);
    const lastAmount = rangeAddress({ top: body.bottom, left: 5, bottom: body.bottom, right: 5 }, true);
    excel.state.names.set("lastline", { name: "LastLine", ref: { sheet: roi, address: last }, comment: "" });
    excel.state.names.set("lastamount", {
      name: "LastAmount",
      ref: { sheet: roi, address: lastAmount },
      comment: "",
    });
    expect(await host.readNames(["LastLine", "LastAmount"])).toEqual({
      LastLine: [["Faster deal closing"]],
      LastAmount: [[1_500_000]],
    });

    await addLine(host, { kind: "benefit", label: "Fewer missed clauses", amount: 600_000 }, "en");
    await addLine(host, { kind: "benefit", label: "Outside counsel avoided", amount: 300_000 }, "en");
    expect(tableRange(excel, "Benefits").bottom).toBe(body.bottom + 2);
    expect((await host.locateNames(["LastLine"])).LastLine?.address.replace(/\$/g, "")).toBe(
      last.replace(/\$/g, ""),
    );
    expect(await host.readNames(["LastLine", "LastAmount"])).toEqual({
      LastLine: [["Faster deal closing"]],
      LastAmount: [[1_500_000]],
    });
    // The lines in the order added, the new ones after the last, and the table's names over them.
    expect((await host.readNames(["RoiBenefitLabels"])).RoiBenefitLabels).toEqual([
      ["Lawyer hours saved"],
      ["Faster deal closing"],
      ["Fewer missed clauses"],
      ["Outside counsel avoided"],
    ]);
    // Each new row holds the calculated columns of the row above, in relative form.
    const grown = tableRange(excel, "Benefits");
    const above = rowForms(excel, "ROI", body.bottom, grown.left, grown.right);
    for (const row of [grown.bottom - 1, grown.bottom])
      rowForms(excel, "ROI", row, grown.left, grown.right).forEach((form, i) => {
        if (above[i] !== null && i > 11) expect(form).toBe(above[i]);
      });
  }, 120_000);
});
