/**
 * A stand-in for Excel's `CustomFunctions` global where Excel is absent (the browser preview, the
 * CLI). The GENAI wrappers throw `CustomFunctions.Error` to return #VALUE! / #N/A with a message;
 * the in-memory workbook catches it and turns it into a HyperFormula error. In Excel, and in
 * tests whose setup defines the global, this module leaves the existing global alone.
 */

/** Excel's error codes, as @types/custom-functions-runtime spells them. */
const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

/** Defines `globalThis.CustomFunctions` unless something (Excel, a test setup) already has. */
export function ensureCustomFunctionsGlobal(): void {
  const scope = globalThis as unknown as { CustomFunctions?: unknown };
  if (scope.CustomFunctions !== undefined) return;
  scope.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associate: () => undefined,
  };
}

ensureCustomFunctionsGlobal();
