/** What both simulations of the Simulate panel show around a run: its controls and its write to the Stress sheet. */
export { RunControls, type RunControlsProps, type RunProgress } from "./RunControls";
export { WriteResults, type WriteResultsProps } from "./WriteResults";
