import fc from "fast-check";
import { apiCost, tokenCost } from "../../src/engine/costs";

describe("API cost", () => {
  it("is 768,000 for the seed: 1,000,000 calls × US$0.002 × FX 32 × 12 months", () => {
    expect(apiCost(1_000_000, 0.002, 32)).toBeCloseTo(768_000, 6);
    expect(apiCost(1_000_000, 0.002, 32, 12)).toBeCloseTo(768_000, 6);
  });

  it("defaults to FX 1 and 12 months", () => {
    expect(apiCost(1_000, 0.01)).toBeCloseTo(120, 12);
    expect(apiCost(1_000, 0.01, 1, 1)).toBeCloseTo(10, 12);
  });

  it("grows in proportion to the number of calls", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (calls, price, fx) => {
          expect(apiCost(2 * calls, price, fx)).toBeCloseTo(2 * apiCost(calls, price, fx), 6);
        },
      ),
    );
  });
});

describe("Token cost", () => {
  it("prices input and output tokens per million: 4,032,000 for a worked example", () => {
    // 1,000,000 calls a month, 1,000 input tokens at US$3/M and 500 output tokens at US$15/M:
    // per call (1,000 × 3 + 500 × 15) / 1,000,000 = US$0.0105; a month US$10,500;
    // × FX 32 = NT$336,000; × 12 months = NT$4,032,000.
    expect(tokenCost(1_000_000, 1_000, 500, 3, 15, 32)).toBeCloseTo(4_032_000, 6);
    expect(tokenCost(1_000_000, 1_000, 500, 3, 15, 32, 1)).toBeCloseTo(336_000, 6);
  });

  it("defaults to FX 1 and 12 months", () => {
    // 100 calls × (2,000 × 1 + 1,000 × 2) / 1e6 = 0.4 a month; × 12 = 4.8
    expect(tokenCost(100, 2_000, 1_000, 1, 2)).toBeCloseTo(4.8, 12);
  });

  it("costs nothing without tokens, and output tokens cost only at the output price", () => {
    expect(tokenCost(1_000_000, 0, 0, 3, 15, 32)).toBe(0);
    expect(tokenCost(1_000, 0, 1_000_000, 99, 2)).toBeCloseTo(1_000 * 2 * 12, 9);
  });

  it("equals the API cost at the per-call price of its tokens", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (calls, input, output, inputPrice, outputPrice) => {
          const perCall = (input * inputPrice + output * outputPrice) / 1e6;
          const expected = apiCost(calls, perCall, 32, 12);
          expect(
            Math.abs(tokenCost(calls, input, output, inputPrice, outputPrice, 32, 12) - expected),
          ).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        },
      ),
    );
  });
});
