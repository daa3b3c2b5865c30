import type { ReactNode } from "react";

export interface KeyFigureProps {
  readonly label: string;
  /** The figure as the sheet shows it; null shows `emptyText` instead. */
  readonly value: string | null;
  /** What to build to see the figure. */
  readonly emptyText: string;
  /** A stable hook for tests (e.g. "summary-annual-roi"), on the element holding the value. */
  readonly testId?: string;
  /** A line under the figure (benchmark, source). */
  readonly detail?: ReactNode;
}
