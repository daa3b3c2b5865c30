import { Body1, Card, CardHeader, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
  },
  purpose: {
    color: tokens.colorNeutralForeground2,
  },
});

/** The task pane's first screen: what the add-in is for, and where the model builders will go. */
export function App() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">GenAI Business Case</Title2>
      <Body1 as="p" className={styles.purpose}>
        Turn a GenAI idea into a business case a CFO can sign. The GENAI functions compute ROI, payback,
        costs, use-case scores and Monte Carlo ranges live in your cells: type =GENAI. in any cell to start.
      </Body1>
      <Card>
        <CardHeader
          header={<Text weight="semibold">Model builders arrive in the next release</Text>}
          description="Portfolio, rollout, ROI and stress-test sheets will be built from this pane."
        />
      </Card>
    </main>
  );
}
