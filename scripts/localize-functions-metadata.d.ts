// Types for the CommonJS module next to this file, so TypeScript tests can import it.
import type { Compiler } from "webpack";

export interface FunctionParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: FunctionParameter[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

/** src/i18n/<tag>/functions.json: translations by function id, then by parameter name. */
export type TranslationTable = Record<
  string,
  {
    description?: string;
    result?: string;
    parameters?: Record<string, { name?: string; description?: string }>;
  }
>;

export function localizeMetadata<T extends FunctionsMetadata>(metadata: T, table: TranslationTable): T;
export function pseudoLocalizeMetadata<T extends FunctionsMetadata>(metadata: T): T;
export function metadataFileFor(tag: string): string;
export function languageMetadataPlugins(i18nDir: string): LocalizeFunctionsMetadataPlugin[];
export function findStaleEntries(metadata: FunctionsMetadata, table: TranslationTable): string[];

export class LocalizeFunctionsMetadataPlugin {
  constructor(options: { input?: string; output: string; table?: string; pseudo?: boolean });
  apply(compiler: Compiler): void;
}
