import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentSchema, type JixiaoDocument } from "../../src/model/schema.js";
import { canBrowse, launchChromium } from "../helpers/browser.js";
import { cli } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/fixtures.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

describe.runIf(canBrowse)("the batch page (out/index.html) in Chromium", () => {
  let browser: Browser;
  let out: string;
  let docs: JixiaoDocument[];

  beforeAll(async () => {
    const input = await temp("jixiao-index-in-");
    await mkdir(join(input, "商务局"));
    await copyFile(join(FIXTURES, "yutian-commerce-2025.docx"), join(input, "商务局", "2025.docx"));
    await copyFile(join(FIXTURES, "yutian-commerce-2025.libreoffice.docx"), join(input, "商务局", "2025-重存.docx"));
    await writeFile(join(input, "damaged.docx"), "PK\u0003\u0004 damaged");
    out = await temp("jixiao-index-out-");
    // The batch runs in a child process as users run it: its worker threads load the TypeScript through tsx.
    expect((await cli(input, "-o", out, "--jobs", "1", "--quiet")).code).toBe(1);
    const ndjson = await readFile(join(out, "documents.ndjson"), "utf8");
    docs = ndjson
      .trim()
      .split("\n")
      .map((line) => DocumentSchema.parse(JSON.parse(line)));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("lists the documents with the JSON's counts, filters them, and links into each report", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(pathToFileURL(join(out, "index.html")).href);

    const rows = page.locator("table#documents tbody tr");
    expect(await rows.count()).toBe(3);
    for (const doc of docs.filter((d) => d.error === null)) {
      const row = page.locator(`tr[data-source="${doc.source.path}"]`);
      const cell = (col: string) => row.locator(`td[data-col="${col}"]`).textContent();
      expect(await cell("projects")).toBe(String(doc.projects.length));
      expect(await cell("indicators")).toBe(String(doc.projects.reduce((n, p) => n + p.indicators.length, 0)));
      expect(await cell("error")).toBe(String(doc.findings.filter((f) => f.severity === "error").length));
      expect(await cell("warning")).toBe(String(doc.findings.filter((f) => f.severity === "warning").length));
    }
    expect(await page.locator('tr[data-status="failed"]').textContent()).toContain("damaged.docx");
    expect(docs.find((d) => d.source.path === "damaged.docx")?.error?.code).toBe("corrupt-zip");
    expect(await page.locator('[data-total="documents"]').textContent()).toBe("3");

    await page.locator("#filter").fill("重存");
    expect(await rows.locator("visible=true").count()).toBe(1);
    await page.locator("#filter").fill("");
    await page.locator("#status-filter").selectOption("failed");
    expect(await rows.locator("visible=true").count()).toBe(1);
    await page.locator("#status-filter").selectOption("");
    expect(await rows.locator("visible=true").count()).toBe(3);

    await page.screenshot({ path: join(out, "index.png") });
    await page.locator(`tr[data-source="商务局/2025.docx"] a`).first().click();
    await page.waitForURL(/2025\.docx\.report\.html$/);
    expect(await page.locator("section.project").count()).toBe(4);
    expect(problems).toEqual([]);
  });
});
