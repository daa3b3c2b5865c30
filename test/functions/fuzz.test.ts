/**
 * Every GENAI function called with hostile Excel arguments never returns NaN or Infinity and never
 * throws anything but a CustomFunctions.Error with a message (#VALUE! or #N/A), as every
 * custom function must. Arguments include what Excel never sends (NaN, undefined, ragged arrays,
 * objects), because a bug elsewhere in the add-in might.
 */
import fc from "fast-check";
import * as catalogue from "../../src/functions/functions";
import { setMessageLocale } from "../../src/functions/boundary";

type ExcelFunction = (...args: unknown[]) => unknown;
const functions = Object.entries(catalogue) as [string, ExcelFunction][];

const hostileScalar = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    1e308,
    -1e308,
    0,
    -0,
    -1,
    1,
    3,
    5,
    0.5,
    1e-308,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.double(),
  fc.integer({ min: -10, max: 10 }),
  fc.constantFrom("", "abc", "PERT", "triangular", "3", " ", "#N/A", "日本語"),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.constant({}),
);

const rectangular = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(hostileScalar, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

const plausibleNumbers = fc
  .record({ rows: fc.integer({ min: 1, max: 8 }), columns: fc.integer({ min: 1, max: 3 }) })
  .chain(({ rows, columns }) =>
    fc.array(
      fc.array(
        fc.oneof(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.integer({ min: 1, max: 5 }),
          fc.constant(""),
        ),
        {
          minLength: columns,
          maxLength: columns,
        },
      ),
      { minLength: rows, maxLength: rows },
    ),
  );

const hostileArgument = fc.oneof(
  hostileScalar,
  rectangular,
  plausibleNumbers,
  fc.constantFrom([], [[]], [[], []], [[1, 2], [3]], [1, 2, 3], [[[1]]]),
  fc.array(fc.array(hostileScalar, { maxLength: 4 }), { maxLength: 5 }),
);

function isAcceptableCell(value: unknown): boolean {
  if (typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (value instanceof CustomFunctions.Error) {
    return (
      (value.code === CustomFunctions.ErrorCode.invalidValue ||
        value.code === CustomFunctions.ErrorCode.notAvailable) &&
      typeof value.message === "string" &&
      value.message.length > 0
    );
  }
  return false;
}

function assertExcelSafe(name: string, f: ExcelFunction, args: unknown[]): void {
  let result: unknown;
  try {
    result = f(...args);
  } catch (error) {
    if (!isAcceptableCell(error) || !(error instanceof CustomFunctions.Error)) {
      throw new Error(`${name} threw ${String(error)} for ${JSON.stringify(args)}`);
    }
    return;
  }
  if (Array.isArray(result)) {
    expect(result.length).toBeGreaterThan(0);
    for (const row of result as unknown[]) {
      expect(Array.isArray(row)).toBe(true);
      for (const cell of row as unknown[]) {
        if (!isAcceptableCell(cell))
          throw new Error(`${name} returned cell ${String(cell)} for ${JSON.stringify(args)}`);
      }
    }
  } else if (!isAcceptableCell(result) || result instanceof CustomFunctions.Error) {
    throw new Error(`${name} returned ${String(result)} for ${JSON.stringify(args)}`);
  }
}

beforeAll(() => setMessageLocale("en"));

describe("every GENAI function under hostile arguments", () => {
  it("exports all fifteen functions", () => {
    expect(functions.map(([name]) => name).sort()).toHaveLength(15);
  });

  it.each(functions)(
    "%s returns a finite number, text, a spill of those, or an Excel error with a message",
    (name, f) => {
      fc.assert(
        fc.property(fc.array(hostileArgument, { minLength: f.length, maxLength: f.length }), (args) => {
          assertExcelSafe(name, f, args);
        }),
        { numRuns: 300, seed: 20261127 },
      );
    },
  );

  it.each(functions)("%s handles every argument omitted (Excel passes null)", (name, f) => {
    assertExcelSafe(name, f, new Array(f.length).fill(null));
  });
});
