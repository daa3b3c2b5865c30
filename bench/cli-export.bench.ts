/**
 * cli_export_5000: the command line `genai-roi workbook --rows 5000 --generated` as a user runs it
 * (a fresh node process: loading modules, planning, computing the cached values in HyperFormula,
 * writing the .xlsx), timed from spawn to exit.
 *
 * Baselines, measured in the same run: the same command with 1,000 rows (a linear export gives a
 * 5,000-to-1,000 ratio near 5, a quadratic rank near 25), and the default 15-row model (the fixed
 * cost: node start-up, modules, the other sheets). Targets: 5,000 rows under 5 s, and the rows'
 * own cost (time above the 15-row export) growing at most 7.5× from 1,000 to 5,000 rows.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Benchmark, type BenchEntry, below, median, repositoryRoot, round } from "./harness";

function exportMs(rows: number | null, folder: string): number {
  const bin = path.join(repositoryRoot(), "bin", "genai-roi.js");
  const out = path.join(folder, `model-${rows ?? "default"}.xlsx`);
  const args = [
    bin,
    "workbook",
    "--out",
    out,
    ...(rows === null ? [] : ["--rows", String(rows), "--generated"]),
  ];
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`genai-roi failed (${result.status}): ${result.stderr}`);
  if (!fs.existsSync(out)) throw new Error(`genai-roi wrote no ${out}`);
  return ms;
}

function run(): BenchEntry {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "genai-bench-cli-"));
  try {
    exportMs(null, folder); // warm the file cache
    const times = { default: [] as number[], 1000: [] as number[], 5000: [] as number[] };
    for (let i = 0; i < 3; i++) {
      times.default.push(exportMs(null, folder));
      times[1000].push(exportMs(1_000, folder));
      times[5000].push(exportMs(5_000, folder));
    }
    const [small, thousand, fiveThousand] = [times.default, times[1000], times[5000]].map(median);
    const marginal = (fiveThousand - small) / Math.max(1, thousand - small);
    return {
      figures: {
        export_default_15_rows_ms_median: round(small),
        export_1000_rows_ms_median: round(thousand),
        export_5000_rows_ms_median: round(fiveThousand),
        runs_per_size: 3,
      },
      ratios: {
        export_5000_to_export_1000: round(fiveThousand / thousand, 3),
        rows_cost_5000_to_rows_cost_1000: round(marginal, 3),
        export_5000_to_export_default: round(fiveThousand / small, 3),
      },
      targets: {
        export_5000_rows_ms: below(fiveThousand, 5_000),
        rows_cost_5000_to_rows_cost_1000: below(marginal, 7.5),
      },
      line:
        `genai-roi workbook: 15 rows ${small.toFixed(0)} ms, 1,000 rows ${thousand.toFixed(0)} ms, ` +
        `5,000 rows ${fiveThousand.toFixed(0)} ms (target < 5,000 ms); rows' own cost 5,000 / 1,000 = ${marginal.toFixed(2)}`,
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export const cliExport5000: Benchmark = { name: "cli_export_5000", run };
