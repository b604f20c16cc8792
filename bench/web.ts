/**
 * The web page's budget line (issue 18): per document, the page's worker in this machine's Chromium against the
 * CLI's per-document path in Node (the built library: read, pipeline, JSON + Markdown + HTML), on the same
 * documents. Chromium's time is what the worker measures for each document (the same work: read, pipeline, the
 * three renderings), taken from `window.jixiao.workerMs` of the built page (dist/web/jixiao.html) opened from
 * file://. Each document runs `warmup + repeats` times on each side, alternating sides, and each side's median is
 * taken; the line is the median over the documents of Chromium's median / Node's.
 *
 * Alone: `npm run build && npx tsx bench/run.ts --only web`.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

/** A document to time. */
export interface WebBenchDocument {
  readonly name: string;
  readonly path: string;
}

export interface WebMeasurement {
  readonly documents: readonly { name: string; nodeMs: number; chromiumMs: number; ratio: number }[];
  /** Median over the documents of Chromium's time / Node's. */
  readonly medianRatio: number;
  readonly pageBytes: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether the line can run here: Debian's Chromium and the built page are both present. */
export function canMeasureWeb(root: string): boolean {
  return existsSync(CHROMIUM) && existsSync(join(root, "dist", "web", "jixiao.html"));
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// What the functions run in the page see (serialised and run there; this file compiles without the DOM).
declare const window: { jixiao: { done: boolean; workerMs: number[] } };
declare const document: { getElementById(id: string): { click(): void } | null };

export async function measureWeb(
  root: string,
  documents: readonly WebBenchDocument[],
  repeats: number,
  warmup: number,
): Promise<WebMeasurement> {
  type Lib = typeof import("../src/index.js");
  const lib = (await import(pathToFileURL(join(root, "dist", "index.js")).href)) as Lib;
  const pagePath = join(root, "dist", "web", "jixiao.html");
  const pageBytes = (await readFile(pagePath)).byteLength;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(pagePath).href);
    const config = lib.defaultConfig();
    const results: { name: string; nodeMs: number; chromiumMs: number; ratio: number }[] = [];
    for (const doc of documents) {
      const bytes = await readFile(doc.path);
      const node: number[] = [];
      const web: number[] = [];
      for (let i = 0; i < warmup + repeats; i++) {
        const start = performance.now();
        const result = await lib.extractBuffer(bytes, doc.name, { config });
        for (const render of Object.values(lib.renderers)) render(result);
        const nodeMs = performance.now() - start;
        await page.evaluate(() => document.getElementById("clear")?.click());
        await page.setInputFiles("#files", doc.path);
        await page.waitForFunction(() => window.jixiao.done && window.jixiao.workerMs.length === 1, null, {
          timeout: 300_000,
        });
        const chromiumMs = (await page.evaluate(() => window.jixiao.workerMs[0]))!;
        if (i >= warmup) {
          node.push(nodeMs);
          web.push(chromiumMs);
        }
      }
      const nodeMs = median(node);
      const chromiumMs = median(web);
      results.push({ name: doc.name, nodeMs, chromiumMs, ratio: chromiumMs / nodeMs });
    }
    return { documents: results, medianRatio: median(results.map((r) => r.ratio)), pageBytes };
  } finally {
    await browser.close();
  }
}
