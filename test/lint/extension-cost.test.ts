/**
 * What adding a function or a language costs, held by the sources themselves (docs/extending.md
 * lists the steps). A GENAI function's id is a literal in at most: its catalogue entry, the
 * validating wrapper of its area (functions/finance|portfolio|rollout|risk.ts) and the translation
 * table of each language that has one; its JSDoc declaration in functions.ts names it as Excel
 * does. Everything else (the in-memory plugin, the spill list, the metadata of the pseudo-language)
 * is derived from the catalogue. A language tag is a literal only in its folder of src/i18n and in
 * the manifest: the build finds the folders, the pane lists the bundles. When a change makes an id
 * or a tag a literal anywhere else, this test fails: derive it from the catalogue or the bundle.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CATALOGUE } from "../../src/functions/catalogue";
import { ALL_LOCALES } from "../../src/i18n/bundles";

const ROOT = path.resolve(__dirname, "../..");

/** The project's sources and build inputs (tests excluded), relative to the root. */
function sources(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return walk(rel);
      return /\.(ts|tsx|js|mjs|cjs|json)$/.test(entry.name) ? [rel] : [];
    });
  const rootFiles = fs
    .readdirSync(ROOT)
    .filter((name) => /^(webpack.*\.js|manifest.*\.xml|eslint\.config\.mjs)$/.test(name));
  return [...walk("src"), ...walk("scripts"), ...walk("bin"), ...rootFiles];
}

const FILES = sources();
/** A script's code without its comments (which may name anything); other files as they are. */
function code(file: string): string {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  if (!/\.(ts|tsx|js|mjs|cjs)$/.test(file)) return text;
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

const TEXT = new Map(FILES.map((file) => [file, code(file)]));
const RAW = new Map(FILES.map((file) => [file, fs.readFileSync(path.join(ROOT, file), "utf8")]));

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Files whose code (or, with `comments`, whose whole text) `pattern` matches. */
function filesMatching(pattern: RegExp, comments = false): string[] {
  return FILES.filter((file) => pattern.test((comments ? RAW : TEXT).get(file)!)).sort();
}

/** The languages with a translation table for the functions' metadata (not derived ones). */
const TABLES = ALL_LOCALES.map((l) => `src/i18n/${l}/functions.json`).filter((f) => TEXT.has(f));

/** The validating wrappers, one per area of the catalogue. */
const AREA_MODULES = /^src\/functions\/(finance|portfolio|rollout|risk)\.ts$/;

describe("adding a GENAI function", () => {
  it.each(CATALOGUE.map((f) => f.id))(
    "%s is a literal only in the catalogue, its area's wrapper and the translation tables",
    (id) => {
      const literal = filesMatching(new RegExp(`(["'\`])${escape(id)}\\1`));
      const allowed = (file: string): boolean =>
        file === "src/functions/catalogue.ts" || AREA_MODULES.test(file) || TABLES.includes(file);
      expect(literal.filter((file) => !allowed(file))).toEqual([]);
      expect(literal).toContain("src/functions/catalogue.ts");
      expect(literal.filter((file) => AREA_MODULES.test(file)).length).toBeLessThanOrEqual(1);
      for (const table of TABLES) expect(literal).toContain(table);
    },
  );

  it.each(CATALOGUE.map((f) => f.id))("%s is declared for Excel once, in functions.ts", (id) => {
    expect(filesMatching(new RegExp(`@customfunction ${escape(id)}\\b`), true)).toEqual([
      "src/functions/functions.ts",
    ]);
  });

  it.each(CATALOGUE.map((f) => f.id))(
    "%s costs at most five source files, its engine module included",
    (id) => {
      const touched = new Set([
        ...filesMatching(new RegExp(`(["'\`])${escape(id)}\\1`)),
        ...filesMatching(new RegExp(`@customfunction ${escape(id)}\\b`), true),
      ]);
      // catalogue, functions.ts, the area's wrapper, the translation tables; plus the engine module
      // with the arithmetic, where the id need not appear.
      expect(touched.size + 1).toBeLessThanOrEqual(5);
    },
  );
});

describe("adding a language", () => {
  it.each(ALL_LOCALES.filter((l) => l !== "en"))(
    "the tag %s is a literal only in its folder, the bundle list and the manifest",
    (tag) => {
      const literal = filesMatching(new RegExp(`["'\`]${escape(tag)}["'\`]|Locale="${escape(tag)}"`, "i"));
      const allowed = (file: string): boolean =>
        file.startsWith(`src/i18n/${tag}/`) ||
        file === "src/i18n/bundles.ts" ||
        /^manifest.*\.xml$/.test(file);
      expect(literal.filter((file) => !allowed(file))).toEqual([]);
      expect(literal).toContain("manifest.xml");
    },
  );

  it("is a folder of src/i18n with a bundle, and every bundle is a folder", () => {
    const folders = fs
      .readdirSync(path.join(ROOT, "src/i18n"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual([...ALL_LOCALES].sort());
  });
});
