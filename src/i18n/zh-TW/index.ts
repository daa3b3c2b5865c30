/** Traditional Chinese (Taiwan, Hong Kong, Macau): labels, messages and conventions. */
import type { Bundle } from "../bundle";
import { conventions } from "./conventions";
import { messages, messageWords } from "./messages";
import { notes } from "./notes";
import { pane } from "./pane";
import { portfolio } from "./portfolio";
import { results } from "./results";
import { roi } from "./roi";
import { rollout } from "./rollout";
import { samples } from "./samples";
import { stress } from "./stress";
import { validation } from "./validation";

export const zhTW: Bundle = {
  meta: { tag: "zh-TW", name: "繁體中文", officeTags: ["zh-tw", "zh-hk", "zh-mo", "zh-hant"] },
  conventions,
  messages,
  messageWords,
  pane,
  results,
  portfolio,
  rollout,
  roi,
  stress,
  samples,
  validation,
  notes,
  /** Names, symbols and figures a Taiwanese finance reader reads as in English. */
  sameAsEnglish: [
    "pane.roi",
    "pane.targetRoi",
    "pane.pert",
    "portfolio.pick",
    "roi.fte",
    "roi.years0",
    "roi.monthColumn",
    "roi.riskYears",
    "messageWords.at",
    "validation.nonNegative",
    "validation.percent",
    "samples.roiBasis.platform",
    "samples.roiBasis.people",
    "notes.trials.alpha",
    "notes.trials.beta",
    "notes.trials.roi",
    "stress.percentilePoint",
  ],
};
