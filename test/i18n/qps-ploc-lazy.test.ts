/**
 * The pseudo-language accents a table of English texts only when the table is first read, and
 * keeps it: accenting them all as the module loaded cost the preview page's start-up time for a
 * language only tests and Office set to it show. Counts the calls of the accenting function.
 */
import { pseudoLocalize } from "../../scripts/pseudo-locale";
import type * as PseudoLocale from "../../scripts/pseudo-locale";
import type { Bundle } from "../../src/i18n/bundle";
import { en } from "../../src/i18n/en";
import type * as QpsPloc from "../../src/i18n/qps-ploc";

/** The string leaves of a table. */
const leafCount = (value: unknown): number =>
  typeof value === "string"
    ? 1
    : Object.values(value as object).reduce((n: number, v: unknown) => n + leafCount(v), 0);

describe("The pseudo-language's tables", () => {
  let calls: jest.SpyInstance;
  let qpsPloc: Bundle;

  beforeAll(() => {
    // A fresh copy of both modules, so the count starts at the module's load.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      calls = jest.spyOn(require("../../scripts/pseudo-locale") as typeof PseudoLocale, "pseudoLocalize");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      qpsPloc = (require("../../src/i18n/qps-ploc") as typeof QpsPloc).qpsPloc;
    });
  });

  afterAll(() => calls.mockRestore());

  it("are not accented as the module loads: only the language's name is", () => {
    expect(calls).toHaveBeenCalledTimes(1);
    expect(qpsPloc.meta.officeTags).toEqual(["qps-ploc"]);
    expect(qpsPloc.meta.pseudo).toBe(true);
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it("are accented on a table's first read, that table only, and kept", () => {
    const before = calls.mock.calls.length;
    expect(qpsPloc.pane.appTitle).toBe(pseudoLocalize(en.pane.appTitle));
    expect(calls.mock.calls.length - before).toBe(leafCount(en.pane));
    expect(qpsPloc.pane).toBe(qpsPloc.pane);
    expect(calls.mock.calls.length - before).toBe(leafCount(en.pane));
  });
});
