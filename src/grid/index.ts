export { parseDocumentHtml } from "./parse.js";
export { gridFromSheets } from "./sheets.js";
export * from "./types.js";
