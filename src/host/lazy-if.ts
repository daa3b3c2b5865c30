/**
 * IF that evaluates only the branch it returns, for the in-memory workbook (HyperFormula).
 *
 * HyperFormula's IF evaluates its three arguments before choosing, so a formula of nested IFs
 * (the Portfolio's gate decision holds three levels, each with INDEX and COUNT over named ranges)
 * computes every branch on every row: at 5,000 use cases that was most of the workbook's
 * evaluation. Excel evaluates only the branch it takes.
 *
 * The result is HyperFormula's own, value for value. Its IF (non-array mode) returns the chosen
 * argument coerced as a scalar, except that the branch it does not take still counts when it is a
 * range that cannot be coerced to one (then IF gives #VALUE!). So the branch not taken is skipped
 * only when its expression cannot yield a range: a literal, a single cell, an operator (operators
 * coerce ranges to scalars themselves), or a call of a function that returns one value. Otherwise,
 * and in array mode, with an empty argument or a condition that is a range, HyperFormula's IF runs
 * as before.
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
  SimpleRangeValue,
} from "hyperformula";

/** The parts of HyperFormula's AST node and interpreter state used here (not exported by it). */
interface Ast {
  readonly type: string;
  readonly args?: readonly Ast[];
  readonly expression?: Ast;
  readonly procedureName?: string;
}
interface State {
  readonly arraysFlag: boolean;
}

/** Node types whose value is never a range (operators coerce range operands to a scalar). */
const SCALAR_NODES = new Set([
  "NUMBER",
  "STRING",
  "ERROR",
  "ERROR_WITH_RAW_INPUT",
  "CELL_REFERENCE",
  "MINUS_UNARY_OP",
  "PLUS_UNARY_OP",
  "PERCENT_OP",
  "CONCATENATE_OP",
  "EQUALS_OP",
  "NOT_EQUAL_OP",
  "GREATER_THAN_OP",
  "LESS_THAN_OP",
  "GREATER_THAN_OR_EQUAL_OP",
  "LESS_THAN_OR_EQUAL_OP",
  "PLUS_OP",
  "MINUS_OP",
  "TIMES_OP",
  "DIV_OP",
  "POWER_OP",
]);

/** Functions whose result is one value outside array mode (their arguments may be ranges). */
const SCALAR_FUNCTIONS = new Set([
  "IF",
  "IFERROR",
  "AND",
  "OR",
  "NOT",
  "ROUND",
  "SUM",
  "COUNT",
  "COLUMNS",
  "ROWS",
  "MIN",
  "MAX",
  "ABS",
]);

/** Whether evaluating `ast` outside array mode can only give a single value. */
export function yieldsScalar(ast: Ast): boolean {
  if (SCALAR_NODES.has(ast.type)) return true;
  if (ast.type === "PARENTHESES") return ast.expression !== undefined && yieldsScalar(ast.expression);
  return ast.type === "FUNCTION_CALL" && SCALAR_FUNCTIONS.has((ast.procedureName ?? "").toUpperCase());
}

/** HyperFormula's message for an argument it cannot coerce (its ErrorMessage.WrongType). */
const WRONG_TYPE = "Wrong type of argument.";

const CONDITION = { argumentType: FunctionArgumentType.BOOLEAN };
const BRANCH = { argumentType: FunctionArgumentType.SCALAR, passSubtype: true };

export class LazyIfPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    IF: {
      method: "lazyIf",
      parameters: [CONDITION, BRANCH, { ...BRANCH, defaultValue: false }],
    },
  };

  lazyIf(ast: { readonly args: readonly Ast[] }, state: State): unknown {
    const { args } = ast;
    const eager = (): unknown =>
      this.runFunction(
        args as never,
        state as never,
        this.metadata("IF"),
        (condition: unknown, whenTrue: unknown, whenFalse: unknown) =>
          (condition ? whenTrue : whenFalse) as never,
      );
    if (state.arraysFlag || args.length < 2 || args.length > 3 || args.some((a) => a.type === "EMPTY"))
      return eager();
    const value = this.evaluateAst(args[0] as never, state as never);
    if (value instanceof SimpleRangeValue) return eager();
    const condition = this.coerceToType(value, CONDITION, state as never);
    if (condition === undefined) return new CellError(ErrorType.VALUE, WRONG_TYPE);
    if (condition instanceof CellError) return condition;
    const [taken, skipped] = condition ? [args[1], args[2]] : [args[2], args[1]];
    if (skipped !== undefined && !yieldsScalar(skipped)) return eager();
    const result = taken === undefined ? false : this.evaluateAst(taken as never, state as never);
    const scalar = this.coerceToType(result, BRANCH, state as never);
    return scalar === undefined ? new CellError(ErrorType.VALUE, WRONG_TYPE) : scalar;
  }
}

/** HyperFormula's own IF, kept so that tests can build a workbook with it to compare. */
export const EAGER_IF_PLUGIN = HyperFormula.getFunctionPlugin("IF");

let registered = false;

/** Registers the plugin once, before any HyperFormula instance is built. */
export function registerLazyIf(): void {
  if (registered) return;
  HyperFormula.registerFunction("IF", LazyIfPlugin);
  registered = true;
}
