/**
 * Writing a run's results into the block a Stress sheet keeps for them: the block is found by its
 * workbook name, and written only when it has the shape this layout writes. A Stress sheet of
 * another layout has another block: writing past it would overwrite cells that are not the
 * pane's, so a missing or different block is an error the pane shows in words.
 */
import { parseRange, rangeColumns, rangeRows } from "../../shared/a1";
import type { CellValue, WorkbookHost } from "../../host/workbook-host";

export async function writePaneBlock(
  host: Pick<WorkbookHost, "locateNames" | "writeCells">,
  name: string,
  shape: { readonly rows: number; readonly columns: number },
  cells: CellValue[][],
  missing: string,
): Promise<void> {
  const at = (await host.locateNames([name]))[name];
  if (!at) throw new Error(missing);
  const range = parseRange(at.address);
  if (rangeRows(range) !== shape.rows || rangeColumns(range) !== shape.columns) throw new Error(missing);
  await host.writeCells([{ sheet: at.sheet, address: at.address, values: cells }]);
}
