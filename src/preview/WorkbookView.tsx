/**
 * The workbook half of the preview: formula bar, grid, sheet tabs, the message of a refused entry
 * and the active sheet's charts. Writes go through the host (writeCells), which recalculates and
 * reports the change; the grid then re-reads the sheet view, so every dependent cell is live.
 */
import {
  Body1,
  Button,
  Caption1,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { CellValue } from "../host/workbook-host";
import { cellAddress, type CellRef } from "../templates/a1";
import { Charts } from "./Charts";
import { Grid } from "./Grid";
import { editText } from "./grid-model";
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
  readonly intent: "error" | "warning";
  readonly text: string;
}

export interface WorkbookViewProps {
  readonly host: PreviewHost;
  /** Height of the grid's scrolling area (CSS). */
  readonly gridHeight?: string;
}

export function WorkbookView({ host, gridHeight = "62vh" }: WorkbookViewProps) {
  const styles = useStyles();
  const { sheets, active, view, activate } = useWorkbook(host);
  const [selection, setSelection] = useState<{ sheet: string | null; cell: CellRef }>({
    sheet: null,
    cell: { row: 0, column: 0 },
  });
  const [message, setMessage] = useState<Message | null>(null);
  const selected = selection.sheet === active ? selection.cell : { row: 0, column: 0 };

  const onSelect = useCallback((cell: CellRef) => setSelection({ sheet: active, cell }), [active]);

  const onCommit = useCallback(
    async (cell: CellRef, value: CellValue): Promise<string | null> => {
      if (!view) return null;
      try {
        await host.writeCells([
          { sheet: view.name, address: cellAddress(cell.row, cell.column), values: [[value]] },
        ]);
        setMessage(null);
        return null;
      } catch (error) {
        // A CellWriteError names the cell and what would be accepted; the old value stays.
        const text = error instanceof Error ? error.message : String(error);
        setMessage({ intent: "error", text });
        return text;
      }
    },
    [host, view],
  );

  const onRefuse = useCallback(
    (cell: CellRef) => {
      if (!view) return;
      const where = `${view.name}!${cellAddress(cell.row, cell.column)}`;
      const formula = view.cells[cell.row]?.[cell.column]?.formula;
      setMessage({
        intent: "warning",
        text: formula
          ? `${where} is calculated by a formula; edit the input cells (blue) it depends on.`
          : `${where} is not an input cell; only input cells (blue) can be edited.`,
      });
    },
    [view],
  );

  const cell = view?.cells[selected.row]?.[selected.column] ?? null;
  const address = view ? `${view.name}!${cellAddress(selected.row, selected.column)}` : "";

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar} role="group" aria-label="Formula bar">
        <div className={styles.nameBox} data-testid="name-box" aria-label="Selected cell">
          {address || "\u00a0"}
        </div>
        <Input
          className={styles.formula}
          aria-label="Formula"
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
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {view ? (
        <Grid
          view={view}
          currency={view.currency ?? ""}
          selected={selected}
          onSelect={onSelect}
          onCommit={onCommit}
          onRefuse={onRefuse}
          height={gridHeight}
        />
      ) : (
        <div className={styles.empty} data-testid="grid-empty">
          <Body1 as="p">
            The workbook is empty. Build a model in the task pane (Build → Build complete model) and its
            sheets appear here, computed live.
          </Body1>
        </div>
      )}

      {sheets.length > 0 && (
        <TabList
          className={styles.tabs}
          aria-label="Sheets"
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
      <Caption1 className={styles.hint}>
        Blue cells are inputs: select one and press Enter (or type) to edit, Enter to commit, Escape to
        cancel. Arrow keys move the selection.
      </Caption1>

      {view && <Charts charts={view.charts} label={`Charts on ${view.name}`} />}
    </div>
  );
}
