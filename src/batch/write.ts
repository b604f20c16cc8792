import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import fg from "fast-glob";

/** The temporary name a file is written under before it is renamed into place. */
export function tempPath(path: string): string {
  return `${path}.${randomBytes(6).toString("hex")}.tmp`;
}

/**
 * Removes the temporary files a killed run left in an output folder (a process killed between writing
 * and renaming cannot clean up after itself); finished outputs are never touched.
 */
export async function removeStaleTemps(outDir: string): Promise<number> {
  const stale = (await fg("**/*.tmp", { cwd: outDir, onlyFiles: true, dot: true })).filter((p) =>
    /\.[0-9a-f]{12}\.tmp$/u.test(p),
  );
  await Promise.all(stale.map((p) => rm(join(outDir, p), { force: true })));
  return stale.length;
}

/** Writes a file atomically: a temporary file beside it, then a rename, so a reader never sees half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
