export { parseChineseCount, toChineseNumeral } from "./numerals.js";
export { parseNarrative } from "./parse.js";
export { type NarrativeGrammar, narrativeGrammar } from "./phrases.js";
export {
  parseCategoryList,
  parseIndicatorSentence,
  parseIndicatorSpan,
  type SentenceSpan,
  splitNumberedSentences,
  splitUnnumberedSentences,
} from "./sentence.js";
