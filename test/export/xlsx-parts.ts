/**
 * Editing a saved .xlsx the way Excel itself would leave it, part by part, without loading it into
 * a workbook library: ExcelJS rewrites what it reads, and drops what it does not model (defined
 * names that are structured references, tables' calculated-column formulas), so a file edited
 * through it is no longer the file the add-in wrote. The regular expressions here read only the
 * XML this project's export writes.
 */
import JSZip from "jszip";
import type { CellValue } from "../../src/host/workbook-host";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A cell element as Excel writes a typed entry or a formula (no style). */
export function cellXml(address: string, content: string | number | { formula: string }): string {
  if (typeof content === "number") return `<c r="${address}"><v>${content}</v></c>`;
  if (typeof content === "string")
    return `<c r="${address}" t="inlineStr"><is><t>${escapeXml(content)}</t></is></c>`;
  return `<c r="${address}"><f>${escapeXml(content.formula)}</f></c>`;
}

/** The sheet part with `cells` as the content of row `row` (1-based), which must be empty. */
export function withRow(sheetXml: string, row: number, cells: string[]): string {
  const existing = new RegExp(`<row r="${row}"[^>]*?(/>|>[\\s\\S]*?</row>)`).exec(sheetXml);
  const element = `<row r="${row}">${cells.join("")}</row>`;
  if (existing) {
    if (/<c\b[^>]*>(?:(?!<\/c>)[\s\S])*<(?:v|f|is)>/.test(existing[0]))
      throw new Error(`row ${row} is not empty`);
    return sheetXml.replace(existing[0], element);
  }
  const after = [...sheetXml.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > row);
  if (after?.index === undefined) return sheetXml.replace("</sheetData>", `${element}</sheetData>`);
  return sheetXml.slice(0, after.index) + element + sheetXml.slice(after.index);
}

/**
 * The sheet part with the cell at `address` holding `value`, as a user types it over an input: its
 * style stays, its type follows the value (a number, a text, a logical, or nothing for null).
 */
export function withValue(sheetXml: string, address: string, value: CellValue): string {
  const cell = new RegExp(`<c r="${address}"([^>]*?)(/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  if (!cell && value === null) return sheetXml; // nothing there: already blank
  if (!cell) throw new Error(`no cell ${address}`);
  const attributes = cell[1].replace(/\s*t="[^"]*"/, "");
  const element =
    value === null
      ? `<c r="${address}"${attributes}/>`
      : typeof value === "number"
        ? `<c r="${address}"${attributes}><v>${value}</v></c>`
        : typeof value === "boolean"
          ? `<c r="${address}"${attributes} t="b"><v>${value ? 1 : 0}</v></c>`
          : `<c r="${address}"${attributes} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  return sheetXml.replace(cell[0], element);
}

/**
 * The sheet part with every formula's cached result removed (the formula stays), so that a reader
 * can only show what it computed itself; and how many results were removed.
 */
export function withoutCachedResults(sheetXml: string): { xml: string; removed: number } {
  let removed = 0;
  const xml = sheetXml.replace(
    /<c\b([^>]*?)>((?:(?!<\/c>)[\s\S])*?<f\b(?:(?!<\/c>)[\s\S])*?)<\/c>/g,
    (_, attributes: string, body: string) => {
      removed++;
      return `<c${attributes.replace(/\s*t="[^"]*"/, "")}>${body.replace(/<v>[^<]*<\/v>|<v\/>/, "")}</c>`;
    },
  );
  return { xml, removed };
}

/** The path of a sheet's part in the package, found through the workbook and its relationships. */
export async function sheetPartOf(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet\\b[^>]*name="${escapeXml(sheet)}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target =
    new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return "xl/worksheets/" + target.slice(target.lastIndexOf("/") + 1);
}

/**
 * The file with each edit typed into its cell and, when asked, every formula's cached result
 * removed; the rest of the package (names, tables, styles) byte for byte as it was.
 */
export async function editedXlsx(
  bytes: Uint8Array,
  edits: readonly { sheet: string; address: string; value: CellValue }[],
  options: { stripResults: boolean },
): Promise<{ bytes: Uint8Array; strippedResults: number }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  const part = async (path: string): Promise<string> => parts.get(path) ?? zip.file(path)!.async("string");
  for (const e of edits) {
    const path = await sheetPartOf(zip, e.sheet);
    parts.set(path, withValue(await part(path), e.address, e.value));
  }
  let strippedResults = 0;
  if (options.stripResults)
    for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
      const { xml, removed } = withoutCachedResults(await part(path));
      parts.set(path, xml);
      strippedResults += removed;
    }
  for (const [path, xml] of parts) zip.file(path, xml);
  return { bytes: await zip.generateAsync({ type: "uint8array" }), strippedResults };
}
