import type { Warning } from "../model/schema.js";
import { warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { ReadError } from "./errors.js";
import { detectFormat, type InputFormat } from "./format.js";
import { readDocx } from "./mammoth.js";
import { inspectOle2 } from "./ole2.js";
import type { ReadDocument } from "./read.js";
import { refuseNonDocument } from "./signatures.js";
import { inspectZipBytes } from "./zip-browser.js";
import { DEFAULT_MAX_UNZIPPED, DEFAULT_MAX_ZIP_ENTRIES, type ZipLimits } from "./zip-contents.js";

/**
 * The read stage in a browser (the web page; no Node, no LibreOffice): a .docx (.docm, .dotx) passes the same zip
 * checks as in Node and is read by the same mammoth call. Everything LibreOffice would convert — a .doc, WPS,
 * RTF or OpenDocument file — is refused with a message to save it as .docx, a workbook with one to use the
 * command line (an OLE2 file is looked into first, as in Node: encrypted, damaged or not Word at all); anything else gets the Node reader's reasons (empty, PDF, image, lock file, not a document).
 */
export async function readDocumentInBrowser(
  bytes: Uint8Array,
  name?: string,
  limits: Partial<ZipLimits> = {},
): Promise<Result<ReadDocument>> {
  if (bytes.length === 0) throw new ReadError("empty-file");
  const family = detectFormat(bytes);
  if (family === null) return refuseNonDocument(bytes);
  if (family === "doc") {
    const format = inspectOle2(bytes, name);
    throw new ReadError(format === "xls" ? "browser-workbook" : "browser-needs-docx", `(${format})`);
  }
  if (family !== "docx") throw new ReadError("browser-needs-docx", `(${family})`);
  const { kind, macros } = inspectZipBytes(bytes, {
    maxUnzippedBytes: limits.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED,
    maxZipEntries: limits.maxZipEntries ?? DEFAULT_MAX_ZIP_ENTRIES,
  });
  if (kind === "odt") throw new ReadError("browser-needs-docx", `(${kind})`);
  if (kind !== "docx") throw new ReadError("browser-workbook", `(${kind})`);
  const warnings: Warning[] = macros ? [warning("macros-ignored", null, {})] : [];
  return readDocx(bytes, "docx", warnings);
}

/**
 * What an input is, for the error record of one that could not be read: the format its content shows (xlsx, odt,
 * xls, wps …, as Node's batch records it), or its container when the content cannot tell.
 */
export function browserInputFormat(bytes: Uint8Array, name?: string): InputFormat | null {
  const family = detectFormat(bytes);
  try {
    if (family === "docx")
      return inspectZipBytes(bytes, { maxUnzippedBytes: DEFAULT_MAX_UNZIPPED, maxZipEntries: DEFAULT_MAX_ZIP_ENTRIES })
        .kind;
    if (family === "doc") return inspectOle2(bytes, name);
  } catch {
    // damaged or refused: the container is all there is to say
  }
  return family;
}
