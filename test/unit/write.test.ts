import { chmod, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { killProcessGroup } from "../../src/batch/process-group.js";
import { removeStaleTemps, tempPath, writeFileAtomic } from "../../src/batch/write.js";
import { convertToDocx, ReadError } from "../../src/read/index.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

describe("atomic writes", () => {
  it("writes through a temporary name and leaves nothing else behind", async () => {
    const dir = await temp("jixiao-write-");
    await writeFileAtomic(join(dir, "a", "b.json"), "{}\n");
    expect(await readdir(join(dir, "a"))).toEqual(["b.json"]);
  });

  it("removes the temporary files a killed run left, and only those", async () => {
    const dir = await temp("jixiao-write-");
    await mkdir(join(dir, "sub"));
    await writeFile(tempPath(join(dir, "sub", "x.json")), "half");
    await writeFile(tempPath(join(dir, "batch.xlsx")), "half");
    await writeFile(join(dir, "notes.tmp"), "the user's own");
    await writeFile(join(dir, "x.json"), "{}");
    expect(await removeStaleTemps(dir)).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(["notes.tmp", "sub", "x.json"]);
    expect(await readdir(join(dir, "sub"))).toEqual([]);
  });
});

describe("the LibreOffice time limit", () => {
  /** A fake soffice: a launcher that starts a long-running child, as soffice starts soffice.bin. */
  async function hungLauncher(dir: string): Promise<{ fake: string; pidFile: string }> {
    const pidFile = join(dir, "child.pid");
    const fake = join(dir, "soffice");
    await writeFile(fake, `#!/bin/sh\nsleep 600 &\necho $! > ${pidFile}\nwait\n`);
    await chmod(fake, 0o755);
    return { fake, pidFile };
  }

  /** Whether a process still runs: gone, or a zombie waiting for a reaper (this sandbox's init may not reap), is not. */
  async function running(pid: number): Promise<boolean> {
    const state = await readFile(`/proc/${pid}/stat`, "utf8").then(
      (stat) => stat.split(") ")[1]?.[0],
      () => "gone",
    );
    return !["gone", "Z", "X"].includes(state ?? "gone");
  }

  it("kills the whole process group of a hung conversion with the CLI's and batch's stop", async () => {
    const dir = await temp("jixiao-soffice-test-");
    try {
      const { fake, pidFile } = await hungLauncher(dir);
      const conversion = convertToDocx(Buffer.from("{\\rtf1}"), "rtf", {
        soffice: fake,
        timeoutMs: 500,
        stop: killProcessGroup,
      });
      await expect(conversion).rejects.toMatchObject({
        code: "conversion-failed",
        message: expect.stringContaining("timed out"),
      });
      await expect(conversion).rejects.toBeInstanceOf(ReadError);
      const pid = Number(await readFile(pidFile, "utf8"));
      await new Promise((r) => setTimeout(r, 200));
      expect(await running(pid)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("stops the launcher it started by default, without touching the process group", async () => {
    const dir = await temp("jixiao-soffice-test-");
    try {
      const { fake, pidFile } = await hungLauncher(dir);
      const conversion = convertToDocx(Buffer.from("{\\rtf1}"), "rtf", { soffice: fake, timeoutMs: 500 });
      await expect(conversion).rejects.toMatchObject({
        code: "conversion-failed",
        message: expect.stringContaining("timed out"),
      });
      const pid = Number(await readFile(pidFile, "utf8"));
      // The launcher's child is beyond the default stop's reach; the test ends it.
      if (await running(pid)) process.kill(pid, "SIGKILL");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
