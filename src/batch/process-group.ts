import type { ChildProcess } from "node:child_process";

/**
 * Kills a child started as a process-group leader together with everything it started (LibreOffice's launcher
 * and its soffice.bin): the `stop` the CLI and batch give the conversion, which the library cannot do without
 * touching `process`.
 */
export function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}
