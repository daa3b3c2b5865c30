export interface DriverSliderProps {
  readonly label: string;
  /** What the driver is and its range; replaced by `unavailable` when the slider is disabled. */
  readonly hint: string;
  /** Why the driver cannot be used (its sheet is missing); null when it can. */
  readonly unavailable: string | null;
  readonly min: number;
  readonly max: number;
  /** The slider position, or null when unavailable. */
  readonly position: number | null;
  /** The setting as shown and announced: "100.0%", "1.25×". */
  readonly valueText: string;
  readonly onChange: (position: number) => void;
}
