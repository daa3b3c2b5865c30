/** The note a shared copy puts on a result it carries as a value: Traditional Chinese. */
import type { NoteTexts } from "../bundle";

export const notes: NoteTexts = {
  by: "由 GenAI Business Case 增益集於 {date} 計算",
  value: "。此為數值而非公式：輸入變更時不會更新。",
  blank: "(空白)",
};
