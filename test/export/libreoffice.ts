/**
 * LibreOffice as an independent formula engine: `soffice --headless
 * --convert-to xlsx` with a private profile whose registrymodifications.xcu sets OOXMLRecalcMode
 * to 0 ("always recalculate"), so every formula is computed by LibreOffice on loading, never
 * taken from a cached value. One profile per test run (profiles cannot be shared by parallel runs).
 */
import { execFileSync, spawn } from "child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
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
