/**
 * The writing half of MemoryHost.applyPlans: prepares each target sheet, points the workbook
 * names at it, writes its blocks, re-enters spills that read a moved name, and fills portable
 * cells that have no native form with their computed values. MemoryHost runs these inside
 * HyperFormula batches and undoes them all if any step fails.
 */
import type { HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { parseCell, parseRange, rangeAddress, sheetPrefix } from "../shared/a1";
import { blockRange, cellInDialect, inputCells } from "../templates/cells";
import { type Block, type Dialect, isFormula, type SheetPlan, type TemplateId } from "../templates/plan";
import { type KeptCell, userFormula } from "./apply-common";
import { type PlacementDecision, sameName } from "./placement";
import { CATALOGUE, spills } from "../functions/catalogue";
import { referenceParts } from "./memory-view";
import { type CellValue, templateMarkerName, templateVersionName } from "./workbook-host";

export interface SheetRecord {
  /** The plan as applied: `sheet` is the real name, inputs hold the values first written. */
  readonly plan: SheetPlan;
  readonly dialect: Dialect;
}

export interface Work {
  readonly decision: PlacementDecision;
  readonly plan: SheetPlan;
  readonly kept: number;
  /** Of the kept inputs, formulas the user typed. */
  readonly keptFormulas: number;
  /** The old sheet's contents, read before the batch, when it is kept as a copy. */
  readonly copyContent: RawCellContent[][] | null;
  /** Set when the sheet is prepared. */
  sheetId: number;
}

/** A live cell of a portable build that gets its value once the workbook has computed. */
export interface Pending {
  readonly sheetId: number;
  readonly block: Block;
  readonly row: number;
  readonly column: number;
}

/** A call of a GENAI function whose result may spill, as the function catalogue declares them. */
const SPILLING = new RegExp(
  `GENAI\\.(${CATALOGUE.filter(spills)
    .map((f) => f.name)
    .join("|")})\\s*\\(`,
  "i",
);

/** The id of a sheet by name, compared as Excel compares names (case-insensitively). */
export function sheetIdOf(hf: HyperFormula, name: string): number | null {
  const match = hf.getSheetNames().find((n) => sameName(n, name));
  return match === undefined ? null : (hf.getSheetId(match) ?? null);
}

/** The sheet the workbook-scoped marker of a template points at, if any. */
export function markedSheet(hf: HyperFormula, template: TemplateId): number | null {
  const marker = hf.getNamedExpression(templateMarkerName(template));
  const sheet = marker ? referenceParts(String(marker.expression))?.sheet : null;
  return sheet ? sheetIdOf(hf, sheet) : null;
}

export class PlanWriter {
  constructor(
    private readonly hf: HyperFormula,
    /** MemoryHost's records of template sheets, updated as sheets are prepared. */
    private readonly records: Map<number, SheetRecord>,
  ) {}

  private sheetIdOrThrow(name: string): number {
    const id = sheetIdOf(this.hf, name);
    if (id === null) throw new Error(`There is no sheet named "${name}".`);
    return id;
  }

  /**
   * The existing sheet's contents at the new plan's input cells, when the rebuild keeps them: a
   * value as it is, a formula the user typed as that formula (never its value, never the
   * sample). Blank cells are not kept: a rebuild with more rows (or sample data over a blank
   * sheet) fills them.
   */
  keptInputs(decision: PlacementDecision): Map<string, KeptCell> {
    const kept = new Map<string, KeptCell>();
    if (!decision.keepInputs || !decision.existing) return kept;
    const id = this.sheetIdOrThrow(decision.existing.name);
    for (const { row, column } of inputCells(decision.plan)) {
      const raw = this.hf.getCellSerialized({ sheet: id, row, col: column });
      const key = `${row},${column}`;
      if (typeof raw === "string" && raw.startsWith("=")) kept.set(key, userFormula(raw));
      else if (typeof raw === "number" || (typeof raw === "string" && raw !== "") || typeof raw === "boolean")
        kept.set(key, raw);
    }
    return kept;
  }

  /**
   * "Keep both" over the template's own sheet: the old sheet, as it is, becomes a copy under its
   * free name before the rebuild clears it. No workbook name points at the copy; names scoped to
   * it (the workbook's names that pointed at the old sheet, re-aimed at the copy) keep its own
   * formulas reading its own cells, so the copy stays a consistent snapshot.
   */
  keepCopy(w: Work): void {
    const { copyName, existing } = w.decision;
    if (!copyName || !existing) return;
    const from = this.sheetIdOrThrow(existing.name);
    const copy = this.hf.getSheetId(this.hf.addSheet(copyName)) as number;
    this.hf.setSheetContent(copy, w.copyContent ?? []);
    const oldName = this.hf.getSheetName(from) ?? existing.name;
    const local = new Map<string, string>();
    for (const name of this.hf.listNamedExpressions()) {
      const expression = String(this.hf.getNamedExpression(name)?.expression ?? "");
      const parts = referenceParts(expression);
      if (parts?.sheet && sameName(parts.sheet, oldName))
        local.set(name, `=${sheetPrefix(copyName)}${rangeAddress(parts.range, true)}`);
    }
    for (const name of this.hf.listNamedExpressions(from)) {
      const expression = String(this.hf.getNamedExpression(name, from)?.expression ?? "");
      const parts = referenceParts(expression);
      local.set(
        name,
        parts?.sheet && sameName(parts.sheet, oldName)
          ? `=${sheetPrefix(copyName)}${rangeAddress(parts.range, true)}`
          : expression,
      );
    }
    const version = templateVersionName(w.plan.template);
    if (!local.has(version)) {
      const current = this.hf.getNamedExpression(version);
      if (current) local.set(version, String(current.expression));
    }
    for (const [name, expression] of local) this.hf.addNamedExpression(name, expression, copy);
    const record = this.records.get(from);
    if (record) this.records.set(copy, { ...record, plan: { ...record.plan, sheet: copyName } });
  }

  prepare(w: Work, dialect: Dialect): void {
    const { outcome, existing } = w.decision;
    if (outcome === "create" || outcome === "keepBoth") {
      w.sheetId = this.hf.getSheetId(this.hf.addSheet(w.plan.sheet)) as number;
    } else {
      w.sheetId = this.sheetIdOrThrow(existing?.name ?? w.plan.sheet);
      this.hf.clearSheet(w.sheetId);
      // Names this sheet kept for itself (an older copy) give way to the workbook's again.
      for (const name of this.hf.listNamedExpressions(w.sheetId))
        this.hf.removeNamedExpression(name, w.sheetId);
    }
    this.records.set(w.sheetId, { plan: w.plan, dialect });
  }

  /**
   * Points the plan's workbook names, marker and version at the target sheet. A sheet that loses
   * those names to a new copy ("keep both") gets sheet-scoped copies first, so its own formulas
   * keep reading its own inputs, and it still reads as built by the template.
   */
  defineNames(w: Work, targets: ReadonlySet<number>, renamed: Set<string>): void {
    const { plan } = w;
    const prefix = sheetPrefix(plan.sheet);
    const marker = templateMarkerName(plan.template);
    const version = templateVersionName(plan.template);
    const wanted = [
      ...plan.names.map((n) => ({
        name: n.name,
        expression: `=${prefix}${rangeAddress(parseRange(n.range), true)}`,
      })),
      { name: marker, expression: `=${prefix}$A$1` },
      { name: version, expression: `=${plan.version}` },
    ];

    const previous = markedSheet(this.hf, plan.template);
    if (previous !== null && !targets.has(previous) && !this.hf.getNamedExpression(marker, previous)) {
      const oldName = this.hf.getSheetName(previous) ?? "";
      const oldNames =
        this.records.get(previous)?.plan.names.map((n) => n.name) ?? plan.names.map((n) => n.name);
      for (const name of [...oldNames, marker, version]) {
        const current = this.hf.getNamedExpression(name);
        if (!current) continue;
        const expression = String(current.expression);
        const sheet = referenceParts(expression)?.sheet ?? null;
        if (name === version || (sheet !== null && sameName(sheet, oldName)))
          this.hf.addNamedExpression(name, expression, previous);
      }
    }

    for (const { name, expression } of wanted) {
      const current = this.hf.getNamedExpression(name);
      if (!current) this.hf.addNamedExpression(name, expression);
      else if (String(current.expression) !== expression) this.hf.changeNamedExpression(name, expression);
      else continue;
      renamed.add(name.toLowerCase());
    }
  }

  /** Writes each block as one 2-D array. Portable cells without a native form get their live formula for now. */
  writeBlocks(w: Work, dialect: Dialect, pending: Pending[]): void {
    for (const block of w.plan.blocks) {
      const origin = parseCell(block.at);
      const content = block.cells.map((cells, r) =>
        cells.map((cell, c) => {
          if (dialect === "portable" && isFormula(cell) && cell.portable === null) {
            pending.push({ sheetId: w.sheetId, block, row: origin.row + r, column: origin.column + c });
            return cell.live;
          }
          return cellInDialect(cell, dialect);
        }),
      );
      this.hf.setCellContents({ sheet: w.sheetId, row: origin.row, col: origin.column }, content);
    }
  }

  /**
   * Replaces the pending cells of each block by their computed values: one write per block,
   * covering the rectangle of its pending cells (a spill's area).
   */
  writeValues(w: Work, dialect: Dialect, pending: readonly Pending[], values: readonly CellValue[]): void {
    const byBlock = new Map<Block, Map<string, CellValue>>();
    pending.forEach((p, i) => {
      const cells = byBlock.get(p.block) ?? new Map<string, CellValue>();
      cells.set(`${p.row},${p.column}`, values[i]);
      byBlock.set(p.block, cells);
    });
    for (const [block, cells] of byBlock) {
      const places = [...cells.keys()].map((key) => key.split(",").map(Number));
      const top = Math.min(...places.map(([row]) => row));
      const bottom = Math.max(...places.map(([row]) => row));
      const left = Math.min(...places.map(([, column]) => column));
      const right = Math.max(...places.map(([, column]) => column));
      const origin = blockRange(block);
      const content: RawCellContent[][] = [];
      for (let row = top; row <= bottom; row++) {
        const line: RawCellContent[] = [];
        for (let column = left; column <= right; column++) {
          const key = `${row},${column}`;
          line.push(
            cells.has(key)
              ? (cells.get(key) ?? null)
              : cellInDialect(block.cells[row - origin.top][column - origin.left], dialect),
          );
        }
        content.push(line);
      }
      this.hf.setCellContents({ sheet: w.sheetId, row: top, col: left }, content);
    }
  }

  /**
   * HyperFormula sizes a spill when it parses the formula (and fails to recalculate one whose
   * named range grew). A spilling GENAI formula on another sheet that reads a name this call
   * defined or moved is entered again, so its spill follows the name's new range, as Excel's do.
   * Template sheets are scanned through their plans; users' own sheets through their formulas.
   */
  relink(
    targets: ReadonlySet<number>,
    renamed: ReadonlySet<string>,
    step: (sheet: string, run: () => void) => void,
  ): void {
    if (renamed.size === 0) return;
    const readsRenamed = (formula: string): boolean =>
      SPILLING.test(formula) &&
      (formula.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? []).some((n) => renamed.has(n.toLowerCase()));
    for (const name of this.hf.getSheetNames()) {
      const id = this.hf.getSheetId(name) as number;
      if (targets.has(id)) continue;
      const again = this.formulasOf(id).filter(({ formula }) => readsRenamed(formula));
      if (again.length > 0)
        step(name, () => {
          for (const { at, formula } of again) this.hf.setCellContents(at, [[formula]]);
        });
    }
  }

  /** The formulas on a sheet: a template sheet's as its plan wrote them, any other sheet's as they are. */
  formulasOf(id: number): { at: SimpleCellAddress; formula: string }[] {
    const record = this.records.get(id);
    const out: { at: SimpleCellAddress; formula: string }[] = [];
    if (!record) {
      this.hf.getSheetFormulas(id).forEach((cells, row) =>
        cells.forEach((formula, col) => {
          if (formula !== undefined) out.push({ at: { sheet: id, row, col }, formula });
        }),
      );
      return out;
    }
    for (const block of record.plan.blocks) {
      const origin = parseCell(block.at);
      block.cells.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          const formula = isFormula(cell) ? cellInDialect(cell, record.dialect) : null;
          if (typeof formula === "string")
            out.push({ at: { sheet: id, row: origin.row + r, col: origin.column + c }, formula });
        }),
      );
    }
    return out;
  }
}
