import { useId } from "react";
import { Label, Radio, RadioGroup } from "@fluentui/react-components";
import { BUNDLES } from "../../../i18n/bundles";
import { type Locale, LOCALES } from "../../../i18n/locale";
import { usePane } from "../../context/pane-context";
import { useLanguageSwitchStyles } from "./useLanguageSwitchStyles.styles";

/**
 * The pane's language, each named in itself so a reader of any finds theirs. One compact row
 * (label and the choices) to fit a 320 px pane. A pseudo-language is listed only while it is the
 * pane's language (Office set to it).
 */
export function LanguageSwitch() {
  const { locale, setLocale, strings } = usePane();
  const styles = useLanguageSwitchStyles();
  const labelId = useId();
  const choices = LOCALES.includes(locale) ? LOCALES : [...LOCALES, locale];
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
        {choices.map((l) => (
          <Radio key={l} value={l} label={BUNDLES[l].meta.name} lang={l} />
        ))}
      </RadioGroup>
    </div>
  );
}
