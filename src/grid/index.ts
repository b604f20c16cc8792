export { parseDocumentHtml } from "./parse.js";
export { gridFromSheets } from "./sheets.js";
export { compactLabel, foldSpaces } from "./text.js";
export * from "./types.js";
