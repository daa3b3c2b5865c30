import { Body1, Card, Title3 } from "@fluentui/react-components";
import { useOutsideExcelStyles } from "./useOutsideExcelStyles.styles";

/**
 * Shown when the add-in's page is opened outside Excel: the pane needs a workbook, and the
 * browser preview (which brings its own in-memory workbook) is a different page.
 */
export function OutsideExcel() {
  const styles = useOutsideExcelStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">GenAI Business Case</Title3>
      <Card>
        <Body1 as="p" className={styles.text}>
          This is the Excel add-in&apos;s task pane: it needs Excel. To try it in a browser with a sample
          workbook, run <code className={styles.code}>npm start</code> and open the preview it prints.
        </Body1>
        <Body1 as="p" className={styles.text} lang="zh-TW">
          這是 Excel 增益集的工作窗格,需要在 Excel 中使用。若要在瀏覽器中以範例活頁簿試用,請執行{" "}
          <code className={styles.code}>npm start</code> 並開啟它顯示的預覽網址。
        </Body1>
      </Card>
    </main>
  );
}
