import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { ReadError } from "./errors.js";

const run = promisify(execFile);

/** Options for the LibreOffice conversion of legacy .doc files. */
export interface ConvertOptions {
  /** The soffice executable; found on PATH by default. */
  readonly soffice?: string;
  readonly timeoutMs?: number;
}

/**
 * Converts a legacy .doc (or RTF) to .docx with LibreOffice. Each run gets its own profile directory:
 * two runs sharing the default profile collide, and the loser exits 0 without writing anything,
 * so the output's existence is checked rather than trusted.
 */
export async function convertToDocx(bytes: Uint8Array, format: "doc" | "rtf", options: ConvertOptions = {}): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "jixiao-soffice-"));
  try {
    const input = join(dir, `input.${format}`);
    await writeFile(input, bytes);
    try {
      await run(
        options.soffice ?? "soffice",
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
          "--headless",
          "--norestore",
          "--convert-to",
          "docx:MS Word 2007 XML",
          "--outdir",
          dir,
          input,
        ],
        { timeout: options.timeoutMs ?? 120_000 },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ReadError("libreoffice-missing");
      throw new ReadError("conversion-failed", (error as Error).message.split("\n")[0] ?? null);
    }
    try {
      return await readFile(join(dir, "input.docx"));
    } catch {
      throw new ReadError("conversion-failed", "no output was written");
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
