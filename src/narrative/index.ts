export { parseNarrative } from "./parse.js";
export { parseCategoryList, parseIndicatorSentence, splitNumberedSentences, type SentenceSpan } from "./sentence.js";
export { parseChineseCount } from "./numerals.js";
