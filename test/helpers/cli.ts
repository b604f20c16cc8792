import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const MAIN = new URL("../../src/cli/main.ts", import.meta.url).pathname;

/** Runs the real CLI (the TypeScript entry under tsx) in a child process. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", MAIN, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
