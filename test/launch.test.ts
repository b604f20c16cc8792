/**
 * The CLI's start: V8's settings come from the bin's #! line, or from starting Node again with them
 * (src/cli/launch.ts). Real processes: a launcher script (under tsx) relaunching a small entry script.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { V8_FLAGS, workerExecArgv } from "../src/batch/v8-settings.js";
import { tempFolders } from "./helpers/temp.js";

const temp = tempFolders();
const LAUNCH = new URL("../src/cli/launch.ts", import.meta.url).href;

/** Writes an entry script and a launcher that relaunches it; returns the launcher's path. */
async function scripts(entryBody: string): Promise<{ dir: string; launcher: string }> {
  const dir = await temp("jixiao-launch-");
  const entry = join(dir, "entry.mjs");
  await writeFile(entry, `import { watchLauncher } from ${JSON.stringify(LAUNCH)};\n${entryBody}\n`);
  const launcher = join(dir, "launcher.mjs");
  await writeFile(
    launcher,
    `import { relaunch } from ${JSON.stringify(LAUNCH)};\n` +
      `const { code, signal } = await relaunch(${JSON.stringify(entry)}, ["a b", "c"]);\n` +
      `process.stdout.write(JSON.stringify({ code, signal }));\n`,
  );
  return { dir, launcher };
}

function runLauncher(launcher: string) {
  // In a process group of its own, so that the test can signal the group as a terminal does.
  const child = spawn(process.execPath, ["--import", "tsx", launcher], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exit = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
  }));
  return { child, exit };
}

async function waitForFile(path: string): Promise<string> {
  for (;;) {
    const text = await readFile(path, "utf8").catch(() => "");
    if (text !== "") return text;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Whether a process is running (a zombie nobody has reaped yet counts as gone). */
const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

describe("V8 settings", () => {
  it("are the ones on the bin's #! line", async () => {
    const main = await readFile(new URL("../src/cli/main.ts", import.meta.url), "utf8");
    expect(main.split("\n")[0]).toBe(`#!/usr/bin/env -S node ${V8_FLAGS.join(" ")}`);
  });

  it("are not handed to worker threads, which refuse them", () => {
    expect(workerExecArgv().some((arg) => V8_FLAGS.includes(arg))).toBe(false);
  });
});

describe("relaunch", { timeout: 30_000 }, () => {
  it("starts Node with the V8 settings and the same arguments, and returns the exit code", async () => {
    const { dir, launcher } = await scripts(
      `import { writeFileSync } from "node:fs";\n` +
        `writeFileSync(new URL("./seen.json", import.meta.url), JSON.stringify({ execArgv: process.execArgv, argv: process.argv.slice(2) }));\n` +
        `process.exitCode = 7;`,
    );
    const { exit } = runLauncher(launcher);
    const result = await exit;
    expect(JSON.parse(result.stdout)).toEqual({ code: 7, signal: null });
    const seen = JSON.parse(await readFile(join(dir, "seen.json"), "utf8")) as { execArgv: string[]; argv: string[] };
    expect(seen.execArgv).toEqual(expect.arrayContaining([...V8_FLAGS]));
    expect(seen.argv).toEqual(["a b", "c"]);
  });

  it("passes SIGINT on once, and reports how the child ended", async () => {
    const { dir, launcher } = await scripts(
      `import { writeFileSync } from "node:fs";\n` +
        `let count = 0;\n` +
        `process.on("SIGINT", () => { count++; setTimeout(() => { writeFileSync(new URL("./count.txt", import.meta.url), String(count)); process.exit(130); }, 300); });\n` +
        `writeFileSync(new URL("./ready.txt", import.meta.url), "1");\n` +
        `setInterval(() => {}, 1000);`,
    );
    const { child, exit } = runLauncher(launcher);
    await waitForFile(join(dir, "ready.txt"));
    // What a terminal's Ctrl-C does: SIGINT to the launcher's whole process group.
    process.kill(-child.pid!, "SIGINT");
    const result = await exit;
    expect(JSON.parse(result.stdout)).toEqual({ code: 130, signal: null });
    expect(await readFile(join(dir, "count.txt"), "utf8")).toBe("1");
  });

  it("the relaunched process stops when the launcher is killed", async () => {
    const { dir, launcher } = await scripts(
      `import { writeFileSync } from "node:fs";\n` +
        `watchLauncher();\n` +
        `writeFileSync(new URL("./pid.txt", import.meta.url), String(process.pid));\n` +
        `setInterval(() => {}, 1000);`,
    );
    const { child, exit } = runLauncher(launcher);
    const pid = Number(await waitForFile(join(dir, "pid.txt")));
    expect(alive(pid)).toBe(true);
    child.kill("SIGKILL");
    await exit;
    const deadline = Date.now() + 5_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(alive(pid)).toBe(false);
  });
});
