/**
 * The shape of a language: everything the add-in says, in one bundle per language folder
 * (src/i18n/<tag>/index.ts). The English tables define the keys; every other bundle is typed by
 * them, so a string missing from a language is a type error, not an English word at run time.
 */
import type { ProblemKey } from "../engine/problem";
import type { conventions } from "./en/conventions";
import type { messageWords } from "./en/messages";
import type { notes } from "./en/notes";
import type { pane } from "./en/pane";
import type { portfolio } from "./en/portfolio";
import type { preview } from "./en/preview";
import type { results } from "./en/results";
import type { roi } from "./en/roi";
import type { rollout } from "./en/rollout";
import type { samples } from "./en/samples";
import type { stress } from "./en/stress";
import type { validation } from "./en/validation";

/** The same keys as `T`, every leaf a string (nested tables keep their keys too). */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export type MessageTable = Readonly<Record<ProblemKey, string>>;
export type MessageWords = Strings<typeof messageWords>;
export type PaneStringKey = keyof typeof pane;
export type PaneStrings = Strings<typeof pane>;
export type PortfolioLabels = Strings<typeof portfolio>;
export type RolloutLabels = Strings<typeof rollout>;
export type RoiLabels = Strings<typeof roi>;
export type StressLabels = Strings<typeof stress>;
export type SampleTexts = Strings<typeof samples>;
export type ValidationTexts = Strings<typeof validation>;
export type NoteTexts = Strings<typeof notes>;
export type ResultTexts = Strings<typeof results>;
export type PreviewStrings = Strings<typeof preview>;
export type Conventions = Strings<typeof conventions>;
export type Units = Conventions["units"];

export interface LanguageMeta {
  /** BCP 47 tag, as Office and the folder name write it ("zh-TW"). */
  readonly tag: string;
  /** The language's name in itself, for the language switch ("繁體中文"). */
  readonly name: string;
  /**
   * Office display languages (lower case, by prefix or exact tag) that open the pane in this
   * language: "zh-tw", "zh-hk", "zh-hant". English is the fallback for every other tag.
   */
  readonly officeTags: readonly string[];
  /** A test language (pseudo-localised English): never offered in the switch. */
  readonly pseudo?: boolean;
}

export interface Bundle {
  readonly meta: LanguageMeta;
  readonly conventions: Conventions;
  readonly messages: MessageTable;
  readonly messageWords: MessageWords;
  readonly pane: PaneStrings;
  readonly results: ResultTexts;
  readonly portfolio: PortfolioLabels;
  readonly rollout: RolloutLabels;
  readonly roi: RoiLabels;
  readonly stress: StressLabels;
  readonly samples: SampleTexts;
  readonly validation: ValidationTexts;
  readonly notes: NoteTexts;
  /**
   * Texts deliberately the same as the English ones, as "table.key" paths ("pane.roi"): names,
   * symbols and figures that read the same in this language. The tests hold every other text to
   * be translated, so nothing falls back to English unannounced.
   */
  readonly sameAsEnglish: readonly string[];
}
