import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  findStaleEntries,
  languageMetadataPlugins,
  localizeMetadata,
  pseudoLocalizeMetadata,
} from "../../scripts/localize-functions-metadata";
import { isPseudo } from "../../scripts/pseudo-locale";
import type { FunctionsMetadata, TranslationTable } from "../../scripts/localize-functions-metadata";

const english: FunctionsMetadata = {
  allowCustomDataForDataTypeAny: true,
  functions: [
    {
      id: "GENAI_ROI",
      name: "ROI",
      description: "Annual ROI.",
      parameters: [
        { name: "benefits", description: "Annual benefits.", type: "number", dimensionality: "matrix" },
        { name: "costs", description: "Annual costs.", type: "number", dimensionality: "matrix" },
      ],
      result: { type: "number" },
    },
    {
      id: "PAYBACK",
      name: "PAYBACK",
      description: "Payback period.",
      parameters: [{ name: "cash_flows", description: "Cash flows.", type: "number", optional: false }],
      result: { type: "number" },
    },
  ],
};

const table: TranslationTable = {
  GENAI_ROI: {
    description: "年化 ROI。",
    result: "ROI（小數）。",
    parameters: { benefits: { name: "效益", description: "年化效益。" } },
  },
};

describe("localizeMetadata", () => {
  it("replaces descriptions and parameter names where the table has them", () => {
    const localized = localizeMetadata(english, table);
    const roi = localized.functions[0];
    expect(roi.description).toBe("年化 ROI。");
    expect(roi.parameters?.[0]).toMatchObject({ name: "效益", description: "年化效益。" });
  });

  it("keeps English for a missing function, parameter or field", () => {
    const localized = localizeMetadata(english, table);
    expect(localized.functions[0].parameters?.[1]).toEqual(english.functions[0].parameters?.[1]);
    expect(localized.functions[1]).toEqual(english.functions[1]);
  });

  it("keeps ids, function names, parameter order, types and options unchanged", () => {
    const shape = (m: FunctionsMetadata) =>
      m.functions.map(({ id, name, parameters, result }) => ({
        id,
        name,
        result,
        parameters: parameters?.map(({ name: _name, description: _description, ...rest }) => rest),
      }));
    const localized = localizeMetadata(english, table);
    expect(shape(localized)).toEqual(shape(english));
    expect(localized.allowCustomDataForDataTypeAny).toBe(true);
  });

  it("does not modify its inputs", () => {
    const before = JSON.stringify(english);
    localizeMetadata(english, table);
    expect(JSON.stringify(english)).toBe(before);
  });
});

describe("findStaleEntries", () => {
  it("reports translations for ids and parameters that no longer exist", () => {
    const stale = findStaleEntries(english, {
      ...table,
      GENAI_OLD: { description: "x" },
      PAYBACK: { parameters: { flows: { description: "x" } } },
    });
    expect(stale).toEqual(["GENAI_OLD: no such function id", 'PAYBACK: no parameter named "flows"']);
  });

  it("reports nothing when every entry matches", () => {
    expect(findStaleEntries(english, table)).toEqual([]);
  });
});

describe("pseudoLocalizeMetadata", () => {
  it("pseudo-localises every description and keeps ids, names and parameter names", () => {
    const pseudo = pseudoLocalizeMetadata(english);
    const descriptions = pseudo.functions.flatMap((f) => [
      f.description,
      ...(f.parameters ?? []).map((p) => p.description),
    ]);
    expect(descriptions.every((d) => isPseudo(d ?? ""))).toBe(true);
    const names = (m: FunctionsMetadata) =>
      m.functions.map((f) => [f.id, f.name, (f.parameters ?? []).map((p) => p.name)]);
    expect(names(pseudo)).toEqual(names(english));
    expect(english.functions[0].description).toBe("Annual ROI."); // the input is not modified
  });
});

describe("languageMetadataPlugins", () => {
  const made: string[] = [];
  function i18nDir(folders: Record<string, boolean>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "i18n-"));
    made.push(dir);
    for (const [tag, hasTable] of Object.entries(folders)) {
      fs.mkdirSync(path.join(dir, tag));
      if (hasTable) fs.writeFileSync(path.join(dir, tag, "functions.json"), "{}");
    }
    return dir;
  }
  afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("makes one metadata file per language folder but English, named after its tag", () => {
    const plugins = languageMetadataPlugins(i18nDir({ en: false, "zh-TW": true, "qps-ploc": false }));
    const outputs = plugins.map((p) => (p as unknown as { output: string }).output).sort();
    expect(outputs).toEqual(["functions-qps-ploc.json", "functions-zh-tw.json"]);
  });

  it("fails for a language folder without its functions' translation table", () => {
    expect(() => languageMetadataPlugins(i18nDir({ en: false, fr: false }))).toThrow(
      /fr has no functions\.json/,
    );
  });
});
