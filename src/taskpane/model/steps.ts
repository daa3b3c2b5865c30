/** A host's build step in the pane's language, for progress and for the step a failure names. */
import type { PaneStrings } from "../../i18n/bundle";
import type { ApplyProgress, ApplyStepKind } from "../../host/workbook-host";
import { fill } from "./format";
import { sheetShown } from "./sheet-names";

const STEP_TEXT: Record<ApplyStepKind, keyof PaneStrings> = {
  reading: "stepReading",
  preparing: "stepPreparing",
  names: "stepNames",
  cells: "stepCells",
  formats: "stepFormats",
  tables: "stepTables",
  rules: "stepRules",
  charts: "stepCharts",
  linking: "stepLinking",
  values: "stepValues",
  finishing: "stepFinishing",
};

/** A host's progress step in the pane's language ("writing cells A1:R2000 on ROI"). */
export function stepText(p: Pick<ApplyProgress, "kind" | "sheet" | "range">, s: PaneStrings): string {
  const text = fill(s[STEP_TEXT[p.kind]], { sheet: sheetShown(p.sheet, s), range: p.range ?? "" });
  // A step without a range reads without the gap its placeholder left.
  return text.replace(/\s{2,}/g, " ").trim();
}
