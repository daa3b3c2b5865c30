/**
 * The local static server behind `npm start` (where Excel is not available) and `npm run preview`,
 * shared with the browser end-to-end test: plain http on localhost, no network, no Office.js.
 *
 *   /              the preview (dist-preview/index.html): the task pane beside a workbook grid
 *   /addin/...     the add-in's production build (dist/), for sideloading
 *   /taskpane.html and every other dist/ file also at the root, where the manifest's URLs point
 *
 * CommonJS, so both scripts/start.mjs and the TypeScript tests (ts-jest, CommonJS) can load it.
 */
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** The file `pathname` names under `dir`, or undefined (never a path outside `dir`). */
function fileUnder(dir, pathname) {
  let file;
  try {
    file = path.join(dir, path.normalize(decodeURIComponent(pathname)));
  } catch {
    return undefined; // Malformed %-escapes.
  }
  if (!file.startsWith(dir + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

/**
 * A request handler serving files from `mounts` ([{ prefix: "/addin/", dir }], tried in order;
 * the first mount that has the file answers; a path ending in "/" means its index.html).
 * `redirects` maps exact paths to other paths.
 */
function staticHandler(mounts, redirects = {}) {
  return (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (redirects[pathname]) {
      response.writeHead(302, { Location: redirects[pathname] }).end();
      return;
    }
    const wanted = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
    for (const { prefix, dir } of mounts) {
      if (!wanted.startsWith(prefix)) continue;
      const file = fileUnder(dir, `/${wanted.slice(prefix.length)}`);
      if (!file) continue;
      // Same-origin only (no CORS header: the preview and the add-in are served from here), and
      // the declared type is the type: browsers do not sniff a file into something else.
      response.writeHead(200, {
        "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
      });
      if (request.method === "HEAD") response.end();
      else fs.createReadStream(file).pipe(response);
      return;
    }
    response
      .writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" })
      .end("Not found\n");
  };
}

/** Listens on the first free port from `port` up (20 tries); resolves with the port used. */
function listen(server, port, host = "localhost", attemptsLeft = 20) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      if (error.code === "EADDRINUSE" && attemptsLeft > 1) {
        resolve(listen(server, port + 1, host, attemptsLeft - 1));
      } else {
        reject(error);
      }
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve(server.address().port);
    });
  });
}

/** Where the two builds live. */
function buildDirs(root = ROOT) {
  return { preview: path.join(root, "dist-preview"), addin: path.join(root, "dist") };
}

/** The newest modification time (ms) of the files under `target` (a file or a folder). */
function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

/**
 * Why the builds must be (re)made before serving, or undefined when both are present and newer
 * than every source and build setting.
 */
function buildNeeded(root = ROOT) {
  const { preview, addin } = buildDirs(root);
  const outputs = [path.join(preview, "index.html"), path.join(addin, "taskpane.html")];
  const missing = outputs.find((file) => !fs.existsSync(file));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const built = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const inputs = [
    "src",
    "assets",
    "manifest.xml",
    "package.json",
    "webpack.config.js",
    "webpack.preview.config.js",
  ];
  const changed = inputs.find((input) => newestMtime(path.join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

/**
 * Starts the preview server on `port` or the next free one. Resolves with the server, its port and
 * URL, and `close()`, which also drops kept-alive browser connections.
 */
async function startPreviewServer({ root = ROOT, port = 3000, host = "localhost" } = {}) {
  const { preview, addin } = buildDirs(root);
  const server = http.createServer(
    staticHandler(
      [
        { prefix: "/addin/", dir: addin },
        { prefix: "/", dir: preview },
        { prefix: "/", dir: addin },
      ],
      { "/addin": "/addin/taskpane.html", "/addin/": "/addin/taskpane.html" },
    ),
  );
  const used = await listen(server, port, host);
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { server, port: used, url: `http://localhost:${used}/`, close };
}

module.exports = { CONTENT_TYPES, staticHandler, listen, buildDirs, buildNeeded, startPreviewServer };
