export { buildCategories, type Categories } from "./categories.js";
export { normaliseProject, parseAmount, rowValue } from "./project.js";
export {
  formatIndicatorValue,
  isKnownUnit,
  KNOWN_UNITS,
  normaliseValueText,
  parseIndicatorValue,
  parseNumber,
} from "./value.js";
