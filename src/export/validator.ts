/**
 * Runs tools/xlsx-validator (Microsoft's Open XML SDK validator, a small .NET program) over
 * written files: the CLI's --verbose verdict and the export tests use it. Node only (it spawns
 * `dotnet`); nothing in the task pane imports it.
 *
 * The program is built once with `dotnet build -c Release` and rebuilt only when its sources are
 * newer than the built assembly. Without the .NET SDK, `prepareValidator` says why instead of
 * throwing, so callers can report the check as not run.
 */
import { spawnSync } from "child_process";
import { existsSync, statSync } from "fs";
import { dirname, join } from "path";

export interface ValidationError {
  readonly part: string;
  readonly path: string;
  readonly type: string;
  readonly id: string;
  readonly description: string;
}

export interface ValidationResult {
  readonly file: string;
  /** The file format version validated against, e.g. "Office2019". */
  readonly office: string;
  /** DocumentFormat.OpenXml's version, e.g. "3.3.0". */
  readonly sdk: string;
  readonly errors: readonly ValidationError[];
}

export type PreparedValidator =
  { readonly ok: true; readonly assembly: string } | { readonly ok: false; readonly reason: string };

const PROJECT_FILE = "XlsxValidator.csproj";

/** tools/xlsx-validator, found by walking up from this module (src/export or build/node/src/export). */
export function validatorProject(from: string = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "tools", "xlsx-validator");
    if (existsSync(join(candidate, PROJECT_FILE))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** The .NET SDK's version, or null when `dotnet` is not installed or has no SDK. */
export function dotnetSdkVersion(): string | null {
  const run = spawnSync("dotnet", ["--version"], { encoding: "utf8", env: dotnetEnv() });
  return run.status === 0 ? run.stdout.trim() : null;
}

function dotnetEnv(): NodeJS.ProcessEnv {
  // No first-run banner, no telemetry prompt, no update check on every call.
  return {
    ...process.env,
    DOTNET_CLI_TELEMETRY_OPTOUT: "1",
    DOTNET_NOLOGO: "1",
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE: "1",
  };
}

function newestSource(project: string): number {
  return Math.max(...["Program.cs", PROJECT_FILE].map((f) => statSync(join(project, f)).mtimeMs));
}

/** Builds the validator when needed; says why it cannot when the .NET SDK is missing or the build fails. */
export function prepareValidator(): PreparedValidator {
  const project = validatorProject();
  if (project === null) return { ok: false, reason: "tools/xlsx-validator is not in this installation" };
  const sdk = dotnetSdkVersion();
  if (sdk === null)
    return {
      ok: false,
      reason:
        "the .NET SDK is not installed (`dotnet --version` failed); install it to run the Open XML SDK validator",
    };
  const assembly = join(project, "bin", "Release", "net10.0", "XlsxValidator.dll");
  if (existsSync(assembly) && statSync(assembly).mtimeMs >= newestSource(project))
    return { ok: true, assembly };
  const build = spawnSync("dotnet", ["build", "-c", "Release", "-nologo", "-v", "quiet", project], {
    encoding: "utf8",
    env: dotnetEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  if (build.status !== 0 || !existsSync(assembly))
    return {
      ok: false,
      reason: `building tools/xlsx-validator failed (dotnet ${sdk}): ${(build.stdout + build.stderr).trim().slice(-2000)}`,
    };
  return { ok: true, assembly };
}

/** Validates the files in one run of the program; throws when it cannot run at all. */
export function validateFiles(assembly: string, files: readonly string[]): ValidationResult[] {
  if (files.length === 0) return [];
  const run = spawnSync("dotnet", [assembly, "--json", ...files], {
    encoding: "utf8",
    env: dotnetEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(
      `the validator failed (exit ${run.status ?? run.signal}): ${(run.stderr || run.stdout).trim()}`,
    );
  return run.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as ValidationResult);
}

/** An error as one line: part, XPath, id and description. */
export function describeError(e: ValidationError): string {
  return `${e.part} ${e.path}: ${e.id}: ${e.description}`;
}
