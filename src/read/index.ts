export { readDocument, readerWarnings, type ReadDocument, type ReadOptions } from "./read.js";
export { detectFormat, type InputFormat } from "./format.js";
export { classifyInput, DEFAULT_MAX_UNZIPPED, type ClassifyOptions } from "./classify.js";
export { convertToDocx, type ConvertOptions } from "./libreoffice.js";
export { ReadError, type ReadErrorCode } from "./errors.js";
