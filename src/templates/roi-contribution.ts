/**
 * The ROI sheet's contribution by use case: for each use case typed in its first column (the
 * pane's "Add Portfolio use cases" fills it), the annual benefits and costs of the lines whose
 * Use case column names it, their net, annual ROI and payback. A fixed block above the line
 * tables, so a table that grows never moves it; it reads the tables' columns by use case
 * (SUMIFS), never a line's cell.
 *
 *   benefits = Σ in use of the benefit lines of the use case (run-rate, as AnnualBenefits)
 *   costs    = Σ in use of its recurring and usage cost lines (one-off lines are not in a
 *              run-rate year, as AnnualCosts)
 *   ROI      = (benefits − costs) / costs, blank unless costs > 0
 *   payback  = the month the use case's cumulative net (its lines' monthly benefits − monthly
 *              costs, months 0..36, one-off costs included) first turns from negative to ≥ 0,
 *              interpolated within the month, as the sheet's own payback; 0 when it never dips,
 *              "Beyond 36 months" when it does not turn within the horizon.
 *
 * Every cell is blank while its use case cell is empty or no line names the use case.
 */
import { bundleFor } from "../i18n/bundles";
import { columnLetters } from "../shared/a1";
import { type SheetBuilder, dual, same } from "./builder";
import type { Locale } from "../i18n/locale";
import type { PlanCell } from "./plan";
import { COL } from "./roi-lines";

/** Use case rows in the block: the Portfolio's ten sample use cases fit. */
export const CONTRIBUTION_ROWS = 10;

/**
 * The workbook names the ROI sheet's contribution block defines, declared once: the template
 * defines them through these constants and the pane reads them through the same ones, never
 * through the names' text, so a rename is one edit here.
 */
export const CONTRIBUTION_NAMES = {
  contributionUseCases: "ContributionUseCases",
  contributionBenefits: "ContributionBenefits",
  contributionCosts: "ContributionCosts",
  contributionRoi: "ContributionRoi",
  contributionPayback: "ContributionPayback",
} as const;

/** A line table's body as built: its header row (1-based) and row count. */
export interface TableRows {
  readonly header: number;
  readonly rows: number;
}

export interface ContributionLayout {
  /** 1-based row of the block's title; the header follows, then CONTRIBUTION_ROWS rows. */
  readonly top: number;
  readonly benefits: TableRows;
  readonly costs: TableRows;
  /** The row of month numbers the tables' month columns read (`LineMonths`). */
  readonly monthsRow: number;
  readonly horizonMonths: number;
  readonly locale: Locale;
  /** Use cases listed from the start (the sample's own, when its lines name one). */
  readonly useCases: readonly string[];
}

/** Rows the block takes, title and header included. */
export function contributionHeight(): number {
  return CONTRIBUTION_ROWS + 2;
}

export function contributionBlock(b: SheetBuilder, layout: ContributionLayout): void {
  const L = bundleFor(layout.locale).roi;
  const letter = (c: number): string => columnLetters(c);
  const body = (t: TableRows, c: number): string =>
    `$${letter(c)}$${t.header + 1}:$${letter(c)}$${t.header + t.rows}`;
  const months = layout.horizonMonths + 1;
  const cumulative = (k: number): number => COL.month0 + k; // aligned with the tables' M0..M36
  const crossing = (k: number): number => COL.month0 + months + k - 1; // k = 1..36
  const first = layout.top + 2;
  const bUse = body(layout.benefits, COL.useCase);
  const cUse = body(layout.costs, COL.useCase);

  const rowCells = (r: number): PlanCell[] => {
    const name = `$A${r}`;
    // Nested, not OR(): COUNTIF with an empty criterion is an error in HyperFormula.
    const guard = (f: string): string =>
      `=IF(${name}="","",IF(COUNTIF(${bUse},${name})+COUNTIF(${cUse},${name})=0,"",${f}))`;
    const monthNet = (k: number): string =>
      `SUMIFS(${body(layout.benefits, COL.month0 + k)},${bUse},${name})-SUMIFS(${body(layout.costs, COL.month0 + k)},${cUse},${name})`;
    const cum = (k: number): string => `${letter(cumulative(k))}${r}`;
    const cums = `${cum(0)}:${cum(layout.horizonMonths)}`;
    const crossings = `${letter(crossing(1))}${r}:${letter(crossing(layout.horizonMonths))}${r}`;
    const cells: PlanCell[] = new Array<PlanCell>(crossing(layout.horizonMonths) + 1).fill(null);
    cells[0] = layout.useCases[r - first] ?? null;
    cells[1] = same(guard(`SUMIFS(${body(layout.benefits, COL.inUse)},${bUse},${name})`));
    cells[2] = same(
      guard(
        `SUMIFS(${body(layout.costs, COL.inUse)},${cUse},${name},${body(layout.costs, COL.kind)},"<>One-off")`,
      ),
    );
    cells[3] = same(guard(`B${r}-C${r}`));
    cells[4] = dual(
      guard(`IF(C${r}>0,GENAI.ROI(B${r},C${r}),"")`),
      guard(`IF(C${r}>0,(B${r}-C${r})/C${r},"")`),
    );
    cells[5] = same(
      guard(`IF(MIN(${cums})>=0,0,IF(COUNT(${crossings})=0,"${L.beyondHorizon}",MIN(${crossings})))`),
    );
    for (let k = 0; k < months; k++)
      cells[cumulative(k)] = same(guard(k === 0 ? monthNet(0) : `${cum(k - 1)}+${monthNet(k)}`));
    // A crossing lies in [k − 1, k), so the smallest is the first.
    for (let k = 1; k < months; k++) {
      const before = cum(k - 1);
      const monthBefore = `${letter(cumulative(k - 1))}$${layout.monthsRow}`;
      cells[crossing(k)] = same(
        guard(`IF(AND(${before}<0,${cum(k)}>=0),${monthBefore}+(-${before})/(${cum(k)}-${before}),"")`),
      );
    }
    return cells;
  };

  const header: PlanCell[] = new Array<PlanCell>(crossing(layout.horizonMonths) + 1).fill(null);
  [L.useCase, L.useCaseBenefits, L.useCaseCosts, L.useCaseNet, L.useCaseRoi, L.useCasePayback].forEach(
    (text, i) => (header[i] = text),
  );
  for (let k = 0; k < months; k++) header[cumulative(k)] = `${L.cumulativeNet} ${k}`;
  for (let k = 1; k < months; k++) header[crossing(k)] = `${L.crossingMonth} ${k}`;

  const title = b.write(`A${layout.top}`, [[L.contribution, L.contributionNote]]);
  b.style(title.cell(0, 0), "subtitle").style(title.cell(0, 1), "note");
  const block = b.write(`A${layout.top + 1}`, [
    header,
    ...Array.from({ length: CONTRIBUTION_ROWS }, (_, i) => rowCells(first + i)),
  ]);
  const last = CONTRIBUTION_ROWS;
  const right = crossing(layout.horizonMonths);
  b.style(block.row(0, 0, right), "header")
    .style(block.range(1, 0, last, 0), "input")
    .style(block.range(1, 1, last, 3), "formula")
    .style(block.range(1, 4, last, 5), "output")
    .style(block.range(1, cumulative(0), last, right), "formula");
  b.format(block.range(1, 1, last, 3), "currency")
    .format(block.range(1, 4, last, 4), "percent")
    .format(block.range(1, 5, last, 5), "months")
    .format(block.range(1, cumulative(0), last, cumulative(layout.horizonMonths)), "currency")
    .format(block.range(1, crossing(1), last, right), "months");
  b.name(CONTRIBUTION_NAMES.contributionUseCases, block.range(1, 0, last, 0, true), L.useCase)
    .name(CONTRIBUTION_NAMES.contributionBenefits, block.range(1, 1, last, 1, true), L.useCaseBenefits)
    .name(CONTRIBUTION_NAMES.contributionCosts, block.range(1, 2, last, 2, true), L.useCaseCosts)
    .name(CONTRIBUTION_NAMES.contributionRoi, block.range(1, 4, last, 4, true), L.useCaseRoi)
    .name(CONTRIBUTION_NAMES.contributionPayback, block.range(1, 5, last, 5, true), L.useCasePayback);
}
