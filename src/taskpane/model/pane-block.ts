/**
 * Writing a run's results into the blocks a Stress sheet keeps for them: each block is found by its
 * workbook name, and the blocks are written only when every one has the shape this layout writes.
 * A Stress sheet of another layout has other blocks: writing past one would overwrite cells that
 * are not the pane's, so a missing or different block is an error the pane shows in words, and
 * nothing is written.
 */
import { parseRange, rangeColumns, rangeRows } from "../../shared/a1";
import type { CellValue, CellWrite, WorkbookHost } from "../../host/workbook-host";

export interface PaneBlockCells {
  readonly name: string;
  readonly shape: { readonly rows: number; readonly columns: number };
  readonly values: CellValue[][];
  /** The number format the values are in, when the block's unit is the run's (CellWrite.format). */
  readonly format?: CellWrite["format"];
  /** What the pane says when the sheet has no such block (an older layout). */
  readonly missing: string;
}

export async function writePaneBlocks(
  host: Pick<WorkbookHost, "locateNames" | "writeCells">,
  blocks: readonly PaneBlockCells[],
): Promise<void> {
  const found = await host.locateNames(blocks.map((b) => b.name));
  const writes = blocks.map((b): CellWrite => {
    const at = found[b.name];
    if (!at) throw new Error(b.missing);
    const range = parseRange(at.address);
    if (rangeRows(range) !== b.shape.rows || rangeColumns(range) !== b.shape.columns)
      throw new Error(b.missing);
    return {
      sheet: at.sheet,
      address: at.address,
      values: b.values,
      ...(b.format ? { format: b.format } : {}),
    };
  });
  await host.writeCells(writes);
}

/** One block (see writePaneBlocks). */
export async function writePaneBlock(
  host: Pick<WorkbookHost, "locateNames" | "writeCells">,
  name: string,
  shape: { readonly rows: number; readonly columns: number },
  cells: CellValue[][],
  missing: string,
): Promise<void> {
  await writePaneBlocks(host, [{ name, shape, values: cells, missing }]);
}
