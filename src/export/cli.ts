/**
 * The command line: `genai-roi workbook --out model.xlsx [options]` writes the model as a
 * portable .xlsx (native formulas with cached values) for people who do not have the add-in.
 * The values are computed by a MemoryHost (HyperFormula) built in the portable dialect; the
 * Monte Carlo results, which have no native form, are computed there by the GENAI functions.
 *
 * `main` takes argv and an output sink and returns the exit code, so tests call it directly.
 */
import { writeFile } from "fs/promises";
import { createRequire } from "module";
import { resolve } from "path";
import { parseArgs } from "util";
import { MemoryHost } from "../host/memory";
import { LOCALES, type Locale } from "../i18n/locale";
import { planModel } from "../templates/index";
import { type SampleOrBlank, TEMPLATE_IDS, type TemplateId } from "../templates/plan";
import { DEFAULT_PORTFOLIO_ROWS } from "../templates/portfolio";
import { type ComputedValues, readPlanValues } from "./values";
import { markingExtension } from "./model-marker";
import type { PackageReport } from "./package";
import { describeError, prepareValidator, validateFiles } from "./validator";
import { type ExcelJS, type ExportStats, exportStats, writePackage } from "./xlsx";
import { nativeZip } from "./zip";

export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** The clock for the notes on computed values (injected for tests). */
  readonly now?: () => Date;
}

export interface WorkbookCommand {
  readonly out: string;
  readonly sheets: readonly TemplateId[];
  readonly data: SampleOrBlank;
  readonly locale: Locale;
  readonly currency: string;
  readonly rows: number;
  /** Report what the file contains and the Open XML SDK validator's verdict on it. */
  readonly verbose: boolean;
  /** Generated use cases after the sample ones (benchmarks and trials at scale). */
  readonly generated: boolean;
}

/**
 * The most Portfolio rows, as in the pane (MAX_PORTFOLIO_ROWS). Computing the cached values grows
 * linearly with the rows (the rank sorts the score column once; the picks take one cut-off per
 * quadrant).
 */
export const MAX_ROWS = 5_000;
const DATA: readonly SampleOrBlank[] = ["sample", "blank"];

export const USAGE = `Usage: genai-roi workbook --out <file.xlsx> [options]

Writes the GenAI business-case model as a portable .xlsx: native Excel formulas only (no GENAI
functions), with cached values, formats, input styling, tables, names, data validation,
conditional formats and frozen panes. Colleagues without the add-in can open and edit it.

Options:
  --out <file>        where to write the workbook (required)
  --sheets <list>     comma-separated, from ${TEMPLATE_IDS.join(", ")} (default: all four, linked)
  --data <kind>       sample (the seed's worked example) or blank (default: sample)
  --locale <locale>   ${LOCALES.join(" or ")} (default: en)
  --currency <symbol> currency shown in formats (default: NT$)
  --rows <n>          use-case rows on the Portfolio sheet, 1 to ${MAX_ROWS.toLocaleString("en-US")} (default: ${DEFAULT_PORTFOLIO_ROWS}):
                      with sample data, the ten sample use cases, then empty rows for your own
  --generated         fill the rows after the sample use cases with generated ones (made-up,
                      reproducible figures: for benchmarks and trials at scale)
  -v, --verbose       also list the parts, workbook names, tables and notes written, and
                      validate the file with the Open XML SDK validator (needs the .NET SDK)
  -h, --help          show this help`;

/** A bad command line: the message names the option and what it accepts. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) throw new UsageError(`--${option} must be one of ${allowed.join(", ")}; got "${value}".`);
  return match;
}

/** Parses the arguments after the program name; null means "show the help". */
export function parseCommand(argv: readonly string[]): WorkbookCommand | null {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // util.parseArgs names the option in its message ("Unknown option '--x'", "Option '--rows <value>' argument missing").
    throw new UsageError(
      error instanceof Error ? error.message.replace(/\. To specify.*$/s, ".") : String(error),
    );
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length === 0)
    throw new UsageError('Missing the command: use "genai-roi workbook --out model.xlsx".');
  if (positionals[0] !== "workbook")
    throw new UsageError(`Unknown command "${positionals[0]}"; the only command is "workbook".`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  if (!values.out) throw new UsageError("--out is required: the path of the .xlsx file to write.");
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`--out must end in .xlsx; got "${values.out}".`);

  const sheets = (values.sheets ?? TEMPLATE_IDS.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => oneOf("sheets", s, TEMPLATE_IDS));
  if (sheets.length === 0)
    throw new UsageError(`--sheets must list at least one of ${TEMPLATE_IDS.join(", ")}.`);

  const rowsText = values.rows ?? String(DEFAULT_PORTFOLIO_ROWS);
  const rows = Number(rowsText);
  if (!/^\d+$/.test(rowsText.trim()) || rows < 1 || rows > MAX_ROWS)
    throw new UsageError(
      `--rows must be a whole number from 1 to ${MAX_ROWS.toLocaleString("en-US")}; got "${rowsText}".`,
    );

  const data = oneOf("data", values.data ?? "sample", DATA);
  const generated = values.generated ?? false;
  if (generated && data !== "sample")
    throw new UsageError("--generated fills the rows after the sample use cases: it needs --data sample.");

  const currency = values.currency ?? "NT$";
  if (currency.trim() === "" || currency.length > 8 || /["\\]/.test(currency))
    throw new UsageError(
      `--currency must be a symbol of 1 to 8 characters without quotes or backslashes, such as NT$, US$ or €; got "${currency}".`,
    );

  return {
    out: values.out,
    sheets: TEMPLATE_IDS.filter((id) => sheets.includes(id)),
    data,
    locale: oneOf("locale", values.locale ?? "en", LOCALES),
    currency,
    rows,
    verbose: values.verbose ?? false,
    generated,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      sheets: { type: "string" },
      data: { type: "string" },
      locale: { type: "string" },
      currency: { type: "string" },
      rows: { type: "string" },
      verbose: { type: "boolean", short: "v" },
      generated: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

export interface ExportedModel extends ExportStats {
  readonly path: string;
  readonly bytes: number;
  /** Why the cached values could not be computed, when they could not (the file is still valid). */
  readonly uncomputed: string | null;
  /** What the package contains. */
  readonly report: PackageReport;
}

/**
 * ExcelJS as writing a workbook needs it: its Workbook and enums, without the rest of its main
 * entry, the streaming reader and writer (which load unzipper, archiver and tmp) and CSV. The
 * command line never uses those, and loading them is about half of ExcelJS's load time.
 */
export function excelForWriting(): ExcelJS {
  const load = createRequire(__filename);
  const enums = load("exceljs/lib/doc/enums") as Pick<
    ExcelJS,
    "ValueType" | "FormulaType" | "RelationshipType" | "DocumentType" | "ReadingOrder" | "ErrorValue"
  >;
  // Not the whole module (no `stream`): the export reaches only the workbook and the enums.
  return { ...enums, Workbook: load("exceljs/lib/doc/workbook") as ExcelJS["Workbook"] } as ExcelJS;
}

/**
 * Builds the model, computes it, writes the file. Should the in-memory workbook fail to compute
 * the model, the file is written without cached values (Excel computes them on opening) and
 * `uncomputed` says why.
 */
export async function exportModel(command: WorkbookCommand, now: Date): Promise<ExportedModel> {
  const plans = planModel(command.sheets, {
    data: command.data,
    locale: command.locale,
    currency: command.currency,
    rows: command.rows,
    generated: command.generated,
  });
  let values: ComputedValues = () => undefined;
  let uncomputed: string | null = null;
  try {
    const host = new MemoryHost();
    await host.applyPlans(plans, { dialect: "portable" });
    values = await readPlanValues(host, plans);
  } catch (error) {
    uncomputed = error instanceof Error ? error.message : String(error);
  }
  // The simulation stays live: a Trials sheet replays it with native functions. The marker makes
  // the file open as the model (the preview rebuilds it from the templates with these inputs),
  // as a shareable copy does.
  const written = await writePackage(plans, values, {
    now,
    excel: excelForWriting(),
    liveSimulation: true,
    extend: markingExtension(plans),
    zip: nativeZip,
  });
  const path = resolve(command.out);
  await writeFile(path, written.bytes);
  return {
    path,
    bytes: written.bytes.length,
    uncomputed,
    report: written.report,
    ...exportStats(written.plans),
  };
}

/** Runs the command line; returns the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let command: WorkbookCommand | null;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`genai-roi: ${error.message}`);
    io.stderr('Run "genai-roi --help" for the options.');
    return 2;
  }
  if (command === null) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const done = await exportModel(command, (io.now ?? (() => new Date()))());
    const count = (n: number): string => n.toLocaleString("en-US");
    if (done.uncomputed)
      io.stderr(
        `genai-roi: warning: the cached values could not be computed (${done.uncomputed}); Excel computes the formulas when it opens the file, other viewers show them empty.`,
      );
    io.stdout(
      `Wrote ${done.path}: ${done.sheets.length} sheet${done.sheets.length === 1 ? "" : "s"} (${done.sheets.join(", ")}), ` +
        `${count(done.cells)} cells, ${count(done.formulas)} formulas, ${count(done.computedValues)} computed values with a note.`,
    );
    return command.verbose ? reportVerbose(done, io) : 0;
  } catch (error) {
    io.stderr(
      `genai-roi: could not write ${command.out}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

/**
 * --verbose: what the package contains, then the Open XML SDK validator's verdict on the file
 * written. Returns the exit code: 1 when the validator finds errors (the file is still written),
 * 0 when it is valid or the validator cannot run here (said on stderr, with the reason).
 */
function reportVerbose(done: ExportedModel, io: CliIo): number {
  const { report } = done;
  io.stdout(`Parts (${report.parts.length}): ${report.parts.join(", ")}`);
  io.stdout(`Workbook names (${report.names.length}):`);
  for (const n of report.names) io.stdout(`  ${n.name} = ${n.refersTo}`);
  io.stdout(
    `Tables (${report.tables.length}): ${report.tables.map((t) => `${t.name} (${t.sheet}!${t.ref})`).join(", ") || "none"}`,
  );
  io.stdout(`Notes: ${report.notes.map((n) => `${n.count} on ${n.sheet}`).join(", ") || "none"}`);
  if (report.reordered.length > 0) io.stdout(`Put in schema order: ${report.reordered.join(", ")}`);
  const validator = prepareValidator();
  if (!validator.ok) {
    io.stderr(`genai-roi: the file was not validated: ${validator.reason}.`);
    return 0;
  }
  const [result] = validateFiles(validator.assembly, [done.path]);
  const by = `Open XML SDK validator (DocumentFormat.OpenXml ${result.sdk}, ${result.office})`;
  if (result.errors.length === 0) {
    io.stdout(`${by}: valid, 0 errors.`);
    return 0;
  }
  io.stdout(`${by}: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}:`);
  for (const e of result.errors) io.stdout(`  ${describeError(e)}`);
  return 1;
}

/** Entry point for bin/genai-roi.js. */
export function run(argv: readonly string[] = process.argv.slice(2)): void {
  main(argv, { stdout: (l) => console.log(l), stderr: (l) => console.error(l) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
