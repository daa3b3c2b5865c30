import type { ReactNode } from "react";

export interface StatusMessageProps {
  readonly intent: "success" | "error" | "info" | "warning";
  readonly title?: string;
  /** Paragraphs of the message. */
  readonly lines: readonly string[];
  /** An action beside the message (e.g. "See the summary"). */
  readonly action?: ReactNode;
  /** Shows a Dismiss button when given. */
  readonly onDismiss?: () => void;
}
