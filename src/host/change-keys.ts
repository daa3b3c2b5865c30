/**
 * Number keys for HyperFormula's lists of changed cells.
 *
 * Every cell HyperFormula writes or recalculates goes into a list of changes (its ContentChanges
 * class): a Map keyed by the text "sheet,row,col", so that a later change of a cell replaces an
 * earlier one, and a spilled array's change replaces those of the cells it covers. Building a
 * 5,000-row Portfolio puts about 100,000 cells into such a list, and again into the batch's list
 * as the lists are merged; making and hashing the text of each key takes about four times as long
 * as a number key does.
 *
 * This keys the same Map by a number made of the same three parts, (sheet · 2^21 + row) · 2^15 +
 * col, exact below 2^53 for every address Excel has (1,048,576 rows, 16,384 columns) and for
 * HyperFormula's own limits; an address beyond them keeps the text key. One address always gets
 * the same key, so the same changes replace each other, and a Map keeps the order in which keys
 * first went in, so the list comes out in the same order as before.
 *
 * The class is internal to HyperFormula (3.5): it is reached through a workbook's own list and
 * changed only when it has the shape this was written for; `changeKeysInstalled` tells a test
 * which happened, so an upgrade that changes the shape is noticed. The class is shared by every
 * workbook of the page or process, so it is changed once, before the in-memory workbook builds
 * its first HyperFormula, and outside any operation: every list is empty then (a list is emptied
 * as its operation ends), so none holds keys of both kinds.
 */
import { HyperFormula } from "hyperformula";

interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

interface Change {
  readonly value: unknown;
}

/** The part of HyperFormula's ContentChanges this relies on. */
interface ChangeList {
  changes: Map<unknown, Change>;
  add(address: Address, change: Change): void;
}

const INSTALLED = Symbol("genai.changeKeys");
const ROWS = 2 ** 21;
const COLUMNS = 2 ** 15;
const SHEETS = 2 ** 16;

/** The key of a cell: a number where the address fits, HyperFormula's own text otherwise. */
export function changeKey(address: Address): number | string {
  const { sheet, row, col } = address;
  return sheet >= 0 && sheet < SHEETS && row >= 0 && row < ROWS && col >= 0 && col < COLUMNS
    ? (sheet * ROWS + row) * COLUMNS + col
    : `${sheet},${row},${col}`;
}

/** A spilled array's value: it lists the cells it covers (HyperFormula's SimpleRangeValue). */
function coveredCells(value: unknown): ((from: Address) => Iterable<Address>) | null {
  const range = value as { effectiveAddressesFromData?: (from: Address) => Iterable<Address> } | null;
  return range && typeof range === "object" && typeof range.effectiveAddressesFromData === "function"
    ? range.effectiveAddressesFromData.bind(range)
    : null;
}

function changeListClass(): (ChangeList & { [INSTALLED]?: true }) | null {
  const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  try {
    const list = (probe as unknown as { _crudOperations?: { operations?: { changes?: unknown } } })
      ._crudOperations?.operations?.changes as Partial<ChangeList> | undefined;
    if (!list || !(list.changes instanceof Map) || typeof list.add !== "function") return null;
    return Object.getPrototypeOf(list) as ChangeList & { [INSTALLED]?: true };
  } finally {
    probe.destroy();
  }
}

let installed: boolean | null = null;

/**
 * Gives HyperFormula's change lists number keys (see the module's comment). Call it before the
 * first workbook is built; later calls do nothing. Returns whether the lists have them.
 */
export function installChangeKeys(): boolean {
  if (installed !== null) return installed;
  const proto = changeListClass();
  if (!proto) return (installed = false);
  if (!proto[INSTALLED]) {
    proto.add = function add(this: ChangeList, address: Address, change: Change): void {
      const covered = coveredCells(change.value);
      if (covered) for (const cell of covered(address)) this.changes.delete(changeKey(cell));
      this.changes.set(changeKey(address), change);
    };
    proto[INSTALLED] = true;
  }
  return (installed = true);
}

/** Whether the change lists have number keys (false: HyperFormula's own text keys, as shipped). */
export function changeKeysInstalled(): boolean {
  return installed === true;
}
