/**
 * The build flow: plan the selection (linked to template sheets already present), ask about
 * every non-empty sheet it would land on, apply with progress, then report what happened or
 * what to do next.
 */
import { useCallback, useEffect, useState } from "react";
import type { ExistingSheetPolicy, Recovery } from "../../../host/workbook-host";
import type { SampleOrBlank } from "../../../templates/plan";
import { DEFAULT_PORTFOLIO_ROWS } from "../../../templates/portfolio";
import { usePane } from "../../context/pane-context";
import {
  type BuildTarget,
  builtSheets,
  CURRENCIES,
  defaultPolicies,
  prepareBuild,
  predictChoices,
  type Policies,
  type ReadyBuild,
  validRows,
} from "../../model/build";
import type { BuildOptionsState, BuildStatus, PendingBuild } from "./BuildPanel.types";

export interface BuildPanelState {
  readonly options: BuildOptionsState;
  readonly setData: (data: SampleOrBlank) => void;
  readonly setCurrency: (currency: string) => void;
  readonly setRowsText: (text: string) => void;
  readonly status: BuildStatus;
  readonly busy: boolean;
  readonly pending: PendingBuild | null;
  readonly build: (target: BuildTarget) => void;
  readonly setPolicy: (sheet: string, policy: ExistingSheetPolicy) => void;
  /** Lets the model take (or not) a workbook name the user already has. */
  readonly setTakeName: (name: string, take: boolean) => void;
  /** What the last recovery of an interrupted build did, when it did anything. */
  readonly recovery: Recovery | null;
  readonly dismissRecovery: () => void;
  readonly confirm: () => void;
  readonly cancel: () => void;
  readonly dismiss: () => void;
}

export function useBuildPanel(): BuildPanelState {
  const { host, locale, recordBuild, showTab } = usePane();
  const [data, setData] = useState<SampleOrBlank>("sample");
  const [currency, setCurrency] = useState<string>(CURRENCIES[0]);
  const [rowsText, setRowsText] = useState(String(DEFAULT_PORTFOLIO_ROWS));
  const [status, setStatus] = useState<BuildStatus>({ kind: "idle" });
  const [pending, setPending] = useState<PendingBuild | null>(null);
  const [recovery, setRecovery] = useState<Recovery | null>(null);

  /** Puts right what an interrupted build left, and says so when there was anything. */
  const recover = useCallback(async (): Promise<void> => {
    const r = await host.recoverInterrupted();
    if (r.restored.length + r.removed.length + r.kept.length === 0) return;
    setRecovery(r);
    showTab("build");
  }, [host, showTab]);

  // When the pane starts.
  useEffect(() => {
    recover().catch(() => undefined);
  }, [recover]);
  const rows = Number(rowsText);
  const rowsValid = validRows(rows);

  const apply = useCallback(
    async (
      target: BuildTarget,
      ready: ReadyBuild,
      policies: Policies,
      takeNames: readonly string[] = [],
    ): Promise<void> => {
      setStatus({ kind: "building", target, progress: null });
      try {
        const result = await ready.apply({
          dialect: "live",
          policies,
          takeNames,
          onProgress: (progress) => setStatus({ kind: "building", target, progress }),
        });
        // Remember each built sheet under the name it got ("ROI (2)" after keep both).
        const applied = builtSheets(ready, result);
        if (applied.length > 0) recordBuild(applied);
        setStatus({ kind: "done", result });
      } catch (error) {
        setStatus({ kind: "failed", error });
      }
    },
    [host, recordBuild],
  );

  const build = useCallback(
    (target: BuildTarget): void => {
      if (!rowsValid) return;
      setStatus({ kind: "building", target, progress: null });
      void (async () => {
        try {
          await recover();
          const ready = await prepareBuild(host, { target, options: { data, currency, locale, rows } });
          const { conflicts, nameConflicts, sheets, outlines, keeps } = ready;
          if (conflicts.length === 0 && nameConflicts.length === 0) return await apply(target, ready, {});
          const policies = defaultPolicies(conflicts);
          setPending({
            keeps,
            target,
            ready,
            sheets,
            conflicts,
            policies,
            predictions: predictChoices(outlines, sheets, conflicts, policies),
            nameConflicts,
            takeNames: [],
          });
          setStatus({ kind: "asking", target });
        } catch (error) {
          setStatus({ kind: "failed", error });
        }
      })();
    },
    [host, data, currency, locale, rows, rowsValid, apply, recover],
  );

  const setPolicy = useCallback((sheet: string, policy: ExistingSheetPolicy) => {
    setPending((p) => {
      if (!p) return p;
      const policies = { ...p.policies, [sheet]: policy };
      return {
        ...p,
        policies,
        predictions: predictChoices(p.ready.outlines, p.sheets, p.conflicts, policies),
      };
    });
  }, []);

  const setTakeName = useCallback((name: string, take: boolean) => {
    setPending((p) =>
      p ? { ...p, takeNames: take ? [...p.takeNames, name] : p.takeNames.filter((n) => n !== name) } : p,
    );
  }, []);

  const confirm = useCallback(() => {
    if (!pending) return;
    if (pending.nameConflicts.some((c) => !pending.takeNames.includes(c.name))) return;
    setPending(null);
    void apply(pending.target, pending.ready, pending.policies, pending.takeNames);
  }, [pending, apply]);

  const cancel = useCallback(() => {
    setPending(null);
    setStatus({ kind: "idle" });
  }, []);

  const dismiss = useCallback(() => setStatus({ kind: "idle" }), []);

  return {
    options: { data, currency, rowsText, rowsValid },
    setData,
    setCurrency,
    setRowsText,
    status,
    busy: status.kind === "building" || status.kind === "asking",
    pending,
    build,
    setPolicy,
    setTakeName,
    recovery,
    dismissRecovery: () => setRecovery(null),
    confirm,
    cancel,
    dismiss,
  };
}
