/**
 * Delivering a workbook file outside Excel (the browser preview): a download through a Blob and
 * an object URL on an <a download>. In Excel, index.tsx passes OfficeHost's createWorkbook instead.
 */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadWorkbook(bytes: Uint8Array, fileName: string): Promise<void> {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return Promise.resolve();
}
