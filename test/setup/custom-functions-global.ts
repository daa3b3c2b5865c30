/**
 * Excel supplies `CustomFunctions` as a global at run time; tests need a faithful stand-in.
 * Shapes follow @types/custom-functions-runtime.
 */
class CustomFunctionsErrorStandIn extends Error {
  constructor(
    public readonly code: CustomFunctions.ErrorCode,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsErrorStandIn,
  ErrorCode,
  associate: () => undefined,
};
