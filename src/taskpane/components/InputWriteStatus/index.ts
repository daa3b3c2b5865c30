export { InputWriteStatus } from "./InputWriteStatus";
