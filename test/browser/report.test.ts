import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JixiaoDocument } from "../../src/model/schema.js";
import { canBrowse, launchChromium } from "../helpers/browser.js";
import { cli } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/fixtures.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

describe.runIf(canBrowse)("the HTML audit report in Chromium", () => {
  let browser: Browser;
  let out: string;
  let doc: JixiaoDocument;

  beforeAll(async () => {
    out = await temp("jixiao-report-");
    expect((await cli("audit", join(FIXTURES, "yutian-commerce-2025.docx"), "-o", out, "--quiet")).code).toBe(0);
    doc = JSON.parse(await readFile(join(out, "yutian-commerce-2025.docx.json"), "utf8")) as JixiaoDocument;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("opens from file:// with no console errors and shows the JSON's projects and counts", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(join(out, "yutian-commerce-2025.docx.report.html")).href);

    const count = (name: string) => page.locator(`[data-count="${name}"]`).first().textContent();
    const bySeverity = (s: string) => String(doc.findings.filter((f) => f.severity === s).length);
    expect(await count("projects")).toBe("4");
    expect(await count("indicators")).toBe(String(doc.projects.reduce((n, p) => n + p.indicators.length, 0)));
    expect(await count("error")).toBe(bySeverity("error"));
    expect(await count("warning")).toBe(bySeverity("warning"));
    expect(await count("info")).toBe(bySeverity("info"));

    const codes = await page
      .locator("section.project")
      .evaluateAll((sections) => sections.map((s) => s.getAttribute("data-project-code")));
    expect(codes.sort()).toEqual(doc.projects.map((p) => p.code).sort());
    expect(await page.locator("article.finding").count()).toBe(doc.findings.length);

    // The severity filter hides exactly the findings of the unchecked severity.
    await page.locator('input[data-filter="info"]').uncheck();
    expect(await page.locator("article.finding:visible").count()).toBe(
      doc.findings.length - Number(bySeverity("info")),
    );
    await page.locator('input[data-filter="info"]').check();

    // A finding's location link jumps to the table row it names.
    const link = page.locator("article.finding a.loc[href^='#t']").first();
    const target = await link.getAttribute("href");
    await link.click();
    expect(await page.locator(target!).count()).toBe(1);
    await page.screenshot({ path: join(out, "report.png"), fullPage: false });
    expect(problems).toEqual([]);
  });
});
