/**
 * Formulas as Excel means them, in the in-memory workbook (HyperFormula).
 *
 * Two spellings Excel accepts that HyperFormula 3.5 rejects as written:
 * - a number in upper-case E notation (`1E-300`, `2E+3`): Excel reads E and e alike, and writes
 *   E itself; HyperFormula's lexer knows only `e`, so `=1E+300` is #ERROR! there;
 * - a function's file-format prefix: the .xlsx format stores functions newer than Excel 2007
 *   with `_xlfn.` (and the array functions also with `_xlws.`), e.g. `_xlfn.BETA.INV(...)`,
 *   which Excel shows as `BETA.INV(...)`; HyperFormula takes the prefix for part of the name.
 *
 * `excelFormulaText` rewrites both (outside string literals and quoted sheet names), and
 * `installExcelFormulaText` puts it in front of the workbook's formula parser, the one place every
 * formula passes through on its way in: a cell written by a plan, typed by the user, read from a
 * file or a stored snapshot, a workbook name's expression, a GENAI function's arguments. The
 * workbook then holds and shows the formula as Excel shows it (`BETA.INV`, `1e-300`).
 *
 * `withFilePrefixes` does the way out: an .xlsx file needs `_xlfn.` before the newer functions,
 * or Excel and LibreOffice read them as unknown names (#NAME?).
 */
import type { HyperFormula } from "hyperformula";
import { formulaTokens } from "./formula-tokens";

const PREFIX = /^(?:_xlfn\.|_xlws\.)+/i;
// One cheap scan before tokenizing, since every formula a plan writes passes through here (about
// 14 million characters for a 5,000-row model): an upper-case E between digits, or a prefix.
const MAYBE = /[0-9.]E[+-]?[0-9]|_[xX][lL](?:[fF][nN]|[wW][sS])\./;

/** The formula with upper-case E notation in lower case and the file-format prefixes removed. */
export function excelFormulaText(formula: string): string {
  if (!MAYBE.test(formula)) return formula;
  const tokens = formulaTokens(formula);
  let changed = false;
  const out = tokens.map(({ kind, text }, k) => {
    if (kind === "number" && text.includes("E")) {
      changed = true;
      return text.replace("E", "e");
    }
    if (kind === "word" && PREFIX.test(text) && tokens[k + 1]?.text === "(") {
      changed = true;
      return text.replace(PREFIX, "");
    }
    return text;
  });
  return changed ? out.join("") : formula;
}

/**
 * Functions the .xlsx format stores with `_xlfn.` (Excel 2010 and later; Microsoft's list of
 * "future functions"), limited to those a formula here can hold. The array functions also carry
 * `_xlws.`.
 */
const FUTURE = new Set(
  [
    "ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV",
    "BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT",
    "CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH",
    "COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST",
    "F.DIST.RT F.INV F.INV.RT F.TEST FLOOR.MATH FLOOR.PRECISE FORECAST.LINEAR FORMULATEXT GAMMA",
    "GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IFS IMCOSH IMCOT IMCSC IMCSCH",
    "IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOWEEKNUM LET LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS",
    "MODE.MULT MODE.SNGL NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV",
    "NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC",
    "PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ RRI SEC",
    "SECH SEQUENCE SHEET SHEETS SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT",
    "T.INV T.INV.2T T.TEST TEXTJOIN UNICHAR UNICODE UNIQUE VAR.P VAR.S WEIBULL.DIST WORKDAY.INTL",
    "XLOOKUP XMATCH XOR Z.TEST",
  ]
    .join(" ")
    .split(" "),
);
const WORKSHEET_ARRAY = new Set(["FILTER", "SORT"]);

/** The formula as an .xlsx file stores it: the newer functions with their `_xlfn.` prefix. */
export function withFilePrefixes(formula: string): string {
  const tokens = formulaTokens(formula);
  let changed = false;
  const out = tokens.map(({ kind, text }, k) => {
    if (kind !== "word" || tokens[k + 1]?.text !== "(" || PREFIX.test(text)) return text;
    const name = text.toUpperCase();
    if (WORKSHEET_ARRAY.has(name)) {
      changed = true;
      return `_xlfn._xlws.${text}`;
    }
    if (!FUTURE.has(name)) return text;
    changed = true;
    return `_xlfn.${text}`;
  });
  return changed ? out.join("") : formula;
}

const INSTALLED = Symbol("genai.excelFormulaText");

interface FormulaParser {
  parse(text: string, address: unknown): unknown;
  [INSTALLED]?: true;
}

function parserOf(hf: HyperFormula): FormulaParser | null {
  const parser = (hf as unknown as { _parser?: Partial<FormulaParser> })._parser;
  return parser && typeof parser.parse === "function" ? (parser as FormulaParser) : null;
}

/**
 * Puts excelFormulaText in front of the workbook's formula parser (once). Returns whether the
 * parser has it: the parser is internal to HyperFormula (3.5), so a version of another shape is
 * left alone and a test notices.
 */
export function installExcelFormulaText(hf: HyperFormula): boolean {
  const parser = parserOf(hf);
  if (!parser) return false;
  if (parser[INSTALLED]) return true;
  const own = parser.parse.bind(parser);
  parser.parse = (text: string, address: unknown) => own(excelFormulaText(text), address);
  parser[INSTALLED] = true;
  return true;
}
