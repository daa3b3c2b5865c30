/**
 * The pane's "Add Portfolio use cases": each chosen use case of the Portfolio (by default its
 * recommended PoCs) becomes one benefit line and one cost line of the ROI sheet's tables, linked
 * by formula to the use case's row on the Portfolio through workbook names only:
 *
 *   Department  = INDEX(UseCaseDepartments, MATCH(use case, UseCaseNames, 0))
 *   benefit     = INDEX(UseCaseValues, MATCH(use case, UseCaseNames, 0)), timing Wave (the
 *                 department's wave on the Rollout; the company adoption without one)
 *   cost        = INDEX(UseCaseCosts, MATCH(use case, UseCaseNames, 0)), recurring from the start
 *                 month of the department's wave (0 without a Rollout or a wave)
 *
 * where "use case" is the line's own Use case cell, so renaming the use case in both places keeps
 * the link, and a change of the value or cost on the Portfolio flows into the ROI. Every formula
 * sits in an input cell: the user may overwrite it. The use cases are also written into the free
 * rows of the ROI sheet's contribution block, which then shows each one's benefits, costs, ROI
 * and payback. A use case that a line already names is not added twice.
 */
import type { CellValue, WorkbookHost } from "../../host/workbook-host";
import { bundleFor } from "../../i18n/bundles";
import type { Locale } from "../../i18n/locale";
import { columnLetters, parseRange } from "../../shared/a1";
import { ROI_LINE_NAMES, ROI_NAMES, ROI_SHEET, ROI_TABLES } from "../../templates/roi";
import { COL } from "../../templates/roi-lines";
import { PORTFOLIO_NAMES } from "../../templates/portfolio";
import { CONTRIBUTION_NAMES } from "../../templates/roi-contribution";

export interface PortfolioUseCase {
  readonly name: string;
  readonly department: string;
  readonly recommended: boolean;
}

/** The Portfolio's use cases (rows with a name), or null when the model has no Portfolio. */
export async function readPortfolioUseCases(host: WorkbookHost): Promise<PortfolioUseCase[] | null> {
  const v = await host.readNames([
    PORTFOLIO_NAMES.useCaseNames,
    PORTFOLIO_NAMES.useCaseDepartments,
    PORTFOLIO_NAMES.useCasePicks,
  ]);
  const names = v[PORTFOLIO_NAMES.useCaseNames];
  if (!names) return null;
  return names.flatMap((row, i) => {
    const name = row[0];
    if (typeof name !== "string" || name.trim() === "") return [];
    const department = v[PORTFOLIO_NAMES.useCaseDepartments]?.[i]?.[0];
    const pick = v[PORTFOLIO_NAMES.useCasePicks]?.[i]?.[0];
    return [
      {
        name,
        department: typeof department === "string" ? department : "",
        recommended: typeof pick === "string" && pick !== "",
      },
    ];
  });
}

/** R1C1 reference to a column of the line's own row (COL is zero-based). */
const own = (column: number): string => `RC${column + 1}`;
const lookUp = (name: string): string => `INDEX(${name},MATCH(${own(COL.useCase)},UseCaseNames,0))`;

/**
 * A line's default low, high and risk (R1C1, the template's own formulas): low and high the
 * amount moved by the model's stress percentages, ordered by value; risk the model's benefit or
 * cost risk. Blank while the line has no amount.
 */
export function defaultLineFormulas(kind: "benefit" | "cost"): [string, string, string] {
  const base = own(COL.base);
  const [low, high, risk] =
    kind === "benefit"
      ? [ROI_NAMES.benefitLowChange, ROI_NAMES.benefitHighChange, ROI_NAMES.benefitRisk]
      : [ROI_NAMES.costLowChange, ROI_NAMES.costHighChange, ROI_NAMES.costRisk];
  return [
    `=IF(${base}="","",MIN(${base}*(1+${low}),${base}*(1+${high})))`,
    `=IF(${base}="","",MAX(${base}*(1+${low}),${base}*(1+${high})))`,
    `=IF(${base}="","",${risk})`,
  ];
}

/** The input cells (A..L) of the benefit and cost lines of one use case, formulas in R1C1 form. */
export function useCaseLineRows(
  useCase: string,
  locale: Locale,
): { benefit: CellValue[]; cost: CellValue[] } {
  const L = bundleFor(locale).roi;
  const [bLow, bHigh, bRisk] = defaultLineFormulas("benefit");
  const [cLow, cHigh, cRisk] = defaultLineFormulas("cost");
  const department = `=${lookUp(PORTFOLIO_NAMES.useCaseDepartments)}`;
  const waveStart = `=IFERROR(INDEX(WaveStart,INDEX(DepartmentWaves,MATCH(${own(COL.department)},DepartmentNames,0))),0)`;
  return {
    benefit: [
      useCase,
      L.efficiency,
      useCase,
      department,
      bLow,
      `=${lookUp(PORTFOLIO_NAMES.useCaseValues)}`,
      bHigh,
      "Wave",
      null,
      null,
      bRisk,
      L.useCaseBenefitBasis,
    ],
    cost: [
      L.useCaseRunningCost.replace("{useCase}", useCase),
      L.catPlatform,
      useCase,
      department,
      cLow,
      `=${lookUp(PORTFOLIO_NAMES.useCaseCosts)}`,
      cHigh,
      "Recurring",
      waveStart,
      null,
      cRisk,
      L.useCaseCostBasis,
    ],
  };
}

export interface AddedLines {
  /** Use cases that got lines. */
  readonly added: readonly string[];
  /** Use cases left out because a line already names them. */
  readonly already: readonly string[];
  /** Use cases that found no free row in the contribution block. */
  readonly notInContribution: readonly string[];
}

/** The Use case column of a line table, read beside its labels (RoiBenefitLabels, column A). */
async function useCasesOfLines(host: WorkbookHost, labelsName: string): Promise<string[]> {
  const at = (await host.locateNames([labelsName]))[labelsName];
  if (!at) return [];
  const r = parseRange(at.address);
  const letter = columnLetters(COL.useCase);
  const values = await host.readRange(at.sheet, `${letter}${r.top + 1}:${letter}${r.bottom + 1}`);
  return values.map((row) => (typeof row[0] === "string" ? row[0] : "")).filter((v) => v !== "");
}

/**
 * Adds a benefit and a cost line per use case (in the order given) to the ROI sheet's tables,
 * and the use cases to the contribution block's free rows.
 */
export async function addUseCaseLines(
  host: WorkbookHost,
  useCases: readonly string[],
  locale: Locale,
): Promise<AddedLines> {
  const named = new Set(
    [
      ...(await useCasesOfLines(host, ROI_LINE_NAMES.benefits.labels)),
      ...(await useCasesOfLines(host, ROI_LINE_NAMES.costs.labels)),
    ].map((u) => u.toLowerCase()),
  );
  const unique = [...new Set(useCases)];
  const already = unique.filter((u) => named.has(u.toLowerCase()));
  const added = unique.filter((u) => !named.has(u.toLowerCase()));
  if (added.length > 0) {
    const rows = added.map((u) => useCaseLineRows(u, locale));
    await host.appendTableRows(
      ROI_SHEET,
      ROI_TABLES.benefits,
      rows.map((r) => r.benefit),
    );
    await host.appendTableRows(
      ROI_SHEET,
      ROI_TABLES.costs,
      rows.map((r) => r.cost),
    );
  }
  const notInContribution = await listInContribution(host, [...already, ...added]);
  return { added, already, notInContribution };
}

/** Writes use cases into the contribution block's empty rows; returns those that found none. */
async function listInContribution(host: WorkbookHost, useCases: readonly string[]): Promise<string[]> {
  const [values, at] = await Promise.all([
    host.readNames([CONTRIBUTION_NAMES.contributionUseCases]),
    host.locateNames([CONTRIBUTION_NAMES.contributionUseCases]),
  ]);
  const cells = values[CONTRIBUTION_NAMES.contributionUseCases];
  const where = at[CONTRIBUTION_NAMES.contributionUseCases];
  if (!cells || !where) return [...useCases];
  const listed = new Set(cells.map((r) => String(r[0] ?? "").toLowerCase()).filter((v) => v !== ""));
  const free = cells.flatMap((r, i) => (r[0] === null || r[0] === "" ? [i] : []));
  const wanted = useCases.filter((u) => !listed.has(u.toLowerCase()));
  const r = parseRange(where.address);
  const column = columnLetters(r.left);
  const placed = wanted.slice(0, free.length);
  if (placed.length > 0)
    await host.writeCells(
      placed.map((u, k) => ({
        sheet: where.sheet,
        address: `${column}${r.top + free[k] + 1}`,
        values: [[u]],
      })),
    );
  return wanted.slice(free.length);
}
