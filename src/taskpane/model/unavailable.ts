/**
 * What the pane says instead of a spreadsheet error. An output that cannot be computed
 * (#DIV/0!, #VALUE!, #N/A, #NUM!, #REF! ...) comes from an input that holds something the model
 * cannot use: an error, a text where a number belongs, a number outside the input's validation,
 * a blank required input, or 0 where the model divides by the input. The pane finds that input
 * and says what to enter and where ("Enter spread over (years) on ROI!B34"); when no named input
 * is at fault it says where the output is and that the cells it uses need checking. It never
 * shows the raw error beside a figure that looks like a result.
 */
import type { Locale } from "../../i18n/locale";
import { bundleFor } from "../../i18n/bundles";
import type { CellValue, NameLocation, WorkbookHost } from "../../host/workbook-host";
import { parseRange } from "../../shared/a1";
import { BLANK_RULES, enterText, NONZERO_INPUTS } from "../../templates/blank-inputs";
import { planCompleteModel } from "../../templates/index";
import type { TemplateId, ValidationRule } from "../../templates/plan";
import { fill } from "./format";
import type { NameValues } from "./summary";

/** A named input as the templates declare it: its label, validation and whether a blank is allowed. */
export interface InputSpec {
  readonly name: string;
  readonly template: TemplateId;
  readonly label: string;
  readonly rule: ValidationRule | null;
  readonly required: boolean;
  readonly nonZero: boolean;
}

/** Excel's error values as cells hold them (HyperFormula and Office.js give the same text). */
const ERROR_VALUE = /^#(DIV\/0!|VALUE!|N\/A|NUM!|REF!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|ERROR!|CYCLE!)$/;

export function isErrorValue(v: CellValue | undefined): v is string {
  return typeof v === "string" && ERROR_VALUE.test(v.trim());
}

const within = (outer: string, inner: string): boolean => {
  const a = parseRange(outer.replace(/\$/g, ""));
  const b = parseRange(inner.replace(/\$/g, ""));
  return b.top >= a.top && b.bottom <= a.bottom && b.left >= a.left && b.right <= a.right;
};

const specsByLocale = new Map<Locale, readonly InputSpec[]>();

/**
 * Every named input of the complete model with a blank-input rule, in the order the outputs
 * depend on them: the ROI sheet first (every headline figure reads it), then the Rollout sheet
 * (its adoption feeds the ROI sheet), the Portfolio and the Stress sheet.
 */
export function inputSpecs(locale: Locale): readonly InputSpec[] {
  const cached = specsByLocale.get(locale);
  if (cached) return cached;
  const order: readonly TemplateId[] = ["roi", "rollout", "portfolio", "stress"];
  const plans = planCompleteModel({ data: "sample", currency: "", locale });
  const specs = order.flatMap((template) => {
    const plan = plans.find((p) => p.template === template);
    if (!plan) return [];
    return plan.names
      .filter((n) => n.name in BLANK_RULES && BLANK_RULES[n.name].kind !== "row")
      .map((n): InputSpec => {
        const validation = plan.validations.find((v) => within(v.range, n.range));
        return {
          name: n.name,
          template,
          label: n.comment,
          rule: validation?.rule ?? null,
          required: BLANK_RULES[n.name].kind === "required",
          nonZero: NONZERO_INPUTS.has(n.name),
        };
      });
  });
  specsByLocale.set(locale, specs);
  return specs;
}

/** Whether one cell of an input holds something the model cannot use. */
export function unusable(spec: InputSpec, v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === "") return spec.required;
  if (isErrorValue(v)) return true;
  if (spec.nonZero && v === 0) return true;
  const rule = spec.rule;
  if (!rule) return false;
  if (rule.kind === "list") {
    const text = String(v).trim().toLowerCase();
    return !rule.values.some((x) => x.toLowerCase() === text);
  }
  if (typeof v !== "number" || !Number.isFinite(v)) return true;
  return v < rule.min || v > rule.max || (rule.kind === "whole" && !Number.isInteger(v));
}

/** The first input that holds something the model cannot use, with where it is. */
export function faultyInput(
  specs: readonly InputSpec[],
  values: NameValues,
  where: Readonly<Record<string, NameLocation | null>>,
): { spec: InputSpec; at: NameLocation } | null {
  for (const spec of specs) {
    const cells = values[spec.name];
    const at = where[spec.name];
    if (!cells || !at) continue;
    const flat = cells.flat();
    // A multi-cell input (the four weights) is missing only when it is blank as a whole.
    const blankWhole = flat.every((v) => v === null || v === "");
    const bad = blankWhole ? spec.required : flat.some((v) => v !== null && v !== "" && unusable(spec, v));
    if (bad) return { spec, at };
  }
  return null;
}

/**
 * The words shown in place of an output's error: what to enter and where, or where the output
 * is and that the cells it uses need checking.
 */
export function unavailableText(
  locale: Locale,
  output: NameLocation | null,
  fault: { spec: InputSpec; at: NameLocation } | null,
): string {
  if (fault) return enterText(locale, fault.spec.label, fault.at.sheet, fault.at.address);
  const s = bundleFor(locale).pane;
  return output
    ? fill(s.cannotCompute, { at: `${output.sheet}!${output.address}` })
    : s.cannotComputeAnywhere;
}

/**
 * When a reading of the workbook met a spreadsheet error, what to enter and where: the named
 * input at fault, read from the workbook now; null when no named input is at fault (the
 * caller's own message, which says which row holds the error, stands).
 */
export async function inputToEnter(
  host: Pick<WorkbookHost, "readNames" | "locateNames">,
  locale: Locale,
  got: unknown,
): Promise<string | null> {
  if (!isErrorValue(typeof got === "string" ? got : undefined)) return null;
  const specs = inputSpecs(locale);
  const names = specs.map((s) => s.name);
  const [values, where] = await Promise.all([host.readNames(names), host.locateNames(names)]);
  const fault = faultyInput(specs, values, where);
  return fault ? unavailableText(locale, null, fault) : null;
}
