import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ReadError } from "./errors.js";

/** How a LibreOffice run failed. */
interface SofficeFailure {
  readonly code: string | number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when we stopped it (time limit). */
  readonly killed: boolean;
  readonly stderr: string;
}

/**
 * Runs soffice as the leader of a process group of its own (so that `stop` can end the whole group: the
 * launcher and the soffice.bin it starts); resolves with its stderr.
 */
function runSoffice(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  stop: (child: ChildProcess) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let killed = false;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      killed = true;
      stop(child);
    }, timeoutMs);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject({ code: error.code ?? null, signal: null, killed, stderr } satisfies SofficeFailure);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stderr);
      else reject({ code, signal, killed, stderr } satisfies SofficeFailure);
    });
    // Stopped at the time limit: done when the launcher exits, even if a child it started still holds stderr open.
    child.on("exit", (code, signal) => {
      if (!killed) return;
      child.stderr.destroy();
      reject({ code, signal, killed, stderr } satisfies SofficeFailure);
    });
  });
}

/**
 * LibreOffice's own reason (`Error: source file could not be loaded`), without the temporary paths of the
 * command line, so the same file gives the same error record on every run.
 */
function sofficeError(stderr: string): string | null {
  return /^Error: (.+)$/m.exec(stderr)?.[1]?.trim() ?? null;
}

/** Options for the LibreOffice conversion of legacy and other containers. */
export interface ConvertOptions {
  /** The soffice executable; found on PATH by default. */
  readonly soffice?: string;
  readonly timeoutMs?: number;
  /**
   * Stops a conversion at its time limit. By default the started process is killed; the CLI and the batch
   * pass one that kills its whole process group, so no soffice.bin outlives its launcher (the library itself
   * never touches `process`).
   */
  readonly stop?: (child: ChildProcess) => void;
}

/** The formats LibreOffice converts for us: word-processing files to .docx, spreadsheets to .xlsx. */
export type ConvertibleFormat = "doc" | "rtf" | "odt" | "wps" | "xls" | "ods";

/** What each format becomes, and the LibreOffice export filter that writes it. */
const TARGETS = {
  doc: { ext: "docx", filter: "docx:MS Word 2007 XML" },
  rtf: { ext: "docx", filter: "docx:MS Word 2007 XML" },
  odt: { ext: "docx", filter: "docx:MS Word 2007 XML" },
  wps: { ext: "docx", filter: "docx:MS Word 2007 XML" },
  xls: { ext: "xlsx", filter: "xlsx:Calc MS Excel 2007 XML" },
  ods: { ext: "xlsx", filter: "xlsx:Calc MS Excel 2007 XML" },
} as const satisfies Record<ConvertibleFormat, { ext: string; filter: string }>;
/** Kills the process the conversion started (its children, such as soffice.bin, are not reached). */
const killChild = (child: ChildProcess): void => {
  child.kill("SIGKILL");
};

/**
 * Converts a file LibreOffice can read into .docx (word-processing formats: legacy .doc and .dot, RTF, ODT,
 * WPS) or .xlsx (legacy .xls and WPS .et, ODS). Each run gets its own profile directory: two runs sharing the
 * default profile collide, and the loser exits 0 without writing anything, so the output's existence is
 * checked rather than trusted.
 */
export async function convertWithLibreOffice(
  bytes: Uint8Array,
  format: ConvertibleFormat,
  options: ConvertOptions = {},
): Promise<Buffer> {
  const target = TARGETS[format];
  const dir = await mkdtemp(join(tmpdir(), "jixiao-soffice-"));
  try {
    const input = join(dir, `input.${format}`);
    await writeFile(input, bytes);
    let stderr = "";
    try {
      stderr = await runSoffice(
        options.soffice ?? "soffice",
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
          "--headless",
          "--norestore",
          "--convert-to",
          target.filter,
          "--outdir",
          dir,
          input,
        ],
        options.timeoutMs ?? 120_000,
        options.stop ?? killChild,
      );
    } catch (error) {
      const failure = error as SofficeFailure;
      if (failure.code === "ENOENT") throw new ReadError("libreoffice-missing");
      // A signal we did not send (Ctrl-C reaches the whole process group): not a verdict on the file.
      if (failure.signal && !failure.killed) throw new ReadError("conversion-interrupted", `(${failure.signal})`);
      const how = failure.killed ? "timed out" : `exit code ${String(failure.code ?? failure.signal)}`;
      throw new ReadError("conversion-failed", `(${[how, sofficeError(failure.stderr)].filter(Boolean).join(": ")})`);
    }
    try {
      return await readFile(join(dir, `input.${target.ext}`));
    } catch {
      throw new ReadError(
        "conversion-failed",
        `(${["no output was written", sofficeError(stderr)].filter(Boolean).join(": ")})`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Converts a legacy .doc (or RTF) to .docx with LibreOffice; see {@link convertWithLibreOffice}. */
export function convertToDocx(bytes: Uint8Array, format: "doc" | "rtf", options: ConvertOptions = {}): Promise<Buffer> {
  return convertWithLibreOffice(bytes, format, options);
}
