/**
 * @jest-environment jsdom
 */
/**
 * A language is one folder: the pseudo-language qps-ploc (English accented and bracketed, built
 * from the English bundle) must reach every text of the model's sheets and of the pane. A text
 * that comes out unbracketed was written somewhere other than a bundle, so it would stay English
 * in any new language. The only texts allowed through are the ones declared English on purpose:
 * list values formulas compare against, and the workbook names the user types.
 */
import { isPseudo } from "../../scripts/pseudo-locale";
import { LINE_DISTRIBUTIONS } from "../../src/engine/distributions";
import { SAMPLINGS } from "../../src/engine/sampling";
import { MemoryHost } from "../../src/host/memory";
import { bundleFor } from "../../src/i18n/bundles";
import { planModel, TEMPLATES } from "../../src/templates";
import { isFormula, type SheetPlan, type TemplateId } from "../../src/templates/plan";
import { COST_KINDS, TIMINGS } from "../../src/templates/roi-lines";
import { renderPane, screen } from "../taskpane/pane-support";

/** Values formulas compare against: English in every language (README, "Languages"). */
const DECLARED_ENGLISH = new Set<string>([
  ...TIMINGS,
  ...COST_KINDS,
  "Worst",
  "Base",
  "Best",
  // Each line's shape, as SIMULATE_ROI and the ROI tables' Distribution column spell it, and the
  // sampling, as SIMULATE_ROI and the Stress sheet's Sampling setting spell it.
  ...LINE_DISTRIBUTIONS,
  ...SAMPLINGS,
  // Currency codes, and the other languages named in themselves in the language switch.
  "NT$",
  "US$",
  "English",
]);

function literalTexts(plan: SheetPlan): string[] {
  return plan.blocks.flatMap((b) =>
    b.cells.flat().filter((c): c is string => typeof c === "string" && !isFormula(c) && !c.startsWith("=")),
  );
}

/** Letters outside a pseudo text: the mark of a text no bundle supplied. */
const unbundled = (text: string) => /[A-Za-z]/.test(text) && !isPseudo(text) && !DECLARED_ENGLISH.has(text);

describe("The pseudo-language qps-ploc", () => {
  it("reaches every label, sample name and note the templates write", () => {
    const plans = planModel(Object.keys(TEMPLATES) as TemplateId[], {
      data: "sample",
      currency: "NT$",
      locale: "qps-ploc",
    });
    const left = plans.flatMap((p) =>
      literalTexts(p)
        .filter(unbundled)
        .map((text) => `${p.sheet}: ${text}`),
    );
    expect(left).toEqual([]);
    // Validation messages, chart titles and name comments too.
    const extras = plans.flatMap((p) => [
      ...p.validations.map((v) => v.message),
      ...p.charts.map((c) => c.title),
    ]);
    // A list's choices are its values, shown as they are ("Worst, Base, Best").
    const listOfDeclared = (t: string) => t.split(", ").every((v) => DECLARED_ENGLISH.has(v));
    expect(extras.filter((t) => t && unbundled(t) && !listOfDeclared(t))).toEqual([]);
  });

  it("renders every text of the pane from its bundle", () => {
    renderPane(new MemoryHost(), { initialLocale: "qps-ploc" });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(bundleFor("qps-ploc").pane.appTitle);
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && !node.parentElement?.closest("style,script")) texts.push(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label]"))
      texts.push(el.getAttribute("aria-label") ?? "");
    expect(texts.filter(unbundled)).toEqual([]);
  });
});
