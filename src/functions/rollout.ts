/** Validating wrappers for the rollout: ADOPTION and WAVE. */
import { adoption, defaultWave2Count, ReadinessOrder, readinessPlaces, waveAtPlace } from "../engine/rollout";
import { checkNumber, fail, isBlank, numbersInRange, scalarNumber, toMatrix } from "./arguments";
import { broadcast, cellPosition, mapCells } from "./broadcast";
import { cellResult, type SpillCell, spillResult } from "./boundary";
import { numericDefault, parameterOf } from "./catalogue";

const ADOPTION_ARGUMENTS = ["month", "start_month", "ramp_months", "target"] as const;
const ADOPTION_RULES = ADOPTION_ARGUMENTS.map((name) => parameterOf("ADOPTION", name).range);
/** A blank target in a range of targets: the documented default (full adoption). */
const DEFAULT_TARGET = numericDefault(parameterOf("ADOPTION", "target"));
const WAVE1 = parameterOf("WAVE", "wave1_count");
const WAVE2 = parameterOf("WAVE", "wave2_count");

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
          checkNumber(
            isBlank(cell) && k === 3 ? DEFAULT_TARGET : cell,
            ADOPTION_ARGUMENTS[k],
            ADOPTION_RULES[k],
            where,
          ),
        );
        return adoption(m, s, ramp, t);
      });
    });
  });
}

/** The validated readiness list and its sorted order, kept for the next call over the same cells. */
interface ReadinessList {
  /** The cells as given, row by row, to recognise the same list in the next call. */
  readonly cells: readonly unknown[];
  /** The width of every row of the list as given. */
  readonly width: number;
  /** The numbers, blanks skipped, in list order. */
  readonly numbers: readonly number[];
  /** Each number's place in the readiness order, ties in list order (computed on first use). */
  places?: Uint32Array;
  /** For single values (computed on first use). */
  order?: ReadinessOrder;
}

/**
 * The last all_readiness list read. A column filled down with one call per unit passes the same
 * list to every call: recognising it (one comparison per cell, nothing allocated) skips
 * validating and sorting it again.
 */
let lastList: ReadinessList | null = null;

/** Whether `value` is the 2-D array of `list`'s cells, row by row, every row as wide. */
function isSameList(value: unknown, list: ReadinessList): boolean {
  if (!Array.isArray(value)) return false;
  const { cells, width } = list;
  if (value.length * width !== cells.length) return false;
  let k = 0;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row) || row.length !== width) return false;
    for (let c = 0; c < width; c++) if (row[c] !== cells[k++]) return false;
  }
  return true;
}

function readinessList(allReadiness: unknown): ReadinessList {
  if (lastList && isSameList(allReadiness, lastList)) return lastList;
  const m = toMatrix(allReadiness, "all_readiness");
  const numbers = numbersInRange(m, "all_readiness");
  if (numbers.length === 0) fail("empty", { argument: "all_readiness" });
  lastList = { cells: m.flat(), width: m[0].length, numbers };
  return lastList;
}

/** Whether `readiness` is the list itself (same shape, same cells): then each cell is a unit in place. */
function isTheList(readiness: unknown, allReadiness: unknown, list: ReadinessList): boolean {
  if (readiness === allReadiness) return true;
  if (!Array.isArray(readiness) || !Array.isArray(allReadiness)) return false;
  if (readiness.length !== allReadiness.length) return false;
  return isSameList(readiness, list) && isSameList(allReadiness, list);
}

/**
 * Waves by readiness, most ready first. Given the list itself as readiness (one spilled call for
 * the column), ties go in list order, so wave 1 holds exactly wave1_count units. A readiness that
 * is not the list (a single value) does not say where its unit is listed: it goes first among
 * the units of equal readiness. Either way the list is sorted once: O(n log n) per column.
 */
export function waveOf(
  readiness: unknown,
  allReadiness: unknown,
  wave1Count: unknown,
  wave2Count: unknown,
): SpillCell[][] {
  return spillResult("WAVE", () => {
    const list = readinessList(allReadiness);
    const w1 = scalarNumber(wave1Count, "wave1_count", WAVE1.range, numericDefault(WAVE1));
    const w2 = scalarNumber(
      wave2Count,
      "wave2_count",
      WAVE2.range,
      defaultWave2Count(list.numbers.length, w1),
    );
    if (isTheList(readiness, allReadiness, list)) {
      const places = (list.places ??= readinessPlaces(list.numbers));
      let k = 0;
      return toMatrix(allReadiness, "all_readiness").map((row) =>
        row.map((cell) => (isBlank(cell) ? "" : waveAtPlace(places[k++], w1, w2))),
      );
    }
    const order = (list.order ??= new ReadinessOrder(list.numbers));
    const shape = broadcast([{ name: "readiness", value: readiness }]);
    return mapCells(shape, 1, ([cell], r, c) => {
      if (isBlank(cell)) return "";
      return cellResult("WAVE", () =>
        waveAtPlace(order.placeOf(checkNumber(cell, "readiness", {}, cellPosition(shape, r, c))), w1, w2),
      );
    });
  });
}
