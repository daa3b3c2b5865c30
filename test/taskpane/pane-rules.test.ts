/**
 * Rules the task pane's sources keep: Fluent tokens instead of colours, named
 * Fluent imports (a namespace import defeats tree-shaking), and nothing of the preview's or the
 * export's weight in the add-in bundle (MemoryHost and HyperFormula never; ExcelJS only through
 * the shareable copy's dynamic import).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

const ROOT = join(__dirname, "../../src/taskpane");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx|html)$/.test(entry) ? [path] : [];
  });
}

const files = sources(ROOT).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, "utf8") }));
const offending = (pattern: RegExp) => files.filter((f) => pattern.test(f.text)).map((f) => f.path);

describe("Task pane sources", () => {
  it("exist (the rules below check something)", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it("use Fluent tokens, never hard-coded colours", () => {
    expect(offending(/#[0-9a-f]{3,8}\b/i)).toEqual([]);
    expect(offending(/\b(?:rgba?|hsla?)\s*\(/i)).toEqual([]);
    expect(
      offending(
        /(?:color|fill|stroke|background)\w*\s*:\s*["'](?:red|blue|green|white|black|gray|grey|orange|yellow)["']/i,
      ),
    ).toEqual([]);
  });

  it("import Fluent components by name, and no icon package", () => {
    expect(offending(/import\s+\*\s+as\s+\w+\s+from\s+["']@fluentui/)).toEqual([]);
    expect(offending(/from\s+["']@fluentui\/react-icons/)).toEqual([]);
  });

  it("never import MemoryHost, HyperFormula or ExcelJS, and load the export only on demand", () => {
    expect(offending(/from\s+["'][^"']*host\/memory[^"']*["']/)).toEqual([]);
    expect(offending(/["']hyperformula["']/)).toEqual([]);
    expect(offending(/from\s+["']exceljs["']/)).toEqual([]);
    expect(offending(/from\s+["'][^"']*\/export\/[^"']*["']/)).toEqual([]);
    expect(offending(/import\(\s*(?:\/\*[^*]*\*\/\s*)?["'][^"']*\/export\/shareable["']\s*\)/)).toEqual([
      join("components", "ShareableCopy", "useShareableCopy.ts"),
    ]);
  });
});
