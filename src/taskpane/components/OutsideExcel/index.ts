export { OutsideExcel } from "./OutsideExcel";
