/**
 * A memo of parsed formulas by their relative form, for writing a plan's blocks.
 *
 * HyperFormula caches a formula's syntax tree by its relative form (every A1 reference as an
 * offset from the formula's own cell), so the same formula down 5,000 rows is parsed once. But to
 * find that form it runs its full lexer on every formula's text first, then copies the cached tree
 * to order reversed ranges and lists its dependencies again: for a 5,000-row Portfolio (about 14
 * million characters of formulas) that is most of the time spent writing the cells.
 *
 * This memo computes the relative form itself, with one pass over the text, and hands back the
 * parse of an earlier formula of the same form. Two texts share a key only when they are the same
 * character for character except inside cell references, and each such pair of references has
 * the same anchors ($) and the same offset from its formula's cell: exactly the texts for which
 * HyperFormula's own cache key (its `computeHashFromTokens`) is the same, and so its tree, its
 * dependencies (relative, like the tree) and its flags. Whatever the scan cannot vouch for is left
 * to HyperFormula, unmemoized:
 * - text outside string literals that is not ASCII (HyperFormula's letters include À-ʯ);
 * - error literals (#), structured references ([), apostrophes other than a quoted sheet prefix;
 * - ":" other than between two cell references (column and row ranges are relative too), and a
 *   range whose two ends differ in their anchors (its ends are ordered by absolute position, which
 *   then depends on the formula's cell);
 * - a word with digits that HyperFormula could split into a number and a reference ("1A1").
 * A parse with errors is never kept.
 *
 * The memo only lives while a plan's blocks are written (`during`): HyperFormula resolves sheet
 * names as it parses, so a memo must not outlive the set of sheets it was filled with.
 */
import type { HyperFormula } from "hyperformula";

interface ParseResult {
  readonly errors: readonly unknown[];
}

interface FormulaParser {
  parse(text: string, address: { readonly row: number; readonly col: number }): ParseResult;
}

export interface ParseMemo {
  /** Runs `write` with the memo on, and empties it after. */
  during<T>(write: () => T): T;
}

const NOTHING: ParseMemo = { during: (write) => write() };

/** Code points of the characters the scan treats specially. */
const QUOTE = 34; // "
const APOSTROPHE = 39; // '
const DOLLAR = 36;
const COLON = 58;
const BANG = 33; // !
const LPAREN = 40;
const BACKSLASH = 92;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** HyperFormula's name characters, ASCII part (non-ASCII text has made the scan give up already). */
const isNameChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95 || c === 46;

/** A reference's parts: where it ends, its column and row (0-based) and anchors. */
interface Reference {
  readonly end: number;
  readonly col: number;
  readonly row: number;
  readonly colAbsolute: boolean;
  readonly rowAbsolute: boolean;
}

/** The A1 reference `$?letters$?digits` at `i`, when nothing of a name follows it. */
function referenceAt(text: string, i: number): Reference | null {
  let k = i;
  const colAbsolute = text.charCodeAt(k) === DOLLAR;
  if (colAbsolute) k++;
  let col = 0;
  const lettersFrom = k;
  while (k < text.length && isLetter(text.charCodeAt(k))) {
    col = col * 26 + ((text.charCodeAt(k) | 32) - 96);
    k++;
  }
  if (k === lettersFrom) return null;
  const rowAbsolute = text.charCodeAt(k) === DOLLAR;
  if (rowAbsolute) k++;
  let row = 0;
  const digitsFrom = k;
  while (k < text.length && isDigit(text.charCodeAt(k))) {
    row = row * 10 + text.charCodeAt(k) - 48;
    k++;
  }
  if (k === digitsFrom || k - digitsFrom > 9) return null;
  // HyperFormula's reference must be followed by a character that is not a name's; "A1(" is a
  // function and "A1!" a sheet prefix.
  if (k < text.length) {
    const next = text.charCodeAt(k);
    if (isNameChar(next) || next === LPAREN || next === BANG || next >= 128) return null;
  }
  return { end: k, col: col - 1, row: row - 1, colAbsolute, rowAbsolute };
}

/**
 * The formula's relative form at `address`, or null when the scan cannot vouch for it (see the
 * module's comment). References become `\u0001` + column part + row part, each `$n` (absolute)
 * or an offset; every other character stays as it is.
 */
export function relativeKey(
  text: string,
  address: { readonly row: number; readonly col: number },
): string | null {
  let key = "";
  let copiedTo = 0;
  let i = 0;
  // The previous reference's end and anchors, while a ":" may still join it to the next.
  let lastReferenceEnd = -1;
  let lastAnchors = "";
  let rangePending = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 128 || c === 1) return null;
    if (c === QUOTE) {
      // HyperFormula's string literal: backslash escapes, no doubled quotes inside.
      let k = i + 1;
      while (k < text.length && text.charCodeAt(k) !== QUOTE) k += text.charCodeAt(k) === BACKSLASH ? 2 : 1;
      if (k >= text.length) return null;
      i = k + 1;
      continue;
    }
    if (c === APOSTROPHE) {
      // Only a quoted sheet prefix: 'name'! with '' for a quote (not on a range's second end).
      if (rangePending) return null;
      let k = i + 1;
      for (;;) {
        if (k >= text.length) return null;
        if (text.charCodeAt(k) === APOSTROPHE) {
          if (text.charCodeAt(k + 1) === APOSTROPHE) k += 2;
          else break;
        } else if (text.charCodeAt(k) >= 128) return null;
        else k++;
      }
      if (text.charCodeAt(k + 1) !== BANG) return null;
      i = k + 2;
      continue;
    }
    if (c === 35 /* # */ || c === 91 /* [ */ || c === 93 /* ] */) return null;
    if (c === COLON) {
      if (lastReferenceEnd !== i) return null;
      rangePending = true;
      i++;
      continue;
    }
    if (c === DOLLAR || isLetter(c)) {
      // A reference starts only where a name cannot be running: the scan always consumes whole
      // words, so here the previous character is not a name's.
      const reference = referenceAt(text, i);
      if (reference) {
        const anchors = `${reference.colAbsolute ? 1 : 0}${reference.rowAbsolute ? 1 : 0}`;
        if (rangePending && anchors !== lastAnchors) return null;
        const colPart = reference.colAbsolute ? `$${reference.col}` : `c${reference.col - address.col}`;
        const rowPart = reference.rowAbsolute ? `$${reference.row}` : `r${reference.row - address.row}`;
        key += `${text.slice(copiedTo, i)}\u0001${colPart}${rowPart}\u0001`;
        copiedTo = reference.end;
        i = reference.end;
        lastReferenceEnd = rangePending ? -1 : i;
        lastAnchors = anchors;
        rangePending = false;
        continue;
      }
      if (c === DOLLAR || rangePending) return null;
      // A word (a function, a name, a sheet prefix): kept as it is. One with digits that does not
      // start a reference is a name to HyperFormula too ("Wave1Count"), as it starts with a letter.
      let k = i + 1;
      while (k < text.length && isNameChar(text.charCodeAt(k))) k++;
      i = k;
      continue;
    }
    if (rangePending) return null;
    if (isDigit(c) || c === 46) {
      // A number, E notation included; digits run into letters ("1A1") are refused.
      let k = i;
      while (k < text.length && (isDigit(text.charCodeAt(k)) || text.charCodeAt(k) === 46)) k++;
      if (k < text.length && (text.charCodeAt(k) | 32) === 101 /* e */) {
        k++;
        if (text.charCodeAt(k) === 43 || text.charCodeAt(k) === 45) k++;
        if (!isDigit(text.charCodeAt(k))) return null;
        while (k < text.length && isDigit(text.charCodeAt(k))) k++;
      }
      if (k < text.length && isNameChar(text.charCodeAt(k))) return null;
      i = k;
      continue;
    }
    i++;
  }
  if (rangePending) return null;
  return key + text.slice(copiedTo);
}

const INSTALLED = Symbol("genai.parseMemo");

/**
 * Puts the memo in front of the workbook's formula parser (internal to HyperFormula 3.5; a
 * version of another shape gets no memo, and a test notices). Install it after anything else
 * that rewrites formulas on their way in, so that the memo sees the text as written.
 */
export function installParseMemo(hf: HyperFormula): ParseMemo {
  const holder = hf as unknown as { _parser?: Partial<FormulaParser> & { [INSTALLED]?: ParseMemo } };
  const parser = holder._parser;
  if (!parser || typeof parser.parse !== "function") return NOTHING;
  if (parser[INSTALLED]) return parser[INSTALLED];
  const own: FormulaParser["parse"] = parser.parse.bind(parser);
  const memo = new Map<string, ParseResult>();
  let active = false;
  parser.parse = (text, address) => {
    if (!active) return own(text, address);
    const key = relativeKey(text, address);
    if (key === null) return own(text, address);
    const known = memo.get(key);
    if (known) return known;
    const result = own(text, address);
    if (result.errors.length === 0) memo.set(key, result);
    return result;
  };
  const controller: ParseMemo = {
    during<T>(write: () => T): T {
      if (active) return write();
      active = true;
      try {
        return write();
      } finally {
        active = false;
        memo.clear();
      }
    },
  };
  parser[INSTALLED] = controller;
  return controller;
}
