import type { ApplyProgress, ApplyResult, Conflict } from "../../../host/workbook-host";
import type { SampleOrBlank, SheetPlan } from "../../../templates/plan";
import type { BuildTarget, Policies } from "../../model/build";

export type BuildStatus =
  | { readonly kind: "idle" }
  /** Reading the workbook or writing; progress once the host reports it. */
  | { readonly kind: "building"; readonly target: BuildTarget; readonly progress: ApplyProgress | null }
  /** Waiting for the user's choice per conflicting sheet. */
  | { readonly kind: "asking"; readonly target: BuildTarget }
  | { readonly kind: "done"; readonly result: ApplyResult }
  | { readonly kind: "failed"; readonly error: unknown };

/** A build held back until the user decides about the sheets it would land on. */
export interface PendingBuild {
  readonly target: BuildTarget;
  readonly plans: readonly SheetPlan[];
  readonly conflicts: readonly Conflict[];
  readonly policies: Policies;
  /** The name each "keep both" copy would take. */
  readonly keepBothNames: Readonly<Record<string, string>>;
}

export interface BuildOptionsState {
  readonly data: SampleOrBlank;
  readonly currency: string;
  /** As typed, so a half-typed number is not reformatted under the cursor. */
  readonly rowsText: string;
  readonly rowsValid: boolean;
}
