/**
 * A Chromium performance trace through the DevTools protocol, and what the preview benchmark
 * reads from it: the time each thread spent in tasks (the page's main thread, the workbook's
 * worker), the longest main-thread tasks, and where the CPU went in each (sampled JavaScript
 * frames, self time, from V8's profiler that the trace carries).
 *
 * A trace answers "why" where a stopwatch answers "how long": a 5-second task on the page's main
 * thread is a structured clone of a whole sheet, a React render or a chart only in the profile.
 */
import * as fs from "node:fs";
import type { CDPSession, Page } from "playwright-core";

const CATEGORIES = [
  // "toplevel" carries the events that delimit each task (TASK_EVENTS below): without it the
  // summary finds no task at all.
  "toplevel",
  "devtools.timeline",
  "v8.execute",
  "disabled-by-default-v8.cpu_profiler",
  "blink.user_timing",
  // Garbage collection and compilation inside a task, for the breakdown of each long task.
  "v8",
  "disabled-by-default-v8.gc",
].join(",");

interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly id?: string;
  readonly args?: {
    readonly name?: string;
    readonly data?: {
      readonly cpuProfile?: {
        readonly nodes?: readonly {
          readonly id: number;
          readonly parent?: number;
          readonly callFrame: {
            readonly functionName: string;
            readonly url?: string;
            readonly lineNumber?: number;
            readonly columnNumber?: number;
          };
        }[];
        readonly samples?: readonly number[];
      };
      readonly timeDeltas?: readonly number[];
      readonly startTime?: number;
    };
  };
}

export class Trace {
  private constructor(private readonly session: CDPSession) {}

  static async start(page: Page): Promise<Trace> {
    const session = await page.context().newCDPSession(page);
    await session.send("Tracing.start", {
      transferMode: "ReturnAsStream",
      traceConfig: { includedCategories: CATEGORIES.split(","), recordMode: "recordAsMuchAsPossible" },
    });
    return new Trace(session);
  }

  /** Ends the trace; its events (Chrome's JSON trace format). */
  async stop(): Promise<TraceEvent[]> {
    const complete = new Promise<string>((resolve) =>
      this.session.once("Tracing.tracingComplete", (event) => resolve(event.stream ?? "")),
    );
    await this.session.send("Tracing.end");
    const stream = await complete;
    let text = "";
    for (;;) {
      const chunk = await this.session.send("IO.read", { handle: stream, size: 1 << 22 });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString("utf8") : chunk.data;
      if (chunk.eof) break;
    }
    await this.session.send("IO.close", { handle: stream });
    await this.session.detach().catch(() => undefined);
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  }
}

export interface FrameTime {
  readonly frame: string;
  readonly ms: number;
}

/**
 * Where a task's time went, ms. From the trace's own events (self time: an event's duration less
 * that of the events nested in it): `script` runs JavaScript, `compile` parses and compiles it,
 * `style` recalculates styles, `layout` lays out, `paint` paints and composites, `gc` collects
 * garbage, `html` parses the page.
 */
export interface TaskBreakdown {
  readonly script: number;
  readonly compile: number;
  readonly style: number;
  readonly layout: number;
  readonly paint: number;
  readonly gc: number;
  readonly html: number;
  readonly other: number;
}

export interface TaskSummary {
  /** Page time (performance.now()-like, ms since the trace's first event) the task began. */
  readonly startMs: number;
  readonly ms: number;
  /** The step of the run the task belongs to: the last `phase:` user-timing mark before it. */
  readonly phase: string;
  /** The task's time by kind of work. */
  readonly breakdown: TaskBreakdown;
  /** The JavaScript frames with the most self time inside the task. */
  readonly top: readonly FrameTime[];
  /**
   * The task's JavaScript self time by the module its code came from (a package, or a source
   * file), when the summary was given a way to tell (ModuleOf): react-dom is React's own render
   * and commit, @griffel/core the styles a component inserts on first use.
   */
  readonly modules: readonly FrameTime[];
}

/** The module a function of a served script belongs to, by where it is defined (undefined: not known). */
export type ModuleOf = (file: string, line: number, column: number) => string | undefined;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * A source map's `mappings` (Base64 VLQ, source map revision 3): per generated line, its segments'
 * generated columns and source indexes, in column order. The other fields (original line and
 * column, name) are decoded only to be skipped.
 */
function decodeMappings(mappings: string): { columns: number[]; sources: number[] }[] {
  const lines: { columns: number[]; sources: number[] }[] = [];
  let line = { columns: [] as number[], sources: [] as number[] };
  let source = 0;
  let field = 0;
  let column = 0;
  let value = 0;
  let shift = 0;
  const fields: number[] = [];
  const endSegment = (): void => {
    if (fields.length > 0) {
      column += fields[0];
      if (fields.length > 1) {
        source += fields[1];
        line.columns.push(column);
        line.sources.push(source);
      }
    }
    fields.length = 0;
    field = 0;
  };
  for (const ch of mappings) {
    if (ch === ";" || ch === ",") {
      endSegment();
      if (ch === ";") {
        lines.push(line);
        line = { columns: [], sources: [] };
        column = 0;
      }
      continue;
    }
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    // The lowest bit is the sign.
    fields[field++] = value & 1 ? -(value >>> 1) : value >>> 1;
    value = 0;
    shift = 0;
  }
  endSegment();
  lines.push(line);
  return lines;
}

/** A source of webpack's source map as a module: a package's files fold into the package. */
function moduleOfSource(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? pkg[1] : source.replace(/^webpack:\/\/[^/]*\//, "").replace(/^\.\//, "");
}

/**
 * Reads the module of each function of a minified webpack bundle from the source map beside each
 * script (`<script>.map`, which the preview's production build writes when BENCH_PROFILE=1): a
 * package's modules fold into the package, a source file stays itself. A script without a map
 * names no module.
 */
export function bundleModules(files: readonly string[]): ModuleOf {
  const maps = new Map<string, { lines: ReturnType<typeof decodeMappings>; modules: string[] }>();
  for (const file of files) {
    if (!fs.existsSync(`${file}.map`)) continue;
    const map = JSON.parse(fs.readFileSync(`${file}.map`, "utf8")) as { sources: string[]; mappings: string };
    maps.set(file.split("/").pop() ?? file, {
      lines: decodeMappings(map.mappings),
      modules: map.sources.map(moduleOfSource),
    });
  }
  return (file, line, column) => {
    const segments = maps.get(file)?.lines[line - 1];
    if (!segments || segments.columns.length === 0) return undefined;
    // The last segment that begins at or before the column.
    let lo = 0;
    let hi = segments.columns.length - 1;
    if (segments.columns[0] > column) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments.columns[mid] <= column) lo = mid;
      else hi = mid - 1;
    }
    return maps.get(file)!.modules[segments.sources[lo]];
  };
}

export interface TraceSummary {
  /** Time in tasks per thread name (CrRendererMain is the page, DedicatedWorker thread the worker). */
  readonly busyMsByThread: Readonly<Record<string, number>>;
  /** The main thread's longest tasks, longest first. */
  readonly longestTasks: readonly TaskSummary[];
  /** Self time per frame over the whole trace, per thread name. */
  readonly topFramesByThread: Readonly<Record<string, readonly FrameTime[]>>;
}

const frameName = (f: {
  functionName: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
}): string =>
  `${f.functionName || "(anonymous)"} ${(f.url ?? "").split("/").pop() ?? ""}:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1}`;

interface Sample {
  readonly ts: number;
  readonly frame: string;
  /** The script (its file name), and the 1-based line and 0-based column its function begins at. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

type Kind = keyof TaskBreakdown;

/** The kind of work a trace event is, by its name (Chromium 156's timeline and V8 events). */
function kindOf(name: string): Kind {
  if (/GC|^V8\.GC|^BlinkGC|Sweep|Scavenge|Mark(Compact|ing)/.test(name)) return "gc";
  if (/[Cc]ompile|[Pp]arse(Script|OnBackground|Lazy)|^v8\.parse|Deserializ|produceCache/.test(name))
    return "compile";
  if (name === "UpdateLayoutTree" || name === "RecalculateStyles" || name === "ParseAuthorStyleSheet")
    return "style";
  if (name === "Layout" || name === "IntersectionObserverController::computeIntersections") return "layout";
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|RasterTask)/.test(name))
    return "paint";
  if (name === "ParseHTML") return "html";
  if (
    /^(FunctionCall|EvaluateScript|v8\.(run|callFunction|execute|evaluateModule)|V8\.Execute|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|HandlePostMessage|FireIdleCallback|XHRReadyStateChange|ResizeObserver|PerformanceObserver|v8\.newInstance)/.test(
      name,
    )
  )
    return "script";
  return "other";
}

interface Span {
  readonly name: string;
  readonly ts: number;
  readonly end: number;
}

/** A thread's timed events as spans: complete events as they are, begin/end pairs matched. */
function spansOf(events: readonly TraceEvent[]): Span[] {
  const spans: Span[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.ph === "X" && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === "B") open.push(e);
    else if (e.ph === "E") {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts });
    }
  }
  return spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
}

/** Self time per kind of the spans inside [from, to): each span's time less its nested spans'. */
function breakdownOf(spans: readonly Span[], from: number, to: number): TaskBreakdown {
  const self: Record<Kind, number> = {
    script: 0,
    compile: 0,
    style: 0,
    layout: 0,
    paint: 0,
    gc: 0,
    html: 0,
    other: 0,
  };
  const stack: { span: Span; kind: Kind; children: number }[] = [];
  const close = (until: number): void => {
    while (stack.length > 0 && stack[stack.length - 1].span.end <= until) {
      const top = stack.pop()!;
      const own = top.span.end - top.span.ts - top.children;
      self[top.kind] += Math.max(0, own);
      if (stack.length > 0) stack[stack.length - 1].children += top.span.end - top.span.ts;
    }
  };
  for (const span of spans) {
    if (span.end <= from || span.ts >= to) continue;
    close(span.ts);
    // The task's own event ("RunTask") is the outermost span: its self time is left as "other".
    const kind = TASK_EVENTS.has(span.name) ? "other" : kindOf(span.name);
    // A span nested in a script span that is not a kind of its own is script too (v8 internals).
    const inherited =
      kind === "other" && stack.length > 0 && !TASK_EVENTS.has(span.name)
        ? stack[stack.length - 1].kind
        : kind;
    stack.push({ span, kind: inherited, children: 0 });
  }
  close(Infinity);
  const ms = (us: number): number => Math.round(us / 100) / 10;
  return {
    script: ms(self.script),
    compile: ms(self.compile),
    style: ms(self.style),
    layout: ms(self.layout),
    paint: ms(self.paint),
    gc: ms(self.gc),
    html: ms(self.html),
    other: ms(self.other),
  };
}

/** Self time per frame: each sample counts the gap to the next sample of its thread. */
function selfTimes(samples: readonly Sample[], from = -Infinity, to = Infinity, limit = 12): FrameTime[] {
  const byFrame = new Map<string, number>();
  for (let i = 0; i + 1 < samples.length; i++) {
    const s = samples[i];
    if (s.ts < from || s.ts >= to) continue;
    const gap = Math.min(samples[i + 1].ts - s.ts, 10_000);
    byFrame.set(s.frame, (byFrame.get(s.frame) ?? 0) + gap);
  }
  return [...byFrame]
    .filter(([frame]) => !frame.startsWith("(idle)") && !frame.startsWith("(program)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, us]) => ({ frame, ms: Math.round(us / 100) / 10 }));
}

/** The prefix of the user-timing marks that name the steps of a run (see TaskSummary.phase). */
export const PHASE_MARK = "phase:";

/** A task of a thread's loop: "RunTask" in older Chromium, "ThreadControllerImpl::RunTask" in 156. */
const TASK_EVENTS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);

/** Reads the trace of one page: its renderer's threads only. */
export function summariseTrace(events: readonly TraceEvent[], tasks = 8, moduleOf?: ModuleOf): TraceSummary {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name" && e.args?.name)
      threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const key = (e: TraceEvent): string => `${e.pid}:${e.tid}`;
  const mainKeys = [...threadNames].filter(([, n]) => n === "CrRendererMain").map(([k]) => k);
  // The page's renderer: the one whose main thread ran the most tasks (about:blank has few).
  const runTasks = events.filter((e) => e.ph === "X" && TASK_EVENTS.has(e.name) && e.dur !== undefined);
  const busyByKey = new Map<string, number>();
  for (const e of runTasks) busyByKey.set(key(e), (busyByKey.get(key(e)) ?? 0) + e.dur!);
  const mainKey = mainKeys.sort((a, b) => (busyByKey.get(b) ?? 0) - (busyByKey.get(a) ?? 0))[0];
  const pid = mainKey?.split(":")[0];
  // A loop, not Math.min(...): a trace from the page's start holds more events than a call's arguments.
  const origin = events.reduce((m, e) => (e.ts > 0 && e.ts < m ? e.ts : m), Infinity);

  // V8's samples, per thread: a Profile event names the thread, its ProfileChunks carry nodes and samples.
  const samplesByKey = new Map<string, Sample[]>();
  const profileThread = new Map<string, string>();
  const nodesByProfile = new Map<string, Map<number, string>>();
  const where = new Map<string, { file: string; line: number; column: number }>();
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name === "Profile" && e.id !== undefined) {
      profileThread.set(`${e.pid}:${e.id}`, key(e));
      clock.set(`${e.pid}:${e.id}`, e.args?.data?.startTime ?? e.ts);
    }
  }
  for (const e of events) {
    if (e.name !== "ProfileChunk" || e.id === undefined) continue;
    const profile = `${e.pid}:${e.id}`;
    const thread = profileThread.get(profile) ?? key(e);
    const nodes = nodesByProfile.get(profile) ?? new Map<number, string>();
    nodesByProfile.set(profile, nodes);
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) {
      nodes.set(n.id, frameName(n.callFrame));
      where.set(`${profile}:${n.id}`, {
        file: (n.callFrame.url ?? "").split("/").pop() ?? "",
        line: (n.callFrame.lineNumber ?? 0) + 1,
        column: n.callFrame.columnNumber ?? 0,
      });
    }
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    let ts = clock.get(profile) ?? e.ts;
    const list = samplesByKey.get(thread) ?? [];
    samplesByKey.set(thread, list);
    for (let i = 0; i < samples.length; i++) {
      ts += deltas[i] ?? 0;
      list.push({
        ts,
        frame: nodes.get(samples[i]) ?? "?",
        ...(where.get(`${profile}:${samples[i]}`) ?? { file: "", line: 0, column: 0 }),
      });
    }
    clock.set(profile, ts);
  }
  for (const list of samplesByKey.values()) list.sort((a, b) => a.ts - b.ts);

  const busyMsByThread: Record<string, number> = {};
  const topFramesByThread: Record<string, FrameTime[]> = {};
  for (const [k, us] of busyByKey) {
    if (k.split(":")[0] !== pid) continue;
    const name = threadNames.get(k) ?? k;
    busyMsByThread[name] = Math.round((busyMsByThread[name] ?? 0) + us / 1000);
    topFramesByThread[name] = selfTimes(samplesByKey.get(k) ?? []);
  }
  const mainSamples = samplesByKey.get(mainKey ?? "") ?? [];
  const mainSpans = spansOf(events.filter((e) => key(e) === mainKey));
  // The run's steps, as the page marked them (performance.mark("phase:…")), in time order.
  const phases = events
    .filter((e) => e.name.startsWith(PHASE_MARK) && e.pid.toString() === pid)
    .map((e) => ({ name: e.name.slice(PHASE_MARK.length), ts: e.ts }))
    .sort((a, b) => a.ts - b.ts);
  const phaseAt = (ts: number): string => phases.filter((p) => p.ts <= ts).pop()?.name ?? "start-up";
  const longestTasks = runTasks
    .filter((e) => key(e) === mainKey)
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, tasks)
    .map((e) => ({
      startMs: Math.round((e.ts - origin) / 1000),
      ms: Math.round(e.dur! / 100) / 10,
      phase: phaseAt(e.ts),
      breakdown: breakdownOf(mainSpans, e.ts, e.ts + e.dur!),
      top: selfTimes(mainSamples, e.ts, e.ts + e.dur!, 6),
      modules: moduleOf
        ? selfTimes(
            mainSamples.map((m) => ({ ...m, frame: moduleOf(m.file, m.line, m.column) ?? m.frame })),
            e.ts,
            e.ts + e.dur!,
            8,
          )
        : [],
    }));
  return { busyMsByThread, longestTasks, topFramesByThread };
}

/** Writes the raw trace for chrome://tracing or DevTools' Performance panel. */
export function writeTrace(file: string, events: readonly TraceEvent[]): void {
  fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
}
