import { stat } from "node:fs/promises";
import { basename, extname, join, relative } from "node:path";
import fg from "fast-glob";
import { DOCUMENT_EXTENSIONS, isLockFile } from "./document-extensions.js";

/** A document to process, and where its outputs go relative to the output folder. */
export interface InputFile {
  readonly path: string;
  /** Output path without format suffix: the file name with its extension, under the folder it was found in. */
  readonly outputStem: string;
}

/** An input skipped, with why (a Word lock file, not a Word extension). */
export interface SkippedInput {
  readonly path: string;
  readonly reason: string;
}

const LOCK_FILE = "Word 锁定文件（~$ 开头） (Word lock file)";
const NOT_DOCUMENT = "不是可读取的文档类型（Word、WPS、OpenDocument、RTF、Excel） (not a document type jixiao reads)";

/** The folder part of a glob before its first wildcard: found files are named relative to it. */
function globBase(pattern: string): string {
  const segments = pattern.split("/");
  const fixed = segments.findIndex((segment) => segment !== "" && fg.isDynamicPattern(segment));
  return segments.slice(0, fixed < 0 ? segments.length - 1 : fixed).join("/") || ".";
}

/** Files found by searching (a folder or a glob) are taken when they look like Word documents. */
function sortFound(base: string, paths: readonly string[], files: InputFile[], skipped: SkippedInput[]): void {
  for (const rel of [...paths].sort()) {
    const path = join(base, rel);
    if (isLockFile(path)) skipped.push({ path, reason: LOCK_FILE });
    else if (!DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())) skipped.push({ path, reason: NOT_DOCUMENT });
    else files.push({ path, outputStem: rel });
  }
}

/**
 * Expands files, directories (recursively) and glob patterns into Word documents in a stable order.
 * Files named on the command line are taken whatever their extension (the content decides); files found
 * in directories or by globs must have one of the DOCUMENT_EXTENSIONS. Lock files and other files are returned as
 * skipped with a reason; arguments that name nothing are returned as missing.
 */
export async function expandInputs(
  args: readonly string[],
): Promise<{ files: InputFile[]; skipped: SkippedInput[]; missing: string[] }> {
  const files: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      sortFound(arg, await fg("**/*", { cwd: arg, onlyFiles: true, dot: true }), files, skipped);
    } else if (info) {
      if (isLockFile(arg)) skipped.push({ path: arg, reason: LOCK_FILE });
      else files.push({ path: arg, outputStem: basename(arg) });
    } else if (fg.isDynamicPattern(arg)) {
      const base = globBase(arg);
      const found = await fg(arg, { onlyFiles: true, dot: true });
      if (found.length === 0) missing.push(arg);
      sortFound(
        base,
        found.map((path) => relative(base, path)),
        files,
        skipped,
      );
    } else {
      missing.push(arg);
    }
  }
  return { files, skipped, missing };
}
