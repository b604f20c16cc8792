/**
 * The web page (issue 18) in Debian's Chromium, opened from file:// with every request recorded: the reference's
 * .docx files (Word's, LibreOffice's re-save, and the .doc saved as .docx) and two variants, chosen and dropped,
 * give the CLI's document JSON; the reports render without a console error; batch.xlsx, the CSVs and the NDJSON
 * built in the page equal the CLI's; a .doc gets the message to save it as .docx; a rule file changes the
 * findings; the annotated copy downloads. The page is built fresh from the sources for the test.
 */
import { copyFile, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWebPage, MAX_BYTES, WEB_PAGE } from "../../scripts/build-web.mjs";
import { DocumentSchema, type JixiaoDocument } from "../../src/model/schema.js";
import { convertWithLibreOffice } from "../../src/read/libreoffice.js";
import { canBrowse, launchChromium } from "../helpers/browser.js";
import { cli } from "../helpers/cli.js";
import { FIXTURES, hasSoffice } from "../helpers/fixtures.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

// What the functions run in the page see (they are serialised and run there; the tests compile without the DOM).
declare const window: { jixiao: { results: JixiaoDocument[]; done: boolean } };
declare class DataTransfer {
  readonly items: { add(file: unknown): void };
}
declare class File {
  constructor(parts: unknown[], name: string);
}

/** The inputs, by the name they have in both the CLI's input folder and the page. */
const DOCX = {
  "yutian-commerce-2025.docx": "yutian-commerce-2025.docx",
  "yutian-commerce-2025.libreoffice.docx": "yutian-commerce-2025.libreoffice.docx",
  "shenbaobiao.docx": "variants/shenbaobiao.docx",
  "stacked.docx": "variants/stacked.docx",
} as const;
/** Dropped on the drop zone (the others are chosen with the file input). */
const DROPPED = "stacked.docx";
/** The .doc, saved as .docx (by LibreOffice here, as a user would in Word or WPS). */
const SAVED_AS_DOCX = "yutian-commerce-2025.doc.docx";
const withSoffice = hasSoffice() || process.env.CI !== undefined;

/** A document without its path, which the page and the CLI may spell differently. */
const withoutPath = (doc: JixiaoDocument) => ({ ...doc, source: { ...doc.source, path: "" } });

async function readSheets(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

describe.runIf(canBrowse)("the web page (dist/web/jixiao.html) in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let input: string;
  let out: string;
  let pageFile: string;
  const cliDocs = new Map<string, JixiaoDocument>();
  /** Every request the page or its workers made, and every console error or uncaught exception. */
  const requests: string[] = [];
  const problems: string[] = [];
  const names = () => [...Object.keys(DOCX), ...(withSoffice ? [SAVED_AS_DOCX] : [])];

  beforeAll(async () => {
    input = await temp("jixiao-web-in-");
    out = await temp("jixiao-web-out-");
    for (const [name, fixture] of Object.entries(DOCX)) await copyFile(join(FIXTURES, fixture), join(input, name));
    if (withSoffice) {
      const doc = await readFile(join(FIXTURES, "yutian-commerce-2025.doc"));
      await writeFile(join(input, SAVED_AS_DOCX), await convertWithLibreOffice(doc, "doc"));
    }
    expect((await cli(input, "-o", out, "--jobs", "1", "--quiet")).code).toBe(0);
    for (const line of (await readFile(join(out, "documents.ndjson"), "utf8")).trim().split("\n")) {
      const doc = DocumentSchema.parse(JSON.parse(line));
      cliDocs.set(basename(doc.source.path), doc);
    }
    // Built from the sources into the place `npm run build` writes it, so `jixiao web` below copies this build.
    await buildWebPage(WEB_PAGE);
    pageFile = WEB_PAGE;
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    context.on("request", (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(pathToFileURL(pageFile).href);
    const chosen = names().filter((n) => n !== DROPPED);
    await page.setInputFiles(
      "#files",
      chosen.map((n) => join(input, n)),
    );
    // The drop zone: a drop event carrying a file, as the browser fires it when a file is dragged onto the page.
    const bytes = [...(await readFile(join(input, DROPPED)))];
    const transfer = await page.evaluateHandle(
      ({ name, bytes }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name));
        return data;
      },
      { name: DROPPED, bytes },
    );
    await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
    await page.waitForFunction(() => window.jixiao?.done === true, null, { timeout: 180_000 });
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("is one file within its budget, with no external asset and a policy that allows no request", async () => {
    const html = await readFile(pageFile, "utf8");
    expect((await stat(pageFile)).size).toBeLessThanOrEqual(MAX_BYTES);
    expect(html).not.toMatch(/<(link|img|iframe)[^>]+(href|src)=["']?(https?:|\/\/)/iu);
    expect(html).not.toMatch(/<script[^>]+src=/iu);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/u);
  });

  it("gives the CLI's document JSON for every .docx, and the page's progress says so", async () => {
    const results = await page.evaluate(() => window.jixiao.results);
    expect(results.map((d) => d.source.path).sort()).toEqual(names().sort());
    for (const doc of results) {
      const expected = cliDocs.get(doc.source.path);
      expect(expected, doc.source.path).toBeDefined();
      expect(withoutPath(DocumentSchema.parse(doc)), doc.source.path).toEqual(withoutPath(expected!));
    }
    expect(await page.locator("#progress-text").textContent()).toBe(`已处理 ${names().length} / ${names().length} 份`);
    expect(await page.locator("#progress").getAttribute("value")).toBe(String(names().length));
  });

  it("shows the batch table and each document's report (the CLI's HTML) without a console error", async () => {
    const table = page.frameLocator("#batch");
    expect(await table.locator("table#documents tbody tr").count()).toBe(names().length);
    for (const name of names()) {
      await table.locator(`tr[data-source="${name}"] a`).first().click();
      await expect.poll(() => page.locator("#report-title").textContent()).toBe(name);
      const report = page.frameLocator("#report");
      const html = await readFile(join(out, `${name}.report.html`), "utf8");
      const title = /<h1[^>]*>([^<]*)</u.exec(html)?.[1];
      expect(await report.locator("h1").first().textContent()).toBe(title);
    }
    expect(problems).toEqual([]);
  });

  it("builds batch.xlsx with the CLI's rows, and the CSVs and NDJSON as the CLI writes them", async () => {
    const xlsx = await downloaded(page, () => page.click('button[data-download="batch.xlsx"]'));
    expect(xlsx.name).toBe("batch.xlsx");
    expect(await readSheets(xlsx.bytes)).toEqual(await readSheets(await readFile(join(out, "batch.xlsx"))));
    for (const name of ["indicators.csv", "findings.csv"]) {
      const csv = await downloaded(page, () => page.click(`button[data-download="${name}"]`));
      expect(csv.bytes.toString("utf8"), name).toBe(await readFile(join(out, name), "utf8"));
    }
    const ndjson = await downloaded(page, () => page.click('button[data-download="documents.ndjson"]'));
    const lines = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((l) => withoutPath(JSON.parse(l)));
    expect(lines(ndjson.bytes.toString("utf8"))).toEqual(lines(await readFile(join(out, "documents.ndjson"), "utf8")));
  });

  it("downloads a document's JSON, and its annotated copy with Word comments", async () => {
    const name = "yutian-commerce-2025.docx";
    await page.frameLocator("#batch").locator(`tr[data-source="${name}"] a`).first().click();
    const json = await downloaded(page, () => page.click("#download-json"));
    expect(json.name).toBe(`${name}.json`);
    expect(withoutPath(JSON.parse(json.bytes.toString("utf8")))).toEqual(withoutPath(cliDocs.get(name)!));
    const annotated = await downloaded(page, () => page.click("#download-annotated"));
    expect(annotated.name).toBe("yutian-commerce-2025.批注.docx");
    const parts = unzipSync(new Uint8Array(annotated.bytes));
    expect(new TextDecoder().decode(parts["word/comments.xml"])).toContain("<w:comment ");
  });

  it("tells a .doc to be saved as .docx, in Chinese", async () => {
    await page.setInputFiles("#files", join(FIXTURES, "yutian-commerce-2025.doc"));
    await page.waitForFunction(() => window.jixiao.done && window.jixiao.results.length > 0, null, {
      timeout: 60_000,
    });
    const doc = (await page.evaluate(() => window.jixiao.results)).find(
      (d) => d.source.path === "yutian-commerce-2025.doc",
    );
    expect(doc?.error?.code).toBe("browser-needs-docx");
    const row = page.frameLocator("#batch").locator('tr[data-source="yutian-commerce-2025.doc"]');
    expect(await row.locator(".error").textContent()).toContain("另存为” .docx");
  });

  it("applies a rule file to the documents, and refuses a broken one with its reason", async () => {
    const before = await page.evaluate(() => window.jixiao.results);
    const rule = before.flatMap((d) => d.findings)[0]!.rule;
    const rules = join(input, "rules.yaml");
    await writeFile(rules, `rules:\n  ${rule}: off\n`);
    await page.setInputFiles("#rules-file", rules);
    await expect.poll(() => page.locator("#settings-status").textContent()).toContain("rules.yaml");
    await page.waitForFunction(() => window.jixiao.done, null, { timeout: 180_000 });
    const after = await page.evaluate(() => window.jixiao.results);
    expect(after.length).toBe(before.length);
    expect(after.flatMap((d) => d.findings).filter((f) => f.rule === rule)).toEqual([]);
    const broken = join(input, "broken.yaml");
    await writeFile(broken, "rules:\n  no-such-rule: off\n");
    await page.setInputFiles("#rules-file", broken);
    await expect.poll(() => page.locator("#settings-status").textContent()).toContain("no-such-rule");
  });

  it("compares years as the CLI does: trends.json and the 历年对比 sheet", async () => {
    const folder = join(FIXTURES, "trends");
    const files = (await readdir(folder)).filter((f) => f.endsWith(".docx")).sort();
    const trendsOut = await temp("jixiao-web-trends-");
    expect((await cli(folder, "-o", trendsOut, "--jobs", "1", "--quiet")).code).toBe(0);
    await page.click("#clear");
    // Back to the built-in rules (the test above left a rule file in force), as the CLI runs them.
    await page.setInputFiles("#rules-file", []);
    await expect.poll(() => page.locator("#settings-status").textContent()).toBe("正在使用内置配置");
    await page.setInputFiles(
      "#files",
      files.map((f) => join(folder, f)),
    );
    await page.waitForFunction((n) => window.jixiao.done && window.jixiao.results.length === n, files.length, {
      timeout: 300_000,
    });
    const link = page.frameLocator("#batch").locator("p.trends a", { hasText: "trends.json" });
    const json = await downloaded(page, () => link.click());
    expect(JSON.parse(json.bytes.toString("utf8"))).toEqual(
      JSON.parse(await readFile(join(trendsOut, "trends.json"), "utf8")),
    );
    const xlsx = await downloaded(page, () => page.click('button[data-download="batch.xlsx"]'));
    const sheets = await readSheets(xlsx.bytes);
    expect(sheets.历年对比?.length).toBeGreaterThan(1);
    expect(sheets).toEqual(await readSheets(await readFile(join(trendsOut, "batch.xlsx"))));
  }, 400_000);

  it("made no request beyond opening the page and starting its workers", () => {
    const outside = requests.filter((url) => url !== pathToFileURL(pageFile).href && !url.startsWith("blob:"));
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("is copied out by `jixiao web -o DIR`", async () => {
    const dir = await temp("jixiao-web-copy-");
    const result = await cli("web", "-o", dir);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, "jixiao.html"))).toEqual(await readFile(pageFile));
  });
});
