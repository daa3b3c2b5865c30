import type { Conflict, ExistingSheetPolicy } from "../../../host/workbook-host";
import type { Policies } from "../../model/build";

export interface ConflictDialogProps {
  /** The non-empty sheets the build would land on; the dialog is open while there are any. */
  readonly conflicts: readonly Conflict[];
  /** The choice per sheet (keep both by default). */
  readonly policies: Policies;
  /** The name each "keep both" copy would take. */
  readonly keepBothNames: Readonly<Record<string, string>>;
  readonly onPolicyChange: (sheet: string, policy: ExistingSheetPolicy) => void;
  /** Build with the choices made. */
  readonly onConfirm: () => void;
  /** Build nothing. */
  readonly onCancel: () => void;
}
