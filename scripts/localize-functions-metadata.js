/**
 * Builds each language's custom-function metadata (functions-<tag>.json, the tag in lower case)
 * from the English functions.json that custom-functions-metadata-plugin generates from the JSDoc.
 * Excel picks the file through the manifest's <bt:Override Locale="<tag>"> on
 * Functions.Metadata.Url; autogeneration cannot localize (learn.microsoft.com:
 * custom-functions-naming), so the translations live in a table in the language's folder:
 *
 *   src/i18n/<tag>/functions.json
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
const { pseudoLocalize } = require("./pseudo-locale");

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
 * The pseudo-language's metadata: every description of `metadata` pseudo-localised, the way the
 * pane's qps-ploc bundle is made from the English one, so it cannot fall behind the JSDoc.
 * Parameter names stay: like the function names, they are identifiers in every language.
 */
function pseudoLocalizeMetadata(metadata) {
  const copy = JSON.parse(JSON.stringify(metadata));
  for (const fn of copy.functions || []) {
    if (typeof fn.description === "string") fn.description = pseudoLocalize(fn.description);
    for (const parameter of fn.parameters || []) {
      if (typeof parameter.description === "string") {
        parameter.description = pseudoLocalize(parameter.description);
      }
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
 * Webpack plugin: after the metadata plugin has added functions.json, emit `output` next to it,
 * translated by `table` (a JSON file) or, with `pseudo: true`, pseudo-localised. A missing table
 * or stale entries are warnings (the file then stays partly English); unreadable JSON is an error.
 */
class LocalizeFunctionsMetadataPlugin {
  constructor({ input = "functions.json", output, table, pseudo = false }) {
    if (!table === !pseudo)
      throw new Error(`${PLUGIN_NAME}: give either a table or pseudo: true (${output})`);
    this.input = input;
    this.output = output;
    this.table = table ? path.resolve(table) : undefined;
  }

  /** The localized metadata, with the problems worth a warning. */
  localize(metadata) {
    if (!this.table) return { localized: pseudoLocalizeMetadata(metadata), warnings: [] };
    if (!fs.existsSync(this.table)) {
      return { localized: metadata, warnings: [`${this.table} not found`] };
    }
    const table = JSON.parse(fs.readFileSync(this.table, "utf8"));
    return { localized: localizeMetadata(metadata, table), warnings: findStaleEntries(metadata, table) };
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset(this.input);
          if (!source) return; // The metadata plugin reported its own error.
          // Rebuild in watch mode when the table changes.
          if (this.table) compilation.fileDependencies.add(this.table);
          try {
            const metadata = JSON.parse(source.source.source().toString());
            const { localized, warnings } = this.localize(metadata);
            for (const problem of warnings) {
              compilation.warnings.push(new WebpackError(`${PLUGIN_NAME}: ${problem}`));
            }
            compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(localized, null, 4)));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${error.message}`));
          }
        },
      );
    });
  }
}

/** The metadata file Excel loads for language `tag` (named in the manifest's override). */
function metadataFileFor(tag) {
  return `functions-${tag.toLowerCase()}.json`;
}

/**
 * One plugin per language folder of `i18nDir` other than English (whose metadata is the JSDoc's
 * own functions.json): a folder with a functions.json table is translated by it; a pseudo-language
 * (Office's "qps-" tags) is pseudo-localised; any other folder is a language without its functions'
 * metadata, which fails the build rather than showing English descriptions silently.
 */
function languageMetadataPlugins(i18nDir) {
  return fs
    .readdirSync(i18nDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "en")
    .map(({ name: tag }) => {
      const output = metadataFileFor(tag);
      const table = path.join(i18nDir, tag, "functions.json");
      if (fs.existsSync(table)) return new LocalizeFunctionsMetadataPlugin({ output, table });
      if (tag.toLowerCase().startsWith("qps-"))
        return new LocalizeFunctionsMetadataPlugin({ output, pseudo: true });
      throw new Error(
        `${PLUGIN_NAME}: ${path.join(i18nDir, tag)} has no functions.json for the functions' metadata`,
      );
    });
}

module.exports = {
  localizeMetadata,
  pseudoLocalizeMetadata,
  findStaleEntries,
  metadataFileFor,
  languageMetadataPlugins,
  LocalizeFunctionsMetadataPlugin,
};
