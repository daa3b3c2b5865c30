/** English: the language every other bundle is typed by, and the fallback for Office languages the add-in does not speak. */
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

export const en: Bundle = {
  meta: { tag: "en", name: "English", officeTags: ["en"] },
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
  sameAsEnglish: [],
};
