/**
 * The templates as data: golden plans (any change to a sheet's layout, formulas, names or formats
 * shows as a readable diff), the portable dialect's function allowlist, names that resolve, and
 * the financial-modelling conventions the templates follow that can be checked without evaluating.
 */
import { parseRange, rangeRows } from "../../src/shared/a1";
import { roiAssumptions } from "../../src/templates/roi";
import { BLANK_TABLE_ROWS } from "../../src/templates/roi-lines";
import { inputCells } from "../../src/templates/cells";
import { planCompleteModel, planModel, TEMPLATES } from "../../src/templates";
import {
  isFormula,
  type PlanCell,
  type SheetPlan,
  TEMPLATE_IDS,
  type TemplateId,
} from "../../src/templates/plan";
import { parseCell, cellAddress } from "../../src/shared/a1";
import { GENAI_FUNCTIONS } from "../../src/host/genai-plugin";
import { SAMPLE_DEPARTMENTS, SAMPLE_USE_CASES } from "../../src/templates/samples";
import { ALL_LOCALES, bundleFor } from "../../src/i18n/bundles";
import { expectGolden } from "../helpers/golden-file";

/**
 * What Excel, LibreOffice 7.4 and HyperFormula all evaluate. LARGE is added: all three evaluate it
 * (checked by the dialect-parity and LibreOffice tests); the Portfolio's PoC cut-offs use it once
 * instead of a COUNTIFS per row, which is quadratic in HyperFormula. RANK (the legacy name, no
 * file-format prefix) is added for the Portfolio's rank: Excel and LibreOffice have it, and the
 * in-memory workbook's plugin gives it to HyperFormula (sorting the range once). ROW locates a
 * unit's row in the live wave formula.
 */
const PORTABLE_FUNCTIONS = new Set([
  "COUNT",
  "LARGE",
  "RANK",
  "ROW",
  "SUM",
  "SUMPRODUCT",
  "INDEX",
  "MATCH",
  "IF",
  "IFERROR",
  "COUNTIF",
  "COUNTIFS",
  "SUMIF",
  "SUMIFS",
  "MIN",
  "MAX",
  "ROUND",
  "NPV",
  "IRR",
  "AND",
  "OR",
  "ABS",
  // The width of a named range (how many weights a required block needs): Excel, LibreOffice
  // 7.4 and HyperFormula 3.5 all evaluate it.
  "COLUMNS",
  // The height of a line table (how many lines the Stress sheet shows): the same three evaluate it.
  "ROWS",
  // Whether a Portfolio score is text ("" or the request for weights) rather than a number: the
  // same three evaluate it, and it is TRUE for a formula's "" in each.
  "ISTEXT",
]);

const options = { data: "sample" as const, currency: "NT$", locale: "en" as const };

/** Every cell of a plan with its A1 address. */
function cellsOf(plan: SheetPlan): { address: string; cell: PlanCell }[] {
  const out: { address: string; cell: PlanCell }[] = [];
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== null) out.push({ address: cellAddress(origin.row + r, origin.column + c), cell });
      }),
    );
  }
  return out;
}

function formulasOf(plan: SheetPlan): { address: string; live: string | null; portable: string | null }[] {
  return cellsOf(plan).flatMap(({ address, cell }) => (isFormula(cell) ? [{ address, ...cell }] : []));
}

const withoutStrings = (formula: string): string => formula.replace(/"(?:[^"]|"")*"/g, '""');

function functionsIn(formula: string): string[] {
  return [...withoutStrings(formula).matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)].map((m) => m[1].toUpperCase());
}

/** Identifiers that are neither functions nor cell references: the workbook names a formula uses. */
function namesIn(formula: string): string[] {
  const text = withoutStrings(formula);
  return [...text.matchAll(/(?<![A-Za-z0-9_.$!])([A-Za-z_][A-Za-z0-9_.]*)(?![A-Za-z0-9_.]*\()/g)]
    .map((m) => m[1])
    .filter((id) => !/^\$?[A-Z]{1,3}\$?\d+$/.test(id) && !/^[A-Z]{1,3}$/.test(id));
}

/** A plan flattened for a readable golden diff: one entry per cell, ranges as lists. */
function readable(plan: SheetPlan): unknown {
  return {
    template: plan.template,
    version: plan.version,
    sheet: plan.sheet,
    cells: Object.fromEntries(
      cellsOf(plan).map(({ address, cell }) => [
        address,
        isFormula(cell)
          ? cell.live === cell.portable
            ? cell.live
            : { live: cell.live, portable: cell.portable }
          : cell,
      ]),
    ),
    names: plan.names.map((n) => `${n.name} = ${n.range}`),
    formats: plan.formats.map((f) => `${f.range}: ${f.format}`),
    styles: plan.styles.map((s) => `${s.range}: ${s.style}`),
    tables: plan.tables.map((t) => `${t.name} = ${t.range}`),
    validations: plan.validations.map((v) => `${v.range}: ${JSON.stringify(v.rule)}`),
    conditionalFormats: plan.conditionalFormats.map((c) => `${c.range}: ${JSON.stringify(c.rule)}`),
    freeze: plan.freeze,
    columnWidths: plan.columnWidths.map((w) => `${w.column}: ${w.width}`),
    charts: plan.charts,
  };
}

describe("golden plans", () => {
  it.each(TEMPLATE_IDS)("pins the %s sheet of the complete model", (id) => {
    const plan = planCompleteModel(options).find((p) => p.template === id);
    expectGolden(`plans/${id}`, readable(plan as SheetPlan));
  });
});

describe("the portable dialect", () => {
  const plans = [
    ...planCompleteModel(options),
    ...TEMPLATE_IDS.map((id) => TEMPLATES[id]({ ...options, linkedTo: [] })),
  ];

  it("uses only the functions Excel, LibreOffice 7.4 and HyperFormula all evaluate", () => {
    for (const plan of plans) {
      for (const f of formulasOf(plan)) {
        if (f.portable === null) continue;
        for (const fn of functionsIn(f.portable)) {
          expect(`${plan.sheet}!${f.address} uses ${fn}`).toBe(
            PORTABLE_FUNCTIONS.has(fn) ? `${plan.sheet}!${f.address} uses ${fn}` : "an allowed function",
          );
        }
      }
    }
  });

  it("uses GENAI functions only in the live dialect, and only ones that exist", () => {
    // The functions the add-in registers (the same table the in-memory workbook evaluates with;
    // test/functions/metadata.test.ts holds it to the built functions.json).
    const genai = new Set(GENAI_FUNCTIONS.map((f) => f.name));
    let live = 0;
    for (const plan of plans) {
      for (const f of formulasOf(plan)) {
        if (f.portable !== null) expect(f.portable).not.toMatch(/GENAI\./i);
        for (const fn of f.live ? functionsIn(f.live) : []) {
          if (fn.startsWith("GENAI.")) {
            live++;
            expect(genai.has(fn)).toBe(true);
          } else {
            expect(PORTABLE_FUNCTIONS.has(fn)).toBe(true);
          }
        }
      }
    }
    expect(live).toBeGreaterThan(0);
  });

  it("gives a native form to every formula except the Monte Carlo results", () => {
    for (const plan of plans) {
      for (const f of formulasOf(plan)) {
        if (f.portable === null) expect(`${plan.sheet}!${f.address}`).toMatch(/^Stress!/);
      }
    }
  });
});

describe("names", () => {
  it("every name a formula uses is defined, in each template alone and in the complete model", () => {
    const check = (plans: SheetPlan[]): void => {
      const defined = new Set(plans.flatMap((p) => p.names.map((n) => n.name.toLowerCase())));
      for (const plan of plans) {
        for (const f of formulasOf(plan)) {
          for (const text of [f.live, f.portable]) {
            for (const name of text ? namesIn(text) : []) {
              expect(`${plan.sheet}!${f.address}: ${name}`).toBe(
                defined.has(name.toLowerCase()) ? `${plan.sheet}!${f.address}: ${name}` : "a defined name",
              );
            }
          }
        }
      }
    };
    check(planCompleteModel(options));
    for (const id of TEMPLATE_IDS) check(planModel([id], options));
  });

  it("are unique across the complete model", () => {
    const names = planCompleteModel(options).flatMap((p) => p.names.map((n) => n.name.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });

  it("link sheets only through names: no formula mentions another sheet", () => {
    for (const plan of planCompleteModel(options)) {
      for (const f of formulasOf(plan)) {
        for (const text of [f.live, f.portable]) if (text) expect(withoutStrings(text)).not.toContain("!");
      }
    }
  });
});

describe("modelling conventions", () => {
  const plans = planCompleteModel(options);

  it("keeps inputs as values: no input cell holds a formula, except a line table's own inputs", () => {
    for (const plan of plans) {
      // A line's value may be the user's driver formula, and its low, high and risk carry default
      // formulas the user overwrites: those inputs live in the Benefits and Costs tables only.
      const lineTables = plan.tables
        .filter((t) => t.name === "Benefits" || t.name === "Costs")
        .map((t) => parseRange(t.range));
      const inLineTable = (row: number, column: number): boolean =>
        lineTables.some((r) => row > r.top && row <= r.bottom && column >= r.left && column <= r.right);
      const formulas = new Set(formulasOf(plan).map((f) => f.address));
      for (const { row, column } of inputCells(plan)) {
        if (inLineTable(row, column)) continue;
        expect(formulas.has(cellAddress(row, column))).toBe(false);
      }
    }
  });

  it("builds the blank variant with no sample inputs but the same formulas", () => {
    const blank = planCompleteModel({ ...options, data: "blank" });
    plans.forEach((plan, i) => {
      if (plan.template === "roi" || plan.template === "stress") return; // their lines differ
      expect(formulasOf(blank[i])).toEqual(formulasOf(plan));
      const blankInputs = inputCells(blank[i]).length;
      expect(blankInputs).toBe(inputCells(plan).length);
    });
    // The ROI sheet: no drivers, no seed wording, BLANK_TABLE_ROWS empty rows per line table, and every name the
    // structure exposes still there (only the sample's drivers are gone).
    const roi = blank.find((p) => p.template === "roi") as SheetPlan;
    const sampleRoi = plans.find((p) => p.template === "roi") as SheetPlan;
    const drivers = roiAssumptions({ ...options, linkedTo: [] })
      .filter((a) => a.block === "drivers")
      .map((a) => a.name);
    expect(roi.names.map((n) => n.name).sort()).toEqual(
      sampleRoi.names
        .map((n) => n.name)
        .filter((n) => !drivers.includes(n))
        .sort(),
    );
    for (const f of formulasOf(roi)) {
      for (const name of drivers)
        expect(`${f.address}: ${f.live ?? ""}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    const text = cellsOf(roi)
      .map((c) => c.cell)
      .filter((c): c is string => typeof c === "string")
      .join(" ");
    expect(text).not.toMatch(/agent|customer-service|churn/i);
    for (const table of roi.tables) expect(rangeRows(parseRange(table.range))).toBe(1 + BLANK_TABLE_ROWS);
  });

  it.each(ALL_LOCALES)("writes none of the seed's wording into a blank model (%s)", (locale) => {
    // The seed's own words: the customer-service case's title, drivers and line labels. A blank
    // model is the user's case, built alone or with any other sheet, in every language.
    const B = bundleFor(locale);
    const seedWords = [
      B.roi.title,
      B.roi.subtitle,
      B.roi.agentsBefore,
      B.roi.agentsAfter,
      B.roi.agentMonthlyCost,
      B.roi.capacityAgents,
      B.roi.customers,
      B.roi.churnReduction,
      B.roi.agentSavings,
      B.roi.agentSavingsBasis,
      B.roi.capacityValue,
      B.roi.retention,
      B.stress.agentSavings,
      B.stress.capacityValue,
      B.stress.retention,
      ...Object.values(B.samples.useCases),
    ];
    const blankOptions = { ...options, locale, data: "blank" as const };
    const builds = [
      ...TEMPLATE_IDS.map((id) => planModel([id], blankOptions)),
      planCompleteModel(blankOptions),
    ];
    for (const build of builds)
      for (const plan of build) {
        const texts = [
          ...cellsOf(plan).flatMap(({ cell }) => (typeof cell === "string" ? [cell] : [])),
          ...plan.charts.map((c) => c.title),
        ];
        for (const word of seedWords)
          expect(`${plan.sheet}: ${texts.filter((t) => t.includes(word)).join(" | ")}`).toBe(
            `${plan.sheet}: `,
          );
        if (locale === "en")
          expect(
            `${plan.sheet}: ${texts.filter((t) => /agent|customer-service|churn/i.test(t)).join(" | ")}`,
          ).toBe(`${plan.sheet}: `);
      }
  });

  it("labels every sheet in Traditional Chinese for zh-TW", () => {
    const zh = planCompleteModel({ ...options, locale: "zh-TW" });
    for (const plan of zh) {
      const title = cellsOf(plan).find((c) => c.address === "A1")?.cell;
      expect(typeof title).toBe("string");
      expect(title as string).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each<[TemplateId, number]>([
    ["portfolio", 5000],
    ["portfolio", 1],
  ])("sizes the %s table to the rows asked for (%i)", (id, rows) => {
    const [plan] = planModel([id], { ...options, rows });
    const table = plan.tables.find((t) => t.name === "UseCases");
    const r = parseRange(table?.range ?? "A1");
    expect(r.bottom - r.top).toBe(rows);
  });
});

describe("the sample portfolio", () => {
  /** The UseCases table's body, columns A–H (the inputs), as plain values. */
  function useCaseInputs(plan: SheetPlan): PlanCell[][] {
    const r = parseRange(plan.tables.find((t) => t.name === "UseCases")?.range ?? "A1");
    const byAddress = new Map(cellsOf(plan).map((c) => [c.address, c.cell]));
    return Array.from({ length: r.bottom - r.top }, (_, i) =>
      Array.from({ length: 8 }, (__, c) => byAddress.get(cellAddress(r.top + 1 + i, r.left + c)) ?? null),
    );
  }

  it("is the ten sample use cases and empty rows for the user, never made-up ones", () => {
    for (const rows of [undefined, 15, 200]) {
      const [plan] = planModel(["portfolio"], { ...options, rows });
      const body = useCaseInputs(plan);
      expect(body.slice(0, SAMPLE_USE_CASES.length).map((row) => row[0])).toEqual(
        SAMPLE_USE_CASES.map((u) => bundleFor("en").samples.useCases[u.id]),
      );
      const rest = body.slice(SAMPLE_USE_CASES.length);
      expect(rest.length).toBeGreaterThan(0);
      expect(rest.flat().every((cell) => cell === null)).toBe(true);
    }
  });

  it("adds generated use cases after the samples only when asked (benchmarks)", () => {
    const [plan] = planModel(["portfolio"], { ...options, rows: 40, generated: true });
    const body = useCaseInputs(plan);
    expect(body.slice(SAMPLE_USE_CASES.length).every((row) => row.every((cell) => cell !== null))).toBe(true);
    const [blank] = planModel(["portfolio"], { ...options, data: "blank", rows: 40, generated: true });
    expect(
      useCaseInputs(blank)
        .flat()
        .every((cell) => cell === null),
    ).toBe(true);
  });

  it.each(["en", "zh-TW"] as const)(
    "puts every use case (%s), sample or generated, in a department the Rollout sheet has",
    (locale) => {
      const departments = new Set(SAMPLE_DEPARTMENTS.map((d) => bundleFor(locale).samples.departments[d.id]));
      const [plan] = planModel(["portfolio"], { ...options, locale, rows: 60, generated: true });
      const used = useCaseInputs(plan).map((row) => row[1]);
      expect(used.filter((d) => !departments.has(d as string))).toEqual([]);
      const rollout = planModel(["rollout"], { ...options, locale })[0];
      const rolloutNames = new Set(cellsOf(rollout).map((c) => c.cell));
      for (const d of departments) expect(rolloutNames.has(d)).toBe(true);
    },
  );
});
