/**
 * `npm stop`: ends what `npm start` began in Excel desktop (office-addin-debugging stops the dev
 * server and unregisters the add-in). The Linux fallback of `npm start` serves in the foreground,
 * so there is nothing to stop from here: Ctrl+C in its terminal ends it.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findBin } from "./start.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = findBin("office-addin-debugging");

if (bin && (process.platform === "win32" || process.platform === "darwin")) {
  const child = spawn(process.execPath, [bin, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" });
  child.on("exit", (code) => (process.exitCode = code ?? 1));
} else {
  console.log(
    "No Excel debugging session to stop: office-addin-debugging only runs on Windows and macOS.\n" +
      "If `npm start` or `npm run preview` is serving in a terminal, press Ctrl+C there.",
  );
}
