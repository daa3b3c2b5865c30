export { App } from "./App";
export type { AppProps } from "./App.types";
