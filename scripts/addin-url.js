/**
 * Where the add-in is hosted, as the manifest in dist/ says: a build parameter.
 *
 * manifest.xml in the repository points at the development server (https://localhost:3000/).
 * The production build replaces that address with ADDIN_BASE_URL (an environment variable, or
 * `npm config set addin_base_url ...`, which npm passes as npm_config_addin_base_url). Without
 * it, a production build writes Microsoft's template placeholder (https://www.contoso.com/) and
 * warns: such a dist/ is fine for tests, not for deployment. The release build (`npm run
 * release`) refuses a placeholder, a development address or plain http.
 */
"use strict";

const DEV_URL = "https://localhost:3000/";
const PLACEHOLDER_URL = "https://www.contoso.com/";
/** The support link in manifest.xml: Microsoft's template placeholder until a build sets it. */
const PLACEHOLDER_SUPPORT_URL = "https://www.contoso.com/help";

/** Hosts that mark an address nobody deploys to: Microsoft's template placeholders, documentation domains, this machine. */
const PLACEHOLDER_HOSTS =
  /(^|\.)(contoso\.com|fabrikam\.com|example\.(com|org|net)|localhost)$|^127\.|^\[::1\]$/i;

/** The configured address, or undefined: ADDIN_BASE_URL first, then npm's addin_base_url config. */
function configuredUrl(env = process.env) {
  const value = env.ADDIN_BASE_URL || env.npm_config_addin_base_url || env.npm_package_config_addin_base_url;
  return value && value.trim() !== "" ? value.trim() : undefined;
}

/** Why `url` cannot be a deployed add-in's address, or null when it can. */
function deployableProblem(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not an absolute URL`;
  }
  if (parsed.protocol !== "https:") return `"${url}" is not https (Office loads add-ins over https only)`;
  if (PLACEHOLDER_HOSTS.test(parsed.hostname)) return `"${url}" is a placeholder or development address`;
  if (parsed.search || parsed.hash)
    return `"${url}" has a query or fragment; give the folder that holds taskpane.html`;
  return null;
}

/**
 * The address the manifest in dist/ gets, with a trailing slash.
 * - development: the development server;
 * - release: ADDIN_BASE_URL, which must be deployable (throws otherwise);
 * - production: ADDIN_BASE_URL when set (and deployable), else the placeholder with a warning.
 */
function addinBaseUrl({ dev = false, release = false, env = process.env, warn = console.warn } = {}) {
  if (dev) return DEV_URL;
  const url = configuredUrl(env);
  if (url === undefined) {
    if (release)
      throw new Error(
        "The release build needs the add-in's address: set ADDIN_BASE_URL (for example " +
          "ADDIN_BASE_URL=https://addins.example-corp.net/genai/ npm run release) or " +
          "`npm config set addin_base_url <url>`. Refusing to write a manifest that points at a placeholder.",
      );
    warn(
      `manifest.xml in dist/ points at the placeholder ${PLACEHOLDER_URL}: set ADDIN_BASE_URL to deploy ` +
        "(and build with `npm run release`, which refuses a placeholder).",
    );
    return PLACEHOLDER_URL;
  }
  const problem = deployableProblem(url);
  if (problem !== null) {
    if (release) throw new Error(`ADDIN_BASE_URL: ${problem}. Refusing to write a manifest for it.`);
    warn(`ADDIN_BASE_URL: ${problem}; the manifest in dist/ cannot be deployed.`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * The manifest with the development address replaced by `baseUrl`, and the support link by
 * ADDIN_SUPPORT_URL (the organisation's help page) or, when that is not set, by `baseUrl`.
 * A development build keeps the support placeholder.
 */
function rewriteManifest(content, baseUrl, env = process.env) {
  const text = String(content).replaceAll(DEV_URL, baseUrl);
  if (baseUrl === DEV_URL || baseUrl === PLACEHOLDER_URL) return text;
  const support =
    env.ADDIN_SUPPORT_URL && env.ADDIN_SUPPORT_URL.trim() !== "" ? env.ADDIN_SUPPORT_URL.trim() : baseUrl;
  return text.replaceAll(PLACEHOLDER_SUPPORT_URL, support);
}

/**
 * Throws when a manifest (as written to dist/) still points at a placeholder or development
 * address: the release build's last check, on the file's every URL.
 */
function assertDeployableManifest(content) {
  const urls = [...String(content).matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
  const bad = urls
    .filter((u) => !/schemas\.microsoft\.com|www\.w3\.org/.test(u))
    .map((u) => [u, deployableProblem(u)])
    .filter(([, problem]) => problem !== null);
  if (bad.length > 0)
    throw new Error(`The manifest is not deployable: ${bad.map(([, problem]) => problem).join("; ")}.`);
}

module.exports = {
  DEV_URL,
  PLACEHOLDER_SUPPORT_URL,
  PLACEHOLDER_URL,
  addinBaseUrl,
  assertDeployableManifest,
  configuredUrl,
  deployableProblem,
  rewriteManifest,
};
