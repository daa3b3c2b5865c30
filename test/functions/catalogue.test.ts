/**
 * The function catalogue (src/functions/catalogue.ts) is the one declaration of the GENAI
 * functions; this test holds to it what cannot be derived from it: the JSDoc that
 * custom-functions-metadata turns into functions.json (ids, names, parameters, optional flags,
 * dimensionality, documented defaults), the declarations Excel calls, and the README's table.
 * It reads the source with custom-functions-metadata's own parser, so it needs no build.
 */
import * as fs from "fs";
import * as path from "path";
import { parseTree } from "custom-functions-metadata";
import { CATALOGUE, spillSize } from "../../src/functions/catalogue";
import * as declarations from "../../src/functions/functions";

const root = path.join(__dirname, "..", "..");
const source = fs.readFileSync(path.join(root, "src", "functions", "functions.ts"), "utf8");
const parsed = parseTree(source, "functions.ts");

/** The numbers written after "Default" in a description ("10,000" is 10000). */
function documentedNumbers(description: string): number[] {
  const after = description.slice(description.indexOf("Default ") + "Default ".length);
  return (after.match(/-?\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, "")));
}

describe("the function catalogue", () => {
  it("parses functions.ts without errors", () => {
    expect(parsed.extras.flatMap((e) => e.errors)).toEqual([]);
  });

  it("lists the functions functions.ts declares, in its order, with their ids and names", () => {
    expect(CATALOGUE.map((f) => [f.id, f.name])).toEqual(parsed.functions.map((f) => [f.id, f.name]));
  });

  it("names, for each function, the declaration Excel calls", () => {
    const exported = declarations as unknown as Record<string, unknown>;
    for (const f of CATALOGUE) expect(typeof exported[f.declaration]).toBe("function");
    expect(CATALOGUE.map((f) => f.declaration)).toEqual(parsed.extras.map((e) => e.javascriptFunctionName));
    const declared = Object.keys(exported).filter((k) => /^[A-Z][A-Z_]+$/.test(k));
    expect(declared.sort()).toEqual(CATALOGUE.map((f) => f.declaration).sort());
  });

  it.each(CATALOGUE.map((f) => [f.id, f] as const))(
    "%s: parameters, optional flags and dimensionality as the JSDoc declares them",
    (id, f) => {
      const metadata = parsed.functions.find((m) => m.id === id)!;
      expect(f.params.map((p) => [p.name, p.dimensionality, p.optional])).toEqual(
        metadata.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false]),
      );
      // A spilling function declares a matrix result; a single value a scalar one.
      expect(metadata.result?.dimensionality ?? "scalar").toBe(
        f.spill.kind === "value" ? "scalar" : "matrix",
      );
    },
  );

  it.each(CATALOGUE.map((f) => [f.id, f] as const))(
    "%s: each default is the one the JSDoc documents",
    (id, f) => {
      const metadata = parsed.functions.find((m) => m.id === id)!;
      for (const p of f.params) {
        const description = metadata.parameters.find((m) => m.name === p.name)?.description ?? "";
        if (!p.optional) {
          expect([p.name, p.default, p.defaultNote]).toEqual([p.name, undefined, undefined]);
          continue;
        }
        expect([p.name, description]).toEqual([p.name, expect.stringContaining("Default ")]);
        if (typeof p.default === "string") {
          expect(description).toContain(`Default "${p.default}"`);
        } else if (p.default !== undefined) {
          const expected = typeof p.default === "number" ? [p.default] : [...p.default];
          expect([p.name, documentedNumbers(description).slice(0, expected.length)]).toEqual([
            p.name,
            expected,
          ]);
        } else {
          expect([p.name, p.defaultNote]).toEqual([p.name, expect.any(String)]);
          expect(description).toContain(`Default ${p.defaultNote}`);
        }
      }
    },
  );

  it("sizes spills as the functions document them", () => {
    const size = (rows: number, columns: number) => ({ rows, columns });
    const byId = (id: string) => CATALOGUE.find((f) => f.id === id)!;
    expect(spillSize(byId("GENAI_ROI"), [size(3, 1), size(4, 1)])).toEqual(size(1, 1));
    expect(spillSize(byId("QUADRANT"), [size(5, 1), size(1, 1), null])).toEqual(size(5, 1));
    expect(spillSize(byId("ADOPTION"), [size(1, 12), size(4, 1), size(1, 1), null])).toEqual(size(4, 12));
    const simulate = byId("SIMULATE_ROI");
    expect(spillSize(simulate, [size(3, 3), size(4, 3), null, null, null, null, null])).toEqual(size(7, 5));
    expect(spillSize(simulate, [size(3, 3), size(4, 3), null, null, null, null, size(7, 7)])).toEqual(
      size(8, 5),
    );
    expect(spillSize(byId("TORNADO"), [size(3, 3), size(4, 3), null])).toEqual(size(7, 4));
  });
});

describe("the README's function table", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| `(GENAI\.[^`]+)`/gm)].map((m) => m[1]);

  it("lists every function of the catalogue, in its order, with its parameters", () => {
    expect(rows).toEqual(
      CATALOGUE.map(
        (f) => `GENAI.${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
      ),
    );
  });
});
