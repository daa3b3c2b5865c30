/**
 * The local server behind `npm start` / `npm run preview` (scripts/preview-server.js): the preview
 * at "/", the add-in under "/addin/" and at the manifest's paths, nothing outside the two builds,
 * the next free port when one is taken, and a rebuild only when a source is newer than the build.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { buildNeeded, listen, startPreviewServer, type PreviewServer } from "../../scripts/preview-server";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";

interface ModeQuestion {
  requested?: string;
  platform: NodeJS.Platform;
  hasDebugging: boolean;
}

/** start.mjs's pickMode for each question (an ES module: asked in a child node process). */
function pickModes(questions: readonly ModeQuestion[]): string[] {
  const start = pathToFileURL(path.resolve(__dirname, "../../scripts/start.mjs")).href;
  const script = `import { pickMode } from ${JSON.stringify(start)};
    process.stdout.write(JSON.stringify(${JSON.stringify(questions)}.map(pickMode)));`;
  return JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", script]).toString(),
  ) as string[];
}

function get(
  url: string,
  method = "GET",
): Promise<{
  status: number;
  type: string;
  body: string;
  location?: string;
  headers: http.IncomingHttpHeaders;
}> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers["content-type"] ?? ""),
          body,
          location: response.headers.location,
          headers: response.headers,
        }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

function write(root: string, file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

describe("the preview server", () => {
  let root: string;
  let server: PreviewServer;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "preview-server-"));
    write(root, "dist-preview/index.html", "<title>preview</title>");
    write(root, "dist-preview/preview.abc.js", "console.log(1)");
    write(root, "dist/taskpane.html", "<title>add-in</title>");
    write(root, "dist/functions.json", "{}");
    write(root, "dist/assets/icon-32.png", "png");
    write(root, "secret.txt", "outside");
    server = await startPreviewServer({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("serves the preview at the root, with its URL on localhost", async () => {
    expect(server.url).toBe(`http://localhost:${server.port}/`);
    const page = await get(server.url);
    expect(page).toMatchObject({
      status: 200,
      type: "text/html; charset=utf-8",
      body: "<title>preview</title>",
    });
    expect((await get(`${server.url}preview.abc.js`)).type).toBe("text/javascript; charset=utf-8");
  });

  it("serves the add-in under /addin/ and at the paths the manifest names", async () => {
    expect((await get(`${server.url}addin/taskpane.html`)).body).toBe("<title>add-in</title>");
    expect(await get(`${server.url}addin/`)).toMatchObject({ status: 302, location: "/addin/taskpane.html" });
    expect((await get(`${server.url}taskpane.html`)).body).toBe("<title>add-in</title>");
    expect(await get(`${server.url}functions.json`)).toMatchObject({
      status: 200,
      type: "application/json; charset=utf-8",
    });
    expect(await get(`${server.url}assets/icon-32.png`)).toMatchObject({ status: 200, type: "image/png" });
  });

  it("sends nosniff and no cross-origin permission", async () => {
    for (const url of [server.url, `${server.url}addin/taskpane.html`, `${server.url}missing.js`]) {
      const { headers } = await get(url);
      expect({
        url,
        nosniff: headers["x-content-type-options"],
        cors: headers["access-control-allow-origin"],
      }).toEqual({
        url,
        nosniff: "nosniff",
        cors: undefined,
      });
    }
  });

  it("answers HEAD without a body", async () => {
    expect(await get(server.url, "HEAD")).toMatchObject({ status: 200, body: "" });
  });

  it("serves nothing outside the two builds", async () => {
    for (const bad of [
      "secret.txt",
      "..%2fsecret.txt",
      "addin/..%2f..%2fsecret.txt",
      "%E0%A4%A",
      "missing.js",
    ]) {
      expect({ bad, status: (await get(`${server.url}${bad}`)).status }).toEqual({ bad, status: 404 });
    }
  });

  it("takes the next free port when the first is in use", async () => {
    const other = http.createServer();
    try {
      const port = await listen(other, server.port);
      expect(port).toBeGreaterThan(server.port);
    } finally {
      other.close();
    }
  });

  it("asks for a build when an output is missing or a source is newer, and not otherwise", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "preview-build-"));
    try {
      write(project, "src/a.ts", "export {}");
      expect(buildNeeded(project)).toMatch(/dist-preview\/index.html is missing/);
      write(project, "dist-preview/index.html", "x");
      write(project, "dist/taskpane.html", "x");
      const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
      fs.utimesSync(path.join(project, "src/a.ts"), ago(60), ago(60));
      for (const output of ["dist-preview/index.html", "dist/taskpane.html"])
        fs.utimesSync(path.join(project, output), ago(30), ago(30));
      expect(buildNeeded(project)).toBeUndefined();
      write(project, "src/b.ts", "export {}");
      expect(buildNeeded(project)).toBe("src changed since the last build");
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});

describe("npm start's choice of mode", () => {
  it("opens Excel desktop on Windows and Mac with the sideloading tool, the preview elsewhere", () => {
    const questions: ModeQuestion[] = [
      { platform: "win32", hasDebugging: true },
      { platform: "darwin", hasDebugging: true },
      { platform: "linux", hasDebugging: true },
      { platform: "win32", hasDebugging: false },
      { requested: "serve", platform: "linux", hasDebugging: false },
      { requested: "preview", platform: "darwin", hasDebugging: true },
      { requested: "nonsense", platform: "linux", hasDebugging: false },
    ];
    expect(pickModes(questions)).toEqual([
      "desktop",
      "desktop",
      "preview",
      "preview",
      "serve",
      "preview",
      "preview",
    ]);
  });
});
