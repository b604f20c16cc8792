import { ReadError } from "./errors.js";
import { ascii } from "./signatures.js";

/**
 * What both zip checks share — Node's (zip.ts, yauzl and zlib) and the web page's (zip-browser.ts, fflate): the
 * limits, which parts are checked in full, and what kind of document a zip's part names say it holds.
 */

/** Limits applied to a .docx before mammoth sees it. */
export interface ZipLimits {
  readonly maxUnzippedBytes: number;
  readonly maxZipEntries: number;
}

export const DEFAULT_MAX_UNZIPPED = 200 * 1024 * 1024;
export const DEFAULT_MAX_ZIP_ENTRIES = 10_000;

/**
 * The parts mammoth may parse (the content types, the package relationships and the XML under word/): their
 * bytes are checked in full. The others (images, fonts, docProps, customXml) are never read, so they are only
 * located: a damaged thumbnail does not cost the document.
 */
export const READ_PART =
  /^(?:\[Content_Types\]\.xml|(?:word|xl|_rels)\/.*\.(?:xml|rels)|(?:content|styles|meta|settings)\.xml|META-INF\/manifest\.xml|mimetype)$/i;

/** What a zip holds, by its parts: a Word document, a workbook, or an OpenDocument text or spreadsheet. */
export interface ZipContents {
  readonly kind: "docx" | "xlsx" | "odt" | "ods";
  /** A macro project is present (word/vbaProject.bin, xl/vbaProject.bin): never run, only reported. */
  readonly macros: boolean;
}

const ODF_KINDS: Readonly<Record<string, ZipContents["kind"]>> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.text-template": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.spreadsheet-template": "ods",
};

const DOCTYPE = ascii("<!DOCTYPE");

/**
 * Whether a part declares a DOCTYPE (which Word never writes; external entities are how XML reads local files).
 * Searched from each `!`, which is rare in XML (a `<` is everywhere).
 */
export function declaresDoctype(data: Uint8Array): boolean {
  const bang = DOCTYPE[1]!;
  for (let i = data.indexOf(bang, 1); i !== -1; i = data.indexOf(bang, i + 1))
    if (DOCTYPE.every((b, j) => data[i - 1 + j] === b)) return true;
  return false;
}

/** The kind of document a zip holds, from its part names and its OpenDocument `mimetype`. */
export function contentsOf(names: ReadonlySet<string>, mimetype: string | null): ZipContents {
  const macros = names.has("word/vbaProject.bin") || names.has("xl/vbaProject.bin");
  if (names.has("word/document.xml")) return { kind: "docx", macros };
  if (names.has("xl/workbook.xml")) return { kind: "xlsx", macros };
  const odf = mimetype === null ? undefined : ODF_KINDS[mimetype];
  if (odf && names.has("content.xml")) return { kind: odf, macros: false };
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.") || [...names].some((n) => n.startsWith("ppt/")))
    throw new ReadError("other-office-file", mimetype ? `(${mimetype})` : "(ppt/)");
  throw new ReadError("zip-without-document");
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/**
 * The central directory's declared sizes and entry count, checked entry by entry before anything is inflated:
 * `total` is the sum of the sizes declared so far (this entry's included), `count` the entries so far.
 */
export function checkDeclared(limits: ZipLimits, total: number, count: number, name: string, size: number): void {
  if (total > limits.maxUnzippedBytes)
    throw new ReadError("zip-bomb", `(> ${megabytes(limits.maxUnzippedBytes)}: ${name} declares ${megabytes(size)})`);
  if (count > limits.maxZipEntries) throw new ReadError("zip-bomb", `(> ${limits.maxZipEntries} entries)`);
}
