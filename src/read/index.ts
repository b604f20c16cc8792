export { type ClassifyOptions, classifyInput, DEFAULT_MAX_UNZIPPED } from "./classify.js";
export { ReadError, type ReadErrorCode } from "./errors.js";
export { detectFormat, type InputFormat } from "./format.js";
export { type ConvertOptions, convertToDocx } from "./libreoffice.js";
export { type ReadDocument, type ReadOptions, readDocument, readerWarnings } from "./read.js";
