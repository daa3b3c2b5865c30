/**
 * Child-process probe for simulate.bench.ts: the peak memory of one simulation of the seed
 * example, above the process's baseline after garbage collection. Run as
 *   node --expose-gc build/node/bench/simulate-memory.js [trials=1000000]
 * It prints one line of JSON. A fresh process keeps the parent's heap out of the figures.
 *
 * Two measures: the resident set's high-water mark (getrusage maxRSS: every transient allocation,
 * including the sort's, counts; conservative, since it also counts code the JIT compiles), and
 * heapUsed + arrayBuffers sampled after every chunk of 50,000 trials and after the summary.
 */
import { RoiSimulation } from "../src/engine/simulate";
import { SEED_MODEL, seedOptions } from "./seed-model";

export interface MemoryProbe {
  readonly trials: number;
  readonly baselineRssMb: number;
  readonly peakRssAboveBaselineMb: number;
  readonly peakHeapAboveBaselineMb: number;
  readonly p50: number;
}

const MB = 1024 * 1024;
const CHUNK = 50_000;

function probe(trials: number): MemoryProbe {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc");
  gc();
  gc();
  const baseline = process.memoryUsage();
  const baselineHeap = baseline.heapUsed + baseline.arrayBuffers;
  let peakHeap = baselineHeap;
  const sample = (): void => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed + now.arrayBuffers);
  };

  const simulation = new RoiSimulation(SEED_MODEL, seedOptions(trials));
  sample();
  while (!simulation.done) {
    simulation.run(CHUNK);
    sample();
  }
  const summary = simulation.summary();
  sample();

  const maxRssBytes = process.resourceUsage().maxRSS * 1024; // maxRSS is in kilobytes
  return {
    trials,
    baselineRssMb: baseline.rss / MB,
    peakRssAboveBaselineMb: Math.max(0, maxRssBytes - baseline.rss) / MB,
    peakHeapAboveBaselineMb: (peakHeap - baselineHeap) / MB,
    p50: summary.p50,
  };
}

if (require.main === module) {
  const trials = Number(process.argv[2] ?? 1_000_000);
  process.stdout.write(JSON.stringify(probe(trials)) + "\n");
}
