/**
 * The last step of every .xlsx the project writes: ExcelJS's package, opened as a zip and made
 * valid where ExcelJS is not, then reported.
 *
 * - Every worksheet's child elements are put in the order the schema prescribes (ECMA-376 Part 1,
 *   18.3.1.99, CT_Worksheet). ExcelJS 4.4 writes `<legacyDrawing>` (the anchor of cell notes)
 *   after `<tableParts>`, so a sheet with a table and notes is one Excel repairs, blanking it.
 * - The workbook's children follow CT_Workbook (18.2.27), so the names can be added anywhere.
 * - Every `<font>` of the style sheet lists its properties in the order the Open XML SDK
 *   validates (b, i, strike, ..., sz, color, name, family, charset, scheme: the order Excel
 *   itself writes); ExcelJS writes color and family before sz and name.
 * - The workbook names are written here, not by ExcelJS: ExcelJS drops the quotes around a sheet
 *   name made of letters and digits (`FY25!$A$1`, `2025!$A$1`, which Excel reads as damage and
 *   drops) and does not double an apostrophe. The caller gives each name's reference, already
 *   quoted by sheetPrefix.
 *
 * The reordering is structural (a tag walk, not a regular expression over the text) and keeps
 * every element byte for byte; an element the schema does not allow in its parent is an error,
 * not something to guess a place for. Runs in Node (the CLI) and in the browser (the pane's
 * shareable copy): JSZip is loaded with the export's own lazy chunk.
 */
import type JSZipType from "jszip";
import type { NativeZip } from "./zip";

export type JSZipClass = typeof JSZipType;

/** A workbook name and what it refers to, e.g. { name: "Weights", refersTo: "'FY25'!$B$5:$E$5" }. */
export interface PackageName {
  readonly name: string;
  readonly refersTo: string;
  /** The sheet a sheet-scoped name belongs to (written as its localSheetId); none: the workbook. */
  readonly scope?: string;
}

/** A table's calculated columns: header and formula (without "="), as the first body row holds it. */
export interface TableFormulas {
  readonly table: string;
  readonly columns: readonly { readonly header: string; readonly formula: string }[];
}

/** What the written package contains: the CLI's --verbose report. */
export interface PackageReport {
  /** Every part of the zip, in zip order. */
  readonly parts: readonly string[];
  readonly names: readonly PackageName[];
  readonly tables: readonly { readonly sheet: string; readonly name: string; readonly ref: string }[];
  readonly notes: readonly { readonly sheet: string; readonly count: number }[];
  /** The parts whose children had to be put back in schema order. */
  readonly reordered: readonly string[];
}

/** CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER: readonly string[] = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** CT_Workbook's children in schema order (ECMA-376 Part 1, 18.2.27). */
export const WORKBOOK_ORDER: readonly string[] = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** A font's properties in the order the Open XML SDK validates CT_Font (and Excel writes them). */
export const FONT_ORDER: readonly string[] = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

// ---- a tag walk over XML text ----------------------------------------------------------------

interface Tag {
  readonly kind: "open" | "close" | "empty" | "other";
  /** Qualified name as written (with any prefix). */
  readonly name: string;
  readonly start: number;
  /** Index just past the tag's '>'. */
  readonly end: number;
}

/** The next tag at or after `from`, or null at the end. Attribute values may contain '>'. */
function nextTag(xml: string, from: number): Tag | null {
  const start = xml.indexOf("<", from);
  if (start < 0) return null;
  const skipTo = (terminator: string): Tag => {
    const at = xml.indexOf(terminator, start);
    if (at < 0) throw new Error(`Unterminated markup at offset ${start}.`);
    return { kind: "other", name: "", start, end: at + terminator.length };
  };
  if (xml.startsWith("<?", start)) return skipTo("?>");
  if (xml.startsWith("<!--", start)) return skipTo("-->");
  if (xml.startsWith("<![CDATA[", start)) return skipTo("]]>");
  if (xml.startsWith("<!", start)) return skipTo(">");
  let i = start + 1;
  let quote: string | null = null;
  for (; i < xml.length; i++) {
    const ch = xml[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") break;
  }
  if (i >= xml.length) throw new Error(`Unterminated tag at offset ${start}.`);
  const close = xml[start + 1] === "/";
  const name = /^[^\s/>]+/.exec(xml.slice(start + (close ? 2 : 1), Math.min(i, start + 200)))?.[0] ?? "";
  const kind = close ? "close" : xml[i - 1] === "/" ? "empty" : "open";
  return { kind, name, start, end: i + 1 };
}

interface Child {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Puts the direct children of every `parent` element in `order` (a stable sort: repeated
 * elements such as conditionalFormatting keep their relative order). Returns the new text and
 * whether anything moved. Throws on a child `order` does not list, or on text between children.
 *
 * The content of an `opaque` element is not walked: the element is found whole by its first
 * closing tag. That holds for an element that does not nest and whose content has no CDATA
 * section or comment (elsewhere a '<' in text is escaped): a worksheet's `<sheetData>` as ExcelJS
 * writes it, which holds every cell and nearly all of the sheet's text.
 */
export function reorderChildren(
  xml: string,
  parent: string,
  order: readonly string[],
  opaque: readonly string[] = [],
): { xml: string; moved: boolean } {
  const rank = new Map(order.map((name, i) => [name, i]));
  const skipped = new Set(opaque);
  const edits: { start: number; end: number; text: string }[] = [];
  // Open elements: for each, whether it is a `parent` and, if so, its children so far.
  const stack: { name: string; contentStart: number; children: Child[] | null; childStart: number }[] = [];
  let at = 0;
  for (let tag = nextTag(xml, at); tag !== null; tag = nextTag(xml, at)) {
    at = tag.end;
    if (tag.kind === "other") continue;
    const top = stack[stack.length - 1];
    if (tag.kind === "open" && skipped.has(tag.name)) {
      // Moved whole, never walked: its end is its own closing tag (see `opaque`).
      const end = closingTagEnd(xml, tag.name, tag.end);
      if (top?.children) top.children.push({ name: tag.name, start: tag.start, end });
      at = end;
      continue;
    }
    if (tag.kind === "open" || tag.kind === "empty") {
      if (top?.children && stack.length > 0) {
        // A direct child of a parent being collected starts here.
        if (tag.kind === "empty") top.children.push({ name: tag.name, start: tag.start, end: tag.end });
        else top.childStart = tag.start;
      }
      if (tag.kind === "open")
        stack.push({
          name: tag.name,
          contentStart: tag.end,
          children: tag.name === parent ? [] : null,
          childStart: -1,
        });
      continue;
    }
    // A close tag.
    const closed = stack.pop();
    if (!closed || closed.name !== tag.name)
      throw new Error(`Mismatched </${tag.name}> at offset ${tag.start}.`);
    const owner = stack[stack.length - 1];
    if (owner?.children) owner.children.push({ name: closed.name, start: owner.childStart, end: tag.end });
    if (closed.children) {
      const children = closed.children;
      let cursor = closed.contentStart;
      for (const child of children) {
        if (xml.slice(cursor, child.start).trim() !== "")
          throw new Error(`Unexpected text inside <${parent}> at offset ${cursor}.`);
        if (!rank.has(child.name))
          throw new Error(`<${child.name}> is not allowed inside <${parent}> by the schema.`);
        cursor = child.end;
      }
      const sorted = children
        .map((child, index) => ({ child, index }))
        .sort((a, b) => rank.get(a.child.name)! - rank.get(b.child.name)! || a.index - b.index);
      if (sorted.some((s, i) => s.index !== i))
        edits.push({
          start: closed.contentStart,
          end: tag.start,
          text: sorted.map((s) => xml.slice(s.child.start, s.child.end)).join(""),
        });
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed.`);
  let out = xml;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { xml: out, moved: edits.length > 0 };
}

/** The index just past the closing tag `</name>` at or after `from`. */
function closingTagEnd(xml: string, name: string, from: number): number {
  for (let at = xml.indexOf(`</${name}`, from); at >= 0; at = xml.indexOf(`</${name}`, at + 1)) {
    const after = at + 2 + name.length;
    const close = xml.indexOf(">", after);
    if (close >= 0 && xml.slice(after, close).trim() === "") return close + 1;
  }
  throw new Error(`<${name}> is never closed.`);
}

// ---- names ---------------------------------------------------------------------------------------

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    switch (e.toLowerCase()) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      case "amp":
        return "&";
      default:
        return String.fromCodePoint(
          e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        );
    }
  });
}

/**
 * Adds the names to workbook.xml's `<definedNames>` (created after `<sheets>` when absent),
 * replacing any ExcelJS wrote under the same name in the same scope. A sheet-scoped name carries
 * its sheet's position among `<sheets>` as localSheetId (ECMA-376 Part 1, 18.2.5); a name whose
 * sheet the workbook does not have is an error of the caller.
 */
export function writeDefinedNames(workbookXml: string, names: readonly PackageName[]): string {
  if (names.length === 0) return workbookXml;
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) =>
    attribute(m[0], "name").toLowerCase(),
  );
  const localId = (n: PackageName): string => {
    if (n.scope === undefined) return "";
    const index = sheets.indexOf(n.scope.toLowerCase());
    if (index < 0)
      throw new Error(`The name ${n.name} belongs to sheet "${n.scope}", which the workbook does not have.`);
    return String(index);
  };
  const key = (name: string, local: string): string => `${local}!${name.toLowerCase()}`;
  const wanted = new Set(names.map((n) => key(n.name, localId(n))));
  const entries = names
    .map((n) => {
      const local = localId(n);
      const scope = local === "" ? "" : ` localSheetId="${local}"`;
      return `<definedName name="${escapeXml(n.name)}"${scope}>${escapeXml(n.refersTo)}</definedName>`;
    })
    .join("");
  const existing = /<definedNames>([\s\S]*?)<\/definedNames>|<definedNames\/>/.exec(workbookXml);
  if (existing) {
    const kept = (existing[1] ?? "").replace(
      /<definedName\b([^>]*)>[\s\S]*?<\/definedName>/g,
      (whole, attributes: string) =>
        wanted.has(key(attribute(attributes, "name"), /\blocalSheetId="(\d+)"/.exec(attributes)?.[1] ?? ""))
          ? ""
          : whole,
    );
    return (
      workbookXml.slice(0, existing.index) +
      `<definedNames>${kept}${entries}</definedNames>` +
      workbookXml.slice(existing.index + existing[0].length)
    );
  }
  const sheetsEnd = workbookXml.indexOf("</sheets>");
  if (sheetsEnd < 0) throw new Error("workbook.xml has no <sheets> element.");
  const at = sheetsEnd + "</sheets>".length;
  return `${workbookXml.slice(0, at)}<definedNames>${entries}</definedNames>${workbookXml.slice(at)}`;
}

/**
 * A table part with a `<calculatedColumnFormula>` in each calculated column (CT_TableColumn,
 * ECMA-376 Part 1, 18.5.1.3: its first child), which ExcelJS does not write: Excel fills the
 * formula into a row added to the table, as it does for a calculated column made in Excel.
 */
export function withCalculatedColumns(tableXml: string, formulas: TableFormulas): string {
  const byHeader = new Map(formulas.columns.map((c) => [c.header, c.formula]));
  return tableXml.replace(/<tableColumn\b([^>]*?)(\/>|>)/g, (whole, attributes: string, end: string) => {
    const formula = byHeader.get(attribute(`<x${attributes}>`, "name"));
    if (formula === undefined || /<calculatedColumnFormula\b/.test(whole)) return whole;
    const element = `<calculatedColumnFormula>${escapeXml(formula)}</calculatedColumnFormula>`;
    return end === "/>" ? `<tableColumn${attributes}>${element}</tableColumn>` : `${whole}${element}`;
  });
}

// ---- the package ---------------------------------------------------------------------------------

/** Loads JSZip (Node: the package; browser: its own lazy chunk, beside ExcelJS's). */
export async function loadJSZip(): Promise<JSZipClass> {
  const loaded = (await import("jszip")) as JSZipClass & { default?: JSZipClass };
  return loaded.default ?? loaded;
}

/** Relationship targets of a .rels part by type suffix, resolved against `base` (a folder). */
function relationships(relsXml: string | null, base: string): { type: string; target: string }[] {
  if (relsXml === null) return [];
  return [...relsXml.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => {
    const type = /\bType="([^"]*)"/.exec(tag)?.[1] ?? "";
    const target = unescapeXml(/\bTarget="([^"]*)"/.exec(tag)?.[1] ?? "");
    return { type: type.slice(type.lastIndexOf("/") + 1), target: resolvePart(base, target) };
  });
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

function attribute(tag: string, name: string): string {
  return unescapeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? "");
}

/** The parts of a package as finishPackage reads, replaces and then writes them. */
interface PackageParts {
  text(path: string): Promise<string | null>;
  replace(path: string, xml: string): void;
  /** Every part (not the folders), in zip order. */
  files(): string[];
  /** The deflated package. */
  generate(): Promise<Uint8Array>;
}

/** The parts through JSZip: in the browser, or for a package the native zip does not read. */
async function jszipParts(bytes: Uint8Array, JSZip: JSZipClass): Promise<PackageParts> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    text: async (path) => (await zip.file(path)?.async("string")) ?? null,
    replace: (path, xml) => void zip.file(path, xml),
    files: () => Object.keys(zip.files).filter((p) => !zip.files[p].dir),
    generate: () =>
      zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } }),
  };
}

/**
 * The parts of a stored package read and written by `native` (the command line's, see zip.ts);
 * null when the package is not one it reads. A part nothing changes is never encoded again.
 */
function storedParts(bytes: Uint8Array, native: NativeZip): PackageParts | null {
  const entries = native.read(bytes);
  if (entries === null) return null;
  const byName = new Map(entries.map((e, i) => [e.name, i]));
  // A byte order mark stays in the text, so a part written back keeps it.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const encoder = new TextEncoder();
  return {
    text: (path) => {
      const index = byName.get(path);
      return Promise.resolve(
        index === undefined || path.endsWith("/") ? null : decoder.decode(entries[index].data),
      );
    },
    replace: (path, xml) => {
      const index = byName.get(path);
      if (index === undefined) throw new Error(`The package has no part ${path}.`);
      entries[index] = { name: path, data: encoder.encode(xml) };
    },
    files: () => entries.filter((e) => !e.name.endsWith("/")).map((e) => e.name),
    generate: () => native.write(entries),
  };
}

/**
 * Makes ExcelJS's package valid (see the module's comment) and writes the workbook names.
 * Returns the new bytes and what the package contains. With `native` (the command line's zip
 * container and Node's zlib), a stored package is read and written without JSZip; the parts are
 * the same.
 */
export async function finishPackage(
  bytes: Uint8Array,
  names: readonly PackageName[],
  JSZip: JSZipClass,
  tableFormulas: readonly TableFormulas[] = [],
  native?: NativeZip,
): Promise<{ bytes: Uint8Array; report: PackageReport }> {
  const zip = (native && storedParts(bytes, native)) || (await jszipParts(bytes, JSZip));
  const text = (path: string): Promise<string | null> => zip.text(path);
  const reordered: string[] = [];
  const rewrite = async (path: string, change: (xml: string) => { xml: string; moved: boolean }) => {
    const xml = await text(path);
    if (xml === null) return;
    const result = change(xml);
    if (result.xml !== xml) zip.replace(path, result.xml);
    if (result.moved) reordered.push(path);
  };

  const workbookPath = "xl/workbook.xml";
  await rewrite(workbookPath, (xml) =>
    reorderChildren(writeDefinedNames(xml, names), "workbook", WORKBOOK_ORDER),
  );
  await rewrite("xl/styles.xml", (xml) => reorderChildren(xml, "font", FONT_ORDER));

  // Sheets by name, with their parts, through the workbook's relationships.
  const workbookXml = (await text(workbookPath)) ?? "";
  const relTarget = new Map(
    [...((await text("xl/_rels/workbook.xml.rels")) ?? "").matchAll(/<Relationship\b[^>]*>/g)].map(
      ([tag]) => [attribute(tag, "Id"), resolvePart("xl", attribute(tag, "Target"))],
    ),
  );
  const tables: { sheet: string; name: string; ref: string }[] = [];
  const notes: { sheet: string; count: number }[] = [];
  for (const [tag] of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const sheet = attribute(tag, "name");
    const part = relTarget.get(attribute(tag, "r:id"));
    if (part === undefined) continue;
    await rewrite(part, (xml) => reorderChildren(xml, "worksheet", WORKSHEET_ORDER, ["sheetData"]));
    const folder = part.slice(0, part.lastIndexOf("/"));
    const file = part.slice(part.lastIndexOf("/") + 1);
    for (const rel of relationships(await text(`${folder}/_rels/${file}.rels`), folder)) {
      const xml = await text(rel.target);
      if (xml === null) continue;
      if (rel.type === "table") {
        const head = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
        const name = attribute(head, "name");
        tables.push({ sheet, name, ref: attribute(head, "ref") });
        const formulas = tableFormulas.find((t) => t.table.toLowerCase() === name.toLowerCase());
        if (formulas && formulas.columns.length > 0)
          await rewrite(rel.target, (x) => ({ xml: withCalculatedColumns(x, formulas), moved: false }));
      } else if (rel.type === "comments") {
        notes.push({ sheet, count: (xml.match(/<comment\b/g) ?? []).length });
      }
    }
  }

  const out = await zip.generate();
  const parts = zip.files();
  return { bytes: out, report: { parts, names, tables, notes, reordered } };
}

/**
 * The package as ExcelJS can read it. ExcelJS's table-column parser ends a `<tableColumn>` at the
 * first closing tag inside it, so a column with a child element (`<calculatedColumnFormula>`,
 * `<totalsRowFormula>`: Excel writes them for every calculated column) cuts the table's column
 * list short and the load fails. The children are dropped from the copy ExcelJS reads; the cells
 * keep their formulas, which is all the reader needs.
 */
export async function readableByExcelJS(bytes: Uint8Array, JSZip: JSZipClass): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const tables = Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p));
  let changed = false;
  for (const path of tables) {
    const xml = await zip.file(path)!.async("string");
    const plain = xml.replace(
      /<(calculatedColumnFormula|totalsRowFormula)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g,
      "",
    );
    if (plain !== xml) {
      zip.file(path, plain);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array" }) : bytes;
}

/** A defined name as a file holds it: its scope (a sheet's name, or null for the workbook). */
export interface FileDefinedName {
  readonly name: string;
  readonly scope: string | null;
  /** What it refers to, as a formula with its "=" (a range, a constant or a formula). */
  readonly expression: string;
}

/**
 * The defined names of workbook.xml, read from the package itself: ExcelJS keeps only names that
 * are plain ranges and drops their scope. Excel's own names (`_xlnm.Print_Area`, the `_xlfn.`
 * names it adds for newer functions) are left out: they are the file format's, not the user's.
 */
export async function readDefinedNames(bytes: Uint8Array, JSZip: JSZipClass): Promise<FileDefinedName[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const sheets = [...xml.matchAll(/<sheet\b[^>]*>/g)].map((m) => attribute(m[0], "name"));
  const out: FileDefinedName[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = attribute(m[1], "name");
    if (name === "" || /^_xl/i.test(name)) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(m[1]);
    const scope = local ? (sheets[Number(local[1])] ?? null) : null;
    if (local && scope === null) continue;
    out.push({ name, scope, expression: `=${unescapeXml(m[2]).trim()}` });
  }
  return out;
}
