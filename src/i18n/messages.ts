/**
 * Every problem message, in both languages, in one place. Parameters are
 * filled from the Problem's params: {argument} is the Excel parameter name, as typed in the
 * formula; {row}/{column} are 1-based positions inside that argument's range.
 */
import type { Problem, ProblemKey, ProblemParams } from "../engine/problem";
import type { Locale } from "./locale";

/** Stands for an empty cell or an omitted argument in a {got} parameter. */
export const BLANK = "\u0000blank";

type MessageTable = Record<ProblemKey, string>;

const en: MessageTable = {
  notNumber: "{where} must be a number; got {got}",
  notWhole: "{where} must be a whole number; got {got}",
  notText: "{where} must be text; got {got}",
  outOfRange: "{where} must be between {min} and {max}; got {got}",
  atLeast: "{where} must be at least {min}; got {got}",
  greaterThan: "{where} must be greater than {min}; got {got}",
  atMost: "{where} must be at most {max}; got {got}",
  empty: "{where} is empty: give at least one number",
  notRectangular: "{where} must be a rectangular range",
  notVector: "{where} must be one row or one column; got {rows} rows × {columns} columns",
  sizeMismatch: "{where} must be the same size as {other} or a single cell; got {got}, expected {expected}",
  sumNotPositive: "{where} must add up to more than 0; got {got}",
  columnCount: "{where} must have {expected} columns ({meaning}); got {got}",
  countMismatch: "{where} must have {expected} values ({meaning}); got {got}",
  lineItemOrder: "{where}: low ≤ base ≤ high is required; got {low}, {base}, {high}",
  choice: "{where} must be one of {choices}; got {got}",
  noPayback: "does not pay back within the horizon (cumulative cash flow stays below 0)",
  matrixSize:
    "{where} must be {expected} × {expected}, one row and one column per line item (benefits, then costs); got {got}",
  notSymmetric: "{where} must equal its mirror across the diagonal ({mirror}); got {got}",
  diagonalNotOne: "{where} is on the diagonal and must be 1 (a line item moves fully with itself); got {got}",
  workLimit:
    "{where}: line items × trials must be at most {max} (the simulation's work limit); got {items} × {trials} = {got}",
  tooManyItems: "{where}: at most {max} line items; got {got}",
  notFinite:
    "{where} has no finite result for these inputs; check their sizes (a result beyond ±1e308 cannot be shown)",
  internal: "unexpected error in {where}: {detail}",
};

const zhTW: MessageTable = {
  notNumber: "{where} 必須是數字;收到 {got}",
  notWhole: "{where} 必須是整數;收到 {got}",
  notText: "{where} 必須是文字;收到 {got}",
  outOfRange: "{where} 必須介於 {min} 與 {max} 之間;收到 {got}",
  atLeast: "{where} 至少須為 {min};收到 {got}",
  greaterThan: "{where} 必須大於 {min};收到 {got}",
  atMost: "{where} 至多為 {max};收到 {got}",
  empty: "{where} 是空的:請至少提供一個數字",
  notRectangular: "{where} 必須是矩形範圍",
  notVector: "{where} 必須是單一列或單一欄;收到 {rows} 列 × {columns} 欄",
  sizeMismatch: "{where} 的大小必須與 {other} 相同,或是單一儲存格;收到 {got},應為 {expected}",
  sumNotPositive: "{where} 的合計必須大於 0;收到 {got}",
  columnCount: "{where} 必須有 {expected} 欄({meaning});收到 {got}",
  countMismatch: "{where} 必須有 {expected} 個值({meaning});收到 {got}",
  lineItemOrder: "{where}:必須符合 低 ≤ 基準 ≤ 高;收到 {low}、{base}、{high}",
  choice: "{where} 必須是 {choices} 其中之一;收到 {got}",
  noPayback: "在期間內無法回收(累計現金流量始終低於 0)",
  matrixSize: "{where} 必須是 {expected} × {expected},每個項目(先效益、後成本)各一列一欄;收到 {got}",
  notSymmetric: "{where} 必須與對角線另一側的對應值相同({mirror});收到 {got}",
  diagonalNotOne: "{where} 位於對角線上,必須為 1(項目與自身完全相關);收到 {got}",
  workLimit: "{where}:項目數 × 模擬次數至多為 {max}(模擬的工作量上限);收到 {items} × {trials} = {got}",
  tooManyItems: "{where}:至多 {max} 個項目;收到 {got}",
  notFinite: "{where} 以這些輸入無法得到有限的結果;請檢查數值大小(超過 ±1e308 的結果無法顯示)",
  internal: "{where} 發生未預期的錯誤:{detail}",
};

const tables: Record<Locale, MessageTable> = { en, "zh-TW": zhTW };

const blankWord: Record<Locale, string> = { en: "a blank", "zh-TW": "空白" };

/** "costs", "costs row 3", "impact row 2, column 1" in the locale's words. */
function where(params: ProblemParams, locale: Locale): string {
  const argument = String(params.argument ?? "");
  const { row, column } = params;
  if (locale === "zh-TW") {
    const at = [row !== undefined ? `第 ${row} 列` : "", column !== undefined ? `第 ${column} 欄` : ""].join(
      "",
    );
    return at ? `${argument} ${at}` : argument;
  }
  const at = [row !== undefined ? `row ${row}` : "", column !== undefined ? `column ${column}` : ""]
    .filter(Boolean)
    .join(", ");
  return at ? `${argument} ${at}` : argument;
}

/** The message of a problem in the given language. */
export function formatProblem(problem: Problem, locale: Locale = "en"): string {
  const template = tables[locale][problem.key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "where") return where(problem.params, locale);
    const value = problem.params[name];
    if (value === undefined) return `{${name}}`;
    if (value === BLANK) return blankWord[locale];
    return String(value);
  });
}

export function messageKeys(locale: Locale): ProblemKey[] {
  return Object.keys(tables[locale]) as ProblemKey[];
}
