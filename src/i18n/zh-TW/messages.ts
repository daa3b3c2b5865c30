/** The functions' problem messages: Traditional Chinese. */
import type { MessageTable, MessageWords } from "../bundle";

export const messages: MessageTable = {
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
  lowCostsNotPositive: "{where}:各項低值的合計必須大於 0,每次試驗才有成本可計算 ROI;收到 {got}",
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

export const messageWords: MessageWords = {
  row: "第 {row} 列",
  column: "第 {column} 欄",
  between: "",
  at: "{argument} {position}",
  blank: "空白",
  meanings: {
    lineColumns: "低、基準、高值，以及可選的分配",
    weights: "影響力、複雜度、學習價值、時間窗口",
    thresholds: "品質、p95 延遲、幻覺率、節省時間、採用意願",
    perLine: "每個項目一個",
    perBenefit: "每個效益項目一個",
    perCost: "每個成本項目一個",
  },
};
