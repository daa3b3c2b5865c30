import type { PaneStrings } from "../../i18n/bundle";
import { usePane } from "../context/pane-context";

/** The pane's strings in the current language. */
export function useStrings(): PaneStrings {
  return usePane().strings;
}
