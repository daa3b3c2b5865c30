export { KeyFigure } from "./KeyFigure";
export type { KeyFigureProps } from "./KeyFigure.types";
