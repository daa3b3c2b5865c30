import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
} from "@fluentui/react-components";
import type { ExistingSheetPolicy } from "../../../host/workbook-host";
import type { TemplateId } from "../../../templates/plan";
import { useStrings } from "../../hooks/useStrings";
import { keepsInputs } from "../../model/build";
import { fill } from "../../model/format";
import type { ConflictDialogProps } from "./ConflictDialog.types";
import { useConflictDialogStyles } from "./useConflictDialogStyles.styles";

const TEMPLATE_LABELS = { portfolio: "portfolio", rollout: "rollout", roi: "roi", stress: "stress" } as const;

/**
 * Asks, in the pane (alert and confirm are blocked in add-ins), what to do with each non-empty
 * sheet a build would land on: keep both (the default: nothing of the user's is touched),
 * replace (keeping the inputs when it is the template's own sheet), or cancel that sheet.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const { conflicts, policies, keepBothNames, onPolicyChange, onConfirm, onCancel } = props;
  const s = useStrings();
  const styles = useConflictDialogStyles();
  const templateName = (t: TemplateId): string => s[TEMPLATE_LABELS[t]];
  const replaceHint = (c: (typeof conflicts)[number]): string =>
    keepsInputs(c)
      ? fill(s.replaceKeepsInputs, { template: templateName(c.plannedTemplate) })
      : s.replaceLosesContent;
  const choices = (c: (typeof conflicts)[number]) => [
    {
      policy: "keepBoth",
      label: s.keepBoth,
      hint: fill(s.keepBothHint, { name: keepBothNames[c.sheet] ?? "", sheet: c.sheet }),
    },
    { policy: "replace", label: s.replace, hint: replaceHint(c) },
    { policy: "cancel", label: s.cancelSheet, hint: s.cancelSheetHint },
  ];
  return (
    <Dialog
      open={conflicts.length > 0}
      modalType="alert"
      onOpenChange={(_, data) => !data.open && onCancel()}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{s.conflictTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.intro}>{s.conflictIntro}</p>
            {conflicts.map((c) => (
              <Field key={c.sheet} label={fill(s.conflictSheet, { sheet: c.sheet })} className={styles.sheet}>
                <RadioGroup
                  value={policies[c.sheet]}
                  onChange={(_, data) => onPolicyChange(c.sheet, data.value as ExistingSheetPolicy)}
                >
                  {choices(c).map(({ policy, label, hint }) => {
                    const hintId = `conflict-${c.sheet}-${policy}`.replace(/\s+/g, "-");
                    return (
                      <div key={policy} className={styles.choice}>
                        <Radio value={policy} label={label} aria-describedby={hintId} />
                        <span id={hintId} className={styles.hint}>
                          {hint}
                        </span>
                      </div>
                    );
                  })}
                </RadioGroup>
              </Field>
            ))}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" onClick={onConfirm}>
              {s.conflictBuild}
            </Button>
            <Button onClick={onCancel}>{s.conflictCancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
