/**
 * A blank model's Stress sheet before any line is typed: no error anywhere (the simulation's own
 * #VALUE! "benefits is empty" would read as a fault), blank outputs, and where the simulation and
 * the tornado sit, words that say what to enter and where, in the sheet's language and alike in
 * both dialects. What it protects: a fresh blank model that looks broken, and a guard that would
 * hide the simulation once lines are typed.
 */
import { bundleFor } from "../../src/i18n/bundles";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { sheetView } from "../../src/preview/sheet-view";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { planCompleteModel, planModel } from "../../src/templates/index";
import type { Dialect, SheetPlan } from "../../src/templates/plan";
import { ROI_LINE_NAMES } from "../../src/templates/roi";
import { STRESS_NAMES, STRESS_SHEET } from "../../src/templates/stress";

type Locale = "en" | "zh-TW";
const options = (locale: Locale) => ({ data: "blank", currency: "NT$", locale }) as const;
const PLANS = {
  linked: (locale: Locale): SheetPlan[] => planCompleteModel(options(locale)),
  alone: (locale: Locale): SheetPlan[] => planModel(["stress"], options(locale)),
};

/** The words a linked sheet shows: the ROI sheet's tables and columns to type into. */
function linkedWords(locale: Locale): string {
  const [L, R] = [bundleFor(locale).stress, bundleFor(locale).roi];
  return L.linesMissing
    .replace("{sheet}", "ROI")
    .replace("{benefits}", R.benefitsTable)
    .replace("{costs}", R.costsTable)
    .replace("{benefitColumn}", R.annualValue)
    .replace("{costColumn}", R.amount);
}

/** Every non-empty cell of the Stress sheet, by address, as shown. */
function shown(host: MemoryHost): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  sheetView(host, STRESS_SHEET).cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell && cell.value !== null && cell.value !== "") out.set(cellAddress(r, c), cell.value);
    }),
  );
  return out;
}

const errors = (cells: Map<string, CellValue>): [string, CellValue][] =>
  [...cells].filter(([, v]) => typeof v === "string" && v.startsWith("#"));

async function built(kind: keyof typeof PLANS, locale: Locale, dialect: Dialect): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(PLANS[kind](locale), { dialect });
  return host;
}

/** Where the simulation's statistics start: six rows above SimLossProbability, column A. */
async function simulationAnchor(host: MemoryHost): Promise<string> {
  const at = (await host.locateNames([STRESS_NAMES.lossProbability]))[STRESS_NAMES.lossProbability]!;
  return cellAddress(parseRange(at.address).top - 6, 0);
}

describe("a blank model's Stress sheet", () => {
  it.each([
    ["linked", "en"],
    ["linked", "zh-TW"],
    ["alone", "en"],
    ["alone", "zh-TW"],
  ] as const)(
    "shows no error and says what to enter where the outputs sit (%s, %s)",
    async (kind, locale) => {
      const [live, portable] = await Promise.all([
        built(kind, locale, "live"),
        built(kind, locale, "portable"),
      ]);
      const cells = shown(live);
      expect(errors(cells)).toEqual([]);
      expect(shown(portable)).toEqual(cells);
      const L = bundleFor(locale).stress;
      const words = [...cells].filter(([, v]) =>
        kind === "linked"
          ? v === linkedWords(locale)
          : typeof v === "string" && v.includes(L.linesMissingAlone),
      );
      // The simulation's first cell (its other rows blank), and alone the tornado's first line too.
      const anchor = await simulationAnchor(live);
      expect(words.map(([at]) => at)).toEqual(kind === "linked" ? [anchor] : [anchor, expect.any(String)]);
      if (kind === "alone") expect(words[0][1]).toMatch(/Stress!F\d+:F\d+/);
      const loss = (await live.readNames([STRESS_NAMES.lossProbability]))[STRESS_NAMES.lossProbability];
      expect([null, ""]).toContain(loss?.[0]?.[0]);
    },
  );

  it("simulates as soon as a benefit and a cost are typed on the ROI sheet", async () => {
    const [host, portable] = await Promise.all([
      built("linked", "en", "live"),
      built("linked", "en", "portable"),
    ]);
    const anchor = await simulationAnchor(host);
    for (const [table, base] of [
      ["benefits", 1_000_000],
      ["costs", 400_000],
    ] as const)
      for (const h of [host, portable]) {
        const names = ROI_LINE_NAMES[table];
        const typed: [string, CellValue][] = [
          [names.labels, table],
          [names.low, base * 0.8],
          [names.base, base],
          [names.high, base * 1.2],
        ];
        const at = await h.locateNames(typed.map(([name]) => name));
        for (const [name, value] of typed) {
          const r = parseRange(at[name]!.address);
          h.typeAsUser(at[name]!.sheet, cellAddress(r.top, r.left), value);
        }
        // Benefits typed, costs not yet: still the words, no error, the break-even blank, alike
        // in both dialects.
        if (table === "benefits" && h === portable) {
          expect(shown(host).get(anchor)).toBe(linkedWords("en"));
          expect(errors(shown(host))).toEqual([]);
          expect(shown(portable)).toEqual(shown(host));
        }
      }
    const cells = shown(host);
    expect(cells.get(anchor)).toBe("Mean");
    const loss = (await host.readNames([STRESS_NAMES.lossProbability]))[STRESS_NAMES.lossProbability];
    expect(typeof loss?.[0]?.[0]).toBe("number");
    expect(errors(cells)).toEqual([]);
  });

  it("tornadoes and simulates a Stress sheet alone once its bases are typed", async () => {
    const host = await built("alone", "en", "live");
    const labels = (await host.locateNames([STRESS_NAMES.labels]))[STRESS_NAMES.labels]!;
    const r = parseRange(labels.address);
    // The base (column F) of the first benefit and of the first cost (the fourth line).
    host.typeAsUser(STRESS_SHEET, cellAddress(r.top, 5), 1_000_000);
    host.typeAsUser(STRESS_SHEET, cellAddress(r.top + 3, 5), 400_000);
    const cells = shown(host);
    expect(cells.get(await simulationAnchor(host))).toBe("Mean");
    expect(errors(cells)).toEqual([]);
    const L = bundleFor("en").stress;
    expect(
      [...cells.values()].filter((v) => typeof v === "string" && v.includes(L.linesMissingAlone)),
    ).toEqual([]);
  });
});
