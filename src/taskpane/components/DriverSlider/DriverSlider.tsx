import { Field, Slider, Text } from "@fluentui/react-components";
import type { DriverSliderProps } from "./DriverSlider.types";
import { useDriverSliderStyles } from "./useDriverSliderStyles.styles";

/** One what-if driver: a labelled slider with its current setting beside it. */
export function DriverSlider(props: DriverSliderProps) {
  const { label, hint, unavailable, min, max, position, valueText, onChange } = props;
  const styles = useDriverSliderStyles();
  const disabled = unavailable !== null || position === null;
  return (
    <Field label={label} hint={unavailable ?? hint} className={styles.field}>
      <div className={styles.row}>
        <Slider
          className={styles.slider}
          min={min}
          max={max}
          value={position ?? min}
          disabled={disabled}
          aria-valuetext={disabled ? undefined : valueText}
          onChange={(_, data) => onChange(data.value)}
        />
        <Text className={styles.value} aria-hidden>
          {disabled ? "–" : valueText}
        </Text>
      </div>
    </Field>
  );
}
