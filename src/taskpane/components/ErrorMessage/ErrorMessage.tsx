import { useStrings } from "../../hooks/useStrings";
import { describeError } from "../../model/errors";
import { StatusMessage } from "../StatusMessage";
import type { ErrorMessageProps } from "./ErrorMessage.types";

/**
 * A failure as every panel reports it: what happened and what to do next, with the error's own
 * words as the detail (describeError), in an error MessageBar.
 */
export function ErrorMessage({ error, title, next, onDismiss }: ErrorMessageProps) {
  const s = useStrings();
  if (error === null || error === undefined) return null;
  const failure = describeError(error, s, { title, next });
  return <StatusMessage intent="error" title={failure.title} lines={failure.lines} onDismiss={onDismiss} />;
}
