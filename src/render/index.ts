import type { JixiaoDocument } from "../model/schema.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";

export { type DiffSegment, diffChars } from "./diff.js";
export { renderHtml } from "./html.js";
export { renderMarkdown } from "./markdown.js";
export { renderText, type TextOptions } from "./text.js";

/** The output formats a document can be written in. */
export type Format = "json" | "markdown" | "html";

/** Every renderer takes the whole document and returns the file's text. */
export type Renderer = (doc: JixiaoDocument) => string;

/** The document as validated data: pretty-printed JSON with a final newline. */
export function renderJson(doc: JixiaoDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The renderer for each format. */
export const renderers = {
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
} satisfies Record<Format, Renderer>;

/** The suffix that replaces an input's extension for each format (`a.docx` → `a.report.html`). */
export const extensions = {
  json: ".json",
  markdown: ".report.md",
  html: ".report.html",
} satisfies Record<Format, string>;
