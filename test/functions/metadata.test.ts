/**
 * The metadata Excel reads from the built add-in: dist/functions.json (generated from the JSDoc in
 * src/functions/functions.ts by custom-functions-metadata-plugin) and its Traditional Chinese twin
 * dist/functions-zh-tw.json, and the pseudo-language's dist/functions-qps-ploc.json. Ids are stored in users' workbooks, so any change to ids, parameter
 * names, order, optional flags or dimensionality must be deliberate (golden file).
 * Needs `npm run build` first (npm test runs it).
 */
import * as fs from "fs";
import * as path from "path";
import { metadataFileFor } from "../../scripts/localize-functions-metadata";
import { isPseudo } from "../../scripts/pseudo-locale";
import { CATALOGUE } from "../../src/functions/catalogue";
import { GENAI_FUNCTIONS } from "../../src/host/genai-plugin";
import { expectGolden } from "../helpers/golden-file";

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

const dist = path.join(__dirname, "..", "..", "dist");

function load(file: string): { functions: FunctionMetadata[] } {
  const full = path.join(dist, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first`);
  return JSON.parse(fs.readFileSync(full, "utf8")) as { functions: FunctionMetadata[] };
}

/** What a translation must keep of each function: result, options and parameters but their descriptions. */
function shape(m: { functions: FunctionMetadata[] }): unknown {
  return m.functions.map((f) => ({
    result: f.result,
    options: f.options,
    parameters: f.parameters.map(({ name, type, dimensionality, optional, repeating }) => ({
      name,
      type,
      dimensionality,
      optional,
      repeating,
    })),
  }));
}

/** The ids the catalogue declares (stored in users' workbooks; the golden file pins them). */
const EXPECTED_IDS = CATALOGUE.map((f) => f.id);

describe("functions.json (English metadata)", () => {
  const metadata = load("functions.json");

  it("lists exactly the fifteen catalogue ids", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it("names GENAI_ROI 'ROI' (typed =GENAI.ROI) and every other function after its id", () => {
    for (const f of metadata.functions) expect(f.name).toBe(f.id === "GENAI_ROI" ? "ROI" : f.id);
  });

  it("keeps every function synchronous and non-volatile (Goal Seek and Data Tables need it)", () => {
    for (const f of metadata.functions) {
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
      expect(f.options?.cancelable ?? false).toBe(false);
    }
  });

  it("describes every function and parameter, and states defaults for optional parameters", () => {
    for (const f of metadata.functions) {
      expect(f.description?.length).toBeGreaterThan(20);
      for (const p of f.parameters) {
        expect(p.description?.length).toBeGreaterThan(10);
        if (p.optional) expect(p.description).toMatch(/Default/);
      }
    }
  });

  it("pins ids, parameter names, order, types, optional flags and dimensionality (golden)", () => {
    expectGolden(
      "functions-metadata",
      metadata.functions.map((f) => ({
        id: f.id,
        name: f.name,
        parameters: f.parameters.map((p) => ({
          name: p.name,
          type: p.type ?? "any",
          dimensionality: p.dimensionality ?? "scalar",
          optional: p.optional ?? false,
        })),
        result: { type: f.result.type ?? "any", dimensionality: f.result.dimensionality ?? "scalar" },
      })),
    );
  });
});

describe("the in-memory workbook's GENAI functions", () => {
  const metadata = load("functions.json");

  it("declare the same functions, parameters, optional flags and ranges as functions.json", () => {
    const excelName = (f: FunctionMetadata): string => `GENAI.${f.name}`;
    expect(
      GENAI_FUNCTIONS.map((f) => ({
        name: f.name,
        params: f.spec.params.map((p) => [p.name, p.dimensionality, p.optional]),
      })),
    ).toEqual(
      metadata.functions.map((f) => ({
        name: excelName(f),
        params: f.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false]),
      })),
    );
  });
});

describe("functions-zh-tw.json (Traditional Chinese metadata)", () => {
  const english = load("functions.json");
  const chinese = load("functions-zh-tw.json");
  const cjk = /[\u4e00-\u9fff]/;

  it("has the same ids, in the same order, with the same names", () => {
    expect(chinese.functions.map((f) => [f.id, f.name])).toEqual(
      english.functions.map((f) => [f.id, f.name]),
    );
  });

  it("has the same parameters in the same order with the same types, options and dimensionality", () => {
    expect(shape(chinese)).toEqual(shape(english));
  });

  it("translates every description into Traditional Chinese", () => {
    for (const f of chinese.functions) {
      expect(f.description).toMatch(cjk);
      for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.description ?? ""}`).toMatch(cjk);
    }
  });
});

describe("functions-qps-ploc.json (the pseudo-language's metadata, derived by the build)", () => {
  const english = load("functions.json");
  const pseudo = load(metadataFileFor("qps-ploc"));

  it("lists every catalogue function with the English ids, names, parameters, types and options", () => {
    expect(pseudo.functions.map((f) => f.id).sort()).toEqual([...EXPECTED_IDS].sort());
    expect(pseudo.functions.map((f) => [f.id, f.name])).toEqual(english.functions.map((f) => [f.id, f.name]));
    expect(shape(pseudo)).toEqual(shape(english));
  });

  it("pseudo-localises every function and parameter description", () => {
    const plain = pseudo.functions.flatMap((f) => [
      ...(isPseudo(f.description ?? "") ? [] : [f.id]),
      ...f.parameters.filter((p) => !isPseudo(p.description ?? "")).map((p) => `${f.id}.${p.name}`),
    ]);
    expect(plain).toEqual([]);
  });
});
