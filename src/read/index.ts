export {
  type Classification,
  type ClassifyOptions,
  classify,
  classifyInput,
  DEFAULT_MAX_UNZIPPED,
} from "./classify.js";
export { ReadError, type ReadErrorCode } from "./errors.js";
export { detectFormat, type InputFormat } from "./format.js";
export { type ConvertibleFormat, type ConvertOptions, convertToDocx, convertWithLibreOffice } from "./libreoffice.js";
export { type ReadDocument, type ReadOptions, readDocument, readerWarnings } from "./read.js";
export { readWorkbook } from "./spreadsheet.js";
