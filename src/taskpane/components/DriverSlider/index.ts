export { DriverSlider } from "./DriverSlider";
export type { DriverSliderProps } from "./DriverSlider.types";
