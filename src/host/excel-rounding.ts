/**
 * Excel's ROUND, for the in-memory workbook (HyperFormula) so that its results, and the cached
 * values an export writes from them, are the numbers Excel computes.
 *
 * HyperFormula rounds the raw double: 46.875 reached as 0.08·… sums is stored as
 * 46.87499999999999, and Math.round(4687.499999999999) gives 46.87. Excel (and LibreOffice)
 * first take the value at 15 significant digits, the precision they display and compare with
 * (46.8750000000000), then round that decimal half away from zero: 46.88. A portfolio score one
 * hundredth off moves the use case's rank.
 *
 * Development and tests only, like the GENAI plugin: the add-in bundle has no HyperFormula.
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
} from "hyperformula";

/** The parts of HyperFormula's AST node and state this plugin passes on (not exported by it). */
interface Call {
  readonly args: readonly unknown[];
}

/**
 * ROUND(value, digits) as Excel computes it: `value` at 15 significant digits, rounded half away
 * from zero to `digits` decimals (negative digits round to tens, hundreds, ...; a fractional
 * `digits` is truncated, as Excel does).
 */
export function excelRound(value: number, digits: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(digits)) return NaN;
  if (value === 0) return 0;
  const places = Math.trunc(digits);
  const sign = value < 0 ? -1 : 1;
  // value = mantissa · 10^(exponent − 14), mantissa a 15-digit integer (exact in a double).
  const [m, e] = Math.abs(value).toExponential(14).split("e");
  const mantissa = Number(m.replace(".", ""));
  const shift = Number(e) - 14 + places; // the mantissa's last digit is at 10^-places · 10^shift
  if (shift >= 0) return sign * Number(`${mantissa}e${Number(e) - 14}`);
  if (shift < -15) return 0;
  const unit = 10 ** -shift; // exact: at most 10^15
  const quotient = Math.floor(mantissa / unit);
  const rounded = quotient + (2 * (mantissa - quotient * unit) >= unit ? 1 : 0);
  const result = Number(`${rounded}e${-places}`);
  return result === 0 ? 0 : sign * result;
}

/** ROUND with Excel's rounding; replaces HyperFormula's built-in ROUND. */
export class ExcelRoundingPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ROUND: {
      method: "round",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
  };

  round(ast: Call, state: unknown): unknown {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("ROUND"),
      (value: number, digits: number) => {
        const result = excelRound(value, digits);
        return Number.isFinite(result) ? result : new CellError(ErrorType.NUM);
      },
    );
  }
}

let registered = false;

/** Registers the plugin once, before any HyperFormula instance is built. */
export function registerExcelRounding(): void {
  if (registered) return;
  HyperFormula.registerFunction("ROUND", ExcelRoundingPlugin);
  registered = true;
}
