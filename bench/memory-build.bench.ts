/**
 * memory_build_scaling: the complete model built in the in-memory workbook (MemoryHost,
 * HyperFormula with the GENAI plugin, live dialect as the preview builds it) with 100, 1,000 and
 * 5,000 use cases (the ten samples, then generated ones), and one edit at each size: a use case's
 * impact score, which re-scores, re-ranks and re-picks the portfolio.
 *
 * Baseline: the 1,000-row build and edit of the same run. A build that grows linearly with the
 * rows gives a 5,000-to-1,000 ratio near 5 (fixed costs, the other three sheets, pull it below);
 * a per-row rank that scans the column (quadratic) gives near 25. Targets: build ratio < 7.5 and
 * edit ratio < 7.5.
 */
import { MemoryHost } from "../src/host/memory";
import { cellAddress, parseRange } from "../src/shared/a1";
import { planCompleteModel } from "../src/templates";
import { type Benchmark, type BenchEntry, below, median, round } from "./harness";

const SIZES = [100, 1_000, 5_000] as const;

async function timeAsync(body: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await body();
  return performance.now() - start;
}

interface SizeRun {
  readonly buildMs: number;
  readonly editMs: number;
}

/** Builds the model with `rows` use cases (median of `builds`), then edits the fifth use case's impact (median of 7 edits). */
async function measure(rows: number, builds: number): Promise<SizeRun> {
  const plans = planCompleteModel({ data: "sample", currency: "NT$", locale: "en", rows, generated: true });
  const table = parseRange(plans[0].tables.find((t) => t.name === "UseCases")?.range ?? "A1");
  const impact = cellAddress(table.top + 5, table.left + 2);
  const buildTimes: number[] = [];
  let host = new MemoryHost();
  for (let i = 0; i < builds; i++) {
    host = new MemoryHost();
    buildTimes.push(await timeAsync(() => host.applyPlans(plans, { dialect: "live" })));
  }
  const editTimes: number[] = [];
  for (const value of [1, 5, 3, 2, 4, 1, 5]) {
    editTimes.push(
      await timeAsync(() => host.writeCells([{ sheet: "Portfolio", address: impact, values: [[value]] }])),
    );
  }
  return { buildMs: median(buildTimes), editMs: median(editTimes) };
}

async function run(): Promise<BenchEntry> {
  await measure(100, 1); // warm-up: modules, JIT
  const runs = new Map<number, SizeRun>();
  for (const rows of SIZES) runs.set(rows, await measure(rows, rows === 5_000 ? 1 : 3));
  const at = (rows: number): SizeRun => runs.get(rows) as SizeRun;
  const buildRatio = at(5_000).buildMs / at(1_000).buildMs;
  const editRatio = at(5_000).editMs / at(1_000).editMs;
  const figures: Record<string, number> = {};
  for (const rows of SIZES) {
    figures[`build_${rows}_ms`] = round(at(rows).buildMs);
    figures[`edit_${rows}_ms`] = round(at(rows).editMs);
  }
  return {
    figures: { ...figures, baseline: 1_000 },
    ratios: {
      build_5000_to_build_1000: round(buildRatio, 3),
      build_1000_to_build_100: round(at(1_000).buildMs / at(100).buildMs, 3),
      edit_5000_to_edit_1000: round(editRatio, 3),
    },
    targets: {
      build_5000_to_build_1000: below(buildRatio, 7.5),
      edit_5000_to_edit_1000: below(editRatio, 7.5),
    },
    line:
      `MemoryHost build ${SIZES.map((n) => `${n}: ${at(n).buildMs.toFixed(0)} ms`).join(", ")} ` +
      `(5,000 / 1,000 = ${buildRatio.toFixed(2)}, target < 7.5); impact edit ` +
      `${SIZES.map((n) => `${n}: ${at(n).editMs.toFixed(0)} ms`).join(", ")} (ratio ${editRatio.toFixed(2)})`,
  };
}

export const memoryBuildScaling: Benchmark = { name: "memory_build_scaling", run };
