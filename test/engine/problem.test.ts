import { invalid, isProblem, noAnswer } from "../../src/engine/problem";

describe("Domain problems (returned values, not exceptions)", () => {
  it("makes 'invalid' problems for #VALUE! and 'noAnswer' problems for #N/A", () => {
    expect(invalid("outOfRange", { argument: "impact", got: 7 })).toEqual({
      kind: "invalid",
      key: "outOfRange",
      params: { argument: "impact", got: 7 },
    });
    expect(noAnswer("noPayback")).toEqual({ kind: "noAnswer", key: "noPayback", params: {} });
  });

  it("recognises a problem, and nothing else, as a problem", () => {
    expect(isProblem(invalid("empty"))).toBe(true);
    expect(isProblem(noAnswer("noPayback", { argument: "cash_flows" }))).toBe(true);
    for (const other of [
      0,
      6.3958,
      "Quick Win",
      null,
      undefined,
      [],
      {},
      { kind: "invalid" },
      new Float64Array(2),
    ]) {
      expect(isProblem(other)).toBe(false);
    }
  });
});
