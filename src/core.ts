/**
 * jixiao's platform-free core: the pipeline (grid → extract → normalise → narrative → reconcile → render), the
 * configuration, the batch rows and page, annotation, and a read stage for .docx files that needs no Node and no
 * LibreOffice. This is what the web page runs (src/web/); test/web/core-bundle.test.ts bundles it for the browser
 * and fails on any Node-only import. Two modules have a browser twin the bundle resolves to (config/builtin.ts →
 * builtin.browser.ts: the shipped YAML inlined; sha256.ts → sha256.browser.ts): see scripts/web-bundle.mjs.
 */
import { readDocumentInBrowser } from "./read/browser.js";
import type { Reader } from "./with-reader.js";

export { annotateDocx } from "./annotate/index.js";
export { BATCH_FILES, renderIndexPage, TREND_FILES } from "./batch/index-page.js";
export { batchFileInMemory, type DoneDocument, type MemoryBatchFile } from "./batch/memory.js";
export * from "./batch/rows.js";
export { annotatedPath, outputPaths, summarise } from "./batch/summary.js";
export { compareSource, type DocumentSummary } from "./batch/types.js";
export {
  ConfigError,
  defaultConfig,
  type LabelConfig,
  mergeConfig,
  parseConfig,
  parseRuleSettings,
  presetRuleSettings,
} from "./config/index.js";
export { DocumentSchema, type JixiaoDocument } from "./model/schema.js";
export { processGrid, processHtml, processRead } from "./pipeline.js";
export { browserInputFormat, readDocumentInBrowser } from "./read/browser.js";
export { ReadError } from "./read/errors.js";
export { detectFormat } from "./read/format.js";
export { renderers, renderHtml, renderJson, renderMarkdown } from "./render/index.js";
export { errorDocument, type SourceInfo, sha256 } from "./source.js";
export { renderTrendsHtml } from "./trends/html.js";
export { buildTrends, trendInput } from "./trends/trends.js";
export { type AnnotatedDocument, annotateWith, extractWith, type Reader } from "./with-reader.js";

/** The browser's read stage as a {@link Reader}: .docx files only (see read/browser.ts). */
export const browserReader: Reader = (bytes, path) => readDocumentInBrowser(bytes, path);
