import { Button, Card, CardHeader, Checkbox, Spinner, Text } from "@fluentui/react-components";
import { useStrings } from "../../hooks/useStrings";
import { fill } from "../../model/format";
import { ErrorMessage } from "../ErrorMessage";
import { StatusMessage } from "../StatusMessage";
import { useUseCaseLines } from "./useUseCaseLines";
import { useShareableCopyStyles } from "../ShareableCopy/useShareableCopyStyles.styles";

/**
 * The Build panel's card that turns Portfolio use cases (its recommended PoCs, ticked first, or
 * any the user ticks) into linked benefit and cost lines of the ROI sheet.
 */
export function UseCaseLines({ disabled }: { readonly disabled?: boolean }) {
  const s = useStrings();
  const styles = useShareableCopyStyles();
  const { useCases, chosen, status, load, toggle, add, dismiss } = useUseCaseLines();
  const done = status.kind === "done" ? status.result : null;
  const list = (names: readonly string[]): string => names.join(", ");
  return (
    <Card className={styles.card}>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" className={styles.heading}>
            {s.useCaseLinesTitle}
          </Text>
        }
        description={<Text className={styles.description}>{s.useCaseLinesDescription}</Text>}
      />
      {status.kind === "choosing" || status.kind === "working" ? (
        <div role="group" aria-label={s.loadUseCases}>
          {useCases.map((u) => (
            <Checkbox
              key={u.name}
              label={u.recommended ? `${u.name} ${s.recommendedMark}` : u.name}
              checked={chosen.has(u.name)}
              onChange={(_, d) => toggle(u.name, d.checked === true)}
            />
          ))}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() => void add()}
              disabled={disabled || status.kind === "working" || chosen.size === 0}
            >
              {s.addUseCaseLines}
            </Button>
            {status.kind === "working" && <Spinner size="tiny" label={s.addingUseCaseLines} />}
          </div>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button onClick={() => void load()} disabled={disabled}>
            {s.loadUseCases}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {done && (
          <StatusMessage
            intent={done.added.length > 0 ? "success" : "info"}
            lines={[
              ...(done.added.length > 0 ? [fill(s.useCaseLinesAdded, { list: list(done.added) })] : []),
              ...(done.already.length > 0 ? [fill(s.useCaseLinesAlready, { list: list(done.already) })] : []),
              ...(done.notInContribution.length > 0
                ? [fill(s.useCaseLinesNoRoom, { list: list(done.notInContribution) })]
                : []),
            ]}
            onDismiss={dismiss}
          />
        )}
        {status.kind === "needSheets" && (
          <StatusMessage intent="warning" lines={[s.useCaseLinesNeedSheets]} onDismiss={dismiss} />
        )}
        <ErrorMessage
          error={status.kind === "failed" ? status.error : null}
          title={s.useCaseLinesFailed}
          next={s.unexpectedNext}
          onDismiss={dismiss}
        />
      </div>
    </Card>
  );
}
