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
    // One item per group of findings; every finding is reachable by its anchor.
    const groups = new Set(doc.findings.map((f) => f.group));
    expect(await page.locator("article.finding").count()).toBe(groups.size);
    for (let i = 0; i < doc.findings.length; i++) expect(await page.locator(`#f-${i}`).count()).toBe(1);

    // The severity filter hides exactly the items of the unchecked severity.
    const itemsOf = (s: string) => [...groups].filter((g) => groupSeverity(g) === s).length;
    const groupSeverity = (g: number) =>
      ["error", "warning", "info"].find((s) => doc.findings.some((f) => f.group === g && f.severity === s));
    await page.locator('input[data-filter="info"]').uncheck();
    expect(await page.locator("article.finding:visible").count()).toBe(groups.size - itemsOf("info"));
    await page.locator('input[data-filter="info"]').check();

    // A finding's location link jumps to the table row it names.
    const link = page.locator("article.finding a.loc[href^='#t']").first();
    const target = await link.getAttribute("href");
    await link.click();
    expect(await page.locator(target!).count()).toBe(1);
    await page.screenshot({ path: join(out, "report.png"), fullPage: false });
    expect(problems).toEqual([]);
  });

  it("shows the first error in the first screen (1400×900) and lists every error and warning at the top", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(join(out, "yutian-commerce-2025.docx.report.html")).href);
    const firstError = page.locator('article.finding[data-severity="error"]').first();
    const box = await firstError.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y + 60).toBeLessThan(900); // its heading and message, not just its top edge

    // The summary: one line per error or warning item, errors first, each linking to an item on the page.
    const lines = page.locator("ol.summary-list li");
    const severities = await lines.evaluateAll((ls) => ls.map((l) => l.getAttribute("data-severity")));
    const errorGroups = new Set(doc.findings.filter((f) => f.severity === "error").map((f) => f.group));
    const warningGroups = new Set(
      doc.findings.filter((f) => f.severity === "warning" && !errorGroups.has(f.group)).map((f) => f.group),
    );
    expect(severities).toEqual([
      ...Array(errorGroups.size).fill("error"),
      ...Array(warningGroups.size).fill("warning"),
    ]);
    const targets = await lines.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(new Set(targets)).toEqual(new Set([...errorGroups, ...warningGroups].map((g) => `#f-${g}`)));
    for (const f of doc.findings.filter((f) => f.severity !== "info")) {
      expect(targets).toContain(`#f-${f.group}`);
    }
    const lastLine = await lines.last().boundingBox();
    expect(lastLine!.y + lastLine!.height).toBeLessThan(900);

    // Following a summary line lands on its item.
    await lines.first().locator("a").click();
    expect(new URL(page.url()).hash).toBe(targets[0]);
    await page.close();
  });

  it("with only 错误 ticked, hides every project without an error", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(join(out, "yutian-commerce-2025.docx.report.html")).href);
    await page.locator('input[data-filter="warning"]').uncheck();
    await page.locator('input[data-filter="info"]').uncheck();
    const visible = await page
      .locator("section.project:visible")
      .evaluateAll((ss) => ss.map((s) => s.getAttribute("data-project-code")));
    const withError = doc.projects
      .filter((p) => doc.findings.some((f) => f.severity === "error" && f.project?.code === p.code))
      .map((p) => p.code);
    expect(visible.sort()).toEqual(withError.sort());
    expect(withError.length).toBeGreaterThan(0);
    expect(withError.length).toBeLessThan(doc.projects.length);
    expect(await page.locator("article.finding:visible").count()).toBe(
      await page.locator('article.finding[data-severity="error"]').count(),
    );
    expect(await page.locator("ol.summary-list li:visible").count()).toBe(
      await page.locator('ol.summary-list li[data-severity="error"]').count(),
    );
    await page.locator('input[data-filter="warning"]').check();
    await page.locator('input[data-filter="info"]').check();
    expect(await page.locator("section.project:visible").count()).toBe(doc.projects.length);
    await page.close();
  });

  it("titles every item and summary line in Chinese, never with a rule id", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, "yutian-commerce-2025.docx.report.html")).href);
    const ids = new Set<string>(doc.findings.map((f) => f.rule));
    const titles = [
      ...(await page.locator("article.finding h4 .title").allTextContents()),
      ...(await page.locator("ol.summary-list li a").allTextContents()),
      ...(await page.locator("ul.aspects li strong").allTextContents()),
    ];
    expect(titles.length).toBeGreaterThan(doc.findings.length / 2);
    for (const title of titles) {
      expect(title).toMatch(/\p{Script=Han}/u);
      for (const part of title.split("、")) expect(ids.has(part)).toBe(false);
      expect(title).not.toMatch(/[a-z]+-[a-z]+/u);
    }
    await page.close();
  });
});
