#!/usr/bin/env node
// The package's command line (`npx genai-roi workbook --out model.xlsx`): a thin shim over the
// CLI compiled to build/node by `npm run build:node` (run by `npm install` through "prepare").
"use strict";
const path = require("path");

const compiled = path.join(__dirname, "..", "build", "node", "src", "export", "cli.js");
let cli;
try {
  cli = require(compiled);
} catch (error) {
  // Only the compiled CLI itself missing means "not built": a module it needs that is missing is a
  // broken build, and Node's own message (with its require stack) says which.
  const first = String(error && error.message).split("\n")[0];
  if (error && error.code === "MODULE_NOT_FOUND" && first.includes(compiled)) {
    console.error("genai-roi: the command line is not built yet. Build it with:\n\n  npm run build:node\n");
    process.exit(1);
  }
  throw error;
}
cli.run(process.argv.slice(2));
