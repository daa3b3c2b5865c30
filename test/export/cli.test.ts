/**
 * `genai-roi workbook --out model.xlsx`: options reach the plans, the file is written, and a bad
 * command line names the option, says what it accepts and exits non-zero. Most cases call main()
 * with an argv array; one spawns bin/genai-roi.js over the compiled CLI when build/node has it.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { main, parseCommand, UsageError } from "../../src/export/cli";
import { MARKER_SHEET, readMarkedTrials, readModelMarker } from "../../src/export/model-marker";
import { cellAt, namedCell, NOW, readXlsx } from "./export-support";
import { planModel } from "../../src/templates/index";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin", "genai-roi.js");
const COMPILED = join(ROOT, "build", "node", "src", "export", "cli.js");

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), now: () => NOW });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("genai-roi workbook", () => {
  let folder: string;
  beforeAll(() => (folder = mkdtempSync(join(tmpdir(), "genai-cli-"))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("writes the complete model by default and prints a one-line summary", async () => {
    const out = join(folder, "model.xlsx");
    const result = await run(["workbook", "--out", out]);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(
      /^Wrote .*model\.xlsx: 5 sheets \(Portfolio, Rollout, ROI, Stress, Trials\), [\d,]+ cells, [\d,]+ formulas, 0 computed values with a note\.$/,
    );
    const wb = await readXlsx(readFileSync(out));
    // The simulation stays live: the Trials sheet replays it with native functions. The hidden
    // marker makes the file open as the model in the preview, as a shareable copy does.
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ["Portfolio", "visible"],
      ["Rollout", "visible"],
      ["ROI", "visible"],
      ["Stress", "visible"],
      ["Trials", "visible"],
      [MARKER_SHEET, "hidden"],
    ]);
    expect(readModelMarker(wb)?.map((m) => [m.template, m.sheet])).toEqual([
      ["portfolio", "Portfolio"],
      ["rollout", "Rollout"],
      ["roi", "ROI"],
      ["stress", "Stress"],
    ]);
    expect(readMarkedTrials(wb)).toEqual(["Trials"]);
  }, 120_000);

  it("passes --sheets, --locale, --currency and --rows to the plans", async () => {
    const out = join(folder, "roi-zh.xlsx");
    const result = await run([
      "workbook",
      "--out",
      out,
      "--sheets",
      "roi,portfolio",
      "--locale",
      "zh-TW",
      "--currency",
      "US$",
      "--rows",
      "25",
    ]);
    expect(result.code).toBe(0);
    const wb = await readXlsx(readFileSync(out));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Portfolio", "ROI", MARKER_SHEET]);
    expect(readModelMarker(wb)?.map((m) => [m.template, m.locale, m.currency, m.rows])).toEqual([
      ["portfolio", "zh-TW", "US$", 25],
      ["roi", "zh-TW", "US$", null],
    ]);
    const plans = planModel(["portfolio", "roi"], {
      data: "sample",
      currency: "US$",
      locale: "zh-TW",
      rows: 25,
    });
    const cost = namedCell(plans, "AgentMonthlyCost");
    expect(wb.getWorksheet("ROI")!.getCell(cost.address).numFmt).toContain('"US$"');
    const table = wb.getWorksheet("Portfolio")!.getTable("UseCases") as unknown as {
      table: { tableRef: string };
    };
    expect(table.table.tableRef).toBe(plans[0].tables[0].range);
    expect(plans[0].tables[0].range).toMatch(/^A10:[A-Z]+35$/); // 25 rows under the header
    expect(wb.getWorksheet("ROI")!.getCell("A1").value).toBe(plans[1].blocks[0].cells[0][0]);
  });

  it("writes the complete model with blank inputs with --data blank", async () => {
    const out = join(folder, "blank.xlsx");
    const result = await run(["workbook", "--out", out, "--data", "blank"]);
    expect(result.code).toBe(0);
    const wb = await readXlsx(readFileSync(out));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "Portfolio",
      "Rollout",
      "ROI",
      "Stress",
      MARKER_SHEET,
    ]);
    expect(readModelMarker(wb)?.find((m) => m.template === "roi")?.data).toBe("blank");
    const plans = planModel(["roi"], { data: "blank", currency: "NT$", locale: "en" });
    // A blank model has no sample drivers; its settings without a meaningful default are empty inputs.
    expect(() => namedCell(plans, "AgentsAfter")).toThrow();
    const rate = cellAt(wb, "ROI", namedCell(plans, "DiscountRate").address);
    expect(rate.value).toBeNull();
    expect(rate.font?.color?.argb).toBe("FF0000FF");
  });

  it("prints the help with --help and exits 0", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("Usage: genai-roi workbook --out <file.xlsx>");
    // Each option once, each at the start of its own line.
    for (const option of [
      "--out",
      "--sheets",
      "--data",
      "--locale",
      "--currency",
      "--rows",
      "--generated",
      "--verbose",
    ])
      expect(result.out.match(new RegExp(`^ +(-\\w, )?${option} `, "gm"))).toHaveLength(1);
  });

  it.each([
    [["workbook", "--out", "m.xlsx", "--locale", "fr"], '--locale must be one of en, zh-TW; got "fr"'],
    [["workbook", "--out", "m.xlsx", "--data", "demo"], '--data must be one of sample, blank; got "demo"'],
    [
      ["workbook", "--out", "m.xlsx", "--sheets", "roi,budget"],
      '--sheets must be one of portfolio, rollout, roi, stress; got "budget"',
    ],
    [["workbook", "--out", "m.xlsx", "--rows", "0"], "--rows must be a whole number from 1 to 5,000"],
    [
      ["workbook", "--out", "m.xlsx", "--rows", "5001"],
      '--rows must be a whole number from 1 to 5,000; got "5001"',
    ],
    [["workbook", "--out", "m.xlsx", "--rows", "2.5"], "--rows must be a whole number"],
    [["workbook", "--out", "m.xlsx", "--currency", 'N"T'], "--currency must be a symbol"],
    [["workbook", "--out", "m.xlsx", "--data", "blank", "--generated"], "--generated fills the rows after"],
    [["workbook", "--out", "m.csv"], "--out must end in .xlsx"],
    [["workbook"], "--out is required"],
    [["workbook", "--out"], "--out"],
    [["workbook", "--out", "m.xlsx", "--colour", "blue"], "--colour"],
    [["chart", "--out", "m.xlsx"], 'Unknown command "chart"'],
    [[], "Missing the command"],
  ])("rejects %j, naming the problem, with exit code 2", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toContain(message);
  });

  it("leaves the rows after the sample use cases empty unless --generated asks for made-up ones", () => {
    const plain = parseCommand(["workbook", "--out", "m.xlsx", "--rows", "5000"]);
    expect(plain).toMatchObject({ rows: 5000, generated: false });
    expect(parseCommand(["workbook", "--out", "m.xlsx", "--rows", "5000", "--generated"])).toMatchObject({
      rows: 5000,
      generated: true,
    });
  });

  it("accepts option values in any letter case", () => {
    expect(
      parseCommand(["workbook", "--out", "m.xlsx", "--locale", "ZH-tw", "--sheets", "ROI"]),
    ).toMatchObject({
      locale: "zh-TW",
      sheets: ["roi"],
    });
    expect(() => parseCommand(["workbook", "--out", "m.xlsx", "--rows", "-3"])).toThrow(UsageError);
  });

  it("--verbose lists the names, tables and notes written and the validator's verdict", async () => {
    const out = join(folder, "verbose.xlsx");
    const result = await run(["workbook", "--out", out, "--sheets", "stress", "--verbose"]);
    expect(result.code).toBe(0);
    const [stress] = planModel(["stress"], { data: "sample", currency: "NT$", locale: "en" });
    expect(result.out).toContain(`Workbook names (${stress.names.length}):`);
    for (const n of stress.names) expect(result.out).toMatch(new RegExp(`^  ${n.name} = Stress!\\$`, "m"));
    expect(result.out).toMatch(/^Tables \(1\): StressLineItems \(Stress!A\d+:[A-Z]+\d+\)$/m);
    // The simulation's statistics are formulas over the Trials sheet: one note says so.
    expect(result.out).toMatch(/^Notes: 1 on Stress$/m);
    expect(result.out).toMatch(/^Parts \(\d+\): .*xl\/workbook\.xml/m);
    // The verdict, or why the validator could not run (no .NET SDK).
    if (result.err === "")
      expect(result.out).toMatch(
        /^Open XML SDK validator \(DocumentFormat\.OpenXml 3\.3\.0, Office2019\): valid, 0 errors\.$/m,
      );
    else expect(result.err).toMatch(/^genai-roi: the file was not validated: /);
  }, 120_000);

  it("exits 1 with the reason when the file cannot be written", async () => {
    const result = await run([
      "workbook",
      "--out",
      join(folder, "no-such-folder", "m.xlsx"),
      "--sheets",
      "roi",
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/could not write .*m\.xlsx: .*ENOENT/);
  });

  const compiled = existsSync(COMPILED);
  (compiled ? it : it.skip)("runs as the package's bin over the compiled CLI (build/node)", () => {
    const out = join(folder, "bin.xlsx");
    const ok = spawnSync(process.execPath, [BIN, "workbook", "--out", out, "--sheets", "roi"], {
      encoding: "utf8",
    });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Wrote .*bin\.xlsx: 1 sheet \(ROI\)/);
    expect(existsSync(out)).toBe(true);
    const bad = spawnSync(process.execPath, [BIN, "workbook", "--out", out, "--locale", "fr"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--locale must be one of en, zh-TW");
  });

  // ExcelJS's streaming reader and writer are about half of its load time, which every run pays.
  (compiled ? it : it.skip)("writes a file without loading ExcelJS's streaming reader and writer", () => {
    const out = join(folder, "light.xlsx");
    const script = `
      const { main } = require(${JSON.stringify(COMPILED)});
      main(["workbook", "--out", ${JSON.stringify(out)}, "--sheets", "roi"], { stdout() {}, stderr: console.error })
        .then((code) => console.log(JSON.stringify({ code, loaded: Object.keys(require.cache) })));`;
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const { code, loaded } = JSON.parse(run.stdout) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    expect(loaded.some((m) => /[\\/]exceljs[\\/]lib[\\/]doc[\\/]workbook\.js$/.test(m))).toBe(true);
    expect(loaded.filter((m) => /[\\/]node_modules[\\/](unzipper|archiver|tmp)[\\/]/.test(m))).toEqual([]);
  });
});
