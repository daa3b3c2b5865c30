import type { Conflict, ExistingSheetPolicy, KeepReport, NameConflict } from "../../../host/workbook-host";
import type { ChoiceOutcome, Policies } from "../../model/build";

export interface ConflictDialogProps {
  /** The non-empty sheets the build would land on. */
  readonly conflicts: readonly Conflict[];
  /** The choice per sheet (the hosts' default until the user chooses). */
  readonly policies: Policies;
  /** What each choice for each sheet would do: the names it gives and the sheet the model then uses. */
  readonly predictions: Readonly<Record<string, Record<ExistingSheetPolicy, ChoiceOutcome>>>;
  /** What a rebuild keeping inputs keeps of each sheet (rows per table, names, formulas, what it cannot carry). */
  readonly keeps?: Readonly<Record<string, KeepReport>>;
  readonly onPolicyChange: (sheet: string, policy: ExistingSheetPolicy) => void;
  /** Workbook names of the user's that the model defines too; the dialog is open while there are any conflicts. */
  readonly nameConflicts: readonly NameConflict[];
  /** The names the user lets the model take; Build waits until every one is. */
  readonly takeNames: readonly string[];
  readonly onTakeNameChange: (name: string, take: boolean) => void;
  /** Build with the choices made. */
  readonly onConfirm: () => void;
  /** Build nothing. */
  readonly onCancel: () => void;
}
