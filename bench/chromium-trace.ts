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

export interface TaskSummary {
  /** Page time (performance.now()-like, ms since the trace's first event) the task began. */
  readonly startMs: number;
  readonly ms: number;
  /** The JavaScript frames with the most self time inside the task. */
  readonly top: readonly FrameTime[];
}

export interface TraceSummary {
  /** Time in tasks per thread name (CrRendererMain is the page, DedicatedWorker thread the worker). */
  readonly busyMsByThread: Readonly<Record<string, number>>;
  /** The main thread's longest tasks, longest first. */
  readonly longestTasks: readonly TaskSummary[];
  /** Self time per frame over the whole trace, per thread name. */
  readonly topFramesByThread: Readonly<Record<string, readonly FrameTime[]>>;
}

const frameName = (f: { functionName: string; url?: string; lineNumber?: number }): string =>
  `${f.functionName || "(anonymous)"} ${(f.url ?? "").split("/").pop() ?? ""}:${(f.lineNumber ?? 0) + 1}`;

interface Sample {
  readonly ts: number;
  readonly frame: string;
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

/** A task of a thread's loop: "RunTask" in older Chromium, "ThreadControllerImpl::RunTask" in 156. */
const TASK_EVENTS = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);

/** Reads the trace of one page: its renderer's threads only. */
export function summariseTrace(events: readonly TraceEvent[], tasks = 8): TraceSummary {
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
  const origin = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));

  // V8's samples, per thread: a Profile event names the thread, its ProfileChunks carry nodes and samples.
  const samplesByKey = new Map<string, Sample[]>();
  const profileThread = new Map<string, string>();
  const nodesByProfile = new Map<string, Map<number, string>>();
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
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) nodes.set(n.id, frameName(n.callFrame));
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    let ts = clock.get(profile) ?? e.ts;
    const list = samplesByKey.get(thread) ?? [];
    samplesByKey.set(thread, list);
    for (let i = 0; i < samples.length; i++) {
      ts += deltas[i] ?? 0;
      list.push({ ts, frame: nodes.get(samples[i]) ?? "?" });
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
  const longestTasks = runTasks
    .filter((e) => key(e) === mainKey)
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, tasks)
    .map((e) => ({
      startMs: Math.round((e.ts - origin) / 1000),
      ms: Math.round(e.dur! / 100) / 10,
      top: selfTimes(mainSamples, e.ts, e.ts + e.dur!, 6),
    }));
  return { busyMsByThread, longestTasks, topFramesByThread };
}

/** Writes the raw trace for chrome://tracing or DevTools' Performance panel. */
export function writeTrace(file: string, events: readonly TraceEvent[]): void {
  fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
}
