export { normaliseProject, parseAmount, rowValue } from "./project.js";
export { parseIndicatorValue, parseNumber, normaliseValueText, isKnownUnit, formatIndicatorValue, KNOWN_UNITS } from "./value.js";
export { buildCategories, type Categories } from "./categories.js";
