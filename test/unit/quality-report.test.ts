/**
 * Where quality findings show: in a section of their own under each project in both reports, and with 类别 in
 * the 问题 rows (the 问题 sheet and findings.csv), on the reference document.
 */
import { describe, expect, it } from "vitest";
import { findingRows } from "../../src/batch/rows.js";
import type { DocumentSummary } from "../../src/batch/types.js";
import { renderHtml, renderMarkdown } from "../../src/render/index.js";
import { extractFixture } from "../helpers/fixtures.js";

describe("quality findings in the reports and spreadsheets", () => {
  it("get their own section under each project, after the consistency findings", { timeout: 120_000 }, async () => {
    const doc = await extractFixture("yutian-commerce-2025.docx");
    const quality = doc.findings.filter((f) => f.category === "quality");
    expect(quality.map((f) => f.rule).sort()).toEqual(["copied-indicator", "duplicate-indicator", "unknown-unit"]);

    const md = renderMarkdown(doc);
    const section = md.slice(md.indexOf("## 限上企业工作经费"));
    const own = section.slice(0, section.indexOf("\n## ", 1) >>> 0);
    // One item per problem: the unknown unit shares its item with the unit mismatch on the same value, so only
    // the copied indicator is left in this project's quality section.
    expect(own).toContain("### 目标质量问题（1 项）");
    // Consistency findings come first, the quality section after them.
    expect(own.indexOf("indicator-unit-mismatch")).toBeLessThan(own.indexOf("### 目标质量问题"));
    expect(own.indexOf("### 目标质量问题")).toBeLessThan(own.indexOf("copied-indicator"));

    const html = renderHtml(doc);
    const sections = [
      ...html.matchAll(/<section class="quality" data-category="quality"><h3>目标质量问题（(\d+) 项）<\/h3>/gu),
    ];
    // One item per group: a group is shown under quality when every finding in it is a quality finding.
    const groups = new Set(doc.findings.map((f) => f.group));
    const qualityGroups = [...groups].filter((g) =>
      doc.findings.filter((f) => f.group === g).every((f) => f.category === "quality"),
    );
    expect(sections.map((m) => Number(m[1])).reduce((a, n) => a + n, 0)).toBe(qualityGroups.length);
  });

  it("carry 类别 in the 问题 rows", { timeout: 120_000 }, async () => {
    const doc = await extractFixture("yutian-commerce-2025.docx");
    const summary = { source: doc.source.path } as unknown as DocumentSummary;
    const rows = findingRows(summary, doc);
    expect(rows.map((r) => r.类别)).toEqual(doc.findings.map((f) => (f.category === "quality" ? "质量" : "一致性")));
    expect(rows.filter((r) => r.类别 === "质量").map((r) => r.规则编号)).toContain("copied-indicator");
  });
});
