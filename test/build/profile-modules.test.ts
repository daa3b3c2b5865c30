/**
 * The preview benchmark's profile names the module each sampled function came from. The preview's
 * production build is minified, so the names come from its source maps (written beside the scripts
 * when BENCH_PROFILE=1): a function is known by the line and column it begins at, and a map's
 * segments say which source each stretch of a line came from. A hand-written map checks the
 * decoding, relative fields and multi-digit values included, and that packages fold into one name.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bundleModules } from "../../bench/chromium-trace";

describe("bundleModules (the profile's module names)", () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "genai-profile-modules-"));
    fs.writeFileSync(path.join(dir, "preview.js"), "x".repeat(300) + "\n" + "y".repeat(300) + "\n");
    fs.writeFileSync(path.join(dir, "other.js"), "z\n");
    fs.writeFileSync(
      path.join(dir, "preview.js.map"),
      JSON.stringify({
        version: 3,
        sources: [
          "webpack://genai-business-case/./src/preview/Grid.tsx",
          "webpack://genai-business-case/../main/node_modules/react-dom/cjs/react-dom.production.min.js",
          "webpack://genai-business-case/webpack/bootstrap",
        ],
        names: [],
        // Line 1: column 2 from Grid.tsx, column 12 from react-dom. Line 2 (columns start again
        // at 0, sources do not): column 0 from the bootstrap, 5 from Grid.tsx, 105 from react-dom
        // (an offset of 100, two Base64 digits).
        mappings: "EAAA,UCAA;ACAA,KFAA,oGCAA",
      }),
    );
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("names the source of the segment a function begins in, packages as the package", () => {
    const moduleOf = bundleModules([path.join(dir, "preview.js"), path.join(dir, "other.js")]);
    expect(moduleOf("preview.js", 1, 2)).toBe("src/preview/Grid.tsx");
    expect(moduleOf("preview.js", 1, 11)).toBe("src/preview/Grid.tsx");
    expect(moduleOf("preview.js", 1, 12)).toBe("react-dom");
    expect(moduleOf("preview.js", 1, 250)).toBe("react-dom");
    expect(moduleOf("preview.js", 2, 0)).toBe("webpack/bootstrap");
    expect(moduleOf("preview.js", 2, 104)).toBe("src/preview/Grid.tsx");
    expect(moduleOf("preview.js", 2, 105)).toBe("react-dom");
  });

  it("names nothing it cannot tell: before a line's first segment, past the map, a script without one", () => {
    const moduleOf = bundleModules([path.join(dir, "preview.js"), path.join(dir, "other.js")]);
    expect(moduleOf("preview.js", 1, 0)).toBeUndefined();
    expect(moduleOf("preview.js", 3, 0)).toBeUndefined();
    expect(moduleOf("other.js", 1, 0)).toBeUndefined();
    expect(moduleOf("unknown.js", 1, 0)).toBeUndefined();
  });
});
