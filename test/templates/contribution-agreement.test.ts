/**
 * The ROI sheet's contribution by use case: for each use case typed in the block, the annual
 * benefits, costs, ROI and payback of the lines naming it equal the engine's figures for those
 * lines alone (src/engine/line-items.ts), in both dialects; the block is blank when no line names
 * the use case; and it sits above the line tables at the same rows whatever their length, so a
 * table that grows never moves it.
 */
import { financialSummary, type LineItemCase } from "../../src/engine/line-items";
import type { CellValue } from "../../src/host/workbook-host";
import { parseRange } from "../../src/shared/a1";
import { planModel } from "../../src/templates";
import { CONTRIBUTION_ROWS } from "../../src/templates/roi-contribution";
import type { LineRows } from "../../src/templates/roi-lines";
import { buildCase, generatedLines, read } from "./line-items-support";

const USE_CASES = ["Contract review", "Knowledge search", "Code assistant"];

const close = (actual: CellValue, expected: number): void => {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

/** The generated case with each line given a use case in turn. */
function namedCase(nB: number, nC: number): { rows: LineRows; lines: LineItemCase; useCaseOf: string[][] } {
  const { rows, lines } = generatedLines(nB, nC);
  const benefits = rows.benefits.map((r, i) => ({ ...r, useCase: USE_CASES[i % USE_CASES.length] }));
  const costs = rows.costs.map((r, i) => ({ ...r, useCase: USE_CASES[(i + 1) % USE_CASES.length] }));
  return {
    rows: { benefits, costs },
    lines,
    useCaseOf: [benefits.map((r) => r.useCase), costs.map((r) => r.useCase)],
  };
}

function subset(lines: LineItemCase, useCaseOf: string[][], useCase: string): LineItemCase {
  return {
    ...lines,
    benefits: lines.benefits.filter((_, i) => useCaseOf[0][i] === useCase),
    costs: lines.costs.filter((_, i) => useCaseOf[1][i] === useCase),
  };
}

async function typeUseCases(host: Awaited<ReturnType<typeof buildCase>>, names: string[]): Promise<void> {
  const at = (await host.locateNames(["ContributionUseCases"])).ContributionUseCases;
  if (!at) throw new Error("no ContributionUseCases");
  const top = parseRange(at.address).top + 1;
  await host.writeCells([
    { sheet: at.sheet, address: `A${top}:A${top + names.length - 1}`, values: names.map((n) => [n]) },
  ]);
}

describe.each(["live", "portable"] as const)("contribution by use case (%s dialect)", (dialect) => {
  it("gives each use case the engine's annual benefits, costs, ROI and payback of its own lines", async () => {
    const { rows, lines, useCaseOf } = namedCase(7, 6);
    const host = await buildCase(rows, dialect);
    await typeUseCases(host, [...USE_CASES, "Nobody's use case"]);
    const got = await read(host, [
      "ContributionBenefits",
      "ContributionCosts",
      "ContributionRoi",
      "ContributionPayback",
    ]);
    // The case has a use case that pays back within the horizon, so the crossing is exercised.
    expect(
      USE_CASES.some((u) => typeof financialSummary(subset(lines, useCaseOf, u)).paybackMonths === "number"),
    ).toBe(true);
    USE_CASES.forEach((useCase, i) => {
      const want = financialSummary(subset(lines, useCaseOf, useCase));
      close(got.ContributionBenefits[i], want.annualBenefits);
      close(got.ContributionCosts[i], want.annualCosts);
      if (want.annualRoi === null) expect(got.ContributionRoi[i]).toBe("");
      else close(got.ContributionRoi[i], want.annualRoi);
      if (want.paybackMonths === null) expect(got.ContributionPayback[i]).toBe("Beyond 36 months");
      else close(got.ContributionPayback[i], want.paybackMonths);
    });
    // A use case no line names, and the empty rows below, stay blank.
    for (const name of [
      "ContributionBenefits",
      "ContributionCosts",
      "ContributionRoi",
      "ContributionPayback",
    ])
      expect(got[name].slice(USE_CASES.length)).toEqual(
        new Array(CONTRIBUTION_ROWS - USE_CASES.length).fill(""),
      );
  }, 60_000);

  it("reads blank in the sample, whose lines name no use case", async () => {
    const host = await buildCase(generatedLines(3, 4).rows, dialect);
    await typeUseCases(host, ["Customer service assistant"]);
    const got = await read(host, ["ContributionBenefits", "ContributionRoi", "ContributionPayback"]);
    expect(got.ContributionBenefits).toEqual(new Array(CONTRIBUTION_ROWS).fill(""));
    expect(got.ContributionRoi).toEqual(new Array(CONTRIBUTION_ROWS).fill(""));
    expect(got.ContributionPayback).toEqual(new Array(CONTRIBUTION_ROWS).fill(""));
  }, 60_000);
});

describe("the contribution block's place", () => {
  it("is above the Benefits table and at the same rows for 1 or 40 lines", () => {
    const place = (nB: number, nC: number): { block: string; benefitsTop: number } => {
      const roi = planModel(["roi"], {
        data: "sample",
        currency: "NT$",
        locale: "en",
        lines: generatedLines(nB, nC).rows,
      })[0];
      const block = roi.names.find((n) => n.name === "ContributionPayback")?.range ?? "";
      const table = roi.tables.find((t) => t.name === "Benefits")?.range ?? "";
      return { block, benefitsTop: parseRange(table).top };
    };
    const small = place(1, 1);
    const large = place(40, 12);
    expect(large.block).toBe(small.block);
    expect(parseRange(small.block).bottom).toBeLessThan(small.benefitsTop);
  });
});
