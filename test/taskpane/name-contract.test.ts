/**
 * The pane and the preview reach a workbook name only through the constants its template exports
 * (ROI_NAMES, PORTFOLIO_NAMES, ROLLOUT_NAMES, STRESS_NAMES), never through the name's text: a
 * renamed name is then one edit in its template, and the compiler finds every reader. This test
 * collects every name any template defines (alone, linked, sample and blank) and fails when a
 * string literal in src/taskpane or src/preview equals one of them.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import ts from "typescript";
import { TEMPLATE_IDS } from "../../src/templates/plan";
import type { TemplateId } from "../../src/templates/plan";
import { planModel } from "../../src/templates";
import { PORTFOLIO_NAMES } from "../../src/templates/portfolio";
import { ROI_LINE_NAMES, ROI_NAMES } from "../../src/templates/roi";
import { CONTRIBUTION_NAMES } from "../../src/templates/roi-contribution";
import { ROLLOUT_NAMES } from "../../src/templates/rollout";
import { STRESS_NAMES } from "../../src/templates/stress";

const SRC = join(__dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** Every name a template defines, in any selection and with either kind of data. */
function templateNames(): Set<string> {
  const names = new Set<string>();
  const selections: TemplateId[][] = [[...TEMPLATE_IDS], ...TEMPLATE_IDS.map((id) => [id])];
  for (const selection of selections) {
    for (const data of ["sample", "blank"] as const) {
      for (const plan of planModel(selection, { data, currency: "NT$", locale: "en" })) {
        for (const n of plan.names) names.add(n.name);
      }
    }
  }
  return names;
}

/**
 * String literals (and template literals without substitutions) with their file and line, and
 * property accesses whose property is spelt like a name (`values.AnnualROI`).
 */
function literals(path: string): { text: string; where: string }[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { text: string; where: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ text: node.text, where: `${relative(SRC, path)}:${line}` });
    } else if (ts.isPropertyAccessExpression(node)) {
      const line = source.getLineAndCharacterOfPosition(node.name.getStart()).line + 1;
      found.push({ text: node.name.text, where: `${relative(SRC, path)}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("The workbook-name contract", () => {
  const names = templateNames();
  const files = [...sources(join(SRC, "taskpane")), ...sources(join(SRC, "preview"))];

  it("has names and sources to check (the rule below checks something)", () => {
    expect(names.size).toBeGreaterThan(50);
    expect(names).toContain("AnnualROI");
    expect(files.length).toBeGreaterThan(40);
  });

  it("finds a name's text written as a literal (the scanner sees one)", () => {
    const probe = join(SRC, "templates", "stress.ts");
    expect(literals(probe).map((l) => l.text)).toContain("Scenario");
  });

  it("every exported name constant is a name its template defines (no constant drifts from the sheet)", () => {
    const constants = [
      ...Object.values(ROI_NAMES),
      ...Object.values(ROI_LINE_NAMES.benefits),
      ...Object.values(ROI_LINE_NAMES.costs),
      ...Object.values(CONTRIBUTION_NAMES),
      ...Object.values(PORTFOLIO_NAMES),
      ...Object.values(ROLLOUT_NAMES),
      ...Object.values(STRESS_NAMES),
    ];
    expect(constants.filter((name) => !names.has(name))).toEqual([]);
  });

  it("the pane and the preview hold no workbook name as a string literal", () => {
    const offending = files.flatMap((path) =>
      literals(path)
        .filter((l) => names.has(l.text))
        .map((l) => `${l.where} "${l.text}"`),
    );
    expect(offending).toEqual([]);
  });
});
