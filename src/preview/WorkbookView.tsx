/**
 * The workbook half of the preview: formula bar, grid, sheet tabs, the message of a refused entry
 * and the active sheet's charts. Writes go through the host (writeCells, and the table row
 * operations), which recalculates and reports the change; the grid then re-reads the sheet view,
 * so every dependent cell is live. The grid's own edits (entries, clears, row operations) are
 * kept in an undo history; they run one after another, in the order the user made them.
 */
import {
  Body1,
  Button,
  Caption1,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuDivider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useCallback, useRef, useState } from "react";
import type { RemovedRows } from "../host/memory";
import { tableRowMessage } from "../host/table-row-error";
import type { PreviewStrings } from "../i18n/bundle";
import type { CellValue, CellWrite } from "../host/workbook-host";
import { cellAddress, parseRange, type CellRef, type RangeRef } from "../shared/a1";
import { Charts } from "./Charts";
import { fill } from "../taskpane/model/format";
import { usePreviewBundle } from "./preview-language";
import { Grid } from "./Grid";
import {
  EditHistory,
  movedTable,
  clearMessage,
  clearPlan,
  editText,
  entryValue,
  isEditable,
  singleCell,
  type CellChange,
  type GridEdit,
  type GridSelection,
  type RowCommand,
} from "./grid-model";
import type { CellView, SheetView } from "./sheet-view";
import { useWorkbook, type PreviewHost } from "./useWorkbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  formulaBar: {
    display: "grid",
    gridTemplateColumns: "minmax(120px, max-content) 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  nameBox: {
    fontFamily: tokens.fontFamilyMonospace,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  formula: { fontFamily: tokens.fontFamilyMonospace },
  tabs: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
  },
  empty: {
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface Message {
  readonly intent: "error" | "warning" | "info";
  readonly text: string;
}

/** One write per changed cell, all in one call (all or nothing). */
function cellWrites(sheet: string, changes: readonly CellChange[], side: "before" | "after"): CellWrite[] {
  return changes.map((c) => ({ sheet, address: cellAddress(c.row, c.column), values: [[c[side]]] }));
}

function bounds(changes: readonly CellChange[]): RangeRef {
  return {
    top: Math.min(...changes.map((c) => c.row)),
    left: Math.min(...changes.map((c) => c.column)),
    bottom: Math.max(...changes.map((c) => c.row)),
    right: Math.max(...changes.map((c) => c.column)),
  };
}

const ROW_COMMANDS: readonly { command: RowCommand; label: keyof PreviewStrings }[] = [
  { command: "insertAbove", label: "insertAbove" },
  { command: "insertBelow", label: "insertBelow" },
  { command: "delete", label: "deleteRows" },
  { command: "clear", label: "clearRows" },
];

export interface WorkbookViewProps {
  readonly host: PreviewHost;
  /** Height of the grid's scrolling area (CSS). */
  readonly gridHeight?: string;
}

export function WorkbookView({ host, gridHeight = "62vh" }: WorkbookViewProps) {
  const styles = useStyles();
  const bundle = usePreviewBundle();
  const t = bundle.preview;
  const { sheets, active, view, activate, showRows } = useWorkbook(host);
  const [selectionState, setSelection] = useState<{ sheet: string | null; selection: GridSelection }>({
    sheet: null,
    selection: singleCell({ row: 0, column: 0 }),
  });
  const [message, setMessage] = useState<Message | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const selection =
    selectionState.sheet === active ? selectionState.selection : singleCell({ row: 0, column: 0 });
  const selected = selection.focus;
  const history = useRef(new EditHistory());
  // The grid's writes and undos run in order: each waits for the one before.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);
  const fail = useCallback(
    (error: unknown) => {
      // A CellWriteError or TableRowError names the cell or table and what would be accepted; a
      // TableRowError says it in the preview's language.
      const text = tableRowMessage(error, t) ?? (error instanceof Error ? error.message : String(error));
      setMessage({ intent: "error", text });
    },
    [t],
  );

  const onSelect = useCallback(
    (next: GridSelection) => setSelection({ sheet: active, selection: next }),
    [active],
  );
  const focusGrid = (): void =>
    document.querySelector<HTMLElement>('[data-testid="preview-grid"]')?.focus({ preventScroll: true });

  /** Writes one cell's entry, undoably; within the queue. Resolves with an error message, or null. */
  const writeEntry = useCallback(
    async (sheet: string, cell: CellRef, value: CellValue): Promise<string | null> => {
      // Undo writes back the value before, read from the workbook once the writes queued before
      // this one have landed: the view on screen may not show them yet (it comes back from the
      // workbook a moment after each write), and an undo would then put back an older value.
      const before = (await host.readRange(sheet, cellAddress(cell.row, cell.column)))[0]?.[0] ?? null;
      const changes: CellChange[] = [{ ...cell, before, after: value }];
      try {
        await host.writeCells(cellWrites(sheet, changes, "after"));
        // The workbook's tables, not the view's: the view may not show a row operation yet.
        history.current.push({ kind: "cells", sheet, changes, tables: await host.tableLayout(sheet) });
        setMessage(null);
        return null;
      } catch (error) {
        fail(error);
        return error instanceof Error ? error.message : String(error);
      }
    },
    [host, fail],
  );

  const onCommit = useCallback(
    (cell: CellRef, value: CellValue): Promise<string | null> => {
      if (!view) return Promise.resolve(null);
      const sheet = view.name;
      return enqueue(() => writeEntry(sheet, cell, value));
    },
    [view, enqueue, writeEntry],
  );

  /** Why a cell takes no entry, in words (`where`: its address with the sheet). */
  const refusal = useCallback(
    (target: CellView | null | undefined, template: SheetView["template"], where: string): string => {
      const params = { cell: where, formula: target?.formula ?? "" };
      return fill(
        target?.formula && (target.input || template === null)
          ? t.holdsFormula
          : target?.formula
            ? t.calculated
            : t.notInput,
        params,
      );
    },
    [t],
  );

  // An entry typed before its row reached the view: the cell as the workbook has it now (the writes
  // queued before this one landed) decides whether it takes the entry and how its format reads it.
  const onCommitEntry = useCallback(
    (cell: CellRef, text: string) => {
      if (!view) return;
      const sheet = view.name;
      void enqueue(async () => {
        try {
          const seen = await host.sheetView(sheet, { top: cell.row, bottom: cell.row });
          const target = seen.cells[cell.row]?.[cell.column] ?? null;
          if (!isEditable(seen, target)) {
            const where = `${sheet}!${cellAddress(cell.row, cell.column)}`;
            setMessage({ intent: "warning", text: refusal(target, seen.template, where) });
            return;
          }
          const value = entryValue(text, target, seen.currency ?? "");
          if (value !== (target?.value ?? null)) await writeEntry(sheet, cell, value);
        } catch (error) {
          fail(error);
        }
      });
    },
    [host, view, enqueue, writeEntry, refusal, fail],
  );

  const onClear = useCallback(
    (range: RangeRef) => {
      if (!view) return;
      const sheet = view.name;
      void enqueue(async () => {
        try {
          // What to clear, read from the workbook once the writes queued before have landed: the
          // view on screen may not show them yet, or carry the range's rows at all.
          const cells = await host.sheetView(sheet, { top: range.top, bottom: range.bottom });
          const plan = clearPlan(cells, range);
          const note = clearMessage(plan, t);
          if (plan.cells.length > 0) {
            await host.writeCells(cellWrites(sheet, plan.cells, "after"));
            history.current.push({
              kind: "cells",
              sheet,
              changes: plan.cells,
              tables: await host.tableLayout(sheet),
            });
          }
          setMessage(note ? { intent: "info", text: note } : null);
        } catch (error) {
          fail(error);
        }
      });
    },
    [host, view, enqueue, fail, t],
  );

  const onRefuse = useCallback(
    (cell: CellRef) => {
      if (!view) return;
      const where = `${view.name}!${cellAddress(cell.row, cell.column)}`;
      const target = view.cells[cell.row]?.[cell.column];
      setMessage({ intent: "warning", text: refusal(target, view.template, where) });
    },
    [view, refusal],
  );

  /** Runs an edit forwards (redo) or backwards (undo); resolves with the edit as it now stands. */
  const replay = useCallback(
    async (edit: GridEdit, direction: "undo" | "redo"): Promise<GridEdit> => {
      switch (edit.kind) {
        case "cells": {
          const [expected, wanted] =
            direction === "undo" ? (["after", "before"] as const) : (["before", "after"] as const);
          const r = bounds(edit.changes);
          // Rows added to or removed from a table above the cells since (by the pane) moved them.
          const moved = movedTable(edit.tables, await host.tableLayout(edit.sheet), r.bottom);
          if (moved)
            throw new Error(
              fill(direction === "undo" ? t.rowsMovedUndo : t.rowsMovedRedo, {
                cell: `${edit.sheet}!${cellAddress(r.top, r.left)}`,
                table: moved.name,
              }),
            );
          const now = await host.readRange(
            edit.sheet,
            `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`,
          );
          const changed = edit.changes.find(
            (c) => (now[c.row - r.top]?.[c.column - r.left] ?? null) !== c[expected],
          );
          if (changed)
            throw new Error(
              fill(direction === "undo" ? t.changedSinceUndo : t.changedSinceRedo, {
                cell: `${edit.sheet}!${cellAddress(changed.row, changed.column)}`,
              }),
            );
          await host.writeCells(cellWrites(edit.sheet, edit.changes, wanted));
          return edit;
        }
        case "insertRows": {
          if (direction === "redo") {
            await host.insertTableRows(edit.sheet, edit.table, edit.index, edit.count);
            return edit;
          }
          // The rows went in blank, but the pane may have written into them since (Add line fills
          // a table's first blank row) and its writes are not in this history: a row holding
          // anything of the user's is put back and the undo refused, as a changed cell's is.
          const removed = await host.deleteTableRows(edit.sheet, edit.table, edit.index, edit.count);
          const typed = removed.rows
            .flatMap((cells, k) => cells.map((c) => ({ ...c, k })))
            .find((c) => c.content !== null && c.content !== "");
          if (typed) {
            await host.restoreTableRows(edit.sheet, edit.table, edit.index, removed);
            const range = (await host.tableLayout(edit.sheet)).find((x) => x.name === edit.table)?.range;
            const top = range ? parseRange(range).top + 1 + edit.index + typed.k : null;
            throw new Error(
              fill(t.changedSinceUndo, {
                cell: top === null ? edit.table : `${edit.sheet}!${cellAddress(top, typed.column)}`,
              }),
            );
          }
          return edit;
        }
        case "deleteRows": {
          if (direction === "undo") {
            await host.restoreTableRows(edit.sheet, edit.table, edit.index, edit.removed as RemovedRows);
            return edit;
          }
          // The undo put the rows back as they were; the pane may have written into them since,
          // and deleting them again would lose that: rows that differ are put back and the redo
          // refused, as a changed cell's is.
          const removed = await host.deleteTableRows(edit.sheet, edit.table, edit.index, edit.count);
          const restored = (edit.removed as RemovedRows).rows;
          const k = removed.rows.findIndex(
            (cells, i) => JSON.stringify(cells) !== JSON.stringify(restored[i]),
          );
          if (k >= 0) {
            await host.restoreTableRows(edit.sheet, edit.table, edit.index, removed);
            const range = (await host.tableLayout(edit.sheet)).find((x) => x.name === edit.table)?.range;
            throw new Error(
              fill(t.changedSinceRedo, {
                cell: range
                  ? `${edit.sheet}!${cellAddress(parseRange(range).top + 1 + edit.index + k, parseRange(range).left)}`
                  : edit.table,
              }),
            );
          }
          return { ...edit, removed };
        }
      }
    },
    [host, t],
  );

  const onUndoRedo = useCallback(
    (direction: "undo" | "redo") =>
      void enqueue(async () => {
        const edit = direction === "undo" ? history.current.undo() : history.current.redo();
        if (!edit) return;
        try {
          const after = await replay(edit, direction);
          if (direction === "redo") history.current.replaceLast(after);
          setMessage(null);
          if (edit.sheet !== active) activate(edit.sheet);
          if (edit.kind === "cells") {
            const r = bounds(edit.changes);
            setSelection({
              sheet: edit.sheet,
              selection: {
                anchor: { row: r.top, column: r.left },
                focus: { row: r.bottom, column: r.right },
              },
            });
          }
        } catch (error) {
          // An edit that cannot be replayed is forgotten, so the ones before it stay reachable.
          if (direction === "undo") history.current.dropUndone();
          else history.current.dropDone();
          fail(error);
        }
      }),
    [enqueue, replay, active, activate, fail],
  );

  const onRowCommand = useCallback(
    (command: RowCommand, range: RangeRef) => {
      setMenu(null);
      if (!view) return;
      const sheet = view.name;
      const table = view.tables
        .map((t) => ({ name: t.name, range: parseRange(t.range) }))
        .map((t) => ({ name: t.name, body: { ...t.range, top: t.range.top + 1 } }))
        .find((t) => range.top >= t.body.top && range.bottom <= t.body.bottom);
      if (!table) {
        setMessage({
          intent: "warning",
          text:
            view.tables.length > 0
              ? fill(t.selectTableRows, {
                  tables: view.tables
                    .map((x) =>
                      fill(t.tableRows, {
                        table: x.name,
                        first: parseRange(x.range).top + 2,
                        last: parseRange(x.range).bottom + 1,
                      }),
                    )
                    .join(bundle.conventions.clauseSeparator),
                })
              : fill(t.noTable, { sheet: view.name }),
        });
        return;
      }
      const index = range.top - table.body.top;
      const count = range.bottom - range.top + 1;
      if (command === "clear") {
        onClear({ ...range, left: table.body.left, right: table.body.right });
        return;
      }
      void enqueue(async () => {
        try {
          if (command === "delete") {
            const removed = await host.deleteTableRows(sheet, table.name, index, count);
            history.current.push({ kind: "deleteRows", sheet, table: table.name, index, count, removed });
          } else {
            const at = command === "insertAbove" ? index : index + count;
            await host.insertTableRows(sheet, table.name, at, count);
            history.current.push({ kind: "insertRows", sheet, table: table.name, index: at, count });
            const top = table.body.top + at;
            setSelection({
              sheet,
              selection: {
                anchor: { row: top, column: range.left },
                focus: { row: top + count - 1, column: range.left },
              },
            });
          }
          setMessage(null);
        } catch (error) {
          fail(error);
        }
      });
    },
    [host, view, enqueue, onClear, fail, t, bundle],
  );

  const cell = view?.cells[selected.row]?.[selected.column] ?? null;
  const address = view ? `${view.name}!${cellAddress(selected.row, selected.column)}` : "";

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar} role="group" aria-label={t.formulaBar}>
        <div className={styles.nameBox} data-testid="name-box" aria-label={t.selectedCell}>
          {address || "\u00a0"}
        </div>
        <Input
          className={styles.formula}
          aria-label={t.formula}
          data-testid="formula-bar"
          readOnly
          value={cell?.formula ?? editText(cell)}
        />
      </div>

      {message && (
        <MessageBar intent={message.intent} role="alert" data-testid="grid-message">
          <MessageBarBody>{message.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => setMessage(null)}>
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {view ? (
        <Grid
          view={view}
          currency={view.currency ?? ""}
          selection={selection}
          onSelect={onSelect}
          onCommit={onCommit}
          onCommitEntry={onCommitEntry}
          onRefuse={onRefuse}
          onClear={onClear}
          onUndo={() => onUndoRedo("undo")}
          onRedo={() => onUndoRedo("redo")}
          onRowCommand={onRowCommand}
          onContextMenu={setMenu}
          height={gridHeight}
          onRowsInView={showRows}
        />
      ) : (
        <div className={styles.empty} data-testid="grid-empty">
          <Body1 as="p">
            {fill(t.emptyWorkbook, { build: bundle.pane.tabBuild, buildComplete: bundle.pane.buildComplete })}
          </Body1>
        </div>
      )}

      <Menu
        open={menu !== null}
        onOpenChange={(_, data) => {
          if (!data.open) {
            setMenu(null);
            focusGrid();
          }
        }}
        positioning={{
          target: {
            getBoundingClientRect: () => new DOMRect(menu?.x ?? 0, menu?.y ?? 0, 0, 0),
          },
          position: "below",
          align: "start",
        }}
      >
        <MenuPopover>
          <MenuList aria-label={t.cellMenu} data-testid="grid-menu">
            {ROW_COMMANDS.map(({ command, label }, i) => (
              <Fragment key={command}>
                {i === 2 && <MenuDivider />}
                <MenuItem
                  onClick={() => {
                    const range: RangeRef = {
                      top: Math.min(selection.anchor.row, selection.focus.row),
                      bottom: Math.max(selection.anchor.row, selection.focus.row),
                      left: Math.min(selection.anchor.column, selection.focus.column),
                      right: Math.max(selection.anchor.column, selection.focus.column),
                    };
                    onRowCommand(command, range);
                    focusGrid();
                  }}
                >
                  {t[label]}
                </MenuItem>
              </Fragment>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>

      {sheets.length > 0 && (
        <TabList
          className={styles.tabs}
          aria-label={t.sheets}
          size="small"
          selectedValue={active ?? undefined}
          onTabSelect={(_, data) => {
            setMessage(null);
            activate(String(data.value));
          }}
        >
          {sheets.map((sheet) => (
            <Tab key={sheet.name} value={sheet.name} data-sheet-tab={sheet.name}>
              {sheet.name}
            </Tab>
          ))}
        </TabList>
      )}
      <Caption1 className={styles.hint}>{t.editingHint}</Caption1>

      {view && <Charts charts={view.charts} label={fill(t.chartsOn, { sheet: view.name })} />}
    </div>
  );
}
