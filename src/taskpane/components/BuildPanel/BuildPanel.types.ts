import type {
  ApplyProgress,
  ApplyResult,
  Conflict,
  ExistingSheetPolicy,
  KeepReport,
  NameConflict,
  SheetInfo,
} from "../../../host/workbook-host";
import type { SampleOrBlank } from "../../../templates/plan";
import type { BuildTarget, ChoiceOutcome, Policies, ReadyBuild } from "../../model/build";

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
  /** The build as planned (where the host plans it), applied once the user confirms. */
  readonly ready: ReadyBuild;
  readonly conflicts: readonly Conflict[];
  readonly policies: Policies;
  /** The sheets as read when the build was asked for (the predictions' ground). */
  readonly sheets: readonly SheetInfo[];
  /** What each choice for each sheet would do, as the host will do it. */
  readonly predictions: Readonly<Record<string, Record<ExistingSheetPolicy, ChoiceOutcome>>>;
  /** Workbook names of the user's that the plans define too. */
  readonly nameConflicts: readonly NameConflict[];
  /** Those the user lets the model take. */
  readonly takeNames: readonly string[];
  /** What a rebuild keeping inputs keeps of each sheet, by sheet name (the host's own reading). */
  readonly keeps: Readonly<Record<string, KeepReport>>;
}

export interface BuildOptionsState {
  readonly data: SampleOrBlank;
  readonly currency: string;
  /** As typed, so a half-typed number is not reformatted under the cursor. */
  readonly rowsText: string;
  readonly rowsValid: boolean;
}
