/**
 * How the browser suites start: the built preview (dist-preview/) served as `npm start` serves it,
 * Debian's chromium in a fresh persistent profile, and the page's errors collected so a suite can
 * end by expecting none. Where chromium is missing a suite says so and is skipped; with CI=true it
 * fails instead.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startPreviewServer, type PreviewServer } from "../../scripts/preview-server";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium";

export const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");
const CI = Boolean(process.env.CI) && process.env.CI !== "false";

/**
 * `describe` where chromium is installed, `describe.skip` (with a warning) where it is not; under
 * CI a missing chromium throws: CI must install it. `what` names the suite in the message.
 */
export function describeInBrowser(what: string): jest.Describe {
  if (fs.existsSync(CHROMIUM)) return describe;
  const message =
    `${what} needs chromium at ${CHROMIUM} ` +
    "(apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH).";
  if (CI) throw new Error(`${message} CI must install it.`);
  console.warn(`${message} Skipping it on this machine.`);
  return describe.skip;
}

export interface PreviewOptions {
  /** Prefix of the temporary profile folder. */
  readonly profile: string;
  /** Playwright's default timeout for a step (and for launching). */
  readonly stepTimeoutMs: number;
  /** Also count console.error messages as page errors. */
  readonly consoleErrors?: boolean;
  /** Refuse (and report as a page error) any request that is not to the preview server. */
  readonly offline?: boolean;
}

export interface OpenedPreview {
  readonly server: PreviewServer;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors of the page (and, if asked, console errors and refused requests). */
  readonly pageErrors: string[];
  /** Closes the browser and the server and removes the profile; safe to call once more. */
  close(): Promise<void>;
}

/** Serves the built preview and opens chromium on a blank page (not yet at the preview's address). */
export async function openPreview(options: PreviewOptions): Promise<OpenedPreview> {
  if (!fs.existsSync(path.join(ROOT, "dist-preview", "index.html"))) {
    throw new Error("dist-preview/index.html is missing: run `npm run build` first");
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startPreviewServer({ root: ROOT, port: 0 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), options.profile));
  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1440, height: 900 },
      // No tab-indicator animations caught half-way in the screenshots.
      reducedMotion: "reduce",
      timeout: options.stepTimeoutMs,
    });
  } catch (error) {
    await close();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(options.stepTimeoutMs);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  if (options.consoleErrors) {
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`console: ${m.text()} ${m.location().url}`);
    });
  }
  if (options.offline) {
    await context.route(
      (url) => url.hostname !== "localhost" && url.protocol !== "data:" && url.protocol !== "blob:",
      (route) => {
        pageErrors.push(`network request outside localhost: ${route.request().url()}`);
        return route.abort();
      },
    );
  }
  return { server, context, page, pageErrors, close };
}
