import { Body1, Card, Title3 } from "@fluentui/react-components";
import { bundleFor } from "../../../i18n/bundles";
import { LOCALES } from "../../../i18n/locale";
import { useOutsideExcelStyles } from "./useOutsideExcelStyles.styles";

/**
 * Shown when the add-in's page is opened outside Excel: the pane needs a workbook, and the
 * browser preview (which brings its own in-memory workbook) is a different page. Without Office
 * there is no display language to follow, so the notice is given in every language offered.
 */
export function OutsideExcel() {
  const styles = useOutsideExcelStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">{bundleFor("en").pane.appTitle}</Title3>
      <Card>
        {LOCALES.map((locale) => {
          const { meta, pane } = bundleFor(locale);
          const [before, after = ""] = pane.outsideExcel.split("{command}");
          return (
            <Body1 as="p" key={locale} className={styles.text} lang={meta.tag}>
              {before}
              <code className={styles.code}>npm start</code>
              {after}
            </Body1>
          );
        })}
      </Card>
    </main>
  );
}
