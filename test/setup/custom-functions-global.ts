/**
 * Excel supplies `CustomFunctions` as a global at run time; tests use the same stand-in as the
 * preview and the CLI (src/host/custom-functions-shim.ts, shaped after
 * @types/custom-functions-runtime).
 */
import "../../src/host/custom-functions-shim";
