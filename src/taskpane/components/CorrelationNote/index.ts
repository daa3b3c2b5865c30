export { CorrelationNote } from "./CorrelationNote";
