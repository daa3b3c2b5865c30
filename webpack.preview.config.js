/**
 * The browser preview (`npm run preview`; `npm start` where Excel is not available): the task pane
 * beside a grid of an in-memory workbook, built into dist-preview/. Unlike the add-in (dist/), it
 * bundles HyperFormula (GPL), which computes that workbook; it is a development tool, not shipped
 * to Excel, and needs neither Office.js nor the network.
 *
 * Loaders and module resolution come from webpack.config.js, so both bundles compile the same
 * sources the same way.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const addinConfig = require("./webpack.config.js");

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const addin = await addinConfig({ quiet: true }, options);
  // BENCH_PROFILE=1: a production build that also writes a source map beside each script, unlinked
  // from it (the scripts are the same bytes as without), so a profile of the preview (the
  // benchmark's trace) can name the module each function of the minified code came from.
  const profile = process.env.BENCH_PROFILE === "1";
  return {
    name: "preview",
    // Source maps cost a third of the build time; keep them for development builds, and for
    // production ones only when a profile needs them.
    devtool: dev ? "eval-cheap-module-source-map" : profile ? "hidden-source-map" : false,
    entry: { preview: "./src/preview/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-preview"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: addin.resolve,
    module: addin.module,
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/index.html",
      }),
    ],
    performance: { hints: false },
    // Minified in production (webpack's default; development builds are not): unminified, the
    // page's first script was 4.8 MB, half of it Fluent's icon package whose unused icons only
    // the minifier drops, and loading and compiling it was the page's longest task at start-up.
    optimization: { minimize: !dev },
  };
};
