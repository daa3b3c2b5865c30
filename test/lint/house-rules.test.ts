/**
 * The house rules live in the linter (eslint.config.mjs): this test lints small files that break
 * each rule, placed where the rule applies, and expects that rule to fire with its message; and
 * files that keep the rules, expecting silence, so a rule that fires everywhere fails too.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

interface Fixture {
  readonly path: string;
  readonly code: string;
  /** A piece of the message each expected report carries; empty: no house rule fires. */
  readonly expect: readonly string[];
}

const HOUSE_RULES = new Set(["no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"]);

const FIXTURES: readonly Fixture[] = [
  {
    path: "src/engine/imports-a-layer.ts",
    code: 'import { BLANK } from "../i18n/messages";\nexport const x = BLANK;\n',
    expect: ["are pure and import nothing outside themselves"],
  },
  {
    path: "src/engine/imports-a-package.ts",
    code: 'import { HyperFormula } from "hyperformula";\nexport const x = HyperFormula;\n',
    expect: ["are pure and import nothing outside themselves"],
  },
  {
    path: "src/shared/imports-the-engine.ts",
    code: 'import { roi } from "../engine/roi";\nexport const x = roi;\n',
    expect: ["are pure and import nothing outside themselves"],
  },
  {
    path: "src/engine/keeps-the-rule.ts",
    code: 'import { roi } from "./roi";\nexport const x = roi(2, 1);\n',
    expect: [],
  },
  {
    path: "src/functions/imports-a-host.ts",
    code: 'import { officeDisplayLocale } from "../host/office/display-locale";\nexport const x = officeDisplayLocale;\n',
    expect: ["Functions and templates sit below the hosts"],
  },
  {
    path: "src/templates/imports-a-host.ts",
    code: 'import { sameName } from "../host/placement";\nexport const x = sameName;\n',
    expect: ["Functions and templates sit below the hosts"],
  },
  {
    path: "src/templates/keeps-the-rule.ts",
    code: 'import { roi } from "../engine/roi";\nimport { BLANK } from "../i18n/messages";\nexport const x = [roi, BLANK];\n',
    expect: [],
  },
  {
    path: "src/host/imports-the-pane.ts",
    code: 'import { selectionOf } from "../taskpane/model/build";\nexport const x = selectionOf;\n',
    expect: ["A host sits below"],
  },
  {
    path: "src/host/imports-the-preview.ts",
    code: 'import { buildSheetView } from "../preview/sheet-view";\nexport const x = buildSheetView;\n',
    expect: ["A host sits below"],
  },
  {
    path: "src/taskpane/model/imports-a-host.ts",
    code: 'import { MemoryHost } from "../../host/memory";\nexport const x = MemoryHost;\n',
    expect: ["The pane reaches a workbook only through the WorkbookHost"],
  },
  {
    path: "src/taskpane/model/imports-apply-common.ts",
    code: 'import { OUTCOMES } from "../../host/apply-common";\nexport const x = OUTCOMES;\n',
    expect: ["The pane reaches a workbook only through the WorkbookHost"],
  },
  {
    path: "src/taskpane/model/keeps-the-rule.ts",
    code: 'import type { WorkbookHost } from "../../host/workbook-host";\nimport { decidePlacements } from "../../host/placement";\nexport type H = WorkbookHost;\nexport const x = decidePlacements;\n',
    expect: [],
  },
  {
    path: "src/taskpane/index.tsx",
    code: 'import { OfficeHost } from "../host/office";\nexport const x = Office.onReady().then(() => new OfficeHost());\n',
    expect: [],
  },
  {
    path: "src/taskpane/model/reads-office.ts",
    code: "export const language = (): string => Office.context.displayLanguage;\n",
    expect: ["Only the Office host"],
  },
  {
    path: "src/export/runs-excel.ts",
    code: "export const run = (): Promise<void> => Excel.run(() => Promise.resolve());\n",
    expect: ["Only the Office host"],
  },
  {
    path: "src/host/office/keeps-the-rule.ts",
    code: "export const run = (): Promise<void> => Excel.run(() => Promise.resolve());\n",
    expect: [],
  },
  {
    path: "src/functions/writes-a-range.ts",
    code: "export function f(range: { values: unknown[][] }): number {\n  range.values = [[1]];\n  return 1;\n}\n",
    expect: ["A custom function never writes to a range"],
  },
  {
    path: "src/functions/syncs.ts",
    code: "export function f(context: { sync(): Promise<void> }): number {\n  void context.sync();\n  return 1;\n}\n",
    expect: ["never syncs a request context"],
  },
  {
    path: "src/functions/is-async.ts",
    code: "export async function f(): Promise<number> {\n  return Promise.resolve(1);\n}\n",
    expect: ["Custom functions are synchronous"],
  },
];

function lint(
  fixtures: readonly Fixture[],
): { path: string; messages: { ruleId: string | null; message: string }[] }[] {
  const root = path.resolve(__dirname, "../..");
  const out = execFileSync(process.execPath, [path.join(__dirname, "lint-fixtures.mjs")], {
    cwd: root,
    input: JSON.stringify(fixtures.map(({ path: p, code }) => ({ path: p, code }))),
    encoding: "utf8",
    timeout: 170_000,
  });
  return JSON.parse(out);
}

describe("the house rules are in the linter", () => {
  let results: ReturnType<typeof lint>;
  beforeAll(() => {
    results = lint(FIXTURES);
  }, 180_000);

  it.each(FIXTURES.map((f) => [f.path, f] as const))("%s", (_, fixture) => {
    const result = results.find((r) => r.path === fixture.path);
    expect(result).toBeDefined();
    const parse = result!.messages.filter((m) => m.ruleId === null);
    expect(parse).toEqual([]);
    const house = result!.messages.filter((m) => m.ruleId !== null && HOUSE_RULES.has(m.ruleId));
    if (fixture.expect.length === 0) {
      expect(house).toEqual([]);
    } else {
      for (const piece of fixture.expect) {
        expect(house.map((m) => m.message)).toEqual(expect.arrayContaining([expect.stringContaining(piece)]));
      }
    }
  });
});
