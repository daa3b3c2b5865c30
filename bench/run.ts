/**
 * Runs the benchmarks and records them in bench/results.json (`npm run bench`).
 *
 *   node build/node/bench/run.js              every benchmark
 *   node build/node/bench/run.js simulate     only those whose name contains "simulate"
 *
 * A filtered run merges its entries into the existing results.json and keeps the others.
 * Each entry is { ...figures, ratios, targets, pass, measured }; the file also says on which
 * machine and when it was last written. A missed target is reported (pass: false), not fatal:
 * a benchmark measures, it does not test; the exit code is non-zero only if a benchmark crashes.
 *
 * To add a benchmark, export a `Benchmark` ({ name, run }) from a bench/<topic>.bench.ts file
 * and list it in BENCHMARKS below.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { addinBundleSize } from "./bundle-size.bench";
import { simulateBusinessCase40Lines } from "./case-simulation.bench";
import { cliExport5000 } from "./cli-export.bench";
import { allPass, type Benchmark, type BenchEntry, repositoryRoot } from "./harness";
import { quadrantScore100k } from "./quadrant-score.bench";
import { memoryBuildScaling } from "./memory-build.bench";
import { completeModel5000 } from "./model-apply.bench";
import { previewResponsiveness } from "./preview.bench";
import { lhsVsMcStandardError, simulateRoiSeed100k } from "./simulate.bench";
import { simulateVsSpreadsheet } from "./spreadsheet-simulation.bench";
import { wave100k } from "./wave.bench";

const BENCHMARKS: readonly Benchmark[] = [
  simulateRoiSeed100k,
  lhsVsMcStandardError,
  simulateBusinessCase40Lines,
  quadrantScore100k,
  completeModel5000,
  memoryBuildScaling,
  cliExport5000,
  wave100k,
  simulateVsSpreadsheet,
  addinBundleSize,
  previewResponsiveness,
];

interface Results {
  machine: { node: string; cpus: number; cpu_model: string; platform: string; arch: string };
  date: string;
  entries: Record<string, unknown>;
}

function readResults(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Results>;
    return parsed.entries ?? {};
  } catch {
    console.warn(`${file} is not valid JSON; starting afresh`);
    return {};
  }
}

function record(entry: BenchEntry, measured: string): Record<string, unknown> {
  return {
    ...entry.figures,
    ratios: entry.ratios,
    targets: entry.targets,
    pass: allPass(entry.targets),
    measured,
  };
}

async function main(): Promise<number> {
  const filter = process.argv[2] ?? "";
  const selected = BENCHMARKS.filter((b) => b.name.includes(filter));
  if (selected.length === 0) {
    console.error(`no benchmark matches "${filter}"; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
    return 1;
  }
  const file = path.join(repositoryRoot(), "bench", "results.json");
  const entries = readResults(file);
  const cpus = os.cpus();
  const results: Results = {
    machine: {
      node: process.version,
      cpus: cpus.length,
      cpu_model: cpus[0]?.model ?? "unknown",
      platform: process.platform,
      arch: process.arch,
    },
    date: new Date().toISOString(),
    entries,
  };

  let crashed = 0;
  for (const benchmark of selected) {
    process.stdout.write(`${benchmark.name} … `);
    try {
      const entry = await benchmark.run();
      const pass = allPass(entry.targets);
      entries[benchmark.name] = record(entry, new Date().toISOString());
      process.stdout.write(`${pass ? "PASS" : "MISSED"}\n  ${entry.line}\n`);
    } catch (error) {
      crashed++;
      process.stdout.write(
        `CRASHED\n  ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    // Written after every entry, so a crash later keeps what was measured.
    fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  }
  console.log(`results: ${path.relative(process.cwd(), file)}`);
  return crashed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
