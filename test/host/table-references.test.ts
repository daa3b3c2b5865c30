/**
 * What Excel and the .xlsx receive for the ROI sheet's line tables: ranges over whole table
 * columns become structured references, so a row typed just below a table (which Excel adds to
 * the table by itself) is inside every total, name and output; the calculated columns carry the
 * formula a new row fills with.
 */
import { parseRange } from "../../src/shared/a1";
import { DEFAULT_OPTIONS, isFormula, type SheetPlan } from "../../src/templates/plan";
import { roiTemplate } from "../../src/templates/roi";
import { COL } from "../../src/templates/roi-lines";
import {
  calculatedColumns,
  structuredCells,
  structuredFormula,
  structuredReference,
  withStructuredReferences,
} from "../../src/host/table-references";

const plan = roiTemplate({ ...DEFAULT_OPTIONS, linkedTo: ["stress"] });
const benefits = plan.tables.find((t) => t.name === "Benefits")!;
const costs = plan.tables.find((t) => t.name === "Costs")!;
const body = (t: { range: string }, letter: string): string => {
  const r = parseRange(t.range);
  return `$${letter}$${r.top + 2}:$${letter}$${r.bottom + 1}`;
};

function allFormulas(p: SheetPlan): string[] {
  return p.blocks.flatMap((b) =>
    b.cells.flatMap((row) => row.flatMap((c) => (isFormula(c) ? [c.live ?? "", c.portable ?? ""] : []))),
  );
}

describe("structured references over the line tables", () => {
  it("names a whole column body, and a span of columns, by header", () => {
    expect(structuredReference(plan, body(benefits, "M"))).toBe("Benefits[In use]");
    expect(structuredReference(plan, body(costs, "A"))).toBe("Costs[Line]");
    const r = parseRange(benefits.range);
    expect(structuredReference(plan, `$N$${r.top + 2}:$P$${r.bottom + 1}`)).toBe(
      "Benefits[[Sim low]:[Sim high]]",
    );
  });

  it("leaves a part of a body, a header or another range as it is", () => {
    const r = parseRange(benefits.range);
    expect(structuredReference(plan, `$M$${r.top + 2}:$M$${r.bottom}`)).toBeNull();
    expect(structuredReference(plan, `$M$${r.top + 1}:$M$${r.bottom + 1}`)).toBeNull();
    expect(structuredReference(plan, "$B$5:$B$9")).toBeNull();
  });

  it("escapes the characters Excel escapes in a header, and uses a build's table name", () => {
    const custom: SheetPlan = {
      ...plan,
      blocks: [
        {
          at: "A1",
          cells: [
            ["Cost [NT$]", "#Calls", "It's"],
            [1, 2, 3],
            [4, 5, 6],
          ],
        },
      ],
      tables: [{ name: "T", range: "A1:C3", calculated: [0] }],
    };
    expect(structuredReference(custom, "$A$2:$C$3")).toBe("T[[Cost '[NT$']]:[It''s]]");
    expect(structuredReference(custom, "$B$2:$B$3", new Map([["T", "GenAI_build_1_1"]]))).toBe(
      "GenAI_build_1_1['#Calls]",
    );
  });

  it("rewrites formulas outside string literals and leaves relative or partial ranges alone", () => {
    const m = body(benefits, "M");
    expect(structuredFormula(plan, `=SUM(${m})+COUNTIF(${m},"${m}")`)).toBe(
      `=SUM(Benefits[In use])+COUNTIF(Benefits[In use],"${m}")`,
    );
    const relative = m.replace(/\$(\d)/g, "$1");
    expect(structuredFormula(plan, `=SUM(${relative})`)).toBe(`=SUM(${relative})`);
  });

  it("leaves no fixed range over a line table in the formulas Excel receives", () => {
    const translated = withStructuredReferences(plan);
    const over = allFormulas(translated).filter((f) =>
      [benefits, costs].some((t) => {
        const r = parseRange(t.range);
        return new RegExp(`\\$${r.top + 2}:\\$?[A-Z]+\\$${r.bottom + 1}(?![0-9])`).test(f);
      }),
    );
    expect(allFormulas(plan).some((f) => f.includes(body(benefits, "M")))).toBe(true);
    expect(over).toEqual([]);
    // The totals rows and the headline outputs read the tables by name.
    const text = allFormulas(translated).join("\n");
    expect(text).toContain("=SUM(Benefits[In use])");
    expect(text).toContain('SUMIF(Costs[Kind],"<>One-off",Costs[In use])');
    expect(structuredCells(plan).length).toBeGreaterThan(2 * 45);
  });
});

describe("calculated columns", () => {
  it("fill the defaults and every calculated column with the first row's formula", () => {
    const columns = calculatedColumns(plan, benefits);
    const r = parseRange(benefits.range);
    const first = r.top + 2;
    expect(columns.map((c) => c.offset)).toEqual(benefits.calculated);
    const risk = columns.find((c) => c.offset === COL.risk)!;
    expect(risk.header).toBe("Risk");
    expect(risk.formula.portable).toBe(`=IF($F${first}="","",BenefitRisk)`);
    const inUse = columns.find((c) => c.offset === COL.inUse)!;
    expect(inUse.formula.portable).toContain(`$F${first}`);
    expect(inUse.formula.portable).not.toContain(`$F${first + 1}`);
  });

  it("take the formula most rows hold, so a kept user formula is an exception", () => {
    const r = parseRange(benefits.range);
    const firstRow = r.top + 1;
    const blocks = plan.blocks.map((b) => {
      if (parseRange(`${b.at}:${b.at}`).top !== r.top) return b;
      return {
        ...b,
        cells: b.cells.map((row, i) =>
          i === 1 ? row.map((c, j) => (j === COL.risk ? { live: "=0.25", portable: "=0.25" } : c)) : row,
        ),
      };
    });
    const edited: SheetPlan = { ...plan, blocks };
    const risk = calculatedColumns(edited, benefits).find((c) => c.offset === COL.risk)!;
    expect(risk.formula.portable).toBe(`=IF($F${firstRow + 1}="","",BenefitRisk)`);
  });
});
