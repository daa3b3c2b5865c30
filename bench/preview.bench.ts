/**
 * The preview in Chromium at 100, 1,000 and 5,000 use cases: how long "Build complete model"
 * takes until the Portfolio shows in the grid, how long an edit takes until what depends on it
 * shows (agents after AI → the Summary's annual ROI; a use case's impact score → its rank), and
 * the longest task on the page's main thread in each size (PerformanceObserver "longtask": any
 * task over 50 ms, with its duration), which is what a user feels as a freeze.
 *
 * Every size runs in a fresh browser profile (empty storage), through the pane and the grid as a
 * user would. Edits start once the workbook is kept in the browser's storage, as after a pause.
 * Targets: the 5,000-row build under 2 s, each edit under 300 ms, no main-thread task over
 * 200 ms. Needs the preview's production build (`npm run build`) and Debian's chromium.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type Page } from "playwright-core";
import { below, type Benchmark, type BenchEntry, type Figure, repositoryRoot, round } from "./harness";
import { CHROMIUM, CHROMIUM_FLAGS } from "../test/e2e/chromium";
import {
  bundleModules,
  PHASE_MARK,
  summariseTrace,
  Trace,
  type ModuleOf,
  type TraceSummary,
  writeTrace,
} from "./chromium-trace";
import { planCompleteModel } from "../src/templates";
import { ROI_NAMES } from "../src/templates/roi";

/**
 * Where the complete model puts a named input, read from its plan: the bench finds the cell the
 * way the pane does, by its workbook name, so a layout that moves it cannot make the bench type
 * into another input and wait for a change that never comes.
 */
function inputAddress(name: string): string {
  const plan = planCompleteModel({ data: "sample", currency: "NT$", locale: "en" }).find((p) =>
    p.names.some((n) => n.name === name),
  );
  const range = plan?.names.find((n) => n.name === name)?.range;
  if (!plan || !range) throw new Error(`The complete model has no input named ${name}.`);
  return `${plan.sheet}!${range.replace(/\$/g, "")}`;
}

const SIZES = [100, 1_000, 5_000] as const;
/** Per step; generous, as a loaded shared machine can take minutes where a laptop takes seconds. */
const TIMEOUT_MS = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 900_000);

interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** Collects every long task of the page from its first script on. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
`;

interface SizeFigures {
  readonly buildMs: number;
  readonly storeMs: number;
  readonly roiEditMs: number;
  readonly scoreEditMs: number;
  readonly longestTaskMs: number;
  /** The step the longest task belonged to. */
  readonly longestTaskPhase: Phase;
  /** The longest task of each step, ms (0: none over 50 ms). */
  readonly longestTaskMsByPhase: Readonly<Record<Phase, number>>;
  readonly longTasks: number;
  /**
   * Every long task: when it began, in ms from the build's click (negative: while the page
   * loaded), and how long it took; what the profiling run prints to tell the steps apart.
   */
  readonly tasks: readonly { readonly at: number; readonly ms: number; readonly phase: Phase }[];
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The steps of a run, in order; a long task belongs to the step that was under way. */
const PHASES = ["start-up", "build", "score edit", "ROI edit"] as const;
type Phase = (typeof PHASES)[number];

/**
 * Marks the start of a step in the page (a user-timing mark the trace carries, so the profile
 * names each long task's step too); returns the page time it began.
 */
const beginPhase = (page: Page, phase: Phase): Promise<number> =>
  page.evaluate((name) => {
    performance.mark(name);
    return performance.now();
  }, PHASE_MARK + phase);

/** Waits until `predicate` (page code, a string expression) holds; returns the page time it did. */
async function until(page: Page, predicate: string): Promise<number> {
  const handle = await page.waitForFunction(`(() => (${predicate}) ? performance.now() : 0)()`, undefined, {
    polling: "raf",
    timeout: TIMEOUT_MS,
  });
  return (await handle.jsonValue()) as number;
}

const cellText = (address: string): string =>
  `(document.querySelector('[data-address="${address}"]')?.textContent ?? "")`;

/** Edits an input cell through the grid: select it, F2 (edit in place), type, Enter. */
async function typeInto(page: Page, address: string, text: string): Promise<number> {
  await page.locator(`[data-address="${address}"]`).click();
  await page.keyboard.press("F2");
  const editor = page.getByLabel(`Edit ${address}`);
  await editor.waitFor({ timeout: TIMEOUT_MS });
  await editor.fill(text);
  const start = await now(page);
  await page.keyboard.press("Enter");
  return start;
}

/** Where a profiling run writes each size's trace and its summary (see the end of this file). */
interface Profiling {
  readonly dir: string;
  readonly summaries: Map<string, TraceSummary>;
  /** The module of a function of the preview's scripts, to name where a long task's time went. */
  readonly moduleOf: ModuleOf;
}

async function measureSize(url: string, rows: number, profiling?: Profiling): Promise<SizeFigures> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "genai-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1440, height: 900 },
    timeout: TIMEOUT_MS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on("crash", () => console.error(`${rows} use cases: the page crashed`));
    await page.addInitScript(OBSERVE_LONG_TASKS);
    // Profiling traces the page's start-up too: the trace begins on the blank page.
    const trace = profiling ? await Trace.start(page) : null;
    await page.goto(url);
    const pane = page.getByTestId("preview-pane");
    await pane.getByRole("tab", { name: "Build", exact: true }).click();
    await page.getByTestId("grid-empty").waitFor();
    await pane.getByLabel("Use cases in the portfolio").fill(String(rows));

    // Build: from the click until the Portfolio's first use case shows in the grid and the
    // workbook's worker is idle.
    const buildStart = await beginPhase(page, "build");
    await pane.getByRole("button", { name: "Build complete model" }).click();
    const built = await until(
      page,
      `document.querySelector('[data-sheet-tab="Stress"]') && ${cellText("Portfolio!A11")} !== "" && !document.querySelector('[data-testid="workbook-progress"]')`,
    );
    const stored = await until(
      page,
      `document.querySelector('[data-testid="workbook-state"]')?.dataset.stored === "true"`,
    );

    // A score edit: the first use case's impact to 1 moves its rank (column K).
    const scorePhase = await beginPhase(page, "score edit");
    const rankBefore = await page.locator('[data-address="Portfolio!K11"]').textContent();
    const scoreStart = await typeInto(page, "Portfolio!C11", "1");
    const scored = await until(page, `${cellText("Portfolio!K11")} !== ${JSON.stringify(rankBefore ?? "")}`);

    // An ROI input the Summary shows: agents after AI 35 → 40 until the Summary's ROI changes.
    const roiPhase = await beginPhase(page, "ROI edit");
    await page
      .getByRole("tablist", { name: "Sheets" })
      .getByRole("tab", { name: "ROI", exact: true })
      .click();
    const agentsAfter = inputAddress(ROI_NAMES.agentsAfter);
    const agents = page.locator(`[data-address="${agentsAfter}"]`);
    await agents.waitFor();
    const summary = `(document.querySelector('[data-testid="summary-annual-roi"]')?.textContent ?? "")`;
    const roiBefore = await page.evaluate(summary);
    const roiStart = await typeInto(page, agentsAfter, "40");
    const roiShown = await until(page, `${summary} !== ${JSON.stringify(roiBefore)}`);

    if (trace && profiling) {
      const events = await trace.stop();
      writeTrace(path.join(profiling.dir, `preview-${rows}.trace.json`), events);
      profiling.summaries.set(String(rows), summariseTrace(events, 8, profiling.moduleOf));
    }
    const tasks = await page.evaluate<{ start: number; duration: number }[]>("window.__longTasks");
    const phaseOf = (start: number): Phase =>
      start >= roiPhase
        ? "ROI edit"
        : start >= scorePhase
          ? "score edit"
          : start >= buildStart
            ? "build"
            : "start-up";
    const longestTaskMsByPhase = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
    for (const t of tasks) {
      const p = phaseOf(t.start);
      longestTaskMsByPhase[p] = Math.max(longestTaskMsByPhase[p], t.duration);
    }
    const longestTask = tasks.reduce<{ start: number; duration: number } | null>(
      (m, t) => (m && m.duration >= t.duration ? m : t),
      null,
    );
    const longest = longestTask?.duration ?? 0;
    return {
      buildMs: built - buildStart,
      storeMs: stored - built,
      scoreEditMs: scored - scoreStart,
      roiEditMs: roiShown - roiStart,
      longestTaskMs: longest,
      longestTaskPhase: longestTask ? phaseOf(longestTask.start) : "start-up",
      longestTaskMsByPhase,
      longTasks: tasks.length,
      tasks: tasks.map((t) => ({
        at: Math.round(t.start - buildStart),
        ms: Math.round(t.duration),
        phase: phaseOf(t.start),
      })),
    };
  } catch (error) {
    const shot = path.join(os.tmpdir(), `genai-bench-preview-${rows}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(
      `${rows} use cases: ${error instanceof Error ? error.message : String(error)} (screenshot: ${shot})`,
    );
  } finally {
    await context.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function run(): Promise<BenchEntry> {
  const root = repositoryRoot();
  if (!fs.existsSync(path.join(root, "dist-preview", "index.html")))
    throw new Error("dist-preview/index.html is missing: run `npm run build` first");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  // CommonJS next to the sources; required at run time (the benchmark runs compiled, elsewhere).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startPreviewServer } = require(path.join(root, "scripts", "preview-server.js")) as {
    startPreviewServer: (o: { root: string; port: number }) => Promise<PreviewServer>;
  };
  const server = await startPreviewServer({ root, port: 0 });
  const bySize = new Map<number, SizeFigures>();
  try {
    for (const rows of SIZES) bySize.set(rows, await measureSize(server.url, rows));
  } finally {
    await server.close();
  }
  const figures: Record<string, Figure> = {
    use_cases: SIZES.join(", "),
    // Context for the absolute times: the machine's one-minute load average when the run ended.
    load_average_1min: round(os.loadavg()[0], 3),
  };
  for (const [rows, f] of bySize) {
    figures[`build_ms_${rows}`] = round(f.buildMs);
    figures[`score_edit_ms_${rows}`] = round(f.scoreEditMs);
    figures[`summary_roi_edit_ms_${rows}`] = round(f.roiEditMs);
    figures[`store_in_browser_ms_${rows}`] = round(f.storeMs);
    figures[`longest_main_thread_task_ms_${rows}`] = round(f.longestTaskMs);
    // What the longest task was part of: the page's start-up, the build, the score or the ROI edit.
    figures[`longest_main_thread_task_phase_${rows}`] = f.longestTaskPhase;
    for (const phase of PHASES)
      figures[`longest_task_ms_${phase.toLowerCase().replace(/\W+/g, "_")}_${rows}`] = round(
        f.longestTaskMsByPhase[phase],
      );
    figures[`long_tasks_${rows}`] = f.longTasks;
  }
  const big = bySize.get(5_000)!;
  const mid = bySize.get(1_000)!;
  const longest = Math.max(...[...bySize.values()].map((f) => f.longestTaskMs));
  const slowestEdit = Math.max(big.scoreEditMs, big.roiEditMs);
  return {
    figures,
    ratios: {
      build_5000_to_1000: round(big.buildMs / mid.buildMs, 3),
      score_edit_5000_to_1000: round(big.scoreEditMs / mid.scoreEditMs, 3),
      summary_roi_edit_5000_to_1000: round(big.roiEditMs / mid.roiEditMs, 3),
    },
    targets: {
      build_ms_5000: below(big.buildMs, 2_000),
      edit_ms_5000: below(slowestEdit, 300),
      longest_main_thread_task_ms: below(longest, 200),
    },
    line:
      `5,000 use cases: build ${Math.round(big.buildMs)} ms, score edit ${Math.round(big.scoreEditMs)} ms, ` +
      `ROI edit ${Math.round(big.roiEditMs)} ms (1,000: ${Math.round(mid.buildMs)} / ${Math.round(mid.scoreEditMs)} / ` +
      `${Math.round(mid.roiEditMs)} ms); longest main-thread task ${Math.round(longest)} ms`,
  };
}

export const previewResponsiveness: Benchmark = { name: "preview_responsiveness", run };

/**
 * Profiling: `node build/node/bench/preview.bench.js [sizes…]` runs the same steps with a Chromium
 * trace (DevTools protocol) and prints, per size, the figures, the time each thread was busy, the
 * longest main-thread tasks with the frames and the modules that took their time, and writes the
 * traces to $BENCH_TRACE_DIR (default: a temporary folder) for DevTools' Performance panel. It does
 * not write bench/results.json: tracing slows the page down. The modules come from the source maps
 * of a build made with BENCH_PROFILE=1 (`BENCH_PROFILE=1 npm run build`), whose scripts are the
 * same as a plain production build's.
 */
async function profile(sizes: readonly number[]): Promise<void> {
  const root = repositoryRoot();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startPreviewServer } = require(path.join(root, "scripts", "preview-server.js")) as {
    startPreviewServer: (o: { root: string; port: number }) => Promise<PreviewServer>;
  };
  const dir = process.env.BENCH_TRACE_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "genai-preview-trace-"));
  fs.mkdirSync(dir, { recursive: true });
  const bundle = path.join(root, "dist-preview");
  const scripts = fs
    .readdirSync(bundle)
    .filter((f) => f.endsWith(".js"))
    .map((f) => path.join(bundle, f));
  if (!scripts.some((f) => fs.existsSync(`${f}.map`)))
    console.warn("No source maps in dist-preview: build with BENCH_PROFILE=1 to name each task's modules.");
  const profiling: Profiling = { dir, summaries: new Map(), moduleOf: bundleModules(scripts) };
  const server = await startPreviewServer({ root, port: 0 });
  try {
    for (const rows of sizes) {
      const figures = await measureSize(server.url, rows, profiling);
      const summary = profiling.summaries.get(String(rows));
      console.log(JSON.stringify({ rows, figures, summary }, null, 1));
      fs.writeFileSync(
        path.join(dir, `preview-${rows}.summary.json`),
        JSON.stringify({ figures, summary }, null, 1),
      );
    }
  } finally {
    await server.close();
  }
  console.log(`traces: ${dir}`);
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  profile(sizes.length > 0 ? sizes : [...SIZES]).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
