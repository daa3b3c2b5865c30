export interface ShareableCopyProps {
  /** While a build runs, the copy waits. */
  readonly disabled?: boolean;
}
