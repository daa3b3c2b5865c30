/**
 * addin_bundle_size: what Excel downloads to open the task pane, except Office.js (from
 * Microsoft's CDN): dist/taskpane.html and every local script it references (taskpane.js,
 * functions.js, commands.js and any chunk split off them), raw and gzipped at level 9. Chunks that
 * load lazily (ExcelJS for the shareable copy) are listed apart and not counted: Excel fetches them
 * only when used. Budget: 264 kB gzipped. Reads the production build: run
 * `npm run build` first. test/build/bundle-budget.test.ts holds the same numbers to the budget.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { type Benchmark, type BenchEntry, repositoryRoot } from "./harness";

/**
 * 264 kB (1 kB = 1,000 bytes) gzipped. It was 250 kB until the pane gained the statistic goal
 * seek, the Stress sheet's line sync and the Trials sheet's notes in both languages (241.8 kB to
 * 250.4 kB), then 255 kB until the rank-correlation matrix's reader and warning, the per-line
 * Distribution and the sensitivity block's write and charts (250.4 kB to 256.4 kB), then 260 kB
 * until the Stress sheet's words for unlabelled lines and a blank model in both languages, the
 * kept sampling design of the simulation functions and the build request a worker can plan from
 * (the preview's own strings, 2.4 kB, had left the add-in meanwhile; 256.3 kB to 260.5 kB),
 * then 262 kB until the simulation's checks came to name the range's rows, report the rank
 * correlation the trials get, bound percentiles by exact binomial ranks and keep the tables' end
 * cells' means, the goal seek to find the lever's direction, and the Trials sheet's Check words
 * in both languages (261.5 kB to 262.6 kB), then 263 kB until the payback number format and its
 * words, the preview's commit of an entry typed before its row arrived, the words of what a
 * range's values stand for in Chinese, and the shareable copy's settings guard and cost-lows check
 * (262.6 kB to 263.1 kB).
 * Everything that can wait (ExcelJS, the simulation worker) already loads lazily, so the budget
 * moved by what those features weigh. The next saving in sight: what only a rebuild of an
 * existing sheet needs (the layout migrations, the kept-content carry and its formula reader)
 * could load when a rebuild starts; and the shareable copy's notes (the Trials sheet's words in
 * both languages, about 1 kB) could travel with the lazily loaded copy instead of the bundle.
 */
export const BUNDLE_BUDGET_GZIP_BYTES = 264_000;
/** The entries the manifest's shared runtime page loads. */
export const ENTRY_SCRIPTS = ["taskpane.js", "functions.js", "commands.js"] as const;

export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleSizes {
  /** taskpane.html and the local scripts it references, in page order. */
  readonly counted: readonly FileSize[];
  /** Other scripts in dist/ (lazy chunks), not counted. */
  readonly lazy: readonly FileSize[];
  readonly totalBytes: number;
  readonly totalGzipBytes: number;
  readonly budgetGzipBytes: number;
  readonly pass: boolean;
}

export function gzipSize(content: Buffer): number {
  return zlib.gzipSync(content, { level: 9 }).length;
}

/** Local (not http(s)) script and stylesheet URLs in a page, in order, relative to dist/. */
export function localReferences(html: string): string[] {
  const found = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)=["']?([^"'\s>]+)/gi)].map(
    (m) => m[1],
  );
  return found
    .filter((url) => !/^[a-z]+:|^\/\//i.test(url))
    .map((url) => url.replace(/^\.?\//, "").split(/[?#]/)[0]);
}

function sizeOf(dist: string, file: string): FileSize {
  const content = fs.readFileSync(path.join(dist, file));
  return { file, bytes: content.length, gzipBytes: gzipSize(content) };
}

/** Measures the add-in's task-pane bundle in `dist`; throws a clear error when it is not built. */
export function measureAddinBundle(dist: string): BundleSizes {
  const page = path.join(dist, "taskpane.html");
  if (!fs.existsSync(page)) {
    throw new Error(`${page} is missing: run \`npm run build\` first (the production build writes dist/).`);
  }
  const referenced = [...new Set(localReferences(fs.readFileSync(page, "utf8")))];
  const missing = referenced.filter((file) => !fs.existsSync(path.join(dist, file)));
  if (missing.length > 0) throw new Error(`taskpane.html references missing files: ${missing.join(", ")}`);
  const counted = [sizeOf(dist, "taskpane.html"), ...referenced.map((file) => sizeOf(dist, file))];
  const lazy = fs
    .readdirSync(dist)
    .filter((file) => file.endsWith(".js") && !referenced.includes(file))
    .sort()
    .map((file) => sizeOf(dist, file));
  const totalBytes = counted.reduce((sum, f) => sum + f.bytes, 0);
  const totalGzipBytes = counted.reduce((sum, f) => sum + f.gzipBytes, 0);
  return {
    counted,
    lazy,
    totalBytes,
    totalGzipBytes,
    budgetGzipBytes: BUNDLE_BUDGET_GZIP_BYTES,
    pass: totalGzipBytes <= BUNDLE_BUDGET_GZIP_BYTES,
  };
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * Builds the add-in (`npm run build:addin`: webpack, production) when dist/ has no taskpane.html,
 * as on a fresh clone, so the benchmark measures instead of crashing. Throws with the command to
 * run by hand when the build fails.
 */
export function ensureAddinBuilt(
  root: string,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): void {
  if (fs.existsSync(path.join(root, "dist", "taskpane.html"))) return;
  log("dist/ is not built: building the add-in first (npm run build:addin) …");
  const build = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: process.env },
  );
  if (build.status !== 0 || !fs.existsSync(path.join(root, "dist", "taskpane.html")))
    throw new Error(
      `building the add-in failed (exit ${build.status ?? build.signal}): run \`npm run build:addin\` and then \`npm run bench\` again.`,
    );
}

function run(): BenchEntry {
  ensureAddinBuilt(repositoryRoot());
  const sizes = measureAddinBundle(path.join(repositoryRoot(), "dist"));
  const figures: Record<string, number | string | boolean> = {};
  // Counted files have fixed names; lazy chunks are numbered by webpack, so they are summed.
  for (const f of sizes.counted) {
    const key = f.file.replace(/[^A-Za-z0-9]+/g, "_");
    figures[`${key}_bytes`] = f.bytes;
    figures[`${key}_gzip_bytes`] = f.gzipBytes;
  }
  figures.counted_files = sizes.counted.map((f) => f.file).join(", ");
  figures.lazy_files = sizes.lazy.map((f) => `${f.file} ${f.bytes} B, ${f.gzipBytes} B gzipped`).join("; ");
  figures.lazy_gzip_bytes = sizes.lazy.reduce((sum, f) => sum + f.gzipBytes, 0);
  figures.total_bytes = sizes.totalBytes;
  figures.total_gzip_bytes = sizes.totalGzipBytes;
  figures.budget_gzip_bytes = sizes.budgetGzipBytes;
  const ratio = sizes.totalGzipBytes / sizes.budgetGzipBytes;
  return {
    figures,
    ratios: { total_gzip_to_budget: Math.round(ratio * 1000) / 1000 },
    targets: {
      total_gzip_bytes: {
        below: sizes.budgetGzipBytes + 1,
        actual: sizes.totalGzipBytes,
        pass: sizes.pass,
      },
    },
    line:
      `${sizes.counted.map((f) => `${f.file} ${kB(f.gzipBytes)}`).join(", ")}: ` +
      `${kB(sizes.totalGzipBytes)} gzipped of ${kB(sizes.budgetGzipBytes)} (raw ${kB(sizes.totalBytes)})` +
      (sizes.lazy.length
        ? `; lazy, not counted: ${sizes.lazy.map((f) => `${f.file} ${kB(f.gzipBytes)}`).join(", ")}`
        : ""),
  };
}

export const addinBundleSize: Benchmark = { name: "addin_bundle_size", run };
