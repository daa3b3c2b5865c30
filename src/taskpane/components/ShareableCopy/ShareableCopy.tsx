import { Button, Card, CardHeader, Spinner, Text } from "@fluentui/react-components";
import { useStrings } from "../../hooks/useStrings";
import { fill } from "../../model/format";
import { ErrorMessage } from "../ErrorMessage";
import { StatusMessage } from "../StatusMessage";
import type { ShareableCopyProps } from "./ShareableCopy.types";
import { useShareableCopy } from "./useShareableCopy";
import { useShareableCopyStyles } from "./useShareableCopyStyles.styles";

/** The Build panel's card for a copy without GENAI formulas, for colleagues without the add-in. */
export function ShareableCopy({ disabled }: ShareableCopyProps) {
  const s = useStrings();
  const styles = useShareableCopyStyles();
  const { status, make, dismiss } = useShareableCopy();
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
        <ErrorMessage
          error={status.kind === "failed" ? status.error : null}
          title={s.copyFailed}
          next={s.unexpectedNext}
          onDismiss={dismiss}
        />
      </div>
    </Card>
  );
}
