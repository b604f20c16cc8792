export { parseChineseCount } from "./numerals.js";
export { parseNarrative } from "./parse.js";
export { parseCategoryList, parseIndicatorSentence, type SentenceSpan, splitNumberedSentences } from "./sentence.js";
