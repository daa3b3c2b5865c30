export { CaseSimulation } from "./CaseSimulation";
