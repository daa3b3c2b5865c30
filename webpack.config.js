/**
 * The Excel add-in bundle: Microsoft's Excel-Custom-Functions-Shared template merged with
 * Office-Addin-TaskPane-React. One page, taskpane.html, is the shared runtime: it loads the task
 * pane, the custom functions and the ribbon commands, so there is no functions.html or commands.html.
 *
 * No polyfill entry (the templates add core-js for Internet Explorer 11, which Office still uses
 * for shared runtimes on old Windows builds): React 18 and Fluent UI v9 do not support IE11 anyway.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { languageMetadataPlugins } = require("./scripts/localize-functions-metadata");
const { addinBaseUrl, assertDeployableManifest, rewriteManifest } = require("./scripts/addin-url");

/**
 * Fails the build if a module from a forbidden package is bundled. HyperFormula (GPL, and heavy)
 * belongs to the browser preview and the tests, never to what Excel loads.
 */
class ForbidPackagesPlugin {
  constructor(packages) {
    this.pattern = new RegExp(`[\\\\/]node_modules[\\\\/](${packages.join("|")})[\\\\/]`, "i");
  }

  apply(compiler) {
    const { WebpackError } = compiler.webpack;
    compiler.hooks.compilation.tap("ForbidPackagesPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbidPackagesPlugin", (modules) => {
        const forbidden = (module) => this.pattern.test(module?.resource || "");
        const first = [...modules].find(forbidden);
        if (!first) return;
        // Name the project file that pulled the package in: the first importer outside it.
        let importer = first;
        while (importer && forbidden(importer)) importer = compilation.moduleGraph.getIssuer(importer);
        const via = importer?.resource ? path.relative(__dirname, importer.resource) : "an entry";
        const message = `${first.resource.match(this.pattern)[1]} must not be in the add-in bundle (imported by ${via})`;
        compilation.errors.push(new WebpackError(message));
      });
    });
  }
}

/**
 * HTTPS options for `webpack serve` from office-addin-dev-certs (an optional dependency), or
 * undefined for plain http. Excel needs https with a trusted certificate, but on Linux without
 * sudo the package cannot install its CA, and Excel does not run there anyway.
 */
async function devServerHttpsOptions() {
  try {
    const { getHttpsServerOptions } = require("office-addin-dev-certs");
    const { ca, key, cert } = await getHttpsServerOptions();
    return { ca, key, cert };
  } catch (error) {
    console.warn(`Serving plain http: no trusted development certificate (${error.message.split("\n")[0]}).`);
    return undefined;
  }
}

/**
 * `env.release` (npm run release): the build an organisation deploys. The manifest's address is
 * ADDIN_BASE_URL and must not be a placeholder (scripts/addin-url.js); the build fails otherwise.
 * Source maps are written for development builds, and for production ones only when asked
 * (`--env sourceMaps` or SOURCE_MAPS=1): deployed files do not publish the sources.
 */
module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const release = Boolean(env.release);
  // The preview's config reads this one for its loaders: no manifest warning from it.
  const baseUrl = addinBaseUrl({ dev, release, warn: env.quiet ? () => undefined : console.warn });
  const sourceMaps = dev || Boolean(env.sourceMaps) || process.env.SOURCE_MAPS === "1";
  const https = env.WEBPACK_SERVE ? await devServerHttpsOptions() : undefined;
  return {
    devtool: sourceMaps ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest points at functions.js.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is done once by `tsc --noEmit` in npm test; the bundle only transpiles.
          use: { loader: "ts-loader", options: { configFile: "tsconfig.json", transpileOnly: true } },
        },
      ],
    },
    plugins: [
      // Generates functions.json from the JSDoc (errors fail the build) and appends the
      // CustomFunctions.associate(...) calls to functions.ts: the sources contain none.
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // functions-<tag>.json for every other language folder of src/i18n (the manifest's overrides).
      ...languageMetadataPlugins(path.resolve(__dirname, "src/i18n")),
      // The shared runtime: the task pane page also runs the functions and the commands.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "taskpane", "functions", "commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) return content;
              const manifest = rewriteManifest(content, baseUrl);
              if (release) assertDeployableManifest(manifest);
              return manifest;
            },
          },
        ],
      }),
      new ForbidPackagesPlugin(["hyperformula"]),
    ],
    // One webpack runtime for the three entries of the shared runtime: without it each entry
    // initialises its own copy of every module it imports, and the message language the pane
    // sets (functions/boundary.ts) would never reach the custom functions in functions.js.
    // taskpane.html runs the three entries in one page (the shared runtime): one webpack runtime,
    // and the modules two of them use (the engine, the messages) in one chunk, not copied into each.
    optimization: {
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: { shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true } },
      },
    },
    performance: { hints: false },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
