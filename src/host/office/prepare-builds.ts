/**
 * What each sheet of an applyPlans call is built as: its plan with the kept inputs on its final
 * name, the temporary name it is built under, and table names that do not clash.
 */
import type { SheetPlan } from "../../templates/plan";
import type { PlacementDecision } from "../placement";
import { sameName } from "../placement";
import { keepInto, type KeepReport, NOTHING_KEPT } from "../kept-content";
import type { ExistingSheet, WorkbookState } from "./read-workbook";

/** One sheet being built in this call. */
export interface Build {
  readonly decision: PlacementDecision;
  /** The plan, with kept inputs, on its final sheet name. */
  readonly plan: SheetPlan;
  readonly tempName: string;
  /** What the rebuild kept of the sheet it replaces, when it keeps inputs. */
  readonly kept: KeepReport | null;
  /** The existing sheet this build replaces (replace, or an empty sheet reused). */
  readonly replaces: ExistingSheet | null;
  /** Tables whose plan name is taken until the replaced sheet steps aside: named at commit. */
  readonly deferredTables: { readonly index: number; readonly name: string }[];
  /** When the old sheet is kept as a copy: the free names its clashing tables take. */
  readonly copyTables: { readonly name: string; readonly newName: string }[];
  sheet: Excel.Worksheet | null;
  tables: Excel.Table[];
}

/**
 * Names `${prefix}1`, `${prefix}2`, ... that are not in `taken` (lower-case names), each added to
 * `taken` as it is given; `serial` is the number in the name.
 */
export function serialNames(prefix: string, taken: Set<string>): () => { name: string; serial: number } {
  let serial = 0;
  return () => {
    let name: string;
    do name = `${prefix}${++serial}`;
    while (taken.has(name));
    taken.add(name);
    return { name, serial };
  };
}

/** Each decision that builds a sheet, with the kept inputs, a temporary name and table names. */
export function prepareBuilds(
  decisions: readonly PlacementDecision[],
  plans: readonly SheetPlan[],
  state: WorkbookState,
): Build[] {
  const tempName = serialNames("~genai-build-", new Set(state.sheets.map((s) => s.name.toLowerCase())));
  // Table names share a namespace with each other and with defined names.
  const tablesStaying = new Set<string>();
  const tablesLeaving = new Set<string>();
  const replaced = new Set(
    decisions
      .filter((d) => d.outcome === "replace" || d.outcome === "reuseEmpty")
      .map((d) => d.existing?.name.toLowerCase()),
  );
  for (const s of state.sheets)
    for (const t of s.tables)
      (replaced.has(s.name.toLowerCase()) ? tablesLeaving : tablesStaying).add(t.name.toLowerCase());
  for (const key of state.names.keys()) tablesStaying.add(key);
  for (const s of state.sheets) for (const key of s.names.keys()) tablesStaying.add(key);

  return decisions
    .filter((d) => d.outcome !== "skip")
    .map((decision, n): Build => {
      const index = plans.indexOf(decision.plan);
      const temp = tempName().name;
      const keeps = decision.keepInputs && decision.existing !== null;
      const { plan: withKept, report } = keepInto(
        decision.plan,
        keeps ? (state.kept.get(index) ?? NOTHING_KEPT) : NOTHING_KEPT,
      );
      const replaces =
        decision.outcome === "replace" || decision.outcome === "reuseEmpty"
          ? (state.sheets.find((s) => sameName(s.name, decision.targetName)) ?? null)
          : null;
      const deferredTables: { index: number; name: string }[] = [];
      const copyTables: { name: string; newName: string }[] = [];
      const tables = withKept.tables.map((t, i) => {
        let name = t.name;
        if (tablesLeaving.has(name.toLowerCase()) && !tablesStaying.has(name.toLowerCase())) {
          deferredTables.push({ index: i, name });
          tablesStaying.add(name.toLowerCase());
          if (decision.copyName) {
            let free = name;
            for (
              let k = 2;
              tablesStaying.has(free.toLowerCase()) || tablesLeaving.has(free.toLowerCase());
              k++
            )
              free = `${t.name}_${k}`;
            tablesStaying.add(free.toLowerCase());
            copyTables.push({ name, newName: free });
          }
          return { ...t, name: `GenAI_build_${n + 1}_${i + 1}` };
        }
        for (let n = 2; tablesStaying.has(name.toLowerCase()) || tablesLeaving.has(name.toLowerCase()); n++)
          name = `${t.name}_${n}`;
        tablesStaying.add(name.toLowerCase());
        return { ...t, name };
      });
      return {
        decision,
        plan: { ...withKept, sheet: decision.targetName, tables },
        tempName: temp,
        kept: keeps ? report : null,
        replaces,
        deferredTables,
        copyTables,
        sheet: null,
        tables: [],
      };
    });
}
