/**
 * jixiao: turns budget performance-target Word documents (部门预算绩效目标) into validated data and audits
 * Part 1 (narrative) against Part 2 (tables). Each pipeline stage is exported for use on its own.
 * @packageDocumentation
 */
export { audit, type ExtractOptions, extractBuffer, extractFile, inspectBuffer } from "./api.js";
export {
  ConfigError,
  defaultConfig,
  type LabelConfig,
  LabelConfigSchema,
  parseConfig,
  type UserConfig,
  UserConfigSchema,
} from "./config/index.js";
export { extractProjects, type Inspection, type RawProject, type TableInspection } from "./extract/index.js";
export {
  type Block,
  type DocumentGrid,
  type Grid,
  type GridCell,
  gridFromSheets,
  parseDocumentHtml,
  type SheetData,
} from "./grid/index.js";
export * from "./model/schema.js";
export type { WarningCode, WarningParams } from "./model/warnings.js";
export { parseNarrative } from "./narrative/index.js";
export { formatIndicatorValue, normaliseProject, parseIndicatorValue, parseNumber } from "./normalise/index.js";
export { documentGrid, parseDepartment, processGrid, processHtml, processRead } from "./pipeline.js";
export {
  type Classification,
  type ConvertibleFormat,
  classify,
  classifyInput,
  convertToDocx,
  convertWithLibreOffice,
  detectFormat,
  type InputFormat,
  type ReadDocument,
  ReadError,
  type ReadErrorCode,
  readDocument,
  readWorkbook,
} from "./read/index.js";
export { type Reconciliation, RULES, type RuleId, type RuleParams, reconcile } from "./reconcile/index.js";
export {
  extensions,
  type Format,
  type Renderer,
  renderers,
  renderHtml,
  renderJson,
  renderMarkdown,
} from "./render/index.js";
export type { Result } from "./result.js";
export type { SourceInfo } from "./source.js";
