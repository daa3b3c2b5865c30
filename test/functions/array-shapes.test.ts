/**
 * Argument readers accept every array shape a caller can pass. Excel itself sends dense,
 * rectangular 2-D arrays, but JavaScript callers (the pane, a script, a future Excel build) can
 * pass sparse arrays, rows that are holes or a ragged mix. Each must give a #VALUE! whose message
 * names the argument, never the "unexpected error" of a TypeError inside a reader.
 */
import * as catalogue from "../../src/functions/functions";
import { setMessageLocale } from "../../src/functions/boundary";

type ExcelFunction = (...args: unknown[]) => unknown;
const functions = Object.entries(catalogue) as [string, ExcelFunction][];

/* eslint-disable no-sparse-arrays -- the holes are what these cases are about */
const SHAPES: [string, unknown][] = [
  ["a hole for a whole row", [, [1, 2, 3]]],
  ["a hole inside a row", [[1, , 3]]],
  ["a trailing hole row", [[1, 2, 3], ,]],
  ["a sparse flat array", [1, , 3]],
  ["an array of only holes", new Array(3)],
  ["a row of only holes", [new Array(3)]],
];
/* eslint-enable no-sparse-arrays */

function outcome(f: ExcelFunction, args: unknown[]): unknown {
  try {
    const result = f(...args);
    if (Array.isArray(result)) {
      const errors = (result as unknown[][]).flat().filter((c) => c instanceof CustomFunctions.Error);
      return errors[0] ?? result;
    }
    return result;
  } catch (error) {
    return error;
  }
}

beforeAll(() => setMessageLocale("en"));

describe("argument readers and array shapes", () => {
  describe.each(SHAPES)("%s", (_, shape) => {
    it.each(functions)("%s gives #VALUE! with a message, not an unexpected error", (name, f) => {
      for (let i = 0; i < f.length; i++) {
        const args: unknown[] = new Array(f.length).fill(null).map(() => [[1, 2, 3]]);
        args[i] = shape;
        const result = outcome(f, args);
        if (result instanceof CustomFunctions.Error) {
          expect(result.message).not.toMatch(/unexpected error|TypeError|undefined/i);
        } else if (result instanceof Error) {
          throw new Error(`${name} threw ${String(result)} for argument ${i + 1}`);
        }
      }
    });
  });
});
