/**
 * A Problem's message in a language (the tables live in each language's bundle). Parameters are
 * filled from the Problem's params: {argument} is the Excel parameter name, as typed in the
 * formula; {row}/{column} are 1-based positions inside that argument's range.
 */
import type { Problem, ProblemKey, ProblemParams } from "../engine/problem";
import type { MessageWords } from "./bundle";
import { bundleFor } from "./bundles";
import type { Locale } from "./locale";

/** Stands for an empty cell or an omitted argument in a {got} parameter. */
export const BLANK = "\u0000blank";

function fillIn(template: string, params: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** "costs", "costs row 3", "impact row 2, column 1" in the language's words. */
function where(params: ProblemParams, words: MessageWords): string {
  const argument = String(params.argument ?? "");
  const { row, column } = params;
  const position = [
    row !== undefined ? fillIn(words.row, { row }) : "",
    column !== undefined ? fillIn(words.column, { column }) : "",
  ]
    .filter(Boolean)
    .join(words.between);
  return position ? fillIn(words.at, { argument, position }) : argument;
}

/** The names of what a range's values stand for (a {meaning} parameter). */
export type Meaning = keyof MessageWords["meanings"];

function meaningIn(words: MessageWords, key: string): string {
  return key in words.meanings ? words.meanings[key as Meaning] : key;
}

/** The message of a problem in the given language. */
export function formatProblem(problem: Problem, locale: Locale = "en"): string {
  const bundle = bundleFor(locale);
  const template = bundle.messages[problem.key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "where") return where(problem.params, bundle.messageWords);
    const value = problem.params[name];
    if (value === undefined) return `{${name}}`;
    if (value === BLANK) return bundle.messageWords.blank;
    // A meaning is a key of the language's table (text of another kind stays as given).
    if (name === "meaning") return meaningIn(bundle.messageWords, String(value));
    return String(value);
  });
}

export function messageKeys(locale: Locale): ProblemKey[] {
  return Object.keys(bundleFor(locale).messages) as ProblemKey[];
}
