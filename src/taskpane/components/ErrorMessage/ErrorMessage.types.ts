export interface ErrorMessageProps {
  /** What failed; nothing is shown while it is null or undefined. */
  readonly error: unknown;
  /** The title for a failure other than a build's (a build says which sheet and step). */
  readonly title: string;
  /** What to do next, for a failure other than a build's. */
  readonly next: string;
  /** Shows a Dismiss button when given. */
  readonly onDismiss?: () => void;
}
