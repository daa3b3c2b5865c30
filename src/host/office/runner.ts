/**
 * How OfficeHost reaches Excel: Excel.run (or a stand-in for tests and benchmarks) and the
 * requirement-set check.
 */

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/**
 * Excel.run, or a stand-in for it (tests, benchmarks): runs a batch in a new request context, or
 * in `reuse`'s context (removing an event handler must use the context that added it).
 */
export type ExcelRunner = <T>(
  batch: ExcelBatch<T>,
  reuse?: OfficeExtension.ClientRequestContext,
) => Promise<T>;

/** Excel.run (ExcelApi 1.1). */
export const excelRun: ExcelRunner = (batch, reuse) => (reuse ? Excel.run(reuse, batch) : Excel.run(batch));

/** The manifest's floor, ExcelApi 1.9 with SharedRuntime 1.1: the oldest Excel builds the add-in supports. */
export const EXCEL_API_FLOOR = "1.9";

/** Office's requirement-set check; outside Office (tests, benchmarks) the manifest's floor. */
export function officeSupports(set: string, version: string): boolean {
  try {
    if (typeof Office !== "undefined" && Office.context?.requirements)
      return Office.context.requirements.isSetSupported(set, version);
  } catch {
    // fall through to the floor
  }
  return set === "ExcelApi" && compareVersions(version, EXCEL_API_FLOOR) <= 0;
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 !== b1 ? a1 - b1 : (a2 ?? 0) - (b2 ?? 0);
}
