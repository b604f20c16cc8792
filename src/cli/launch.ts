import { spawn } from "node:child_process";
import { type Dirent, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { DOCUMENT_EXTENSIONS, isLockFile } from "../batch/document-extensions.js";
import { hasV8Flags, RELAUNCHED, V8_FLAGS } from "../batch/v8-settings.js";

const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * The options of the document commands that take a value (`-o out`): the word after one is not an input.
 * test/launch.test.ts checks this list against the program's own options.
 */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "-o",
  "--output",
  "--format",
  "-c",
  "--config",
  "--rules",
  "-j",
  "--jobs",
  "--timeout",
  "--max-unzipped",
  "--fail-on",
  "--year",
  "--shard",
]);

/** Commands that never run a batch of documents; `audit` does only with `-o` (it prints otherwise). */
const OTHER_COMMANDS: ReadonlySet<string> = new Set(["inspect", "trends", "rules", "schema", "merge", "web", "help"]);
/** Options under which nothing is processed on workers. */
const NO_WORKERS: ReadonlySet<string> = new Set(["-h", "--help", "-V", "--version", "--stdout"]);

/** Up to `limit` documents under a folder, by their names (what the batch itself will search for). */
function countDocuments(dir: string, limit: number): number {
  let found = 0;
  const pending = [dir];
  while (pending.length > 0 && found < limit) {
    const at = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) pending.push(join(at, entry.name));
      else if (DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !isLockFile(entry.name)) found++;
      if (found >= limit) break;
    }
  }
  return found;
}

/**
 * How many workers a command line will keep busy, read from the arguments alone before the program is loaded:
 * `min(jobs, documents)`, counting documents only up to two. A guess that only decides whether to start Node
 * again with the V8 settings; the command itself is parsed and checked by the program either way.
 */
export function busyWorkers(argv: readonly string[], defaultJobs: number): number {
  const [first] = argv;
  if (first === undefined || OTHER_COMMANDS.has(first)) return 0;
  const command = first === "audit" || first === "extract" ? first : null;
  let jobs = defaultJobs;
  let output = false;
  const inputs: string[] = [];
  for (let i = command === null ? 0 : 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      inputs.push(...argv.slice(i + 1));
      break;
    }
    const [name, inline] = arg.startsWith("--")
      ? [arg.split("=")[0]!, arg.split("=")[1]]
      : [arg.slice(0, 2), arg.slice(2) || undefined];
    if (!arg.startsWith("-") || arg === "-") inputs.push(arg);
    else if (NO_WORKERS.has(name)) return 0;
    else if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (name === "-j" || name === "--jobs") jobs = Number(value);
      if (name === "-o" || name === "--output") output = true;
    }
  }
  if (command === "audit" && !output) return 0;
  let documents = 0;
  for (const input of inputs) {
    if (documents >= 2) break;
    if (/[*?[{]/u.test(input)) documents += 2;
    else {
      const info = statSync(input, { throwIfNoEntry: false });
      if (info?.isDirectory()) documents += countDocuments(input, 2 - documents);
      else if (info) documents++;
    }
  }
  return Number.isInteger(jobs) && jobs > 0 ? Math.min(jobs, documents) : 0;
}

/**
 * Whether a command line is worth a second Node process with the V8 settings: only a batch that keeps two or
 * more workers busy (measured in docs/performance.md, "Fourth round"). With one worker, or one document in this
 * thread, V8's helper threads use the idle core, and the settings would slow the run down.
 */
export function wantsV8Flags(argv: readonly string[], defaultJobs: number): boolean {
  return !hasV8Flags() && busyWorkers(argv, defaultJobs) >= 2;
}

/**
 * Runs `entry` with `args` in a new Node process that has the V8 settings, and resolves with its exit code.
 * The child runs in its own process group, so a terminal's Ctrl-C reaches it once, through this process,
 * which passes on SIGINT, SIGTERM and SIGHUP; the child watches this process through an IPC channel and stops
 * if it dies (see `watchLauncher`). A child ended by a signal ends this process the same way, so that a shell
 * sees what happened.
 */
export async function relaunch(entry: string, args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...V8_FLAGS, entry, ...args], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, [RELAUNCHED]: "1" },
    detached: true,
  });
  const handlers = FORWARDED_SIGNALS.map((signal) => [signal, () => void child.kill(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | Error>((resolve) => {
    child.once("error", resolve);
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  if (ended instanceof Error) throw ended;
  if (ended.signal !== null) process.kill(process.pid, ended.signal);
  return ended.code ?? 1;
}

/** In a relaunched process: stop when the launcher is gone (killed with SIGKILL, say), as its child would. */
export function watchLauncher(): void {
  if (process.env[RELAUNCHED] !== "1" || !process.channel) return;
  process.channel.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGKILL"));
}
