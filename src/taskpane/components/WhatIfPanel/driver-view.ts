/** A driver's label, hint and shown value, in the pane's language and the model's formats. */
import type { Locale } from "../../../i18n/locale";
import type { PaneStrings } from "../../../i18n/bundle";
import type { DriverSliderProps } from "../DriverSlider";
import { DRIVERS, type DriverId, settingAt, sliderScale } from "../../model/drivers";
import { fill, formatMultiplier, formatNumber } from "../../model/format";
import type { DriverState } from "./useWhatIfPanel";
import { ROLLOUT_NAMES } from "../../../templates/rollout";

const LABELS: Record<DriverId, keyof PaneStrings> = {
  benefitRealisation: "benefitRealisation",
  adoptionTarget: "adoptionTarget",
  apiPrice: "apiPrice",
  peopleCost: "peopleCost",
};

export function driverView(
  x: DriverState,
  s: PaneStrings,
  locale: Locale,
  currency: string,
): Omit<DriverSliderProps, "onChange"> {
  const spec = DRIVERS[x.id];
  const scale = sliderScale(spec);
  const saved = (format: "decimal" | "currency"): string =>
    x.saved === null ? "–" : formatNumber(x.saved, format, currency, locale);
  const hints: Record<DriverId, string> = {
    benefitRealisation: s.benefitRealisationHint,
    adoptionTarget:
      x.reading.name === ROLLOUT_NAMES.adoptionTargetAll ? s.adoptionTargetRolloutHint : s.adoptionTargetHint,
    apiPrice: fill(s.apiPriceHint, { saved: saved("decimal") }),
    peopleCost: fill(s.peopleCostHint, { saved: saved("currency") }),
  };
  const unavailable = x.reading.name === null ? s.needInput : x.position === null ? s.needSavedValue : null;
  const setting = x.position === null ? null : settingAt(spec, x.position);
  const valueText =
    setting === null
      ? ""
      : spec.kind === "rate"
        ? formatNumber(setting, "percent", currency, locale)
        : formatMultiplier(setting, locale);
  return {
    label: s[LABELS[x.id]],
    hint: hints[x.id],
    unavailable,
    min: scale.min,
    max: scale.max,
    position: x.position,
    valueText,
  };
}
