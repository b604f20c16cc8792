import { type ChildProcess, spawn } from "node:child_process";
import { V8_FLAGS } from "../batch/v8-settings.js";

/** Set in the relaunched process, so that it does not relaunch again whatever its execArgv says. */
const RELAUNCHED = "JIXIAO_RELAUNCHED";
const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Whether this process runs with the CLI's V8 settings (or was started by `relaunch`). */
export function hasV8Flags(): boolean {
  return process.env[RELAUNCHED] === "1" || V8_FLAGS.every((flag) => process.execArgv.includes(flag));
}

/**
 * Runs `entry` with `args` in a new Node process that has the V8 settings, and resolves with its exit code
 * (or the signal that ended it). The child runs in its own process group, so a terminal's Ctrl-C reaches it
 * once, through this process, which passes on SIGINT, SIGTERM and SIGHUP; the child watches this process
 * through an IPC channel and stops if it dies (see `watchLauncher`).
 */
export function relaunch(
  entry: string,
  args: readonly string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, ...V8_FLAGS, entry, ...args], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, [RELAUNCHED]: "1" },
    detached: true,
  });
  const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
  const handlers = FORWARDED_SIGNALS.map((signal) => [signal, forward(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      for (const [s, handler] of handlers) process.removeListener(s, handler);
      resolve({ code, signal });
    });
  });
}

/** In a relaunched process: stop when the launcher is gone (killed with SIGKILL, say), as its child would. */
export function watchLauncher(): void {
  if (process.env[RELAUNCHED] !== "1" || !process.channel) return;
  process.channel.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGKILL"));
}
