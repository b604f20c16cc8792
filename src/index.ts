/**
 * jixiao: turns budget performance-target Word documents (部门预算绩效目标) into validated data and audits
 * Part 1 (narrative) against Part 2 (tables). Each pipeline stage is exported for use on its own.
 * @packageDocumentation
 */
export { audit, extractBuffer, extractFile, type ExtractOptions } from "./api.js";
export { processHtml, parseDepartment } from "./pipeline.js";
export { type SourceInfo } from "./source.js";
export * from "./model/schema.js";
export { type Result } from "./result.js";
export { ConfigError, defaultConfig, LabelConfigSchema, parseConfig, UserConfigSchema, type LabelConfig, type UserConfig } from "./config/index.js";
export { classifyInput, convertToDocx, detectFormat, ReadError, readDocument, type InputFormat, type ReadErrorCode } from "./read/index.js";
export { parseDocumentHtml, type Block, type DocumentGrid, type Grid, type GridCell } from "./grid/index.js";
export { extractProjects, type RawProject } from "./extract/index.js";
export { formatIndicatorValue, normaliseProject, parseIndicatorValue, parseNumber } from "./normalise/index.js";
export { parseNarrative } from "./narrative/index.js";
export { reconcile, RULES, type Reconciliation, type RuleId } from "./reconcile/index.js";
export { extensions, renderers, renderHtml, renderJson, renderMarkdown, type Format, type Renderer } from "./render/index.js";
