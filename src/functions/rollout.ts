/** Validating wrappers for the rollout: ADOPTION and WAVE. */
import { adoption, defaultWave2Count, DEFAULT_WAVE1_COUNT, wave } from "../engine/rollout";
import { checkNumber, fail, isBlank, numbersInRange, scalarNumber } from "./arguments";
import { broadcast, cellPosition, mapCells } from "./broadcast";
import { cellResult, type SpillCell, spillResult } from "./boundary";

const ADOPTION_ARGUMENTS = ["month", "start_month", "ramp_months", "target"] as const;
const ADOPTION_RULES = [{}, {}, { min: 0 }, { min: 0, max: 1 }] as const;

export function adoptionOf(
  month: unknown,
  startMonth: unknown,
  rampMonths: unknown,
  target: unknown,
): SpillCell[][] {
  return spillResult("ADOPTION", () => {
    const values = [month, startMonth, rampMonths, target];
    const shape = broadcast(ADOPTION_ARGUMENTS.map((name, i) => ({ name, value: values[i] })));
    return mapCells(shape, 4, (cells, r, c) => {
      if (isBlank(cells[0]) || isBlank(cells[1])) return "";
      return cellResult("ADOPTION", () => {
        const where = cellPosition(shape, r, c);
        const [m, s, ramp, t] = cells.map((cell, k) =>
          checkNumber(isBlank(cell) && k === 3 ? 1 : cell, ADOPTION_ARGUMENTS[k], ADOPTION_RULES[k], where),
        );
        return adoption(m, s, ramp, t);
      });
    });
  });
}

export function waveOf(
  readiness: unknown,
  allReadiness: unknown,
  wave1Count: unknown,
  wave2Count: unknown,
): SpillCell[][] {
  return spillResult("WAVE", () => {
    const all = numbersInRange(allReadiness, "all_readiness");
    if (all.length === 0) fail("empty", { argument: "all_readiness" });
    const w1 = scalarNumber(wave1Count, "wave1_count", { min: 0, whole: true }, DEFAULT_WAVE1_COUNT);
    const w2 = scalarNumber(
      wave2Count,
      "wave2_count",
      { min: 0, whole: true },
      defaultWave2Count(all.length, w1),
    );
    const shape = broadcast([{ name: "readiness", value: readiness }]);
    return mapCells(shape, 1, ([cell], r, c) => {
      if (isBlank(cell)) return "";
      return cellResult("WAVE", () =>
        wave(checkNumber(cell, "readiness", {}, cellPosition(shape, r, c)), all, w1, w2),
      );
    });
  });
}
