export { buildCategories, type Categories } from "./categories.js";
export { normaliseProject, parseAmount, rowValue } from "./project.js";
export {
  findValueStart,
  formatIndicatorValue,
  isKnownUnit,
  normaliseValueText,
  parseIndicatorValue,
  parseNumber,
  type ValueGrammar,
  valueGrammar,
} from "./value.js";
