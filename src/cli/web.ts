import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../batch/write.js";

/** The page's file name, in dist/web/ and wherever `jixiao web` writes it. */
export const WEB_PAGE = "jixiao.html";

/**
 * Where the built page is: beside the CLI in the package (dist/cli → dist/web), or, when the CLI runs from its
 * TypeScript sources (src/cli, through tsx), in the build output dist/web.
 */
const CANDIDATES = [
  new URL(`../web/${WEB_PAGE}`, import.meta.url),
  new URL(`../../dist/web/${WEB_PAGE}`, import.meta.url),
];

/** The built page's bytes, or null when it was not built (`npm run build` builds it). */
export async function readWebPage(): Promise<Uint8Array | null> {
  for (const url of CANDIDATES) {
    const bytes = await readFile(url).catch(() => null);
    if (bytes) return bytes;
  }
  return null;
}

/** Copies the page into `outDir` (atomically); returns its path, or null when there is no built page to copy. */
export async function writeWebPage(outDir: string): Promise<{ path: string; bytes: number } | null> {
  const page = await readWebPage();
  if (page === null) return null;
  const path = join(outDir, WEB_PAGE);
  await writeFileAtomic(path, page);
  return { path, bytes: page.byteLength };
}
