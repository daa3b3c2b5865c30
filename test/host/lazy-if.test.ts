/**
 * The in-memory workbook's IF evaluates only the branch it takes (lazy-if.ts). What it protects:
 * every result is HyperFormula's own eager IF's, value and error alike, on the edge cases
 * (a range in a branch, a range or text as the condition, empty arguments, array mode) and on the
 * whole model.
 */
import { type FunctionPluginDefinition, HyperFormula } from "hyperformula";
import { EAGER_IF_PLUGIN, LazyIfPlugin, registerLazyIf, yieldsScalar } from "../../src/host/lazy-if";
import { MemoryHost } from "../../src/host/memory";
import { planModel } from "../../src/templates/index";
import { snapshot } from "./memory-support";

/** Runs `build` with HyperFormula's own IF registered, then puts the lazy one back. */
function withEagerIf<T>(build: () => T): T {
  HyperFormula.registerFunction("IF", EAGER_IF_PLUGIN as FunctionPluginDefinition);
  try {
    return build();
  } finally {
    HyperFormula.registerFunction("IF", LazyIfPlugin);
  }
}

const FORMULAS = [
  '=IF(A1>0,"yes",A1:A3)',
  '=IF(A1>5,"yes",A1:A3)',
  "=IF(A1>0,A1:A3,2)",
  "=IF(A1>0,A1:A1,2)",
  "=IF(A1:A2>0,1,2)",
  "=IF(A3,1,2)",
  '=IF("TRUE",1,2)',
  "=IF(1/0,1,2)",
  "=IF(A1,1/0,2)",
  "=IF(0,1/0,2)",
  "=IF(A1,B1)",
  "=IF(0,1)",
  "=IF(B1,1,2)",
  "=IF(,1,2)",
  "=IF(A1,,3)",
  "=IF(A1,INDEX(A1:A3,0,1),0)",
  "=IF(A1=1,SUM(A1:A2),MAX(A1:A3))",
  "=IF(A1=2,SUM(A1:A2),(A1:A3))",
  '=IF(A1>0,IF(A2>5,"big",IF(A2>1,"mid","small")),A1:A3)',
  "=IF(A1,ROUND(A2/3,2),COUNT(A1:A3))",
  "=IF(A1,Numbers,0)",
  "=IF(0,Numbers,0)",
  "=SUM(ARRAYFORMULA(IF(A1:A2>1,10,1)))",
  "=IF(A1,1,2,3)",
];

function valuesOf(): unknown[] {
  const hf = HyperFormula.buildFromArray([[1], [2], ["x"]], { licenseKey: "gpl-v3" });
  hf.addNamedExpression("Numbers", "=Sheet1!$A$1:$A$2");
  hf.setCellContents(
    { sheet: 0, row: 0, col: 3 },
    FORMULAS.map((f) => [f]),
  );
  return FORMULAS.map((f, row) => [f, hf.getCellValue({ sheet: 0, row, col: 3 })]);
}

describe("IF in the in-memory workbook", () => {
  beforeAll(() => registerLazyIf());

  it("gives HyperFormula's own results on the edge cases, errors and their messages included", () => {
    const eager = withEagerIf(valuesOf);
    const lazy = valuesOf();
    expect(lazy).toEqual(eager);
    // The cases do reach both paths: some are values, some errors.
    expect(JSON.stringify(eager)).toContain("#VALUE!");
    expect(JSON.stringify(eager)).toContain('"yes"');
  });

  it("skips only branches that cannot be a range", () => {
    const call = (name: string) => ({ type: "FUNCTION_CALL", procedureName: name });
    expect(yieldsScalar({ type: "PLUS_OP" })).toBe(true);
    expect(yieldsScalar(call("ROUND"))).toBe(true);
    expect(yieldsScalar({ type: "PARENTHESES", expression: call("sum") })).toBe(true);
    expect(yieldsScalar(call("INDEX"))).toBe(false);
    expect(yieldsScalar({ type: "CELL_RANGE" })).toBe(false);
    expect(yieldsScalar({ type: "NAMED_EXPRESSION" })).toBe(false);
    expect(yieldsScalar({ type: "PARENTHESES", expression: { type: "CELL_RANGE" } })).toBe(false);
  });

  it("builds the same model as HyperFormula's own IF", async () => {
    const plans = planModel(["portfolio", "rollout", "roi", "stress"], {
      data: "sample",
      locale: "en",
      currency: "NT$",
      rows: 60,
      generated: true,
    });
    const lazy = new MemoryHost();
    const eager = withEagerIf(() => new MemoryHost());
    for (const host of [lazy, eager]) await host.applyPlans(plans, { dialect: "portable" });
    expect(await snapshot(lazy)).toEqual(await snapshot(eager));
    const live = new MemoryHost();
    const liveEager = withEagerIf(() => new MemoryHost());
    for (const host of [live, liveEager]) await host.applyPlans(plans, { dialect: "live" });
    expect(await snapshot(live)).toEqual(await snapshot(liveEager));
  });
});
