export { ShareableCopy } from "./ShareableCopy";
