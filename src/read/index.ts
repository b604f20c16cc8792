export { readDocument, readerWarnings, type ReadDocument } from "./read.js";
export { detectFormat, type InputFormat } from "./format.js";
export { convertDocToDocx, type ConvertOptions } from "./libreoffice.js";
export { ReadError, type ReadErrorCode } from "./errors.js";
