import { RoiSimulation } from "../../../src/engine/simulate";
import {
  paneSimulationCells,
  readLineItems,
  runInChunks,
  statisticsOf,
} from "../../../src/taskpane/model/simulation";

const MODEL = {
  benefits: [
    { low: 5_040_000, base: 7_200_000, high: 8_640_000 },
    { low: 3_360_000, base: 4_800_000, high: 5_760_000 },
  ],
  costs: [
    { low: 691_200, base: 768_000, high: 998_400 },
    { low: 540_000, base: 600_000, high: 780_000 },
  ],
};
const OPTIONS = { trials: 12_345, seed: 9, distribution: "PERT" } as const;

describe("Simulation model", () => {
  it("gives the same results run in chunks as in one run, reporting progress per chunk", async () => {
    const progress: number[] = [];
    const chunked = await runInChunks(MODEL, OPTIONS, (done) => progress.push(done), 5_000).finished;
    const whole = new RoiSimulation(MODEL, OPTIONS);
    whole.run();
    expect(chunked!.results()).toEqual(whole.results());
    expect(progress).toEqual([5_000, 10_000, 12_345]);
  });

  it("stops between chunks when cancelled", async () => {
    const run = runInChunks(MODEL, { ...OPTIONS, trials: 1_000_000 }, () => run.cancel(), 5_000);
    expect(await run.finished).toBeNull();
  });

  it("reads three-point line items and reports a bad one by row", () => {
    const ok = readLineItems({ StressBenefits: [[1, 2, 3]], StressCosts: [[1, 1, 2]] });
    expect(ok).toEqual({
      ok: true,
      model: { benefits: [{ low: 1, base: 2, high: 3 }], costs: [{ low: 1, base: 1, high: 2 }] },
    });
    const bad = readLineItems({ StressBenefits: [[3, 2, 1]], StressCosts: [[1, 1, 2]] });
    expect(bad).toMatchObject({
      ok: false,
      reason: "invalid",
      problem: { key: "lineItemOrder", params: { row: 1 } },
    });
    // Linked to the ROI tables: a problem names the table the user sees and the line's sheet row,
    // counting the blank row the simulation skips.
    const linked = {
      StressTornado: [[null]],
      BenefitThreePoint: [[1, 2, 3, null]],
      CostThreePoint: [
        [1, 1, 2, null],
        [null, null, null, null],
        [-5, 1, 2, null],
      ],
    };
    expect(readLineItems(linked, { CostThreePoint: 30 })).toMatchObject({
      ok: false,
      problem: { key: "atLeast", params: { argument: "Costs", row: 32, got: -5 } },
    });
    expect(readLineItems(linked)).toMatchObject({ problem: { params: { argument: "Costs", row: 3 } } });
    expect(readLineItems({ StressBenefits: null, StressCosts: null })).toEqual({
      ok: false,
      reason: "missing",
    });
  });

  it("records trials, seed, distribution, seven statistics and the ISO run time, one per row", () => {
    const simulation = new RoiSimulation(MODEL, OPTIONS);
    simulation.run();
    const summary = simulation.summary();
    const at = new Date("2025-03-01T09:30:00Z");
    expect(paneSimulationCells(OPTIONS, summary, at)).toEqual([
      [12_345],
      [9],
      ["PERT"],
      ...statisticsOf(summary).map((v) => [v]),
      ["2025-03-01T09:30:00.000Z"],
    ]);
  });
});
