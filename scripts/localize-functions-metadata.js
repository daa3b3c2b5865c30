/**
 * Builds the zh-TW custom-function metadata (functions-zh-tw.json) from the English functions.json
 * that custom-functions-metadata-plugin generates from the JSDoc. Excel picks the file through the
 * manifest's <bt:Override Locale="zh-tw"> on Functions.Metadata.Url; autogeneration cannot localize
 * (learn.microsoft.com: custom-functions-naming), so the translations live in a table:
 *
 *   src/i18n/zh-TW/functions.json
 *   { "<FUNCTION_ID>": { "description": "...", "result": "...",
 *                        "parameters": { "<parameter name>": { "name": "...", "description": "..." } } } }
 *
 * Only descriptions and parameter names/descriptions change. Ids, function names (English in every
 * locale, as Excel's own), parameter order, types and options stay as generated, so the two files
 * cannot drift apart. `result` is kept for the pane's hints: functions.json has no result text.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const PLUGIN_NAME = "LocalizeFunctionsMetadataPlugin";

/**
 * A copy of `metadata` with the table's strings in place of the English ones; anything the table
 * lacks (a function, a parameter, a field) stays English. Pure: the inputs are not modified.
 */
function localizeMetadata(metadata, table) {
  const copy = JSON.parse(JSON.stringify(metadata));
  for (const fn of copy.functions || []) {
    const entry = table[fn.id];
    if (!entry) continue;
    if (typeof entry.description === "string") fn.description = entry.description;
    for (const parameter of fn.parameters || []) {
      const translated = entry.parameters && entry.parameters[parameter.name];
      if (!translated) continue;
      if (typeof translated.description === "string") parameter.description = translated.description;
      if (typeof translated.name === "string") parameter.name = translated.name;
    }
  }
  return copy;
}

/**
 * Table entries that match nothing in the metadata (a renamed id or parameter): their text would
 * be silently dropped, so the build reports them.
 */
function findStaleEntries(metadata, table) {
  const stale = [];
  const byId = new Map((metadata.functions || []).map((fn) => [fn.id, fn]));
  for (const [id, entry] of Object.entries(table)) {
    const fn = byId.get(id);
    if (!fn) {
      stale.push(`${id}: no such function id`);
      continue;
    }
    const names = new Set((fn.parameters || []).map((p) => p.name));
    for (const name of Object.keys(entry.parameters || {})) {
      if (!names.has(name)) stale.push(`${id}: no parameter named "${name}"`);
    }
  }
  return stale;
}

/**
 * Webpack plugin: after the metadata plugin has added functions.json, emit `output` next to it.
 * A missing table or stale entries are warnings (the zh-TW file then stays partly English);
 * unreadable JSON is an error.
 */
class LocalizeFunctionsMetadataPlugin {
  constructor({ input = "functions.json", output, table }) {
    this.input = input;
    this.output = output;
    this.table = path.resolve(table);
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset(this.input);
          if (!source) return; // The metadata plugin reported its own error.
          compilation.fileDependencies.add(this.table); // Rebuild in watch mode when it changes.
          const tableExists = fs.existsSync(this.table);
          if (!tableExists) {
            compilation.warnings.push(new WebpackError(`${PLUGIN_NAME}: ${this.table} not found`));
          }
          try {
            const table = tableExists ? JSON.parse(fs.readFileSync(this.table, "utf8")) : {};
            const metadata = JSON.parse(source.source.source().toString());
            for (const problem of findStaleEntries(metadata, table)) {
              compilation.warnings.push(new WebpackError(`${PLUGIN_NAME}: ${problem}`));
            }
            const localized = JSON.stringify(localizeMetadata(metadata, table), null, 4);
            compilation.emitAsset(this.output, new sources.RawSource(localized));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { localizeMetadata, findStaleEntries, LocalizeFunctionsMetadataPlugin };
