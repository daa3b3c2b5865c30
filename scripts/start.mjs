/**
 * `npm start`: on Windows and macOS with office-addin-debugging installed, sideload into Excel
 * desktop as Microsoft's templates do (dev server with trusted certificates, then Excel opens).
 * Anywhere else (Linux, or the optional tools failed to install): build, serve dist/ on localhost
 * and explain how to sideload manifest.xml. Excel does not run on Linux, so this must not crash.
 *
 * Usage: npm start [-- <mode>] [extra office-addin-debugging arguments], mode = desktop | serve.
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
const MODES = ["desktop", "serve"];
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
 * Which start to run. An explicit mode wins (a later issue adds "preview"); otherwise Excel
 * desktop where it can run and the sideloading tool is present, and a plain local server elsewhere.
 */
export function pickMode({ requested, platform, hasDebugging }) {
  if (requested && MODES.includes(requested)) return requested;
  return hasDebugging && (platform === "win32" || platform === "darwin") ? "desktop" : "serve";
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
      "office-addin-debugging is not installed (it is an optional dependency): try `npm start -- serve`.",
    );
    process.exitCode = 1;
    return;
  }
  const code = await run(process.execPath, [bin, "start", "manifest.xml", ...extraArgs]);
  process.exitCode = code;
}

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves files under `dir` only; "/" goes to the task pane. */
function handler(dir) {
  return (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (pathname === "/") {
      response.writeHead(302, { Location: "/taskpane.html" }).end();
      return;
    }
    let file = "";
    try {
      file = path.join(dir, path.normalize(decodeURIComponent(pathname)));
    } catch {
      // Malformed %-escapes: answered as not found below.
    }
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(response);
  };
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

/** Listens on the first free port from `port` up; resolves with the port used. */
function listen(server, port, attemptsLeft = 20) {
  return new Promise((resolve, reject) => {
    server.once("error", (error) => {
      if (error.code === "EADDRINUSE" && attemptsLeft > 1) {
        resolve(listen(server, port + 1, attemptsLeft - 1));
      } else {
        reject(error);
      }
    });
    server.listen(port, "localhost", () => resolve(port));
  });
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
  const certificates = trustedCertificates();
  const server = certificates
    ? https.createServer(certificates, handler(dist))
    : http.createServer(handler(dist));
  const port = await listen(server, FIRST_PORT);
  printInstructions(`${certificates ? "https" : "http"}://localhost:${port}`, Boolean(certificates));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // Browsers keep connections alive; do not wait for them.
  };
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
  else await startServer();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
