export { parseDocumentHtml } from "./parse.js";
export { compactLabel, foldSpaces } from "./text.js";
export * from "./types.js";
