// Types for the CommonJS module next to this file, so TypeScript can import it.
export function pseudoLocalize(text: string): string;
export function isPseudo(text: string): boolean;
export const OPEN: string;
export const CLOSE: string;
