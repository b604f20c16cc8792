import { readdir, stat } from "node:fs/promises";
import { basename, extname, join, relative } from "node:path";

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

const WORD_EXTENSIONS = new Set([".docx", ".doc"]);

/** Word's owner lock file (`~$name.docx`), left beside open documents. */
export function isLockFile(path: string): boolean {
  return basename(path).startsWith("~$");
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

/**
 * Expands files and directories (recursively) into Word documents in a stable order. Files named on the
 * command line are taken whatever their extension (the content decides); files found in directories
 * must end in .docx or .doc. Lock files and other files are returned as skipped with a reason.
 */
export async function expandInputs(args: readonly string[]): Promise<{ files: InputFile[]; skipped: SkippedInput[]; missing: string[] }> {
  const files: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info) {
      missing.push(arg);
    } else if (info.isDirectory()) {
      for (const path of await walk(arg)) {
        if (isLockFile(path)) skipped.push({ path, reason: "Word 锁定文件（~$ 开头） (Word lock file)" });
        else if (!WORD_EXTENSIONS.has(extname(path).toLowerCase())) skipped.push({ path, reason: "不是 .docx/.doc 文件 (not a Word file)" });
        else files.push({ path, outputStem: relative(arg, path) });
      }
    } else if (isLockFile(arg)) {
      skipped.push({ path: arg, reason: "Word 锁定文件（~$ 开头） (Word lock file)" });
    } else {
      files.push({ path: arg, outputStem: basename(arg) });
    }
  }
  return { files, skipped, missing };
}
