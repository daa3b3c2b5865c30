export { SummaryPanel } from "./SummaryPanel";
