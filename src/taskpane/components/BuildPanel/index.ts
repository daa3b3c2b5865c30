export { BuildPanel } from "./BuildPanel";
