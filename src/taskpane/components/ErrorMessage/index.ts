export { ErrorMessage } from "./ErrorMessage";
export type { ErrorMessageProps } from "./ErrorMessage.types";
