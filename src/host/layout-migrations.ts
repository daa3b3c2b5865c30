/**
 * Upgrading a sheet built by an older layout of its template: what to read from it (by workbook
 * name: an older layout's cells are never read by position) and how that becomes the content of
 * the current layout, with what could not be carried said in words. A template whose layout
 * changes bumps its version and adds a migration here; the layout pin test
 * (test/templates/layout-pin.test.ts) fails until both are done.
 */
import { parseCell } from "../shared/a1";
import type { SheetPlan, TemplateId } from "../templates/plan";
import { COL } from "../templates/roi-lines";
import { ROI_TABLES } from "../templates/roi";
import { type KeepTargets, type KeptCell, type KeptRange, type KeptSheet, keepTargets } from "./kept-content";
import { tableBody } from "./plan-rows";

export interface LayoutMigration {
  readonly template: TemplateId;
  readonly from: number;
  readonly to: number;
  /** What the newer layout changed, in words. */
  readonly change: string;
  /** Workbook names read from the old sheet. */
  readonly reads: readonly string[];
  /**
   * The old sheet's named content as content of the new plan; null for a layout that only added
   * blocks, names or outputs: its tables and names are read as the current layout's (by table and
   * workbook name) and its few inputs under neither stay where they were.
   */
  readonly upgrade: ((read: ReadonlyMap<string, KeptRange>, plan: SheetPlan) => KeptSheet) | null;
  /**
   * Columns the newer layout inserted into tables the old sheet's are read as (with `upgrade`
   * null): a table body is kept by position, so each kept row's cells from column `at` (counted
   * from the table's left) move right by `count`, and the inserted columns take the plan's own.
   */
  readonly insertedColumns?: {
    readonly tables: readonly string[];
    readonly at: number;
    readonly count: number;
  };
  /**
   * Labels of the old sheet's keyed matrices that named a line by its position (see
   * KeptSheet.positionalLabel), with `upgrade` null.
   */
  readonly positionalLabel?: (label: string, row: number) => boolean;
}

/**
 * A layout that kept every input where it was (or under the same table and workbook name) and only
 * added something: a block above the line tables, a name over an existing column, an output block.
 */
function sameInputs(template: TemplateId, from: number, to: number, change: string): LayoutMigration {
  return { template, from, to, change, reads: [], upgrade: null };
}

/** ROI layout 1's named inputs: one per row of its assumptions block, B5:B31. */
export const ROI_V1_INPUTS = [
  "AgentsBefore",
  "AgentsAfter",
  "AgentMonthlyCost",
  "CapacityAgents",
  "Customers",
  "ChurnReduction",
  "Arpu",
  "BenefitRealisation",
  "ApiCallsPerMonth",
  "CostPerCall",
  "FxRate",
  "PlatformMonthly",
  "PeopleFte",
  "FteMonthlyCost",
  "TrainingOneOff",
  "AmortisationYears",
  "ImplementationCost",
  "DiscountRate",
  "BenefitRisk",
  "CostRisk",
  "RampStartMonth",
  "RampMonths",
  "AdoptionTarget",
  "LeaderPaybackMonths",
  "LaggardPaybackMonths",
  "ApiMonthlyBudget",
  "AlertShare",
] as const;

/**
 * Layout 1's line items: three benefits and four costs in fixed rows, each a formula of the named
 * drivers. Layout 2's sample rows hold the same formulas in the same order (its fifth cost, the
 * one-off implementation, was a named input only), so a line whose base is still layout 1's
 * formula keeps layout 2's; a base the user typed over, and every label, go into the table row.
 */
const ROI_V1_LINES = {
  benefits: {
    labels: "RoiBenefitLabels",
    base: "RoiBenefitBase",
    table: "Benefits",
    formulas: [
      "=(AgentsBefore-AgentsAfter)*AgentMonthlyCost*MonthsPerYear",
      "=CapacityAgents*AgentMonthlyCost*MonthsPerYear",
      "=Customers*ChurnReduction*Arpu",
    ],
  },
  costs: {
    labels: "RoiCostLabels",
    base: "RoiCostBase",
    table: "Costs",
    formulas: [
      "=GENAI.API_COST(ApiCallsPerMonth,CostPerCall,FxRate,MonthsPerYear)|=ApiCallsPerMonth*CostPerCall*FxRate*MonthsPerYear",
      "=PlatformMonthly*MonthsPerYear",
      "=PeopleFte*FteMonthlyCost*MonthsPerYear",
      "=TrainingOneOff/AmortisationYears",
    ],
  },
} as const;

function text(cell: KeptCell | undefined): string {
  if (cell === undefined || cell === null) return "blank";
  if (typeof cell === "object") return cell.live ?? "";
  return String(cell);
}

function sameFormula(a: string, b: string): boolean {
  return a.replace(/\s+/g, "").toUpperCase() === b.replace(/\s+/g, "").toUpperCase();
}

function upgradeRoi1(read: ReadonlyMap<string, KeptRange>, plan: SheetPlan): KeptSheet {
  const notCarried: string[] = [];
  const names = new Map<string, KeptRange>();
  const planned = new Set(plan.names.map((n) => n.name.toLowerCase()));
  for (const name of ROI_V1_INPUTS) {
    const range = read.get(name.toLowerCase());
    if (!range) continue;
    if (planned.has(name.toLowerCase())) names.set(name.toLowerCase(), range);
    else {
      const value = range.cells[0]?.[0];
      if (value !== undefined && value !== null && value !== "")
        notCarried.push(`${name} = ${text(value)} (the new layout has no such input)`);
    }
  }
  const tables = new Map<string, KeptRange>();
  for (const lines of Object.values(ROI_V1_LINES)) {
    const labels = read.get(lines.labels.toLowerCase());
    const base = read.get(lines.base.toLowerCase());
    const body = tableBody(plan, lines.table);
    if (!body || (!labels && !base)) continue;
    const count = Math.max(lines.formulas.length, body.bottom - body.top + 1);
    const width = body.right - body.left + 1;
    const rows = Array.from({ length: count }, (_, i) => {
      const row: (KeptCell | undefined)[] = new Array<KeptCell | undefined>(width).fill(undefined);
      if (i >= lines.formulas.length) return row;
      row[COL.label] = labels?.cells[i]?.[0];
      const typed = base?.cells[i]?.[0];
      const own = lines.formulas[i].split("|");
      const isV1s =
        typed !== undefined &&
        typed !== null &&
        typeof typed === "object" &&
        typed.live !== null &&
        own.some((f) => sameFormula(f, typed.live as string));
      // A base layout 1 computed keeps layout 2's driver formula; anything else is the user's.
      row[COL.base] = isV1s ? undefined : typed;
      return row;
    });
    tables.set(lines.table.toLowerCase(), { top: labels?.top ?? base?.top ?? 0, left: 0, cells: rows });
  }
  return { tables, names, cells: new Map(), notCarried };
}

/** Layout 1 of the ROI sheet upgrades by name into any later layout (its rows by COL, the current columns). */
const fromRoi1 = (to: number): LayoutMigration => ({
  template: "roi",
  from: 1,
  to,
  change: "fixed line rows and driver inputs became the Benefits and Costs tables",
  reads: [...ROI_V1_INPUTS, ...Object.values(ROI_V1_LINES).flatMap((l) => [l.labels, l.base])],
  upgrade: upgradeRoi1,
});

/**
 * Layouts 2 to 4 into 5: the Distribution input after Sim high in both line tables. Their kept
 * rows put every column from M0 on one to the right (the old M0, a formula, never lands in
 * Distribution, which starts blank: the Stress sheet's distribution, as before).
 */
const roiDistribution = (from: number, earlier: string): LayoutMigration => ({
  ...sameInputs(
    "roi",
    from,
    5,
    `${earlier}each line's Distribution column after Sim high moves the month columns one to the right`,
  ),
  insertedColumns: { tables: [ROI_TABLES.benefits, ROI_TABLES.costs], at: COL.distribution, count: 1 },
});

/** What layout 6 of the Stress sheet changed; every input keeps its cell, name and table. */
const STRESS_6 =
  "the correlation matrix is not applied while a line with a value has no label (its row is blank rather than named by position), and a blank model's simulation outputs say which lines to enter";

/**
 * Layout 5 labelled the matrix row of a line with a value and no label by its kind and position
 * among the benefits or the costs ("Benefit 2", "Cost 1": always English), benefits first. Such a
 * label, at a row where layout 5 could have written it, names no line: a sort of the table gives
 * the position to another. (A line the user labelled "Benefit 2" at that very place reads alike
 * and loses its pairs too, reported: never applied to the wrong line.)
 */
function stress5PositionalLabel(label: string, row: number): boolean {
  const m = /^(Benefit|Cost) ([1-9]\d*)$/.exec(label);
  if (!m) return false;
  const position = Number(m[2]);
  return m[1] === "Benefit" ? row === position - 1 : row >= position - 1;
}

export const MIGRATIONS: readonly LayoutMigration[] = [
  fromRoi1(2),
  fromRoi1(3),
  fromRoi1(4),
  fromRoi1(5),
  roiDistribution(
    2,
    "the contribution block moves the tables down; a blank model's tables start with two rows; ",
  ),
  roiDistribution(3, "a blank model's line tables start with two empty rows; "),
  roiDistribution(4, ""),
  sameInputs("roi", 2, 3, "the contribution-by-use-case block above the line tables moves the tables down"),
  sameInputs(
    "roi",
    2,
    4,
    "the contribution block moves the tables down; a blank model's tables start with two rows",
  ),
  sameInputs(
    "roi",
    3,
    4,
    "a blank model's line tables start with two empty rows, so a line can be added inside them",
  ),
  sameInputs("portfolio", 1, 2, "names over the department, value and cost columns"),
  sameInputs("stress", 1, 2, "the pane's business-case block below the pane's run"),
  sameInputs("stress", 1, 3, "the pane's business-case block; a blank model's two empty lines per table"),
  sameInputs("stress", 2, 3, "one row per line of a blank model's two empty rows per ROI table"),
  ...[1, 2, 3].map((from) =>
    sameInputs(
      "stress",
      from,
      4,
      "linked to the ROI sheet, each line row finds its line by position and the table holds the tornado, so it grows by appending rows; the simulation and the tornado read the ROI tables",
    ),
  ),
  ...[1, 2, 3, 4].map((from) =>
    sameInputs(
      "stress",
      from,
      5,
      "a Sampling setting (SimSampling) and the rank-correlation matrix over the lines above the line table, which moves down by the matrix's height; every input keeps its name or table; and the pane's sensitivity block at the bottom, with the spider chart and the tornado at each line's P10 and P90",
    ),
  ),
  ...[1, 2, 3, 4].map((from) =>
    sameInputs(
      "stress",
      from,
      6,
      `the rank-correlation matrix over the lines (with a Sampling setting, SimSampling) above the line table, which moves down by the matrix's height, and the pane's sensitivity block at the bottom; ${STRESS_6}`,
    ),
  ),
  {
    ...sameInputs("stress", 5, 6, STRESS_6),
    positionalLabel: stress5PositionalLabel,
  },
];

export function migrationFor(template: TemplateId, from: number | null, to: number): LayoutMigration | null {
  return MIGRATIONS.find((m) => m.template === template && m.from === from && m.to === to) ?? null;
}

/** Whether a rebuild can carry a sheet of `version` into the plan: the same layout, or a migration. */
export function canKeep(plan: SheetPlan, template: TemplateId | null, version: number | null): boolean {
  if (template !== plan.template) return false;
  return version === plan.version || migrationFor(plan.template, version, plan.version) !== null;
}

/** What a host reads from an old sheet of `version` for the plan, or null when nothing can be kept. */
export function readTargets(plan: SheetPlan, version: number | null): KeepTargets | null {
  if (version === plan.version) return keepTargets(plan);
  const migration = migrationFor(plan.template, version, plan.version);
  if (!migration) return null;
  return migration.upgrade ? { tables: [], names: migration.reads, cells: [] } : keepTargets(plan);
}

/** What was read, as a KeptSheet of the plan's layout. */
export function keptSheet(
  plan: SheetPlan,
  version: number | null,
  read: {
    readonly tables: ReadonlyMap<string, KeptRange>;
    readonly names: ReadonlyMap<string, KeptRange>;
    readonly cells: ReadonlyMap<string, KeptCell>;
  },
): KeptSheet {
  if (version === plan.version) return { ...read, notCarried: [] };
  const migration = migrationFor(plan.template, version, plan.version);
  if (!migration) return { tables: new Map(), names: new Map(), cells: new Map(), notCarried: [] };
  if (migration.upgrade) return migration.upgrade(read.names, plan);
  return {
    ...read,
    tables: withInserted(read.tables, migration.insertedColumns),
    notCarried: [],
    ...(migration.positionalLabel ? { positionalLabel: migration.positionalLabel } : {}),
  };
}

/** Kept table bodies with the newer layout's inserted columns (undefined: not read, the plan's). */
function withInserted(
  tables: ReadonlyMap<string, KeptRange>,
  inserted: LayoutMigration["insertedColumns"],
): ReadonlyMap<string, KeptRange> {
  if (!inserted) return tables;
  const which = new Set(inserted.tables.map((t) => t.toLowerCase()));
  const gap = new Array<KeptCell | undefined>(inserted.count).fill(undefined);
  return new Map(
    [...tables].map(([name, range]): [string, KeptRange] => [
      name,
      which.has(name)
        ? {
            ...range,
            cells: range.cells.map((row) =>
              row.length <= inserted.at
                ? row
                : [...row.slice(0, inserted.at), ...gap, ...row.slice(inserted.at)],
            ),
          }
        : range,
    ]),
  );
}

/** "B5" -> "row,column" key. */
export function keyOf(address: string): string {
  const { row, column } = parseCell(address);
  return `${row},${column}`;
}
