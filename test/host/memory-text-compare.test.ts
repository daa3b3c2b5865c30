/**
 * The in-memory workbook compares text as Excel does in `=` and COUNTIF: case-insensitive but
 * accent-sensitive. A preview that matched "Módel" to "Model" would apply a Stress matrix where
 * Excel (and the file a colleague opens) does not. (HyperFormula's lookups, MATCH and VLOOKUP,
 * ignore accents whatever the setting: see docs/excel-parity.md.)
 */
import { MemoryHost } from "../../src/host/memory";

describe("text comparison in the in-memory workbook", () => {
  it("ignores case and keeps accents, in = and COUNTIF", async () => {
    const host = new MemoryHost();
    host.addSheet("Lines", [
      ["Model API", '=A1="MODEL api"', '=A1="Módel API"', '=IF(A2="modèle",1,0)'],
      ["Modèle", '=COUNTIF(A1:A2,"model api")', '=COUNTIF(A1:A2,"Modele")', '=COUNTIF(A1:A2,"MODÈLE")'],
    ]);
    expect(await host.readRange("Lines", "B1:D2")).toEqual([
      [true, false, 1],
      [1, 0, 1],
    ]);
  });
});
