import { useCallback, useState } from "react";
import { usePane } from "../../context/pane-context";
import {
  addLine,
  keepStressInStep,
  type AddedLine,
  type LineKind,
  stressLineGap,
  type StressLineGap,
} from "../../model/line-add";

export type AddLineStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "working" }
  | {
      readonly kind: "done";
      readonly label: string;
      readonly result: AddedLine;
      /** The Stress sheet's lines behind the tables' (it needs a rebuild), or null. */
      readonly gap: StressLineGap | null;
    }
  | { readonly kind: "failed"; readonly error: unknown };

/** State of the Add line card: the label and amount typed, the outcome of the last add. */
export function useAddLine() {
  const { host, locale } = usePane();
  const [label, setLabel] = useState("");
  const [amount, setAmount] = useState("");
  const [status, setStatus] = useState<AddLineStatus>({ kind: "idle" });

  const add = useCallback(
    async (kind: LineKind) => {
      setStatus({ kind: "working" });
      try {
        const typed = amount.trim() === "" ? null : Number(amount);
        const value = typed !== null && Number.isFinite(typed) ? typed : null;
        const result = await addLine(host, { kind, label, amount: value }, locale);
        // A linked Stress sheet takes the line at once; one that names fixed rows needs a rebuild.
        await keepStressInStep(host);
        const gap = await stressLineGap(host);
        setStatus({ kind: "done", label: label.trim(), result, gap });
        setLabel("");
        setAmount("");
      } catch (error) {
        setStatus({ kind: "failed", error });
      }
    },
    [host, locale, label, amount],
  );

  const dismiss = useCallback(() => setStatus({ kind: "idle" }), []);
  return { label, setLabel, amount, setAmount, status, add, dismiss };
}
