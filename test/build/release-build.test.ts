/**
 * The manifest an organisation deploys: its address is a build parameter (ADDIN_BASE_URL), the
 * release build refuses a placeholder, a development address or plain http, and production
 * builds publish no source maps unless asked. Runs webpack's config (no compilation) and, once,
 * the webpack command line, which must fail before compiling anything.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  addinBaseUrl,
  assertDeployableManifest,
  deployableProblem,
  PLACEHOLDER_URL,
  rewriteManifest,
} from "../../scripts/addin-url";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const DEPLOYED = "https://addins.northwind-corp.net/genai/";

type Config = { devtool: string | false };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  options: { mode: string },
) => Promise<Config>;

/** Runs `body` with ADDIN_BASE_URL (and npm's config for it) set as given, then restores them. */
async function withAddress<T>(url: string | undefined, body: () => Promise<T>): Promise<T> {
  const keys = ["ADDIN_BASE_URL", "npm_config_addin_base_url", "npm_package_config_addin_base_url", "SOURCE_MAPS"];
  const saved = keys.map((k) => process.env[k]);
  for (const k of keys) delete process.env[k];
  if (url !== undefined) process.env.ADDIN_BASE_URL = url;
  try {
    return await body();
  } finally {
    keys.forEach((k, i) => (saved[i] === undefined ? delete process.env[k] : (process.env[k] = saved[i])));
  }
}

describe("the add-in's address", () => {
  const quiet = { warn: () => undefined };

  it.each([
    ["https://www.contoso.com/", "placeholder"],
    ["https://localhost:3000/", "placeholder or development"],
    ["https://addins.example.com/x/", "placeholder"],
    ["http://addins.northwind-corp.net/", "not https"],
    ["addins.northwind-corp.net", "not an absolute URL"],
    ["https://addins.northwind-corp.net/?v=1", "query or fragment"],
  ])("refuses %s in a release build (%s)", (url, why) => {
    expect(deployableProblem(url)).toContain(why);
    expect(() => addinBaseUrl({ release: true, env: { ADDIN_BASE_URL: url }, ...quiet })).toThrow(why);
  });

  it("refuses a release build without an address, and says how to give one", () => {
    expect(() => addinBaseUrl({ release: true, env: {}, ...quiet })).toThrow(/set ADDIN_BASE_URL/);
  });

  it("takes the address from ADDIN_BASE_URL or npm's addin_base_url config, with a trailing slash", () => {
    expect(addinBaseUrl({ release: true, env: { ADDIN_BASE_URL: DEPLOYED.slice(0, -1) } })).toBe(DEPLOYED);
    expect(addinBaseUrl({ release: true, env: { npm_config_addin_base_url: DEPLOYED } })).toBe(DEPLOYED);
  });

  it("lets a test or local production build keep the placeholder, with a warning", () => {
    const warnings: string[] = [];
    expect(addinBaseUrl({ env: {}, warn: (w) => warnings.push(w) })).toBe(PLACEHOLDER_URL);
    expect(warnings.join()).toMatch(/placeholder/);
  });

  it("writes a manifest whose every address is the deployment's, support link included", () => {
    const manifest = rewriteManifest(MANIFEST, DEPLOYED, { ADDIN_SUPPORT_URL: "https://help.northwind-corp.net/genai" });
    expect(manifest).not.toMatch(/localhost|contoso/);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${DEPLOYED}taskpane.html"/>`);
    expect(manifest).toContain('<SupportUrl DefaultValue="https://help.northwind-corp.net/genai"/>');
    expect(() => assertDeployableManifest(manifest)).not.toThrow();
    expect(() => assertDeployableManifest(rewriteManifest(MANIFEST, PLACEHOLDER_URL))).toThrow(/not deployable/);
  });
});

describe("webpack's add-in config", () => {
  it("refuses the release build without an address", async () => {
    await withAddress(undefined, async () => {
      await expect(webpackConfig({ release: true }, { mode: "production" })).rejects.toThrow(/Refusing/);
    });
  });

  it("builds the release with a real address and without source maps; keeps them in development", async () => {
    await withAddress(DEPLOYED, async () => {
      expect((await webpackConfig({ release: true }, { mode: "production" })).devtool).toBe(false);
      expect((await webpackConfig({ release: true, sourceMaps: true }, { mode: "production" })).devtool).toBe(
        "source-map",
      );
      expect((await webpackConfig({}, { mode: "development" })).devtool).toBe("source-map");
    });
  });

  it("`npm run release` without ADDIN_BASE_URL fails before compiling", () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ["ADDIN_BASE_URL", "npm_config_addin_base_url", "npm_package_config_addin_base_url"]) delete env[k];
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", "release", "--output-path", path.join(ROOT, "test-artifacts", "release-refused")],
      { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/Refusing to write a manifest that points at a placeholder/);
    expect(fs.existsSync(path.join(ROOT, "test-artifacts", "release-refused", "manifest.xml"))).toBe(false);
  }, 120_000);
});
