/**
 * Which tables keep the user's row count in a rebuild, and which take at least the plan's: a table
 * whose body holds an input or a line's label has rows of the user's; one that holds only the
 * template's formulas shows lines that live elsewhere and is planned with a row per line. What it
 * protects: every table of the second kind (today the linked Stress table, a row per ROI line) is
 * found by the rule, so none is cut short to the rows it had before the lines were added, and no
 * table of the user's is padded or cut by the plan.
 */
import { keepInto, rowsAreUsers, type KeptSheet } from "../../src/host/kept-content";
import { tableBody } from "../../src/host/plan-rows";
import { planCompleteModel, planModel } from "../../src/templates/index";
import { TEMPLATE_IDS, type SheetPlan } from "../../src/templates/plan";

const variants = (["blank", "sample"] as const).flatMap((data) => {
  const options = { data, currency: "NT$", locale: "en" } as const;
  return [
    ...planCompleteModel(options).map((plan) => ({ label: `${data}, linked`, plan })),
    ...TEMPLATE_IDS.map((id) => ({ label: `${data}, alone`, plan: planModel([id], options)[0] })),
  ];
});

function rows(plan: SheetPlan, table: string): number {
  const b = tableBody(plan, table);
  return b ? b.bottom - b.top + 1 : 0;
}

describe("a table's rows in a rebuild", () => {
  it("are the user's in every table but the linked Stress line table", () => {
    const derived = variants.flatMap(({ label, plan }) =>
      plan.tables.filter((t) => !rowsAreUsers(plan, t.name)).map((t) => `${label}: ${t.name}`),
    );
    expect(derived).toEqual(["blank, linked: StressLineItems", "sample, linked: StressLineItems"]);
  });

  it("follow the kept count in a table of the user's, and are at least the planned count otherwise", () => {
    for (const { label, plan } of variants)
      for (const t of plan.tables) {
        const planned = rows(plan, t.name);
        // The old table had two rows, nothing typed in them.
        const kept: KeptSheet = {
          tables: new Map([[t.name.toLowerCase(), { top: 0, left: 0, cells: [[null], [null]] }]]),
          names: new Map(),
          cells: new Map(),
          notCarried: [],
        };
        const { report } = keepInto(plan, kept);
        const expected = rowsAreUsers(plan, t.name) ? 2 : Math.max(2, planned);
        expect([label, t.name, report.tables]).toEqual([
          label,
          t.name,
          [{ name: t.name, rows: expected, planned }],
        ]);
      }
  });
});
