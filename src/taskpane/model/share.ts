/**
 * Which plans a shareable copy is made from: one per template sheet in the workbook, the sheet
 * the workbook's names point at (after "keep both" the newest copy drives the model). The plan of
 * a sheet the pane built this session is reused; otherwise the template is planned again with the pane's
 * options, with as many portfolio rows as the sheet has.
 */
import type { WorkbookHost } from "../../host/workbook-host";
import type { BuiltSheet } from "./build";
import { sameName } from "../../host/placement";
import { planModel, type ModelOptions } from "../../templates/index";
import { type SheetPlan, TEMPLATE_IDS, type TemplateId } from "../../templates/plan";
import { ROI_NAMES } from "../../templates/roi";
import { PORTFOLIO_NAMES } from "../../templates/portfolio";
import { ROLLOUT_NAMES } from "../../templates/rollout";
import { STRESS_NAMES } from "../../templates/stress";

/** A name each template defines, to find the sheet that currently holds the template. */
export const ANCHOR_NAMES: Record<TemplateId, string> = {
  portfolio: PORTFOLIO_NAMES.useCaseNames,
  rollout: ROLLOUT_NAMES.adoptedShare,
  roi: ROI_NAMES.annualRoi,
  stress: STRESS_NAMES.scenario,
};

export async function plansToShare(
  host: Pick<WorkbookHost, "locateNames" | "readNames">,
  built: readonly BuiltSheet[],
  options: ModelOptions,
): Promise<SheetPlan[]> {
  const where = await host.locateNames(TEMPLATE_IDS.map((t) => ANCHOR_NAMES[t]));
  const present = TEMPLATE_IDS.filter((t) => where[ANCHOR_NAMES[t]] !== null);
  if (present.length === 0) return [];
  const useCases = (await host.readNames([ANCHOR_NAMES.portfolio]))[ANCHOR_NAMES.portfolio];
  const rows = useCases ? useCases.length : options.rows;
  return present.map((template) => {
    const sheet = where[ANCHOR_NAMES[template]]!.sheet;
    const known = built.find((p) => p.template === template && sameName(p.sheet, sheet));
    if (known) return known.plan();
    const [plan] = planModel(
      [template],
      { ...options, rows: template === "portfolio" ? rows : options.rows },
      present,
    );
    return { ...plan, sheet };
  });
}

/** genai-business-case-2025-03-01.xlsx */
export function shareableFileName(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `genai-business-case-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.xlsx`;
}
