/**
 * Jest runs every test: engine, functions, templates, hosts, task pane (jsdom, per-file docblock),
 * the built bundle's metadata and size, LibreOffice and the browser end-to-end test.
 * Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles
 * (tsconfig has isolatedModules), which keeps the suite fast on two cores.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  setupFiles: ["<rootDir>/test/setup/custom-functions-global.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup/testing-library.ts"],
  moduleNameMapper: {
    // office-addin-manifest pulls ESM-only packages that jest cannot require on Node 20.
    "^office-addin-manifest$": "<rootDir>/test/setup/office-addin-manifest-stub.js",
    // The simulation worker's factory uses import.meta (ES modules only): the tests run in the page.
    "/case-worker-factory$": "<rootDir>/test/setup/case-worker-factory-stub.js",
  },
  testTimeout: 30000,
};
