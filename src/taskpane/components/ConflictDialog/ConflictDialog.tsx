import { sheetShown } from "../../model/sheet-names";
import {
  Button,
  Checkbox,
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
import type { Conflict, ExistingSheetPolicy } from "../../../host/workbook-host";
import type { TemplateId } from "../../../templates/plan";
import { usePane } from "../../context/pane-context";
import { useStrings } from "../../hooks/useStrings";
import { CHOICES, type ChoiceOutcome } from "../../model/build";
import { fill } from "../../model/format";
import type { ConflictDialogProps } from "./ConflictDialog.types";
import { useConflictDialogStyles } from "./useConflictDialogStyles.styles";

const TEMPLATE_LABELS = { portfolio: "portfolio", rollout: "rollout", roi: "roi", stress: "stress" } as const;
const CHOICE_LABELS = { replace: "replace", keepBoth: "keepBoth", cancel: "cancelSheet" } as const;

/**
 * Asks, in the pane (alert and confirm are blocked in add-ins), before anything is written: what
 * to do with each non-empty sheet a build would land on, each choice saying what it keeps and
 * which sheet the model uses afterwards; and whether the model may take a workbook name the user
 * already has (Build waits until every such name is allowed, or the user cancels).
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const { conflicts, policies, predictions, onPolicyChange, nameConflicts, takeNames } = props;
  const s = useStrings();
  const conventions = usePane().bundle.conventions;
  const styles = useConflictDialogStyles();
  const templateName = (t: TemplateId): string => s[TEMPLATE_LABELS[t]];

  const hint = (c: Conflict, policy: ExistingSheetPolicy, outcome: ChoiceOutcome): string => {
    const template = templateName(c.plannedTemplate);
    if (policy === "cancel") return s.cancelSheetHint;
    if (policy === "keepBoth")
      return outcome.copy
        ? fill(s.keepCopyHint, { sheet: sheetShown(c.sheet, s), copy: outcome.copy })
        : fill(s.keepBothHint, { name: outcome.built ?? "", sheet: sheetShown(c.sheet, s) });
    if (c.existingTemplate !== c.plannedTemplate) return s.replaceLosesContent;
    return c.keepsInputs ? fill(s.replaceKeepsInputs, { template }) : s.replaceNewLayout;
  };
  // What keeping the inputs keeps of this sheet, as the host will read it.
  const kept = (c: Conflict, outcome: ChoiceOutcome): string => {
    const report = props.keeps?.[c.sheet];
    if (!report || !outcome.keepsInputs || outcome.built === null) return "";
    const tables = report.tables
      .map((t) => fill(s.keepTableRows, { table: t.name, rows: t.rows }))
      .join(conventions.listSeparator);
    const detail = fill(s.keepDetail, { tables, names: report.names, formulas: report.formulas });
    return report.notCarried.length > 0
      ? `${detail} ${fill(s.keepCannot, { list: report.notCarried.join(conventions.listSeparator) })}`
      : detail;
  };
  const model = (c: Conflict, outcome: ChoiceOutcome): string =>
    outcome.modelSheet
      ? fill(s.modelUses, { sheet: sheetShown(outcome.modelSheet, s) })
      : fill(s.modelUsesNone, { template: templateName(c.plannedTemplate) });
  const blocked = nameConflicts.some((n) => !takeNames.includes(n.name));

  return (
    <Dialog
      open={conflicts.length > 0 || nameConflicts.length > 0}
      modalType="alert"
      onOpenChange={(_, data) => !data.open && props.onCancel()}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{s.conflictTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            {conflicts.length > 0 && <p className={styles.intro}>{s.conflictIntro}</p>}
            {conflicts.map((c) => (
              <Field
                key={c.sheet}
                label={fill(s.conflictSheet, { sheet: sheetShown(c.sheet, s) })}
                className={styles.sheet}
              >
                <RadioGroup
                  value={policies[c.sheet]}
                  onChange={(_, data) => onPolicyChange(c.sheet, data.value as ExistingSheetPolicy)}
                >
                  {CHOICES.map((policy) => {
                    const outcome = predictions[c.sheet][policy];
                    const hintId = `conflict-${c.sheet}-${policy}`.replace(/\s+/g, "-");
                    return (
                      <div key={policy} className={styles.choice}>
                        <Radio value={policy} label={s[CHOICE_LABELS[policy]]} aria-describedby={hintId} />
                        <span id={hintId} className={styles.hint}>
                          {[hint(c, policy, outcome), kept(c, outcome), model(c, outcome)]
                            .filter((part) => part !== "")
                            .join(" ")}
                        </span>
                      </div>
                    );
                  })}
                </RadioGroup>
              </Field>
            ))}
            {nameConflicts.length > 0 && (
              <Field label={s.nameConflictTitle} hint={s.nameConflictIntro} className={styles.sheet}>
                {nameConflicts.map((n) => (
                  <Checkbox
                    key={n.name}
                    checked={takeNames.includes(n.name)}
                    onChange={(_, data) => props.onTakeNameChange(n.name, data.checked === true)}
                    label={fill(s.takeName, { name: n.name, refersTo: n.refersTo.replace(/^=/, "") })}
                  />
                ))}
              </Field>
            )}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" disabled={blocked} onClick={props.onConfirm}>
              {s.conflictBuild}
            </Button>
            <Button onClick={props.onCancel}>{s.conflictCancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
