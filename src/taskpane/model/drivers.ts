/**
 * The what-if sliders' drivers: which workbook input each one writes and how a slider position
 * maps to a value. Rates are set directly (benefit realisation 0–200%, adoption 0–100%); prices
 * are multipliers of the value saved when the pane opened (or after the last build), on a log
 * scale so 0.5× and 2× sit equally far from 1×.
 */
import type { NameValues } from "./summary";
import { figureOf } from "./summary";
import { bounds, REALISATION, SHARE } from "../../engine/inputs";
import { ROI_NAMES } from "../../templates/roi";
import { ROLLOUT_NAMES } from "../../templates/rollout";

export type DriverId = "benefitRealisation" | "adoptionTarget" | "apiPrice" | "peopleCost";
export const DRIVER_IDS: readonly DriverId[] = [
  "benefitRealisation",
  "adoptionTarget",
  "apiPrice",
  "peopleCost",
];

export interface DriverSpec {
  readonly id: DriverId;
  /** Candidate input names, first present wins (the Rollout sheet's company-wide target first). */
  readonly names: readonly string[];
  /** "rate": the slider sets the value; "multiplier": the slider scales the saved value. */
  readonly kind: "rate" | "multiplier";
  /** Slider bounds: a rate as a fraction, a multiplier as a factor. */
  readonly min: number;
  readonly max: number;
}

export const DRIVERS: Record<DriverId, DriverSpec> = {
  benefitRealisation: {
    id: "benefitRealisation",
    names: [ROI_NAMES.benefitRealisation],
    kind: "rate",
    ...bounds(REALISATION),
  },
  adoptionTarget: {
    id: "adoptionTarget",
    names: [ROLLOUT_NAMES.adoptionTargetAll, ROI_NAMES.adoptionTarget],
    kind: "rate",
    ...bounds(SHARE),
  },
  apiPrice: { id: "apiPrice", names: [ROI_NAMES.costPerCall], kind: "multiplier", min: 0.25, max: 4 },
  peopleCost: { id: "peopleCost", names: [ROI_NAMES.fteMonthlyCost], kind: "multiplier", min: 0.5, max: 2 },
};

/** Every name a driver may read. */
export const DRIVER_NAMES: readonly string[] = [...new Set(DRIVER_IDS.flatMap((id) => DRIVERS[id].names))];

/** Slider steps: a rate moves in whole percent, a multiplier in 1/20 of a doubling (about 3.5%). */
const RATE_STEPS = 100;
const LOG_STEPS = 20;

export interface SliderScale {
  readonly min: number;
  readonly max: number;
}

/** The slider's integer range for a driver. */
export function sliderScale(spec: DriverSpec): SliderScale {
  return spec.kind === "rate"
    ? { min: Math.round(spec.min * RATE_STEPS), max: Math.round(spec.max * RATE_STEPS) }
    : { min: Math.round(Math.log2(spec.min) * LOG_STEPS), max: Math.round(Math.log2(spec.max) * LOG_STEPS) };
}

/** A driver's setting (a rate, or a multiplier) at a slider position. */
export function settingAt(spec: DriverSpec, position: number): number {
  return spec.kind === "rate" ? position / RATE_STEPS : 2 ** (position / LOG_STEPS);
}

/** The slider position nearest to a setting, clamped to the slider. */
export function positionOf(spec: DriverSpec, setting: number): number {
  const scale = sliderScale(spec);
  const raw =
    spec.kind === "rate" ? setting * RATE_STEPS : setting > 0 ? Math.log2(setting) * LOG_STEPS : scale.min;
  return Math.min(scale.max, Math.max(scale.min, Math.round(raw)));
}

/** The input value to write for a setting. */
export function valueFor(spec: DriverSpec, setting: number, saved: number | null): number | null {
  if (spec.kind === "rate") return setting;
  return saved === null ? null : saved * setting;
}

/** The current setting from the input's value: the rate, or value / saved. */
export function settingOf(spec: DriverSpec, value: number, saved: number | null): number | null {
  if (spec.kind === "rate") return value;
  return saved !== null && saved > 0 ? value / saved : null;
}

export interface DriverReading {
  /** The input the driver writes, or null when none of its names is in the workbook. */
  readonly name: string | null;
  /** Its current value, when a number. */
  readonly value: number | null;
}

/** Which input a driver uses in this workbook, and its value. */
export function readDriver(spec: DriverSpec, values: NameValues): DriverReading {
  for (const name of spec.names) {
    const f = figureOf(values, name);
    if (f.kind === "missing") continue;
    return { name, value: f.kind === "number" ? f.value : null };
  }
  return { name: null, value: null };
}
