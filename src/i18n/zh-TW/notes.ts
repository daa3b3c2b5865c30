/** The note a shared copy puts on a result it carries as a value: Traditional Chinese. */
import type { NoteTexts } from "../bundle";

export const notes: NoteTexts = {
  by: "由 GenAI Business Case 增益集於 {date} 計算",
  value: "。此為數值而非公式：輸入變更時不會更新。",
  blank: "(空白)",
  trials: {
    title: "{sheet} 的蒙地卡羅試驗，由試算表計算",
    how:
      "每一列為一次試驗。均勻亂數來自增益集（種子 {seed}，{sampling}），以數值儲存；" +
      "各項目的樣本為其分配在該亂數的反函數（PERT 以 BETA.INV，三角與均勻以公式解），取自該項目的低、基準、高值。" +
      "修改任一項目的低、基準或高值，{sheet} 上的統計量即重新計算。增益集會拒絕的項目，其「檢查」儲存格會說明原因，統計量則為 #N/A。" +
      "變更種子、試驗次數、抽樣方式或相關性需使用增益集。",
    storedAll: "已儲存 {stored} 次試驗，與模型設定相同。",
    storedFewer:
      "模型設定 {trials} 次試驗；此複本儲存 {stored} 次，統計量即增益集以相同種子執行 {stored} 次試驗的結果。",
    statistics:
      "以原生公式計算自 {sheet} 工作表：{count} 次試驗，種子 {seed}。任一項目的低、基準或高值變更時即重新計算。",
    countFewer: "模型 {trials} 次中的 {stored}",
    settingsGuard: "試驗次數、種子或抽樣方式變更時為 #N/A。",
    latinHypercube: "拉丁超立方抽樣",
    monteCarlo: "一般蒙地卡羅",
    correlated: "等級相關",
    lineItem: "項目",
    low: "低",
    base: "基準",
    high: "高",
    shape: "分配",
    range: "範圍（高 − 低）",
    split: "眾數在範圍中的位置",
    alpha: "PERT α",
    beta: "PERT β",
    check: "檢查",
    checkNumbers: "低、基準、高值必須為數字",
    checkOrder: "必須符合 低 ≤ 基準 ≤ 高",
    checkNegative: "成本不可小於 0",
    checkShape: "分配必須為 PERT、Triangular 或 Uniform",
    checkCostLows: "各成本項目低值的合計必須大於 0",
    trial: "試驗",
    roi: "ROI",
    uniform: "均勻亂數：{line}",
    correlationKept:
      "{sheet} 上的試驗以匯出時的此矩陣抽樣，且項目未變：統計量為等級相關。變更矩陣需要增益集。",
    correlationMoved:
      "{sheet} 上的試驗以匯出時的此矩陣抽樣，但項目在匯出後已變更（改名、重新排序、新增或刪除）：儲存的相關仍依匯出時的項目位置。變更矩陣需要增益集。",
    correlationNotDrawn:
      "{sheet} 上的試驗以各項目獨立抽樣：製作副本時矩陣與項目不符。沒有增益集，變更矩陣或項目都不會使其相關。",
  },
};
