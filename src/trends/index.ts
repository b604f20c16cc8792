export { departmentKey, departmentLabel } from "./department.js";
export { renderTrendsHtml } from "./html.js";
export { TREND_MESSAGES, type TrendParams } from "./messages.js";
export * from "./schema.js";
export { buildTrends, type TrendDocumentInput, trendInput } from "./trends.js";
export { detectBudgetYear } from "./year.js";
