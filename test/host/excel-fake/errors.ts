/** Errors as Office reports them: OfficeExtension.Error's shape, codes and messages. */

export interface DebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation?: string;
  readonly statement?: string;
}

/** Shaped like OfficeExtension.Error ("RichApi.Error"): code, message, debugInfo.errorLocation. */
export class FakeRichApiError extends Error {
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = {
      code,
      message,
      errorLocation,
      statement: errorLocation ? `${errorLocation}(...);` : undefined,
    };
  }
}

/** An error raised while applying an operation; becomes a FakeRichApiError naming the operation. */
export class OpError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function propertyNotLoaded(property: string): FakeRichApiError {
  return new FakeRichApiError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(): OpError {
  return new OpError("ItemNotFound", "The requested resource doesn't exist.");
}

export function itemAlreadyExists(name: string): OpError {
  return new OpError("ItemAlreadyExists", `The resource being created already exists: ${name}`);
}
