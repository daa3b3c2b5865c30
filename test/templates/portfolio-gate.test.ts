/**
 * The week-8 gate column in both dialects against the engine's GATE, at every combination of the
 * five criteria below, at and above their thresholds (3^5 = 243 PoCs): the live dialect calls
 * GENAI.GATE, the portable one counts the failures in native functions, so an operator written the
 * wrong way round (≥ for >) or a count that drifts shows here. The sheet's stop rule
 * (GateStopFailures, 3 failed criteria by default) is read by both: a user who changes it sees the
 * same decisions in Excel with the add-in, in the preview and in the portable file.
 */
import { gate, SEED_GATE_THRESHOLDS, type GateMetrics } from "../../src/engine/portfolio";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { planModel } from "../../src/templates";
import { type Dialect } from "../../src/templates/plan";
import { PORTFOLIO_NAMES, PORTFOLIO_SHEET } from "../../src/templates/portfolio";

const t = SEED_GATE_THRESHOLDS;
/** Per criterion: a value that fails, the threshold itself, and one that passes the other side. */
const LEVELS: readonly (readonly [number, number, number])[] = [
  [t.quality - 0.05, t.quality, t.quality + 0.05],
  [t.p95LatencySeconds - 1, t.p95LatencySeconds, t.p95LatencySeconds + 1],
  [t.hallucinationRate - 0.01, t.hallucinationRate, t.hallucinationRate + 0.01],
  [t.timeSaved - 0.1, t.timeSaved, t.timeSaved + 0.1],
  [t.adoptionIntent - 0.1, t.adoptionIntent, t.adoptionIntent + 0.1],
];
const COMBINATIONS: number[][] = Array.from({ length: 3 ** 5 }, (_, n) =>
  LEVELS.map((levels, k) => levels[Math.floor(n / 3 ** k) % 3]),
);

const metricsOf = ([
  quality,
  p95LatencySeconds,
  hallucinationRate,
  timeSaved,
  adoptionIntent,
]: number[]): GateMetrics => ({
  quality,
  p95LatencySeconds,
  hallucinationRate,
  timeSaved,
  adoptionIntent,
});

async function gateColumn(dialect: Dialect): Promise<{
  host: MemoryHost;
  read: () => Promise<CellValue[]>;
  at: (name: string) => Promise<string>;
}> {
  const plans = planModel(["portfolio"], {
    data: "blank",
    currency: "NT$",
    locale: "en",
    rows: COMBINATIONS.length,
  });
  const host = new MemoryHost();
  await host.applyPlans(plans, { dialect });
  const table = parseRange(plans[0].tables.find((x) => x.name === "UseCases")?.range ?? "A1");
  const first = table.top + 1;
  const last = first + COMBINATIONS.length - 1;
  await host.writeCells([
    {
      sheet: PORTFOLIO_SHEET,
      address: `${cellAddress(first, 0)}:${cellAddress(last, 0)}`,
      values: COMBINATIONS.map((_, i) => [`PoC ${i + 1}`]),
    },
    {
      sheet: PORTFOLIO_SHEET,
      address: `${cellAddress(first, 12)}:${cellAddress(last, 16)}`,
      values: COMBINATIONS,
    },
  ]);
  const read = async (): Promise<CellValue[]> =>
    (await host.readRange(PORTFOLIO_SHEET, `${cellAddress(first, 17)}:${cellAddress(last, 17)}`)).map(
      (r) => r[0],
    );
  const at = async (name: string): Promise<string> =>
    ((await host.locateNames([name]))[name]?.address ?? "").split(":")[0].replace(/\$/g, "");
  return { host, read, at };
}

describe.each<Dialect>(["live", "portable"])("the gate decision (%s dialect)", (dialect) => {
  it("is the engine's GATE at every combination of failing, equal and passing metrics", async () => {
    const { read } = await gateColumn(dialect);
    const decisions = await read();
    expect(decisions).toEqual(COMBINATIONS.map((m) => gate(metricsOf(m))));
    // The combinations reach every decision, so none of them is right by accident.
    expect(new Set(decisions)).toEqual(new Set(["Scale", "Iterate", "Stop"]));
  });

  it("follows the sheet's stop rule when the user changes it, from 1 to 5 failed criteria", async () => {
    const { host, read, at } = await gateColumn(dialect);
    const stopCell = await at(PORTFOLIO_NAMES.gateStopFailures);
    for (const stop of [1, 2, 4, 5, 3]) {
      // Typed as a user types over a constant in Excel: the pane's writes keep to input cells.
      host.typeAsUser(PORTFOLIO_SHEET, stopCell, stop);
      const decisions = await read();
      expect(decisions).toEqual(COMBINATIONS.map((m) => gate(metricsOf(m), t, stop)));
      // A different rule gives different decisions: the cell is read, not assumed.
      if (stop !== 3) expect(decisions).not.toEqual(COMBINATIONS.map((m) => gate(metricsOf(m))));
    }
  });

  it("asks for the thresholds in every row while one is blank, and decides again once it is back", async () => {
    const { host, read, at } = await gateColumn(dialect);
    const firstThreshold = await at(PORTFOLIO_NAMES.gateThresholds);
    await host.writeCells([{ sheet: PORTFOLIO_SHEET, address: firstThreshold, values: [[null]] }]);
    expect(new Set(await read())).toEqual(new Set(["Enter the five gate thresholds on Portfolio!H5:L5"]));
    await host.writeCells([{ sheet: PORTFOLIO_SHEET, address: firstThreshold, values: [[t.quality]] }]);
    expect(await read()).toEqual(COMBINATIONS.map((m) => gate(metricsOf(m))));
  });
});
