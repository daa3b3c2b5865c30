// Lints small files given on stdin ([{ path, code }]) with the repository's ESLint configuration,
// as if each lay at its path, and prints each file's messages as JSON. Type information is left
// out (the fixtures are not on disk for the TypeScript project to find): the house rules are
// syntactic, so they fire without it. Run by house-rules.test.ts in a child process, because the
// configuration is an ES module that jest's CommonJS runtime cannot import.
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";

const input = await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
});
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [{ files: ["**/*.{ts,tsx}"], ...tseslint.configs.disableTypeChecked }],
});
const out = [];
for (const { path, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: path });
  out.push({ path, messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })) });
}
process.stdout.write(JSON.stringify(out));
