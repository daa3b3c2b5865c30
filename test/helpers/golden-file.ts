/**
 * Golden files: JSON that pins an output exactly, so an accidental change (of the PRNG, of the
 * sampling order, of a plan) fails a test instead of slipping through.
 *
 * - A golden file missing outside CI is written from the current output and the test passes
 *   (like a new jest snapshot); in CI (`CI=true`) a missing file fails.
 * - To change a pinned output deliberately, rerun with `UPDATE_GOLDEN=1`, e.g.
 *   `UPDATE_GOLDEN=1 npx jest test/engine/simulate.test.ts`, and review the diff of the JSON.
 * - On a mismatch the actual output is written to test-artifacts/golden/<name>.actual.json
 *   for diffing.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const GOLDEN_DIR = path.join(ROOT, "test", "golden");
const ARTIFACT_DIR = path.join(ROOT, "test-artifacts", "golden");

function write(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

/**
 * Compares `actual` with test/golden/<name>.json after a JSON round trip (doubles survive it
 * exactly), writing or updating the file as described above.
 */
export function expectGolden(name: string, actual: unknown): void {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const roundTripped: unknown = JSON.parse(JSON.stringify(actual));
  if (process.env.UPDATE_GOLDEN === "1" || (!fs.existsSync(file) && !process.env.CI)) {
    write(file, roundTripped);
    return;
  }
  if (!fs.existsSync(file)) {
    throw new Error(
      `golden file ${path.relative(ROOT, file)} is missing; run with UPDATE_GOLDEN=1 to write it`,
    );
  }
  const expected: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  try {
    expect(roundTripped).toEqual(expected);
  } catch (error) {
    write(path.join(ARTIFACT_DIR, `${name}.actual.json`), roundTripped);
    throw error;
  }
}
