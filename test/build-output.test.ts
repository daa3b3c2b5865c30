/**
 * What `npm run build` must leave in dist/ for Excel to load the add-in from the manifest, and what
 * it must never contain. `npm test` builds before jest; run `npm run build` first when running
 * jest alone. (The functions.json metadata itself is pinned by test/functions.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PREVIEW_STRINGS } from "../src/i18n/bundles";
import { pngSize } from "./helpers/png";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`dist/${file} is missing: run \`npm run build\` first`);
  return fs.readFileSync(full, "utf8");
}

interface Metadata {
  functions: { id: string; name: string; parameters?: Record<string, unknown>[]; result?: unknown }[];
}

describe("the production build in dist/", () => {
  beforeAll(() => {
    if (!fs.existsSync(DIST)) throw new Error("dist/ is missing: run `npm run build` first");
  });

  it("emits the files the manifest points at", () => {
    const expected = ["taskpane.html", "taskpane.js", "functions.js", "commands.js", "functions.json"];
    for (const file of [...expected, "functions-zh-tw.json", "functions-qps-ploc.json", "manifest.xml"]) {
      expect(fs.existsSync(path.join(DIST, file)) ? file : `missing: ${file}`).toBe(file);
    }
  });

  it("makes taskpane.html the shared runtime: Office.js from the CDN first, then all three bundles", () => {
    const html = readDist("taskpane.html");
    const officeJs = html.indexOf(OFFICE_JS);
    expect(officeJs).toBeGreaterThanOrEqual(0);
    for (const bundle of ["taskpane.js", "functions.js", "commands.js"]) {
      const script = html.search(new RegExp(`<script[^>]*src=["']?${bundle.replace(".", "\\.")}`));
      expect({ bundle, loaded: script >= 0, afterOfficeJs: script > officeJs }).toEqual({
        bundle,
        loaded: true,
        afterOfficeJs: true,
      });
    }
  });

  it("registers the custom functions in functions.js (associate calls added by the metadata plugin)", () => {
    const code = readDist("functions.js");
    const { functions } = JSON.parse(readDist("functions.json")) as Metadata;
    expect(functions.length).toBeGreaterThan(0);
    const missing = functions.filter(({ id }) => !code.includes(`CustomFunctions.associate("${id}"`));
    expect(missing.map(({ id }) => id)).toEqual([]);
  });

  it("keeps functions-zh-tw.json in step with functions.json: same ids, order, types and options", () => {
    const shape = (metadata: Metadata) =>
      metadata.functions.map(({ id, name, parameters, result }) => ({
        id,
        name,
        result,
        parameters: (parameters ?? []).map((parameter) =>
          Object.fromEntries(
            Object.entries(parameter).filter(([key]) => key !== "name" && key !== "description"),
          ),
        ),
      }));
    const english = JSON.parse(readDist("functions.json")) as Metadata;
    const chinese = JSON.parse(readDist("functions-zh-tw.json")) as Metadata;
    expect(shape(chinese)).toEqual(shape(english));
  });

  it("copies the manifest and every icon", () => {
    const manifest = readDist("manifest.xml");
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const id = /<Id>([^<]+)<\/Id>/;
    expect(manifest.match(id)?.[1]).toBe(source.match(id)?.[1]);
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(DIST, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it("never bundles HyperFormula (GPL, preview and tests only) into what Excel loads", () => {
    const bundles = fs.readdirSync(DIST).filter((file) => file.endsWith(".js"));
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    const offenders = bundles.filter((file) => /hyperformula/i.test(readDist(file)));
    expect(offenders).toEqual([]);
  });

  it("leaves the browser preview's own words out of what Excel loads (the add-in never shows them)", () => {
    // Whole texts that do not occur by chance (English phrases of three words or more, Chinese ones
    // of five characters or more), as written and as an ASCII-only minifier would escape them.
    const phrase = (text: unknown): text is string =>
      typeof text === "string" &&
      !text.includes("{") &&
      (text.trim().split(/\s+/).length >= 3 || /^[\u3400-\u9fff]{5,}$/.test(text));
    const texts = [...Object.values(PREVIEW_STRINGS.en), ...Object.values(PREVIEW_STRINGS["zh-TW"])].filter(
      phrase,
    );
    const words = texts.flatMap((text) => [text, JSON.stringify(text).slice(1, -1)]);
    expect(texts.length).toBeGreaterThan(20);
    const bundles = fs.readdirSync(DIST).filter((file) => file.endsWith(".js"));
    const found = bundles.flatMap((file) => {
      const code = readDist(file);
      return [...new Set(words)].filter((text) => code.includes(text)).map((text) => `${file}: ${text}`);
    });
    expect(found).toEqual([]);
  });
});
