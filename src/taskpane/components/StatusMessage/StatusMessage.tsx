import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useStrings } from "../../hooks/useStrings";
import type { StatusMessageProps } from "./StatusMessage.types";
import { useStatusMessageStyles } from "./useStatusMessageStyles.styles";

/** A MessageBar that wraps (multiline) so it fits a 320 px pane, with an optional action and Dismiss. */
export function StatusMessage({ intent, title, lines, action, onDismiss }: StatusMessageProps) {
  const s = useStrings();
  const styles = useStatusMessageStyles();
  return (
    <MessageBar intent={intent} layout="multiline" className={styles.root} data-intent={intent}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {lines.map((line, i) => (
          <p key={i} className={styles.line}>
            {line}
          </p>
        ))}
      </MessageBarBody>
      {(action || onDismiss) && (
        <MessageBarActions>
          {action}
          {onDismiss && (
            <Button size="small" onClick={onDismiss}>
              {s.dismiss}
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
