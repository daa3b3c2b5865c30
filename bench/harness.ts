/**
 * What a benchmark is and the few tools every benchmark uses: timing with warm-up and
 * interleaved repetitions, medians, and explicit targets. Benchmarks measure; they are not tests
 * (a loaded machine must not fail `npm test`), so a missed target is reported, not thrown.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";

/** A figure worth keeping in bench/results.json. */
export type Figure = number | string | boolean;

/** A target on one figure or ratio: the actual value must be at least `atLeast` or below `below`. */
export interface Target {
  readonly atLeast?: number;
  readonly below?: number;
  readonly actual: number;
  readonly pass: boolean;
}

/** One benchmark's result, written to bench/results.json as { ...figures, ratios, targets, pass }. */
export interface BenchEntry {
  /** Measured figures, with their units in their names (`simulate_ms_median`, `..._per_second`). */
  readonly figures: Readonly<Record<string, Figure>>;
  /** Dimensionless comparisons between figures, named `<numerator>_to_<denominator>`. */
  readonly ratios: Readonly<Record<string, number>>;
  /** Every target must pass for the entry to pass. */
  readonly targets: Readonly<Record<string, Target>>;
  /** A one-line summary for the console. */
  readonly line: string;
}

export interface Benchmark {
  /** The key in bench/results.json; stable, snake_case. */
  readonly name: string;
  readonly run: () => Promise<BenchEntry> | BenchEntry;
}

export function atLeast(actual: number, minimum: number): Target {
  return { atLeast: minimum, actual, pass: actual >= minimum };
}

export function below(actual: number, maximum: number): Target {
  return { below: maximum, actual, pass: actual < maximum };
}

export function allPass(targets: Readonly<Record<string, Target>>): boolean {
  return Object.values(targets).every((t) => t.pass);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A timed body. It returns its result so the JIT cannot drop the work (the harness keeps it);
 * `setup`, when given, runs untimed just before each timed call.
 */
export type Timed = (() => unknown) | { readonly setup: () => void; readonly body: () => unknown };

/** The last result of each body: written, never read, so no work is dead code. */
const keep: unknown[] = [];

/** Milliseconds taken by one call of `body`. */
export function timeMs(body: () => unknown): number {
  const start = performance.now();
  keep[0] = body();
  return performance.now() - start;
}

function once(timed: Timed): number {
  if (typeof timed === "function") return timeMs(timed);
  timed.setup();
  return timeMs(timed.body);
}

/**
 * Times several bodies against each other: `warmups` untimed rounds (so the JIT has compiled
 * them all), then `repetitions` rounds in which every body runs once, in a rotating order so
 * none always runs first or last (machine noise and GC then fall on all of them alike).
 * Returns each body's milliseconds per round.
 */
export function interleaved<K extends string>(
  bodies: Readonly<Record<K, Timed>>,
  repetitions: number,
  warmups: number,
): Record<K, number[]> {
  const names = Object.keys(bodies) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let w = 0; w < warmups; w++) for (const n of names) once(bodies[n]);
  for (let r = 0; r < repetitions; r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length];
      times[n].push(once(bodies[n]));
    }
  }
  return times;
}

/** Rounds to `digits` significant digits, for readable JSON. */
export function round(value: number, digits = 4): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
}

/** 1,234,567 → "1.23 M". */
export function millions(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(1)} M`;
}

/**
 * The repository root: the nearest folder above this file with a package.json (benchmarks run
 * compiled, from build/node/bench, and read dist/ and write bench/results.json at the root).
 */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}
