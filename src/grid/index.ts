export { parseDocumentHtml } from "./parse.js";
export * from "./types.js";
