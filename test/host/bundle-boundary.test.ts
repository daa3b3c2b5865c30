/**
 * HyperFormula stays out of the production add-in: nothing that the add-in
 * bundle is built from (engine, functions, templates, task pane, commands) reaches the in-memory
 * host or HyperFormula through its imports, directly or transitively. (The webpack build checks
 * the bundle itself; this catches the import the moment it is written, without a build.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const PRODUCTION_FOLDERS = ["src/engine", "src/functions", "src/templates", "src/taskpane", "src/commands"];
const DEV_ONLY = [
  "src/host/memory.ts",
  "src/host/memory-writes.ts",
  "src/host/memory-apply.ts",
  "src/host/genai-plugin.ts",
  "src/host/custom-functions-shim.ts",
];

function sourceFiles(folder: string): string[] {
  const path = join(ROOT, folder);
  if (!existsSync(path)) return [];
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    if (statSync(full).isDirectory()) return sourceFiles(relative(ROOT, full));
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Import and re-export specifiers of a file (static and dynamic). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
  return [...new Set(found)];
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The chain of imports from `file` to a dev-only module or HyperFormula, if there is one. */
function forbiddenChain(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const specifier of specifiers(file)) {
    if (/^hyperformula(\/|$)/.test(specifier)) return [relative(ROOT, file), specifier];
    if (!specifier.startsWith(".")) continue;
    const target = resolveLocal(file, specifier);
    if (!target) continue;
    if (DEV_ONLY.includes(relative(ROOT, target))) return [relative(ROOT, file), relative(ROOT, target)];
    const rest = forbiddenChain(target, seen);
    if (rest) return [relative(ROOT, file), ...rest];
  }
  return null;
}

describe("the production add-in's sources", () => {
  const files = PRODUCTION_FOLDERS.flatMap(sourceFiles);

  it("are found (the test looks at real files)", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((f) => relative(ROOT, f))).toContain("src/functions/functions.ts");
  });

  it("never import MemoryHost, the GENAI plugin or HyperFormula, even transitively", () => {
    const chains = files.map((file) => forbiddenChain(file)).filter((chain) => chain !== null);
    expect(chains).toEqual([]);
  });

  it("would notice such an import (the check can fail)", () => {
    expect(forbiddenChain(join(ROOT, "src/host/memory.ts"))).toEqual(["src/host/memory.ts", "hyperformula"]);
  });
});
