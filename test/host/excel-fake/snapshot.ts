/** The whole fake workbook as plain data, to compare before and after (a rollback leaves it equal). */
import { columnLetters } from "../../../src/shared/a1";
import { type CellState, type FormatRecord, type NameState, renderRef } from "./model";
import type { WorkbookModel } from "./workbook-model";

interface NameSnapshot {
  readonly name: string;
  readonly formula: string;
  readonly comment: string;
}

export interface WorkbookSnapshot {
  readonly activeSheet: string | null;
  readonly enableEvents: boolean;
  readonly sheets: readonly {
    readonly id: string;
    readonly name: string;
    readonly cells: Readonly<Record<string, CellState>>;
    readonly numberFormats: Readonly<Record<string, string>>;
    readonly formats: readonly FormatRecord[];
    readonly columnWidths: Readonly<Record<string, number>>;
    readonly validations: Readonly<Record<string, unknown>>;
    readonly conditionalFormats: readonly unknown[];
    readonly freeze: string | null;
    readonly charts: readonly unknown[];
    readonly names: readonly NameSnapshot[];
  }[];
  readonly tables: readonly { id: string; name: string; sheet: string; range: string }[];
  readonly names: readonly NameSnapshot[];
}

const sortedEntries = <V>(map: Map<string, V>): [string, V][] =>
  [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** "row,column" → "B3". */
const address = (k: string): string => {
  const [row, column] = k.split(",").map(Number);
  return `${columnLetters(column)}${row + 1}`;
};

/** A sheet's map keyed by cell, as an object keyed by A1 address in row-major order. */
const byAddress = <V>(map: Map<string, V>): Record<string, V> =>
  Object.fromEntries(sortedEntries(map).map(([k, v]) => [address(k), v]));

export function snapshotOf(model: WorkbookModel): WorkbookSnapshot {
  const { state } = model;
  const names = (map: Map<string, NameState>): NameSnapshot[] =>
    sortedEntries(map).map(([, n]) => ({ name: n.name, formula: model.nameFormula(n), comment: n.comment }));
  return JSON.parse(
    JSON.stringify({
      activeSheet: state.activeSheet?.name ?? null,
      enableEvents: state.enableEvents,
      sheets: state.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        cells: byAddress(s.cells),
        numberFormats: byAddress(s.numberFormats),
        formats: s.formats,
        columnWidths: Object.fromEntries(sortedEntries(s.columnWidths)),
        validations: byAddress(s.validations),
        conditionalFormats: s.conditionalFormats,
        freeze: s.freeze,
        charts: s.charts.map((c) => ({
          ...c,
          source: renderRef(state, c.source),
          series: c.series.map((x) => ({
            name: x.name,
            x: renderRef(state, x.x),
            y: renderRef(state, x.y),
            sizes: renderRef(state, x.sizes),
          })),
        })),
        names: names(s.names),
      })),
      tables: state.tables
        .map((t) => ({ id: t.id, name: t.name, sheet: t.sheet.name, range: t.range }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
      names: names(state.names),
    }),
  ) as WorkbookSnapshot;
}
