export * from "./types.js";
export { parseDocumentHtml } from "./parse.js";
export { foldSpaces, compactLabel } from "./text.js";
