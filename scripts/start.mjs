/**
 * `npm start`: on Windows and macOS with office-addin-debugging installed, sideload into Excel
 * desktop as Microsoft's templates do (dev server with trusted certificates, then Excel opens).
 * Anywhere else (Linux, or the optional tools failed to install): the browser preview, the real
 * task pane beside a grid of an in-memory workbook, built if needed and served on
 * http://localhost:3000/ (or the next free port), with the add-in's dist/ under the same server
 * for sideloading. Excel does not run on Linux, so this must not crash. `npm run preview` starts
 * the preview anywhere.
 *
 * Usage: npm start [-- <mode>] [extra office-addin-debugging arguments],
 * mode = desktop | preview | serve (serve: only the add-in's dist/, as before the preview existed).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const MODES = ["desktop", "preview", "serve"];
const { buildNeeded, listen, staticHandler, startPreviewServer } = require("./preview-server.js");
const FIRST_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

/** The path of a package's command-line entry, or undefined when the package is not installed. */
export function findBin(packageName, binName = packageName) {
  try {
    const manifestPath = require.resolve(`${packageName}/package.json`, { paths: [root] });
    const { bin } = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
    const relative = typeof bin === "string" ? bin : bin?.[binName];
    return relative ? path.join(path.dirname(manifestPath), relative) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which start to run. An explicit mode wins; otherwise Excel desktop where it can run and the
 * sideloading tool is present, and the browser preview elsewhere.
 */
export function pickMode({ requested, platform, hasDebugging }) {
  if (requested && MODES.includes(requested)) return requested;
  return hasDebugging && (platform === "win32" || platform === "darwin") ? "desktop" : "preview";
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function startDesktop(extraArgs) {
  const bin = findBin("office-addin-debugging");
  if (!bin) {
    console.error(
      "office-addin-debugging is not installed (it is an optional dependency): try `npm run preview` or `npm start -- serve`.",
    );
    process.exitCode = 1;
    return;
  }
  const code = await run(process.execPath, [bin, "start", "manifest.xml", ...extraArgs]);
  process.exitCode = code;
}

/**
 * office-addin-dev-certs' key and certificate, when its CA is installed and they are valid: only a
 * trusted certificate helps (Excel and browsers reject others). Linux without sudo has none.
 */
function trustedCertificates() {
  try {
    const devCerts = require("office-addin-dev-certs");
    if (!devCerts.verifyCertificates()) return undefined;
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const [key, cert] = ["localhost.key", "localhost.crt"].map((name) =>
      fs.readFileSync(path.join(dir, name)),
    );
    return { key, cert };
  } catch {
    return undefined; // The optional package is missing or cannot check: serve plain http.
  }
}

function printInstructions(url, secure) {
  const manifest = path.join(root, "manifest.xml");
  console.log(`
GenAI Business Case is built in dist/ and served at:

  ${url}/taskpane.html
${
  secure
    ? ""
    : `
  (plain http: no development certificate here. The page opens in a browser, but Excel only
  loads add-ins over https from a trusted certificate.)
`
}
Excel cannot run on this machine (${process.platform}). To use the add-in in Excel, sideload
${manifest}
(it points at https://localhost:3000/, served by \`npm run dev-server\` with trusted certificates):

  Windows / Mac desktop: install the dependencies there and run \`npm start\`; it uses
    office-addin-debugging to trust a certificate, start the server and open Excel with the add-in.
    By hand: Windows, share a folder with manifest.xml and add it as a Trusted Add-in Catalog;
    Mac, copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/.
  Excel on the web: with \`npm run dev-server\` running on your computer, open a workbook, choose
    Home > Add-ins > More Settings > Upload My Add-in, and pick manifest.xml.

Press Ctrl+C to stop.
`);
}

/** Serves only the add-in's dist/ ("/" goes to the task pane), over https when a trusted certificate exists. */
async function startServer() {
  const build = await run(process.execPath, [
    require.resolve("webpack-cli/bin/cli.js"),
    "--mode",
    "production",
  ]);
  if (build !== 0) {
    console.error("The build failed; nothing to serve.");
    process.exitCode = build;
    return;
  }
  const dist = path.join(root, "dist");
  const handler = staticHandler([{ prefix: "/", dir: dist }], { "/": "/taskpane.html" });
  const certificates = trustedCertificates();
  const server = certificates ? https.createServer(certificates, handler) : http.createServer(handler);
  const port = await listen(server, FIRST_PORT);
  printInstructions(`${certificates ? "https" : "http"}://localhost:${port}`, Boolean(certificates));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // Browsers keep connections alive; do not wait for them.
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** The same two builds as `npm run build`: the add-in (dist/) and the preview (dist-preview/). */
const BUILD_ARGS = [
  "--mode",
  "production",
  "--config",
  "webpack.config.js",
  "--config",
  "webpack.preview.config.js",
];

async function startPreview() {
  const reason = process.env.PREVIEW_REBUILD ? "PREVIEW_REBUILD is set" : buildNeeded(root);
  if (reason) {
    console.log(`Building the add-in and the preview (${reason}); this takes about a minute...`);
    const build = await run(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), ...BUILD_ARGS]);
    if (build !== 0) {
      console.error("The build failed; nothing to serve.");
      process.exitCode = build;
      return;
    }
  } else {
    console.log("dist/ and dist-preview/ are up to date: serving them (PREVIEW_REBUILD=1 forces a build).");
  }
  const preview = await startPreviewServer({ root, port: FIRST_PORT });
  const base = preview.url.replace(/\/$/, "");
  console.log(`
GenAI Business Case, running without Excel (${process.platform}):

  Preview: ${preview.url}

The real task pane beside a grid of an in-memory workbook (HyperFormula): build the complete
model, edit the blue input cells, switch scenarios and run simulations; everything recalculates in
the browser, with no network and no Office.js.

The add-in itself (dist/) is served at ${base}/addin/taskpane.html; manifest.xml points at
https://localhost:3000/, which \`npm run dev-server\` serves with trusted certificates. Excel cannot
run here: sideload manifest.xml from Windows, Mac or Excel on the web (see README.md).

Press Ctrl+C to stop.
`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function main() {
  const [requested, ...rest] = process.argv.slice(2);
  const explicit = MODES.includes(requested);
  const mode = pickMode({
    requested: explicit ? requested : undefined,
    platform: process.platform,
    hasDebugging: findBin("office-addin-debugging") !== undefined,
  });
  const extraArgs = explicit ? rest : process.argv.slice(2);
  if (mode === "desktop") await startDesktop(extraArgs);
  else if (mode === "preview") await startPreview();
  else await startServer();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
