import { ReadError } from "./errors.js";
import { detectFormat, type InputFormat } from "./format.js";
import { inspectOle2 } from "./ole2.js";
import { refuseNonDocument } from "./signatures.js";
import { inspectZip } from "./zip.js";
import { DEFAULT_MAX_UNZIPPED, DEFAULT_MAX_ZIP_ENTRIES } from "./zip-contents.js";

/** Limits applied before any document is inflated. */
export interface ClassifyOptions {
  /**
   * The file's name, a hint only where the content cannot tell: an OLE2 file of no known kind named .wps/.wpt is
   * tried as a WPS Office document. Everything else is decided by content.
   */
  readonly name?: string;
  /** Refuse a zip whose entries declare more than this many bytes uncompressed in all (default 200 MB). */
  readonly maxUnzippedBytes?: number;
  /** Refuse a zip with more entries than this (a .docx has a few dozen). */
  readonly maxZipEntries?: number;
}

export { DEFAULT_MAX_UNZIPPED };

/** What an input is: the format to read it as, and whether it carries macros (which are never run). */
export interface Classification {
  readonly format: InputFormat;
  readonly macros: boolean;
}

/**
 * Classifies an input before any parsing: what it is, and whether it is safe to read. Returns the format
 * to read it as; throws a ReadError with a stable code for an empty file, a PDF or image, another Office
 * file, a password-protected file, a zip without a Word document, a truncated or corrupt zip or .doc, a
 * zip bomb (by the sizes its central directory declares, before inflating anything), XML declaring a
 * DOCTYPE, or a Word lock file.
 */
export async function classifyInput(bytes: Uint8Array, options: ClassifyOptions = {}): Promise<InputFormat> {
  return (await classify(bytes, options)).format;
}

/** {@link classifyInput}, and whether the file carries a macro project (a .docm or .xlsm: never run). */
export async function classify(bytes: Uint8Array, options: ClassifyOptions = {}): Promise<Classification> {
  if (bytes.length === 0) throw new ReadError("empty-file");
  const family = detectFormat(bytes);
  if (family === "docx") {
    const contents = await inspectZip(bytes, {
      maxUnzippedBytes: options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED,
      maxZipEntries: options.maxZipEntries ?? DEFAULT_MAX_ZIP_ENTRIES,
    });
    return { format: contents.kind, macros: contents.macros };
  }
  if (family === "doc") return { format: inspectOle2(bytes, options.name), macros: false };
  if (family !== null) return { format: family, macros: false };
  return refuseNonDocument(bytes);
}
