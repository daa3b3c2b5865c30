/**
 * Every .xlsx the project writes passes Microsoft's Open XML SDK validator (tools/xlsx-validator:
 * the ECMA-376 schemas and the SDK's semantic rules, Office 2019): the command line with each of
 * its options, and the pane's shareable copy as the preview makes it, including one whose sheets
 * the user renamed to names Excel must quote (FY25, 2025, O'Brien, 營收 Q1). LibreOffice opens
 * files Excel repairs, so only this check stands for "Excel opens it without a repair prompt".
 *
 * Beyond the SDK's checks, the program parses each workbook name's sheet prefix (the SDK does
 * not): a name such as FY25!$B$5 without the quotes Excel requires is an error too.
 *
 * Needs the .NET SDK (the validator is built once, then reused while its sources are unchanged).
 * Without it the suite is skipped with the reason printed, except under CI=true, where it fails.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { main } from "../../src/export/cli";
import { makeShareableCopy } from "../../src/export/shareable";
import { buildWorkbook, loadExcelJS, workbookNames } from "../../src/export/xlsx";
import {
  describeError,
  prepareValidator,
  type ValidationResult,
  validateFiles,
} from "../../src/export/validator";
import { MemoryHost } from "../../src/host/memory";
import { planCompleteModel } from "../../src/templates/index";
import { NOW, SAMPLE } from "./export-support";

const ARTIFACTS = resolve(__dirname, "../../test-artifacts/validator");

/** The command lines whose files are validated: the default and every option's values. */
const CLI_VARIANTS: readonly (readonly string[])[] = [
  [],
  ["--sheets", "portfolio"],
  ["--sheets", "rollout"],
  ["--sheets", "roi"],
  ["--sheets", "stress"],
  ["--sheets", "roi,stress"],
  ["--data", "blank"],
  ["--locale", "zh-TW", "--currency", "€"],
  ["--currency", "US$", "--rows", "1"],
  ["--sheets", "portfolio", "--rows", "250"],
];

const prepared = prepareValidator();
if (!prepared.ok) {
  if (process.env.CI === "true")
    throw new Error(`CI=true requires the Open XML SDK validator, and it cannot run: ${prepared.reason}`);
  console.warn(`Skipping the Open XML SDK validation of the exports: ${prepared.reason}.`);
}
const suite = prepared.ok ? describe : describe.skip;

suite("every written .xlsx passes the Open XML SDK validator", () => {
  let folder: string;
  const files = new Map<string, string>();
  let results: ValidationResult[];
  let rawFile: string;
  let rawResult: ValidationResult;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "genai-validate-"));
    for (const [i, variant] of CLI_VARIANTS.entries()) {
      const out = join(folder, `cli-${i}.xlsx`);
      const err: string[] = [];
      const code = await main(["workbook", "--out", out, ...variant], {
        stdout: () => undefined,
        stderr: (l) => err.push(l),
        now: () => NOW,
      });
      if (code !== 0) throw new Error(`genai-roi workbook ${variant.join(" ")} failed: ${err.join("\n")}`);
      files.set(`genai-roi workbook ${variant.join(" ")}`.trim(), out);
    }

    // The shareable copy as the preview makes it: a MemoryHost in the live dialect.
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(SAMPLE), { dialect: "live" });
    const copy = join(folder, "shareable.xlsx");
    writeFileSync(copy, await makeShareableCopy(host, host.appliedPlans(), { now: NOW }));
    files.set("shareable copy", copy);

    // The same, after the user renamed the sheets to names Excel must quote in references.
    const awkward = ["FY25", "2025", "O'Brien", "營收 Q1"];
    const renamedHost = new MemoryHost();
    const renamed = planCompleteModel(SAMPLE).map((p, i) => ({ ...p, sheet: awkward[i] }));
    await renamedHost.applyPlans(renamed, { dialect: "live" });
    const renamedCopy = join(folder, "shareable-renamed.xlsx");
    writeFileSync(
      renamedCopy,
      await makeShareableCopy(renamedHost, renamedHost.appliedPlans(), { now: NOW }),
    );
    files.set("shareable copy of renamed sheets", renamedCopy);

    // ExcelJS's own package, without finishPackage and with the names ExcelJS writes itself, on
    // sheets renamed FY25 and 2025: the validator must see its faults.
    const plans = planCompleteModel(SAMPLE).map((p, i) => ({
      ...p,
      sheet: ["FY25", "2025", "ROI", "Stress"][i],
    }));
    const rawBook = buildWorkbook(await loadExcelJS(), plans, () => undefined, NOW);
    // ExcelJS parses a name's reference as cell addresses and throws on some structured references
    // ("Invalid column letter" for StressLineItems[...]): names over table columns stay out here.
    for (const n of workbookNames(plans))
      if (!n.refersTo.includes("[")) rawBook.definedNames.add(n.refersTo, n.name);
    const raw = await rawBook.xlsx.writeBuffer();
    rawFile = join(folder, "exceljs-alone.xlsx");
    writeFileSync(rawFile, new Uint8Array(raw));

    if (!prepared.ok) throw new Error(prepared.reason);
    results = validateFiles(prepared.assembly, [...files.values()]);
    rawResult = validateFiles(prepared.assembly, [rawFile])[0];
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "results.json"), JSON.stringify(results, null, 2) + "\n");
  }, 300_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("validates against Office 2019 with DocumentFormat.OpenXml 3.3.0", () => {
    expect(results).toHaveLength(files.size);
    expect(new Set(results.map((r) => `${r.office} ${r.sdk}`))).toEqual(new Set(["Office2019 3.3.0"]));
  });

  it("reports the faults of ExcelJS's own package (legacyDrawing after tableParts, font order, unquoted names)", () => {
    const errors = rawResult.errors.map(describeError);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/xl\/worksheets\/sheet4\.xml \/x:worksheet\[1\]: .*legacyDrawing/),
        expect.stringMatching(/^\/xl\/styles\.xml \/x:styleSheet\[1\]\/x:fonts\[1\]\/x:font\[1\]: /),
        expect.stringMatching(
          /^\/xl\/workbook\.xml .*DefinedName_UnquotedSheet: The name 'Weights' refers to FY25!/,
        ),
        expect.stringMatching(
          /^\/xl\/workbook\.xml .*DefinedName_UnquotedSheet: The name 'WaveStart' refers to 2025!/,
        ),
      ]),
    );
  });

  it.each([
    ...CLI_VARIANTS.map((v) => `genai-roi workbook ${v.join(" ")}`.trim()),
    "shareable copy",
    "shareable copy of renamed sheets",
  ])("%s: 0 errors", (variant) => {
    const result = results.find((r) => r.file === files.get(variant));
    expect(result).toBeDefined();
    // On failure every error prints with its part and XPath.
    expect(result!.errors.map(describeError)).toEqual([]);
  });
});
