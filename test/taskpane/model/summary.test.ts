import { readSummary, topUseCases, wavePlan, withinBenchmark } from "../../../src/taskpane/model/summary";

const column = (...values: (string | number | null)[]) => values.map((v) => [v]);

describe("readSummary", () => {
  it("reads each figure from its name, and marks a name that is not there as missing", () => {
    const s = readSummary({
      AnnualROI: [[6.3958]],
      PVROI: [["#VALUE!"]],
      PaybackMonths: [["Beyond 36 months"]],
    });
    expect(s.annualRoi).toEqual({ kind: "number", value: 6.3958 });
    expect(s.pvRoi).toEqual({ kind: "text", text: "#VALUE!" });
    expect(s.payback).toEqual({ kind: "text", text: "Beyond 36 months" });
    expect(s.lossProbability).toEqual({ kind: "missing" });
    expect(s.benchmarkMonths).toBeNull();
    expect(s.topUseCases).toBeNull();
    expect(s.waves).toBeNull();
  });

  it("ranks use cases by rank, ties in table order, skipping unnamed and unranked rows", () => {
    const top = topUseCases({
      UseCaseNames: column("A", "B", "", "D", "E", null),
      UseCaseRanks: column(3, 1, 1, 1, "", 2),
    });
    expect(top).toEqual([
      { name: "B", rank: 1 },
      { name: "D", rank: 1 },
      { name: "A", rank: 3 },
    ]);
  });

  it("keeps the same top use cases as sorting the whole portfolio, ties in table order (one pass)", () => {
    // A seeded walk over many ties, blanks and unranked rows: the one-pass selection must agree
    // with the full stable sort it replaces, for every count.
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let trial = 0; trial < 50; trial++) {
      const size = 1 + next(60);
      const names = Array.from({ length: size }, (_, i) => (next(8) === 0 ? "" : `U${i}`));
      const ranks = Array.from({ length: size }, () => (next(10) === 0 ? "" : 1 + next(6)));
      const values = { UseCaseNames: column(...names), UseCaseRanks: column(...ranks) };
      const sorted = names
        .map((name, i) => ({ name, rank: ranks[i], order: i }))
        .filter(
          (u): u is { name: string; rank: number; order: number } =>
            u.name !== "" && typeof u.rank === "number",
        )
        .sort((a, b) => a.rank - b.rank || a.order - b.order)
        .map(({ name, rank }) => ({ name, rank }));
      for (const count of [1, 3, 5]) expect(topUseCases(values, count)).toEqual(sorted.slice(0, count));
    }
  });

  it("groups departments by wave, waves in order, blanks left out", () => {
    const waves = wavePlan({
      DepartmentNames: column("Sales", "IT", "HR", null, "Legal"),
      DepartmentWaves: column(2, 1, 3, "", 1),
    });
    expect(waves).toEqual([
      { wave: 1, departments: ["IT", "Legal"] },
      { wave: 2, departments: ["Sales"] },
      { wave: 3, departments: ["HR"] },
    ]);
  });

  it("compares payback with the benchmark; a text payback (beyond the horizon) is not within it", () => {
    expect(withinBenchmark({ kind: "number", value: 14 }, 14)).toBe(true);
    expect(withinBenchmark({ kind: "number", value: 14.01 }, 14)).toBe(false);
    expect(withinBenchmark({ kind: "text", text: "Beyond 36 months" }, 14)).toBe(false);
    expect(withinBenchmark({ kind: "text", text: "#N/A" }, 14)).toBeNull();
    expect(withinBenchmark({ kind: "number", value: 6 }, null)).toBeNull();
  });
});
