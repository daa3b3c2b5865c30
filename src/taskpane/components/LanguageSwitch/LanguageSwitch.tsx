import { useId } from "react";
import { Label, Radio, RadioGroup } from "@fluentui/react-components";
import { type Locale, LOCALES } from "../../../i18n/locale";
import { usePane } from "../../context/pane-context";
import { useLanguageSwitchStyles } from "./useLanguageSwitchStyles.styles";

/**
 * The pane's language: English or Traditional Chinese, each named in itself so a reader of
 * either finds theirs. One compact row (label and both choices) to fit a 320 px pane.
 */
export function LanguageSwitch() {
  const { locale, setLocale, strings } = usePane();
  const styles = useLanguageSwitchStyles();
  const labelId = useId();
  const names: Record<Locale, string> = { en: strings.english, "zh-TW": strings.traditionalChinese };
  return (
    <div className={styles.root}>
      <Label id={labelId} size="small" className={styles.label}>
        {strings.language}
      </Label>
      <RadioGroup
        layout="horizontal"
        aria-labelledby={labelId}
        value={locale}
        onChange={(_, data) => setLocale(data.value as Locale)}
        className={styles.group}
      >
        {LOCALES.map((l) => (
          <Radio key={l} value={l} label={names[l]} lang={l} />
        ))}
      </RadioGroup>
    </div>
  );
}
