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
  return {
    name: "preview",
    // Source maps cost a third of the build time; keep them for development builds only.
    devtool: dev ? "eval-cheap-module-source-map" : false,
    entry: { preview: "./src/preview/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-preview"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // Each module's path in a comment before it, so a profile of the preview (the benchmark's
      // trace) can name the module a long task's time went to.
      pathinfo: true,
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
    optimization: { minimize: false },
  };
};
