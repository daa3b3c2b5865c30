import { Button, Card, CardHeader, Field, Input, Spinner, Text } from "@fluentui/react-components";
import { useStrings } from "../../hooks/useStrings";
import { fill } from "../../model/format";
import { ErrorMessage } from "../ErrorMessage";
import { StatusMessage } from "../StatusMessage";
import { useShareableCopyStyles } from "../ShareableCopy/useShareableCopyStyles.styles";
import { useAddLine } from "./useAddLine";

/**
 * The Build panel's "Add a line" card: a benefit or cost line of the user's own, added to the ROI
 * sheet's Benefits or Costs table (the totals, schedule and outputs follow at once); it says when
 * the Stress sheet was built for fewer lines and needs a rebuild to cover them.
 */
export function AddLine({ disabled }: { readonly disabled?: boolean }) {
  const s = useStrings();
  const styles = useShareableCopyStyles();
  const { label, setLabel, amount, setAmount, status, add, dismiss } = useAddLine();
  const working = status.kind === "working";
  const blocked = disabled || working || label.trim() === "";
  const done = status.kind === "done" ? status : null;
  return (
    <Card className={styles.card}>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" className={styles.heading}>
            {s.addLineTitle}
          </Text>
        }
        description={<Text className={styles.description}>{s.addLineDescription}</Text>}
      />
      <Field label={s.addLineLabel}>
        <Input value={label} onChange={(_, d) => setLabel(d.value)} disabled={disabled} />
      </Field>
      <Field label={s.addLineAmount}>
        <Input type="number" value={amount} onChange={(_, d) => setAmount(d.value)} disabled={disabled} />
      </Field>
      <div className={styles.actions}>
        <Button onClick={() => void add("benefit")} disabled={blocked}>
          {s.addBenefitLine}
        </Button>
        <Button onClick={() => void add("cost")} disabled={blocked}>
          {s.addCostLine}
        </Button>
        {working && <Spinner size="tiny" />}
      </div>
      <div aria-live="polite">
        {done && (
          <StatusMessage
            intent={done.gap ? "warning" : "success"}
            lines={[
              fill(s.addLineAdded, { label: done.label, table: done.result.table }),
              ...(done.gap
                ? [
                    fill(s.stressBehind, {
                      stress: String(done.gap.stressBenefits + done.gap.stressCosts),
                      lines: String(done.gap.benefits + done.gap.costs),
                    }),
                  ]
                : []),
            ]}
            onDismiss={dismiss}
          />
        )}
        <ErrorMessage
          error={status.kind === "failed" ? status.error : null}
          title={s.addLineFailed}
          next={s.unexpectedNext}
          onDismiss={dismiss}
        />
      </div>
    </Card>
  );
}
