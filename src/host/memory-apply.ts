/**
 * The writing half of MemoryHost.applyPlans: prepares each target sheet, points the workbook
 * names at it, writes its blocks, re-enters spills that read a moved name, and fills portable
 * cells that have no native form with their computed values. MemoryHost runs these inside
 * HyperFormula batches and undoes them all if any step fails.
 */
import type { HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { parseCell, parseRange, rangeAddress, referenceParts, sheetPrefix } from "../shared/a1";
import { blockRange, cellInDialect } from "../templates/cells";
import { type Block, type Dialect, isFormula, type SheetPlan, type TemplateId } from "../templates/plan";
import { CATALOGUE, spills } from "../functions/catalogue";
import { type PlacementDecision, sameName } from "./placement";
import {
  type KeepReport,
  type KeptCell,
  type KeptRange,
  type KeptSheet,
  keptFromRaw,
  NOTHING_KEPT,
} from "./kept-content";
import { keptSheet, readTargets } from "./layout-migrations";
import { planRowEnd, tableBody } from "./plan-rows";
import { type CellValue, templateMarkerName, templateVersionName } from "./workbook-host";

export interface SheetRecord {
  /** The plan as applied: `sheet` is the real name, inputs hold the values first written. */
  readonly plan: SheetPlan;
  readonly dialect: Dialect;
}

export interface Work {
  readonly decision: PlacementDecision;
  readonly plan: SheetPlan;
  /** What the rebuild kept of the sheet it replaces, when it keeps inputs. */
  readonly kept: KeepReport | null;
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
   * What a rebuild that keeps inputs reads from the existing sheet (kept-content.ts): each table's
   * current body, rows typed right below it included (Excel's tables grow to take them; the
   * preview's record of the table does not), each named input, and the loose inputs of the same
   * layout; an older layout is read by name and upgraded (layout-migrations.ts).
   */
  keptSheet(decision: PlacementDecision): KeptSheet {
    const { existing, plan } = decision;
    if (!decision.keepInputs || !existing) return NOTHING_KEPT;
    const targets = readTargets(plan, existing.templateVersion);
    if (!targets) return NOTHING_KEPT;
    const id = this.sheetIdOrThrow(existing.name);
    const record = this.records.get(id);
    const read = (top: number, left: number, bottom: number, right: number): KeptRange => ({
      top,
      left,
      cells: Array.from({ length: bottom - top + 1 }, (_, r) =>
        Array.from({ length: right - left + 1 }, (_, c) =>
          keptFromRaw(this.hf.getCellSerialized({ sheet: id, row: top + r, col: left + c })),
        ),
      ),
    });
    const tables = new Map<string, KeptRange>();
    for (const name of targets.tables) {
      const body = record ? tableBody(record.plan, name) : null;
      if (!record || !body) continue;
      let bottom = body.bottom;
      const typedBelow = (row: number): boolean =>
        planRowEnd(record.plan, row) < body.left &&
        Array.from({ length: body.right - body.left + 1 }, (_, c) =>
          keptFromRaw(this.hf.getCellSerialized({ sheet: id, row, col: body.left + c })),
        ).some((cell) => cell !== null && cell !== undefined && cell !== "");
      while (typedBelow(bottom + 1)) bottom++;
      tables.set(name.toLowerCase(), read(body.top, body.left, bottom, body.right));
    }
    const names = new Map<string, KeptRange>();
    for (const name of targets.names) {
      const named = this.hf.getNamedExpression(name, id) ?? this.hf.getNamedExpression(name);
      const parts = named ? referenceParts(String(named.expression)) : null;
      if (!parts?.sheet || !sameName(parts.sheet, this.hf.getSheetName(id) ?? existing.name)) continue;
      const r = parts.range;
      names.set(name.toLowerCase(), read(r.top, r.left, r.bottom, r.right));
    }
    const cells = new Map<string, KeptCell>();
    for (const { row, column } of targets.cells) {
      const cell = keptFromRaw(this.hf.getCellSerialized({ sheet: id, row, col: column }));
      if (cell !== undefined) cells.set(`${row},${column}`, cell);
    }
    return keptSheet(plan, existing.templateVersion, { tables, names, cells });
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

  /**
   * Writes each block's cells. The sheet was just added or cleared, so a cell the plan leaves
   * empty (null) is empty already; writing it would still cost HyperFormula a change and an undo
   * entry, and a 5,000-row Portfolio leaves a quarter of its cells empty, nearly all in its gate
   * columns. So a column that is mostly empty is written cell by cell, its empty cells skipped,
   * and each run of the other columns as one 2-D array (one call per cell would cost more than
   * the empty cells do). Excel's range writes leave a null cell alone too. Portable cells without
   * a native form get their live formula for now.
   */
  writeBlocks(w: Work, dialect: Dialect, pending: Pending[]): void {
    for (const block of w.plan.blocks) {
      const origin = parseCell(block.at);
      const content = block.cells.map((cells, r) =>
        cells.map((cell, c): RawCellContent => {
          if (dialect === "portable" && isFormula(cell) && cell.portable === null) {
            pending.push({ sheetId: w.sheetId, block, row: origin.row + r, column: origin.column + c });
            return cell.live;
          }
          return cellInDialect(cell, dialect) ?? null;
        }),
      );
      const width = content.reduce((m, line) => Math.max(m, line.length), 0);
      const sparse = Array.from(
        { length: width },
        (_, c) => content.filter((line) => (line[c] ?? null) === null).length * 2 > content.length,
      );
      for (let c = 0; c < width;) {
        let end = c;
        while (end < width && sparse[end] === sparse[c]) end++;
        if (sparse[c]) {
          content.forEach((line, r) =>
            line.slice(c, end).forEach((value, k) => {
              if (value !== null)
                this.hf.setCellContents(
                  { sheet: w.sheetId, row: origin.row + r, col: origin.column + c + k },
                  [[value]],
                );
            }),
          );
        } else {
          this.hf.setCellContents(
            { sheet: w.sheetId, row: origin.row, col: origin.column + c },
            content.map((line) => line.slice(c, end)),
          );
        }
        c = end;
      }
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
