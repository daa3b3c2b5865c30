/**
 * The preview's build is planned in the workbook's worker: the page sends what to build (the
 * target and the options) and gets back the plans' outlines and what the build runs into, never
 * the plans. It protects what took the page's main thread at 5,000 use cases: planning the model
 * there and copying the large plan across to the worker (once per call: conflicts, names, keep
 * preview, apply). It also protects that the worker decides the build as the pane does for Excel
 * (planBuild, the same plans), that the dialog's choices and progress still work through it, and
 * that the shareable copy gets the very plans the worker built.
 */
import { MemoryHost } from "../../src/host/memory";
import { connectWorker, type WorkerLike } from "../../src/host/remote/client";
import type { FromWorker, ToWorker } from "../../src/host/remote/protocol";
import { type PortLike, serve } from "../../src/host/remote/server";
import type { ApplyProgress, BuildRequest } from "../../src/host/workbook-host";
import { WorkbookSession } from "../../src/preview/workbook-session";
import type { WorkerWorkbook } from "../../src/preview/worker-workbook";
import { builtSheets, planBuild, predictChoices, prepareBuild } from "../../src/taskpane/model/build";
import { ROI_NAMES } from "../../src/templates/roi";

/** An asynchronous channel that copies each message as postMessage does, and keeps what the page sent. */
function channel(): { page: WorkerLike; worker: PortLike; sent: ToWorker[] } {
  const toWorker = new Set<(event: { data: ToWorker }) => void>();
  const toPage = new Set<(event: { data: FromWorker }) => void>();
  const sent: ToWorker[] = [];
  const deliver = <T>(listeners: Set<(event: { data: T }) => void>, message: T): void => {
    const data = JSON.parse(JSON.stringify(message)) as T;
    setImmediate(() => listeners.forEach((l) => l({ data })));
  };
  return {
    page: {
      postMessage: (m) => {
        sent.push(JSON.parse(JSON.stringify(m)) as ToWorker);
        deliver(toWorker, m);
      },
      addEventListener: (_t, l) => toPage.add(l),
    },
    worker: { postMessage: (m) => deliver(toPage, m), addEventListener: (_t, l) => toWorker.add(l) },
    sent,
  };
}

const sessions: WorkbookSession[] = [];
// Each session stores its workbook a while after a change: flushed here, no timer outlives the test.
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.flush()));
});

function preview(): { workbook: WorkerWorkbook; session: WorkbookSession; sent: ToWorker[] } {
  const session = new WorkbookSession(
    { load: () => Promise.resolve(undefined), save: () => Promise.resolve(), clear: () => Promise.resolve() },
    60_000,
  );
  sessions.push(session);
  const pipe = channel();
  serve(pipe.worker, session);
  return { workbook: connectWorker(pipe.page) as WorkerWorkbook, session, sent: pipe.sent };
}

const calls = (sent: readonly ToWorker[]): { method: string; size: number }[] =>
  sent.flatMap((m) => (m.kind === "call" ? [{ method: m.method, size: JSON.stringify(m).length }] : []));

const REQUEST: BuildRequest = {
  target: "complete",
  options: { data: "sample", currency: "NT$", locale: "en", rows: 1_000 },
};

describe("the preview's build, planned in the worker", () => {
  it("sends the request, not the plans, and builds what the pane would have planned", async () => {
    const { workbook, session, sent } = preview();
    await workbook.ready;
    const ready = await prepareBuild(workbook, REQUEST);
    const progress: ApplyProgress[] = [];
    const result = await ready.apply({ dialect: "live", onProgress: (p) => progress.push(p) });

    // No call carries a plan: only the request (a few hundred characters) crossed, where one
    // 1,000-row plan copied across is megabytes.
    const made = calls(sent);
    expect(made.map((c) => c.method)).toEqual(["prepareBuild", "applyBuild"]);
    for (const c of made) expect(c.size).toBeLessThan(2_000);
    expect(JSON.stringify(sent)).not.toContain('"blocks"');
    // Progress still reaches the page.
    expect(progress.length).toBeGreaterThan(4);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });

    // The same model as planned on this thread by the pane's own planBuild and applied here.
    const local = new MemoryHost();
    const planned = await planBuild(local, REQUEST);
    await local.applyPlans(planned.plans, { dialect: "live" });
    const names = [ROI_NAMES.annualRoi, ROI_NAMES.pvRoi, "UseCaseNames", "UseCaseRanks"];
    expect(await workbook.readNames(names)).toEqual(await local.readNames(names));
    expect(result.sheets.map((s) => s.sheet)).toEqual(planned.plans.map((p) => p.sheet));

    // The pane's record of the build gives the worker's plans (for the shareable copy).
    const built = builtSheets(ready, result);
    expect(built.map((b) => b.plan())).toEqual(planned.plans);
    expect(session.current().names()).toEqual(local.names());
  });

  it("asks about the sheets a rebuild lands on from outlines, and applies the choices by ticket", async () => {
    const { workbook, sent } = preview();
    await workbook.ready;
    await (await prepareBuild(workbook, REQUEST)).apply({ dialect: "live" });
    const agents = (await workbook.locateNames([ROI_NAMES.agentsAfter]))[ROI_NAMES.agentsAfter]!;
    await workbook.writeCells([{ ...agents, values: [[40]] }]);
    sent.length = 0;

    const again = await prepareBuild(workbook, { ...REQUEST, target: "roi" });
    expect(again.conflicts.map((c) => c.sheet)).toEqual(["ROI"]);
    expect(again.keeps.ROI).toBeDefined();
    // The dialog predicts from the outlines what the worker will do with its plans.
    const predictions = predictChoices(again.outlines, again.sheets, again.conflicts, { ROI: "keepBoth" });
    expect(predictions.ROI.keepBoth).toMatchObject({ built: "ROI", copy: "ROI (2)" });
    const result = await again.apply({ dialect: "live", policies: { ROI: "keepBoth" } });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "replaced", copy: "ROI (2)" });
    expect(JSON.stringify(sent)).not.toContain('"blocks"');
    // The rebuilt sheet kept the entry.
    expect((await workbook.readNames([ROI_NAMES.agentsAfter]))[ROI_NAMES.agentsAfter]).toEqual([[40]]);
  });

  it("refuses to apply a build planned before another one (its plans are gone)", async () => {
    const { workbook } = preview();
    await workbook.ready;
    const first = await prepareBuild(workbook, { ...REQUEST, target: "roi" });
    await prepareBuild(workbook, { ...REQUEST, target: "rollout" });
    await expect(first.apply({ dialect: "live" })).rejects.toThrow("build again");
    expect(await workbook.listSheets()).toEqual([]);
  });
});
