export { SimulationPanel } from "./SimulationPanel";
