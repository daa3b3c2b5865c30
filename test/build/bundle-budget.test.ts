/**
 * The add-in's task-pane bundle, as Excel downloads it (taskpane.html and the local scripts it
 * references; Office.js comes from Microsoft's CDN and is not counted), stays within 264 kB
 * gzipped, and HyperFormula (GPL, the preview's engine) is in no file of dist/. Lazy chunks are
 * reported, not counted. Runs on the production build: `npm test` builds first; run
 * `npm run build` before running jest alone. The sizes are written to
 * test-artifacts/build/bundle-size.json; `npm run bench` records them in bench/results.json.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  BUNDLE_BUDGET_GZIP_BYTES,
  ENTRY_SCRIPTS,
  localReferences,
  measureAddinBundle,
  type BundleSizes,
} from "../../bench/bundle-size.bench";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const ARTIFACT = path.join(ROOT, "test-artifacts", "build", "bundle-size.json");

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? filesUnder(full).map((file) => path.join(entry.name, file))
      : [entry.name];
  });
}

describe("the add-in bundle budget", () => {
  let sizes: BundleSizes;

  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
      throw new Error("dist/taskpane.html is missing: run `npm run build` first");
    }
    sizes = measureAddinBundle(DIST);
    fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    fs.writeFileSync(ARTIFACT, JSON.stringify(sizes, null, 2) + "\n");
  });

  it("counts taskpane.html and the three entry scripts it loads", () => {
    const counted = sizes.counted.map((f) => f.file);
    expect(counted[0]).toBe("taskpane.html");
    for (const script of ENTRY_SCRIPTS) expect(counted).toContain(script);
  });

  it(`is at most ${BUNDLE_BUDGET_GZIP_BYTES / 1000} kB gzipped (level 9), Office.js excluded`, () => {
    // On failure the whole object prints: which file grew shows at once.
    const files = Object.fromEntries(sizes.counted.map((f) => [f.file, f.gzipBytes]));
    expect({ withinBudget: sizes.totalGzipBytes <= BUNDLE_BUDGET_GZIP_BYTES, total: sizes.totalGzipBytes, files })
      .toMatchObject({ withinBudget: true });
    expect(sizes.pass).toBe(true);
  });

  it("keeps lazily loaded chunks off the page, so they are fetched only when used", () => {
    const referenced = localReferences(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
    for (const chunk of sizes.lazy) expect(referenced).not.toContain(chunk.file);
  });

  it("contains no trace of HyperFormula in any file of dist/", () => {
    const files = filesUnder(DIST);
    expect(files.length).toBeGreaterThan(5);
    const offending = files.filter((file) => {
      const content = fs.readFileSync(path.join(DIST, file)).toString("latin1");
      // A source map embeds the sources' comments, and several say HyperFormula must stay out
      // of this bundle: for maps, what counts is the list of bundled modules.
      const checked = file.endsWith(".map") ? (JSON.parse(content) as { sources: string[] }).sources.join("\n") : content;
      return checked.toLowerCase().includes("hyperformula");
    });
    expect(offending).toEqual([]);
  });

  it("finds local scripts and stylesheets in a page, and ignores the CDN", () => {
    const html = `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
      <script defer src="taskpane.js"></script><script defer="defer" src="./vendors.js?v=1"></script>
      <link href="styles.css" rel="stylesheet"><script src=commands.js></script>`;
    expect(localReferences(html)).toEqual(["taskpane.js", "vendors.js", "styles.css", "commands.js"]);
  });
});
