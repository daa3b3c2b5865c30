/**
 * LibreOffice as an independent formula engine: `soffice --headless
 * --convert-to xlsx` with a private profile whose registrymodifications.xcu sets OOXMLRecalcMode
 * to 0 ("always recalculate"), so every formula is computed by LibreOffice on loading, never
 * taken from a cached value. One profile per test run (profiles cannot be shared by parallel runs).
 */
import { execFileSync, spawn } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { pathToFileURL } from "url";

/** The soffice executable on PATH, or null. */
export function findSoffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    try {
      const path = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (path) return path;
    } catch {
      // not on PATH
    }
  }
  return null;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** What a LibreOffice test works with: soffice, its own folder and a recalculating profile. */
export interface LibreOfficeSession {
  readonly soffice: string;
  /** A fresh temporary folder, made before the tests and removed after them. */
  folder: string;
  /** A profile from makeRecalculatingProfile, made before the tests and removed after them. */
  profile: string;
}

/**
 * Declares a test file's LibreOffice tests: `body` runs inside `describe(title)` with a session
 * whose folder (named from `prefix`) and profile are ready before any of the body's own hooks run
 * (one profile per file: the file's LibreOffice runs go one after another). Without soffice, on CI
 * one test fails and says so (the check cannot be skipped there); elsewhere one skipped test says
 * what did not run.
 */
export function describeWithLibreOffice(
  title: string,
  prefix: string,
  body: (office: LibreOfficeSession) => void,
): void {
  const soffice = findSoffice();
  if (!soffice) {
    if (process.env.CI === "true")
      it(`finds LibreOffice (soffice) on CI for: ${title}`, () => {
        throw new Error("soffice is not installed: .ci/run installs libreoffice-calc-nogui.");
      });
    else {
      console.warn(
        `LibreOffice (soffice) is not installed: skipping "${title}". ` +
          "Install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui",
      );
      it.skip(`${title} (soffice not installed)`, () => undefined);
    }
    return;
  }
  describe(title, () => {
    const office: LibreOfficeSession = { soffice, folder: "", profile: "" };
    beforeAll(() => {
      office.folder = mkdtempSync(join(tmpdir(), prefix));
      office.profile = makeRecalculatingProfile();
    });
    afterAll(() => {
      for (const path of [office.folder, office.profile])
        if (path) rmSync(path, { recursive: true, force: true });
    });
    body(office);
  });
}

/** A fresh temporary folder with a LibreOffice profile that recalculates every file it loads. */
export function makeRecalculatingProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), "genai-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return profile;
}

/**
 * Opens `input` in LibreOffice (recalculating everything) and saves it as .xlsx into `outDir`;
 * returns the path of the result. Rejects with LibreOffice's output on failure.
 */
export async function recalculate(
  soffice: string,
  profile: string,
  input: string,
  outDir: string,
  timeoutMs = 120_000,
): Promise<string> {
  return (await recalculateAll(soffice, profile, [input], outDir, timeoutMs))[0];
}

/**
 * recalculate for several files in one LibreOffice process (its start-up is most of the cost of
 * a small file). The inputs must have distinct file names.
 */
export function recalculateAll(
  soffice: string,
  profile: string,
  inputs: readonly string[],
  outDir: string,
  timeoutMs = 120_000 * inputs.length,
): Promise<string[]> {
  const args = [
    "--headless",
    "--norestore",
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--convert-to",
    "xlsx",
    "--outdir",
    outDir,
    ...inputs,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`soffice timed out after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const converted = output.match(/convert .* -> /g) ?? [];
      if (code === 0 && converted.length === inputs.length)
        resolve(inputs.map((input) => join(outDir, basename(input))));
      else reject(new Error(`soffice exited with ${code}:\n${output}`));
    });
  });
}
