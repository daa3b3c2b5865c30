/**
 * Workbook and sheet names as OfficeHost reads them: keyed case-insensitively (as Excel compares
 * names), where a name's formula points, and the template markers that say which template built
 * a sheet.
 */
import { splitQualified } from "../../shared/a1";
import { TEMPLATE_IDS, type TemplateId } from "../../templates/plan";
import { sameName } from "../placement";
import { type SheetTemplate, sheetTemplate, templateMarkerName, templateVersionName } from "../workbook-host";

export interface ExistingName {
  readonly name: string;
  readonly formula: string;
}

/** Loaded named items (name and formula) by lower-case name. */
export function namesByKey(items: readonly Excel.NamedItem[]): Map<string, ExistingName> {
  return new Map(
    items.map((n): [string, ExistingName] => [
      n.name.toLowerCase(),
      { name: n.name, formula: String(n.formula) },
    ]),
  );
}

/** The sheet and address a name's formula ("=ROI!$B$5") refers to; the sheet is null for a constant. */
export function nameTarget(formula: string): { sheet: string | null; address: string } {
  return splitQualified(formula.replace(/^=/, ""));
}

/** Whether a name's formula refers to a cell of `sheet`. */
export function pointsAt(formula: string, sheet: string): boolean {
  const { sheet: target } = nameTarget(formula);
  return target !== null && sameName(target, sheet);
}

export interface TemplateMarker {
  readonly template: TemplateId;
  readonly version: number | null;
}

/** The workbook's template markers, by the lower-case name of the sheet each points at. */
export function templateMarkers(names: ReadonlyMap<string, ExistingName>): Map<string, TemplateMarker> {
  const out = new Map<string, TemplateMarker>();
  for (const template of TEMPLATE_IDS) {
    const marker = names.get(templateMarkerName(template).toLowerCase());
    if (!marker) continue;
    const { sheet } = nameTarget(marker.formula);
    if (!sheet) continue;
    out.set(sheet.toLowerCase(), { template, version: versionOf(names, template) });
  }
  return out;
}

function versionOf(names: ReadonlyMap<string, ExistingName>, template: TemplateId): number | null {
  const version = names.get(templateVersionName(template).toLowerCase());
  const n = version ? Number(version.formula.replace(/^=/, "")) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** Which template built a sheet: its own sheet-scoped marker first (an older copy), then the workbook's. */
export function templateOf(
  sheet: string,
  local: ReadonlyMap<string, ExistingName>,
  markers: ReadonlyMap<string, TemplateMarker>,
): SheetTemplate {
  return sheetTemplate(
    (template) =>
      local.has(templateMarkerName(template).toLowerCase()) ? versionOf(local, template) : undefined,
    () => markers.get(sheet.toLowerCase()) ?? null,
  );
}
