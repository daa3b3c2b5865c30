/**
 * The GENAI custom functions as a HyperFormula plugin, so a live-dialect formula computes in the
 * in-memory workbook what Excel computes with the add-in. Each function calls the same validating
 * wrapper as its Excel declaration in src/functions/functions.ts, with arguments shaped the way
 * Excel passes them:
 *
 * - a parameter Excel declares as a matrix (`any[][]`) gets a 2-D array of raw values (a single
 *   cell or a literal becomes 1×1); a scalar parameter gets the value itself;
 * - an empty cell is "", an omitted or syntactically empty optional argument is null;
 * - an error in an argument (or in a cell of a range argument) is the result, as HyperFormula's
 *   own functions do, and the wrapper is not called.
 *
 * Results: numbers and text as they are; a 2-D array spills. HyperFormula fixes a spill's size
 * when it parses the formula, so each spilling function predicts its size from its arguments'
 * range sizes (resolving named ranges, which HyperFormula's own predictor cannot), as the
 * catalogue's `spill` declares it (src/functions/catalogue.ts). A shorter result is padded with "", and a 1×1
 * prediction gives a plain value. `CustomFunctions.Error` becomes a CellError with its message.
 *
 * The plugin also gives HyperFormula the native RANK it lacks (see `rank` below), which the
 * templates use in both dialects.
 *
 * Development and tests only: the production add-in bundle never imports this file (it pulls in
 * HyperFormula, GPL-licensed and heavy).
 */
import "./custom-functions-shim";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import { RankedValues } from "./ranked-values";
import {
  CATALOGUE,
  type Dimensionality,
  type FunctionSpec,
  type Size,
  spillSize,
  spills,
} from "../functions/catalogue";
import * as declarations from "../functions/functions";

interface GenaiFunction {
  /** As typed in a formula, e.g. "GENAI.ROI". */
  readonly name: string;
  readonly spec: FunctionSpec;
  /** The declaration Excel calls: the validating wrapper behind the JSDoc. */
  readonly call: (...args: unknown[]) => unknown;
}

/** The declaration in functions.ts a catalogue entry names. */
function declarationOf(spec: FunctionSpec): (...args: unknown[]) => unknown {
  const call = (declarations as unknown as Record<string, unknown>)[spec.declaration];
  if (typeof call !== "function") throw new Error(`functions.ts declares no ${spec.declaration}`);
  return call as (...args: unknown[]) => unknown;
}

/** The 15 functions of the catalogue, in its order. */
export const GENAI_FUNCTIONS: readonly GenaiFunction[] = CATALOGUE.map((spec) => ({
  name: `GENAI.${spec.name}`,
  spec,
  call: declarationOf(spec),
}));

/** The plugin method for a function: "GENAI.QUADRANT_SCORE" → "genaiQuadrantScore". */
function methodName(name: string): string {
  return (
    "genai" +
    name
      .slice("GENAI.".length)
      .toLowerCase()
      .replace(/(^|_)([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase())
  );
}

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

/** A `CustomFunctions.Error` (or anything else thrown) as a HyperFormula error value. */
export function toCellError(error: unknown): CellError {
  if (error instanceof CellError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new CellError(
    (typeof code === "string" && ERROR_TYPES[code]) || ErrorType.VALUE,
    message || undefined,
  );
}

function isCustomFunctionsError(value: unknown): boolean {
  return typeof CustomFunctions !== "undefined" && value instanceof CustomFunctions.Error;
}

type Raw = number | string | boolean | CellError;

/** One cell of a result as HyperFormula stores it. */
function resultCell(value: unknown): Raw {
  if (isCustomFunctionsError(value)) return toCellError(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof CellError) return value;
  return "";
}

/** A wrapper's result shaped to the predicted spill: a value for 1×1, else padded or cut to size. */
function resultValue(result: unknown, size: Size): Raw | SimpleRangeValue {
  if (!Array.isArray(result)) return resultCell(result);
  const rows = result as unknown[][];
  if (size.rows === 1 && size.columns === 1) return resultCell(rows[0]?.[0]);
  const data = Array.from({ length: size.rows }, (_, r) =>
    Array.from({ length: size.columns }, (__, c) => (r < rows.length ? resultCell(rows[r]?.[c]) : "")),
  );
  return SimpleRangeValue.onlyValues(data);
}

/** The first error value in an argument (a range's cells in reading order), if any. */
function firstError(value: unknown): CellError | undefined {
  if (value instanceof CellError) return value;
  if (!(value instanceof SimpleRangeValue)) return undefined;
  for (const row of value.data) for (const v of row) if (v instanceof CellError) return v;
  return undefined;
}

/** An error-free argument value from HyperFormula as Excel passes it. */
function excelArgument(value: unknown, shape: Dimensionality): unknown {
  const cell = (v: unknown): unknown => {
    if (v === EmptyValue) return "";
    if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val; // dates, %, money
    return v;
  };
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(cell));
  const scalar = cell(value);
  return shape === "matrix" ? [[scalar]] : scalar;
}

/** The few parts of HyperFormula's AST and interpreter state this plugin reads. */
interface AstNode {
  readonly type: string;
  readonly args?: readonly AstNode[];
  readonly expression?: AstNode;
  readonly expressionName?: string;
}
interface State {
  readonly formulaAddress: { readonly sheet: number; readonly row: number; readonly col: number };
  readonly arraysFlag: boolean;
}
interface FormulaVertexLike {
  getFormula(service: unknown): unknown;
}

/** The cache key of RANK's sorted values on a range (HyperFormula clears it when a cell changes). */
const RANK_CACHE_KEY = "RANK:sorted";

/** The few parts of HyperFormula's range vertex this plugin uses for RANK's cache. */
interface RangeCache {
  getFunctionValue(key: string): unknown;
  setFunctionValue(key: string, value: unknown): void;
}

/** The cell value of a range as a number, or undefined for text, logical and empty cells. */
function numberIn(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "object" && value !== null && "val" in value) {
    const raw = value.val; // dates, percentages, currency
    return typeof raw === "number" ? raw : undefined;
  }
  return undefined;
}

/** Native functions that HyperFormula 3.5 lacks and the templates use. */
const NATIVE_FUNCTIONS: ImplementedFunctions = {
  RANK: {
    method: "rank",
    parameters: [
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.RANGE },
      { argumentType: FunctionArgumentType.NUMBER, optionalArg: true, defaultValue: 0 },
    ],
  },
};

export class GenaiPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ...Object.fromEntries(
      GENAI_FUNCTIONS.map((f) => [
        f.name,
        {
          method: methodName(f.name),
          ...(spills(f.spec) ? { sizeOfResultArrayMethod: `${methodName(f.name)}Size` } : {}),
          vectorizationForbidden: true,
          parameters: f.spec.params.map((p) => ({
            argumentType: FunctionArgumentType.ANY,
            ...(p.optional ? { optionalArg: true } : {}),
          })),
        },
      ]),
    ),
    ...NATIVE_FUNCTIONS,
  };

  /**
   * RANK(number, ref, [order]) as Excel and LibreOffice compute it (and RANK.EQ): 1 + the number
   * of values in ref greater than number (order 0 or omitted) or less than it (any other order);
   * ties share a rank. Only numbers in ref count (text, logicals and blanks are skipped); an
   * error in ref is the result; a number not in ref is #N/A.
   *
   * A rank column (one RANK per row over the same range) would cost O(n) per row, O(n²) in all:
   * the range's numbers are sorted once, kept on HyperFormula's range vertex (which drops the
   * cache whenever a cell of the range changes), and each RANK is a binary search, O(log n).
   */
  rank(ast: AstNode, state: State): unknown {
    return this.runFunction(
      (ast.args ?? []) as never,
      state,
      this.metadata("RANK"),
      (value: number, ref: SimpleRangeValue, order: number) => {
        const ranked = this.rankedValues(ref);
        if (ranked instanceof CellError) return ranked;
        const rank = ranked.rankOf(value, order === 0 ? "descending" : "ascending");
        return rank ?? new CellError(ErrorType.NA, "The number is not in the range.");
      },
    );
  }

  /** The sorted numbers of a range: from the range vertex's cache, or sorted and cached now. */
  private rankedValues(ref: SimpleRangeValue): RankedValues | CellError {
    const vertex =
      ref.range === undefined
        ? undefined
        : (this.dependencyGraph.getRange(ref.range.start, ref.range.end) as RangeCache | undefined);
    const cached = vertex?.getFunctionValue(RANK_CACHE_KEY);
    if (cached instanceof RankedValues || cached instanceof CellError) return cached;
    let computed: RankedValues | CellError | undefined;
    const numbers: number[] = [];
    for (const row of ref.data) {
      for (const cell of row) {
        if (cell instanceof CellError) {
          computed = cell;
          break;
        }
        const x = numberIn(cell);
        if (x !== undefined) numbers.push(x);
      }
      if (computed) break;
    }
    computed ??= new RankedValues(numbers);
    vertex?.setFunctionValue(RANK_CACHE_KEY, computed);
    return computed;
  }

  /** Evaluates a call: arguments shaped as Excel shapes them, the wrapper, the result shaped. */
  callGenai(f: GenaiFunction, ast: AstNode, state: State): unknown {
    const args = ast.args ?? [];
    return this.runFunction(args as never, state, this.metadata(f.name), (...values: unknown[]) => {
      const error = values.map(firstError).find((e) => e !== undefined);
      if (error) return error;
      const excelArgs = f.spec.params.map((p, i) =>
        values[i] === undefined || args[i]?.type === "EMPTY"
          ? null
          : excelArgument(values[i], p.dimensionality),
      );
      let result: unknown;
      try {
        result = f.call(...excelArgs);
      } catch (error) {
        return toCellError(error);
      }
      return resultValue(result, this.predictedSize(f, ast, state));
    });
  }

  protected predictedSize(f: GenaiFunction, ast: AstNode, state: State): Size {
    if (!spills(f.spec)) return { rows: 1, columns: 1 };
    const sizes = f.spec.params.map((_, i) => {
      const arg = ast.args?.[i];
      return arg === undefined || arg.type === "EMPTY" ? null : this.argumentSize(arg, state, 0);
    });
    return spillSize(f.spec, sizes);
  }

  /** The size of an argument, following named expressions to the ranges they name. */
  protected argumentSize(ast: AstNode, state: State, depth: number): Size {
    if (ast.type === "PARENTHESIS" && ast.expression) return this.argumentSize(ast.expression, state, depth);
    if (ast.type === "NAMED_EXPRESSION" && ast.expressionName && depth < 8) {
      const named = this.dependencyGraph.namedExpressions.nearestNamedExpression(
        ast.expressionName,
        state.formulaAddress.sheet,
      );
      const vertex = named ? this.dependencyGraph.getCell(named.address) : undefined;
      const formula = (vertex as Partial<FormulaVertexLike> | undefined)?.getFormula?.(
        this.dependencyGraph.lazilyTransformingAstService,
      );
      if (named && typeof formula === "object" && formula !== null && "type" in formula) {
        return this.argumentSize(
          formula as AstNode,
          { formulaAddress: named.address, arraysFlag: state.arraysFlag },
          depth + 1,
        );
      }
      return { rows: 1, columns: 1 };
    }
    const size = this.arraySizeForAst(ast as never, state);
    return { rows: size.height, columns: size.width };
  }

  /** The spill size HyperFormula reserves for a call (fixed when the formula is parsed). */
  sizeGenai(f: GenaiFunction, ast: AstNode, state: State): ArraySize {
    const size = this.predictedSize(f, ast, state);
    return size.rows === 1 && size.columns === 1
      ? ArraySize.scalar()
      : new ArraySize(size.columns, size.rows);
  }
}

// One method per function (HyperFormula looks methods up by name on the prototype).
for (const f of GENAI_FUNCTIONS) {
  const proto = GenaiPlugin.prototype as unknown as Record<string, unknown>;
  proto[methodName(f.name)] = function (this: GenaiPlugin, ast: AstNode, state: State) {
    return this.callGenai(f, ast, state);
  };
  if (spills(f.spec)) {
    proto[`${methodName(f.name)}Size`] = function (this: GenaiPlugin, ast: AstNode, state: State) {
      return this.sizeGenai(f, ast, state);
    };
  }
}

/** Function names per HyperFormula language: GENAI names stay English in every locale, as in Excel (and RANK is RANK). */
export const GENAI_TRANSLATIONS: Record<string, Record<string, string>> = Object.fromEntries(
  ["enGB", "enUS"].map((code) => [
    code,
    Object.fromEntries(
      [...GENAI_FUNCTIONS.map((f) => f.name), ...Object.keys(NATIVE_FUNCTIONS)].map((n) => [n, n]),
    ),
  ]),
);

let registered = false;

/** Registers the plugin with HyperFormula (globally, once); engines built afterwards know GENAI.*. */
export function registerGenaiPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(GenaiPlugin, GENAI_TRANSLATIONS);
  registered = true;
}
