export { AddLine } from "./AddLine";
