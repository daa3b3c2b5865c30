/**
 * The GENAI custom functions as typed data: for each, its id, its parameters (name, unit, range,
 * default, how Excel passes it), what it returns and the shape it spills, and the declaration in
 * functions.ts that Excel calls. Everything else is derived from this list or checked against it:
 *
 * - the validating wrappers (finance, portfolio, rollout, risk) read their ranges and defaults here;
 * - the in-memory workbook's function plugin (host/genai-plugin.ts) declares each function from it,
 *   calls the same declaration Excel calls and sizes its spill from `spill`;
 * - the in-memory host knows which formulas spill from it (host/memory-apply.ts);
 * - tests hold the JSDoc that custom-functions-metadata reads (functions.ts) and the README's
 *   function table to it (test/functions/catalogue.test.ts).
 *
 * A new function is an engine function, a declaration in functions.ts (JSDoc and body), an entry
 * here, its area's validating wrapper, a row in the README's table and its metadata in each
 * translated language (i18n/<tag>/functions.json): docs/extending.md.
 */
import {
  DEFAULT_GATE_STOP_FAILURES,
  DEFAULT_QUADRANT_THRESHOLD,
  DEFAULT_WEIGHTS,
  SEED_GATE_THRESHOLDS,
} from "../engine/portfolio";
import { DEFAULT_WAVE1_COUNT } from "../engine/rollout";
import { LINE_DISTRIBUTIONS } from "../engine/distributions";
import { DEFAULT_SIMULATION, SAMPLINGS } from "../engine/simulate";
import { SIMULATION_COLUMNS, SIMULATION_STATISTICS } from "../engine/simulation-table";
import {
  CORRELATION,
  GATE_FAILURE_COUNT,
  type InputRange,
  NON_NEGATIVE,
  POSITIVE,
  RATE,
  SCORE,
  SEED,
  SHARE,
  TRIALS,
  WHOLE_COUNT,
} from "../engine/inputs";

/** How Excel hands a parameter to the function: a 2-D array (`any[][]`), or one value. */
export type Dimensionality = "scalar" | "matrix";

/** What a parameter's numbers mean. */
export type Unit =
  | "currency"
  | "provider currency"
  | "exchange rate"
  | "fraction"
  | "share"
  | "score"
  | "weight"
  | "months"
  | "month number"
  | "seconds"
  | "calls"
  | "tokens"
  | "count"
  | "readiness"
  | "line items"
  | "correlation"
  | "trials"
  | "seed"
  | "text";

export interface ParameterSpec {
  /** As in the JSDoc and in messages, e.g. "fx_rate". */
  readonly name: string;
  readonly unit: Unit;
  readonly dimensionality: Dimensionality;
  readonly optional: boolean;
  /** The numbers accepted (each cell of a range); none: any number. */
  readonly range?: InputRange;
  /**
   * The value a blank or omitted optional argument takes. A function of other arguments (WAVE's
   * wave2_count) is computed by the wrapper and documented in `defaultNote`.
   */
  readonly default?: number | string | readonly number[];
  readonly defaultNote?: string;
  /** For a text argument, the choices (case ignored). */
  readonly choices?: readonly string[];
}

/** What a function returns, as a cell format. */
export type ResultFormat =
  | "fraction"
  | "currency"
  | "months"
  | "score"
  | "share"
  | "quadrant"
  | "wave"
  | "decision"
  | "simulation table"
  | "tornado table";

/** The shape of a result. */
export type Spill =
  /** One value. */
  | { readonly kind: "value" }
  /** Excel's broadcasting of the named parameters: the widest and tallest of them. */
  | { readonly kind: "broadcast"; readonly over: readonly string[] }
  /** A fixed table, with one more row when the named optional parameter is given. */
  | {
      readonly kind: "table";
      readonly rows: number;
      readonly columns: number;
      readonly extraRowWith?: string;
    }
  /** One row per row of the named parameters together. */
  | { readonly kind: "rowsOf"; readonly params: readonly string[]; readonly columns: number };

export interface FunctionSpec {
  /** The id custom-functions-metadata gives it, stored in users' workbooks. */
  readonly id: string;
  /** As typed in a formula after "GENAI.". */
  readonly name: string;
  /** The exported function in functions.ts that Excel calls (the engine call, validated). */
  readonly declaration: string;
  readonly params: readonly ParameterSpec[];
  readonly result: ResultFormat;
  readonly spill: Spill;
}

type ParameterOptions = Partial<Pick<ParameterSpec, "range" | "default" | "defaultNote" | "choices">>;

/** A required parameter. */
function required(
  name: string,
  unit: Unit,
  dimensionality: Dimensionality,
  options: ParameterOptions = {},
): ParameterSpec {
  return { name, unit, dimensionality, optional: false, ...options };
}

/** An optional parameter (blank or omitted: its default). */
function optional(
  name: string,
  unit: Unit,
  dimensionality: Dimensionality,
  options: ParameterOptions = {},
): ParameterSpec {
  return { name, unit, dimensionality, optional: true, ...options };
}

const VALUE: Spill = { kind: "value" };

/** Line items, three columns low, base, high, and an optional fourth naming the distribution. */
const LINE_ITEMS = (name: string): ParameterSpec => required(name, "line items", "matrix");

/** The optional arguments the three simulation functions share, in order, read the same way. */
const SIMULATION_OPTIONS: readonly ParameterSpec[] = [
  optional("trials", "trials", "scalar", { range: TRIALS, default: DEFAULT_SIMULATION.trials }),
  optional("seed", "seed", "scalar", { range: SEED, default: DEFAULT_SIMULATION.seed }),
  optional("distribution", "text", "scalar", {
    choices: LINE_DISTRIBUTIONS,
    default: DEFAULT_SIMULATION.distribution,
  }),
  optional("sampling", "text", "scalar", { choices: SAMPLINGS, default: DEFAULT_SIMULATION.sampling }),
  optional("correlation", "correlation", "matrix", {
    range: CORRELATION,
    defaultNote: "none (independent)",
  }),
];

/** A simulation function: line items, its own parameters, then the shared options. */
function simulation(own: readonly ParameterSpec[]): readonly ParameterSpec[] {
  return [LINE_ITEMS("benefits"), LINE_ITEMS("costs"), ...own, ...SIMULATION_OPTIONS];
}

const score = (name: string): ParameterSpec => required(name, "score", "matrix", { range: SCORE });
const share = (name: string): ParameterSpec => required(name, "share", "matrix", { range: SHARE });

/** The 15 functions, in the order of functions.ts. */
export const CATALOGUE: readonly FunctionSpec[] = [
  {
    id: "GENAI_ROI",
    name: "ROI",
    declaration: "GENAI_ROI",
    params: [required("benefits", "currency", "matrix"), required("costs", "currency", "matrix")],
    result: "fraction",
    spill: VALUE,
  },
  {
    id: "QUADRANT_SCORE",
    name: "QUADRANT_SCORE",
    declaration: "QUADRANT_SCORE",
    params: [
      score("impact"),
      score("complexity"),
      score("learning_value"),
      score("time_window"),
      optional("weights", "weight", "matrix", { range: NON_NEGATIVE, default: DEFAULT_WEIGHTS }),
    ],
    result: "score",
    spill: { kind: "broadcast", over: ["impact", "complexity", "learning_value", "time_window"] },
  },
  {
    id: "QUADRANT",
    name: "QUADRANT",
    declaration: "QUADRANT",
    params: [
      score("impact"),
      score("complexity"),
      optional("threshold", "score", "scalar", { range: SCORE, default: DEFAULT_QUADRANT_THRESHOLD }),
    ],
    result: "quadrant",
    spill: { kind: "broadcast", over: ["impact", "complexity"] },
  },
  {
    id: "PAYBACK",
    name: "PAYBACK",
    declaration: "PAYBACK",
    params: [
      required("cash_flows", "currency", "matrix"),
      optional("months_per_period", "months", "scalar", { range: POSITIVE, default: 1 }),
    ],
    result: "months",
    spill: VALUE,
  },
  {
    id: "API_COST",
    name: "API_COST",
    declaration: "API_COST",
    params: [
      required("calls_per_month", "calls", "scalar", { range: NON_NEGATIVE }),
      required("cost_per_call", "provider currency", "scalar", { range: NON_NEGATIVE }),
      optional("fx_rate", "exchange rate", "scalar", { range: POSITIVE, default: 1 }),
      optional("months", "months", "scalar", { range: NON_NEGATIVE, default: 12 }),
    ],
    result: "currency",
    spill: VALUE,
  },
  {
    id: "TOKEN_COST",
    name: "TOKEN_COST",
    declaration: "TOKEN_COST",
    params: [
      required("calls_per_month", "calls", "scalar", { range: NON_NEGATIVE }),
      required("input_tokens", "tokens", "scalar", { range: NON_NEGATIVE }),
      required("output_tokens", "tokens", "scalar", { range: NON_NEGATIVE }),
      required("input_price_per_million", "provider currency", "scalar", { range: NON_NEGATIVE }),
      required("output_price_per_million", "provider currency", "scalar", { range: NON_NEGATIVE }),
      optional("fx_rate", "exchange rate", "scalar", { range: POSITIVE, default: 1 }),
      optional("months", "months", "scalar", { range: NON_NEGATIVE, default: 12 }),
    ],
    result: "currency",
    spill: VALUE,
  },
  {
    id: "PV_ROI",
    name: "PV_ROI",
    declaration: "PV_ROI",
    params: [
      required("benefits", "currency", "matrix"),
      required("costs", "currency", "matrix"),
      optional("discount_rate", "fraction", "scalar", { range: RATE, default: 0.1 }),
      optional("benefit_risk", "share", "scalar", { range: SHARE, default: 0 }),
      optional("cost_risk", "fraction", "scalar", { range: NON_NEGATIVE, default: 0 }),
    ],
    result: "fraction",
    spill: VALUE,
  },
  {
    id: "ADOPTION",
    name: "ADOPTION",
    declaration: "ADOPTION",
    params: [
      required("month", "month number", "matrix"),
      required("start_month", "month number", "matrix"),
      required("ramp_months", "months", "matrix", { range: NON_NEGATIVE }),
      optional("target", "share", "matrix", { range: SHARE, default: 1 }),
    ],
    result: "share",
    spill: { kind: "broadcast", over: ["month", "start_month", "ramp_months", "target"] },
  },
  {
    id: "WAVE",
    name: "WAVE",
    declaration: "WAVE",
    params: [
      required("readiness", "readiness", "matrix"),
      required("all_readiness", "readiness", "matrix"),
      optional("wave1_count", "count", "scalar", { range: WHOLE_COUNT, default: DEFAULT_WAVE1_COUNT }),
      optional("wave2_count", "count", "scalar", {
        range: WHOLE_COUNT,
        defaultNote: "half of the rest, rounded up",
      }),
    ],
    result: "wave",
    spill: { kind: "broadcast", over: ["readiness"] },
  },
  {
    id: "GATE",
    name: "GATE",
    declaration: "GATE",
    params: [
      share("quality"),
      required("p95_latency_s", "seconds", "matrix", { range: NON_NEGATIVE }),
      share("hallucination_rate"),
      share("time_saved"),
      share("adoption_intent"),
      optional("thresholds", "share", "matrix", {
        range: NON_NEGATIVE,
        default: [
          SEED_GATE_THRESHOLDS.quality,
          SEED_GATE_THRESHOLDS.p95LatencySeconds,
          SEED_GATE_THRESHOLDS.hallucinationRate,
          SEED_GATE_THRESHOLDS.timeSaved,
          SEED_GATE_THRESHOLDS.adoptionIntent,
        ],
      }),
      optional("stop_failures", "count", "scalar", {
        range: GATE_FAILURE_COUNT,
        default: DEFAULT_GATE_STOP_FAILURES,
      }),
    ],
    result: "decision",
    spill: {
      kind: "broadcast",
      over: ["quality", "p95_latency_s", "hallucination_rate", "time_saved", "adoption_intent"],
    },
  },
  {
    id: "BREAKEVEN",
    name: "BREAKEVEN",
    declaration: "BREAKEVEN",
    params: [
      required("benefits", "currency", "matrix"),
      required("costs", "currency", "matrix"),
      optional("target_roi", "fraction", "scalar", { range: RATE, default: 0 }),
    ],
    result: "fraction",
    spill: VALUE,
  },
  {
    id: "SIMULATE_ROI",
    name: "SIMULATE_ROI",
    declaration: "SIMULATE_ROI",
    params: [
      ...simulation([]),
      optional("value_if_empty", "text", "scalar", { defaultNote: "none: the table is #VALUE!" }),
    ],
    result: "simulation table",
    spill: {
      kind: "table",
      rows: SIMULATION_STATISTICS.length,
      columns: SIMULATION_COLUMNS.length,
      extraRowWith: "correlation",
    },
  },
  {
    id: "SIM_PERCENTILE",
    name: "SIM_PERCENTILE",
    declaration: "SIM_PERCENTILE",
    params: simulation([required("p", "share", "matrix", { range: SHARE })]),
    result: "fraction",
    spill: { kind: "broadcast", over: ["p"] },
  },
  {
    id: "SIM_TARGET",
    name: "SIM_TARGET",
    declaration: "SIM_TARGET",
    params: simulation([required("x", "fraction", "matrix")]),
    result: "share",
    spill: { kind: "broadcast", over: ["x"] },
  },
  {
    id: "TORNADO",
    name: "TORNADO",
    declaration: "TORNADO",
    params: [
      LINE_ITEMS("benefits"),
      LINE_ITEMS("costs"),
      optional("labels", "text", "matrix", { defaultNote: '"Benefit 1", "Cost 1", ...' }),
      optional("cost_labels", "text", "matrix", { defaultNote: '"Cost 1", ...' }),
    ],
    result: "tornado table",
    spill: { kind: "rowsOf", params: ["benefits", "costs"], columns: 4 },
  },
];

/** A function of the catalogue by id; throws for an unknown one (a typo fails on import). */
export function functionSpec(id: string): FunctionSpec {
  const spec = CATALOGUE.find((f) => f.id === id);
  if (!spec) throw new Error(`No GENAI function ${id} in the catalogue`);
  return spec;
}

/** A parameter of a function by name; throws for an unknown one (a typo fails on import). */
export function parameterOf(id: string, name: string): ParameterSpec {
  const param = functionSpec(id).params.find((p) => p.name === name);
  if (!param) throw new Error(`GENAI.${functionSpec(id).name} has no parameter ${name}`);
  return param;
}

/** A parameter's numeric default (for readers that fall back to it). */
export function numericDefault(param: ParameterSpec): number | undefined {
  return typeof param.default === "number" ? param.default : undefined;
}

export interface Size {
  readonly rows: number;
  readonly columns: number;
}

/** Whether a function's result may spill beyond one cell. */
export function spills(spec: FunctionSpec): boolean {
  return spec.spill.kind !== "value";
}

/**
 * A result's size from the sizes of the arguments given (null: omitted or empty), as Excel
 * shapes it: broadcasting takes the widest and tallest of the named arguments.
 */
export function spillSize(spec: FunctionSpec, sizes: readonly (Size | null)[]): Size {
  const sizeOf = (name: string): Size | null => sizes[spec.params.findIndex((p) => p.name === name)] ?? null;
  const spill = spec.spill;
  switch (spill.kind) {
    case "value":
      return { rows: 1, columns: 1 };
    case "broadcast": {
      const given = spill.over.map(sizeOf).filter((size): size is Size => size !== null);
      return {
        rows: Math.max(1, ...given.map((size) => size.rows)),
        columns: Math.max(1, ...given.map((size) => size.columns)),
      };
    }
    case "table":
      return {
        rows: spill.rows + (spill.extraRowWith && sizeOf(spill.extraRowWith) ? 1 : 0),
        columns: spill.columns,
      };
    case "rowsOf":
      return {
        rows: spill.params.reduce((sum, name) => sum + (sizeOf(name)?.rows ?? 1), 0),
        columns: spill.columns,
      };
  }
}
