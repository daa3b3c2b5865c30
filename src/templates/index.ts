/**
 * The template catalogue: each template by id, and the complete model (all four sheets, linked
 * through workbook names so a change anywhere flows through).
 */
import type { SheetPlan, TemplateId, TemplateOptions } from "./plan";
import { TEMPLATE_IDS } from "./plan";
import { portfolioTemplate } from "./portfolio";
import { roiTemplate } from "./roi";
import { rolloutTemplate } from "./rollout";
import { stressTemplate } from "./stress";

export const TEMPLATES: Record<TemplateId, (options: TemplateOptions) => SheetPlan> = {
  portfolio: portfolioTemplate,
  rollout: rolloutTemplate,
  roi: roiTemplate,
  stress: stressTemplate,
};

export type ModelOptions = Omit<TemplateOptions, "linkedTo">;

/**
 * Plans for the selected templates, in catalogue order, each linked to every other template that
 * is selected or already in the workbook (`present`). The complete model is all four.
 */
export function planModel(
  selection: readonly TemplateId[],
  options: ModelOptions,
  present: readonly TemplateId[] = [],
): SheetPlan[] {
  const available = new Set([...selection, ...present]);
  return TEMPLATE_IDS.filter((id) => selection.includes(id)).map((id) =>
    TEMPLATES[id]({
      ...options,
      linkedTo: TEMPLATE_IDS.filter((other) => other !== id && available.has(other)),
    }),
  );
}

/** All four sheets, linked. */
export function planCompleteModel(options: ModelOptions): SheetPlan[] {
  return planModel(TEMPLATE_IDS, options);
}
