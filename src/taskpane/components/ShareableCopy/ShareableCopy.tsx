import { Button, Card, CardHeader, Spinner, Text } from "@fluentui/react-components";
import { useStrings } from "../../hooks/useStrings";
import { describeError } from "../../model/errors";
import { fill } from "../../model/format";
import { StatusMessage } from "../StatusMessage";
import type { ShareableCopyProps } from "./ShareableCopy.types";
import { useShareableCopy } from "./useShareableCopy";
import { useShareableCopyStyles } from "./useShareableCopyStyles.styles";

/** The Build panel's card for a copy without GENAI formulas, for colleagues without the add-in. */
export function ShareableCopy({ disabled }: ShareableCopyProps) {
  const s = useStrings();
  const styles = useShareableCopyStyles();
  const { status, make, dismiss } = useShareableCopy();
  const failure =
    status.kind === "failed"
      ? describeError(status.error, s, { title: s.copyFailed, next: s.unexpectedNext })
      : null;
  return (
    <Card className={styles.card}>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" className={styles.heading}>
            {s.shareTitle}
          </Text>
        }
        description={<Text className={styles.description}>{s.shareDescription}</Text>}
      />
      <div className={styles.actions}>
        <Button onClick={make} disabled={disabled || status.kind === "working"}>
          {s.makeShareableCopy}
        </Button>
        {status.kind === "working" && <Spinner size="tiny" label={s.makingCopy} />}
      </div>
      <div aria-live="polite">
        {status.kind === "done" && (
          <StatusMessage
            intent="success"
            lines={[fill(s.copyReady, { file: status.file })]}
            onDismiss={dismiss}
          />
        )}
        {status.kind === "noSheets" && (
          <StatusMessage intent="warning" lines={[s.copyNeedsSheets]} onDismiss={dismiss} />
        )}
        {failure && (
          <StatusMessage intent="error" title={failure.title} lines={failure.lines} onDismiss={dismiss} />
        )}
      </div>
    </Card>
  );
}
