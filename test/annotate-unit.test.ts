import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { annotateDocx } from "../src/annotate/index.js";
import { documentXml, locate, readGrid } from "../src/annotate/locate.js";
import { unpackDocx } from "../src/annotate/package.js";
import { applyEdits, decodeXml, descendants, parseXml } from "../src/annotate/xml.js";
import type { Finding, JixiaoDocument } from "../src/model/schema.js";
import { errorDocument } from "../src/source.js";
import { foldSpaces } from "../src/text.js";
import { readComments } from "./helpers/comments.js";
import { minimalDocx, p, tbl, tc, tr } from "./helpers/minimal-docx.js";

/**
 * A body with what makes positions hard to map: an empty paragraph mammoth drops, a sentence split over runs
 * with different formatting, a vertical merge, a horizontal merge, a row that starts late (gridBefore), a table
 * nested in a cell, and a list-like paragraph after the table.
 */
const BODY = [
  p("第一部分"),
  "<w:p/>",
  '<w:p><w:r><w:t>1、数量指标--调研次数，</w:t></w:r><w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t>指标值为≥5次。2、质量指标--合格率，</w:t></w:r><w:r><w:t>指标值为≥90%。</w:t></w:r></w:p>',
  tbl(
    tr(tc(p("甲"), '<w:vMerge w:val="restart"/>') + tc(p("乙")) + tc(p("丙"))) +
      tr(tc(p(""), "<w:vMerge/>") + tc(p("丁"), '<w:gridSpan w:val="2"/>')) +
      tr(tc(p("戊")) + tc(tbl(tr(tc(p("嵌一")) + tc(p("嵌二"))), 2) + p("己")), '<w:gridBefore w:val="1"/>'),
    3,
  ),
  p(""),
  p("结尾 &amp; 附注"),
].join("");

function cellText(doc: ReturnType<typeof documentXml>, cell: ReturnType<typeof parseXml>): string {
  const paragraphs = descendants(cell, "w:p").filter((q) => {
    let e = q.parent;
    while (e && e.name !== "w:tc") e = e.parent;
    return e === cell;
  });
  return foldSpaces(
    paragraphs
      .map((q) =>
        descendants(q, "w:t")
          .map((t) => decodeXml(doc.text.slice(t.openEnd, t.closeStart)))
          .join(""),
      )
      .join(" "),
  );
}

describe("locating the grid's positions in the document's XML", () => {
  it("maps every cell, merged, shifted or nested, to the w:tc that holds its text", async () => {
    const docx = minimalDocx(BODY);
    const parts = unpackDocx(docx);
    const doc = documentXml(parts, parseXml);
    const grid = await readGrid(docx);
    const locator = await locate(parts, doc, grid);
    expect(locator.problem).toBeNull();
    expect(grid.grids).toHaveLength(2);
    let checked = 0;
    for (const g of grid.grids)
      for (const [r, row] of g.rows.entries())
        for (const [c, cell] of row.entries()) {
          if (cell.padded) continue;
          const tcElement = locator.cell({ table: g.index, row: r, col: c });
          expect(tcElement, `table ${g.index} row ${r} col ${c}`).not.toBeNull();
          expect(cellText(doc, tcElement!)).toBe(foldSpaces(cell.text));
          checked++;
        }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it("maps every block to its paragraph, past the empty paragraphs mammoth drops", async () => {
    const docx = minimalDocx(BODY);
    const parts = unpackDocx(docx);
    const doc = documentXml(parts, parseXml);
    const grid = await readGrid(docx);
    const locator = await locate(parts, doc, grid);
    for (const block of grid.blocks) {
      if (block.kind !== "paragraph" || block.text === "") continue;
      const paragraph = locator.paragraph(block.index)!;
      const text = descendants(paragraph, "w:t")
        .map((t) => decodeXml(doc.text.slice(t.openEnd, t.closeStart)))
        .join("");
      expect(foldSpaces(text)).toBe(block.text);
    }
  });
});

/** A document whose findings point at the body above. */
async function documentWith(
  findings: Omit<Finding, "params" | "group" | "category" | "at">[],
): Promise<JixiaoDocument> {
  const base = errorDocument({ path: "t.docx", sha256: "", format: "docx" }, "x", "x");
  return {
    ...base,
    error: null,
    findings: findings.map((f, i) => ({ ...f, params: {}, group: i, category: "consistency", at: null }) as Finding),
  };
}

const evidence = { level1: null, level2: null, level3: "合格率", description: null, value: null };

describe("annotateDocx", () => {
  it("anchors a comment on a sentence that spans runs, and on a shifted cell, leaving the text as it was", async () => {
    const docx = minimalDocx(BODY);
    const grid = await readGrid(docx);
    const paragraph = grid.blocks.find((b) => b.kind === "paragraph" && b.text.startsWith("1、"))!.index;
    const doc = await documentWith([
      {
        rule: "indicator-value-mismatch",
        severity: "error",
        project: null,
        message: "指标“合格率”的指标值不一致。",
        narrative: { ...evidence, at: { paragraph, seq: 2 }, text: "2、质量指标--合格率，指标值为≥90%。" },
        table: { ...evidence, at: { table: 0, row: 2, col: 1 }, text: "己" },
      },
      {
        rule: "unknown-unit",
        severity: "warning",
        project: null,
        message: "单位无法识别。",
        narrative: null,
        table: { ...evidence, at: { table: 0, row: 1, col: 2 }, text: "丁" },
      },
      { rule: "project-name-mismatch", severity: "info", project: null, message: "提示", narrative: null, table: null },
    ]);
    const result = await annotateDocx(docx, doc);
    expect(result.unplaced).toEqual([]);
    const comments = readComments(result.docx);
    expect(comments.map((c) => [c.anchor, c.text.split("\n")[0]])).toEqual([
      ["2、质量指标--合格率，指标值为≥90%。", "【错误】指标“合格率”的指标值不一致。"],
      ["己", "【错误】指标“合格率”的指标值不一致。"],
      ["丁", "【警告】单位无法识别。"],
    ]);
    expect(comments[1]!.text).toContain("第一部分：2、质量指标--合格率，指标值为≥90%。");
    // The split-off half of the bold run keeps its formatting; the text reads as before.
    const xml = strFromU8(unzipSync(result.docx)["word/document.xml"]!);
    expect(xml).toContain(
      '<w:commentRangeStart w:id="0"/><w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">2、质量指标--合格率，</w:t>',
    );
    expect(foldSpaces((await readGrid(result.docx)).blocks.map((b) => ("text" in b ? b.text : "")).join("|"))).toBe(
      foldSpaces(grid.blocks.map((b) => ("text" in b ? b.text : "")).join("|")),
    );
    const files = unzipSync(result.docx);
    expect(strFromU8(files["[Content_Types].xml"]!)).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    expect(strFromU8(files["word/_rels/document.xml.rels"]!)).toMatch(
      /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/comments" Target="comments.xml"/,
    );
  });

  it("keeps the document's own comments and numbers its comments after them", async () => {
    const existing =
      '<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="审核人"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment></w:comments>';
    const commented =
      '<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>第一部分</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>';
    const docx = minimalDocx(
      BODY.replace(p("第一部分"), commented),
      { "word/comments.xml": existing },
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>',
    );
    const doc = await documentWith([
      {
        rule: "unknown-unit",
        severity: "warning",
        project: null,
        message: "单位无法识别。",
        narrative: null,
        table: { ...evidence, at: { table: 0, row: 0, col: 0 }, text: "甲" },
      },
    ]);
    const result = await annotateDocx(docx, doc);
    const comments = readComments(result.docx);
    expect(comments.map((c) => [c.id, c.anchor, c.text.split("\n")[0]])).toEqual([
      ["7", "第一部分", "请核实"],
      ["8", "甲", "【警告】单位无法识别。"],
    ]);
    const rels = strFromU8(unzipSync(result.docx)["word/_rels/document.xml.rels"]!);
    expect(rels.match(/relationships\/comments"/g)).toHaveLength(1);
  });

  it("puts a finding with no place of its own on the first paragraph, and says so", async () => {
    const docx = minimalDocx(BODY);
    const doc = await documentWith([
      {
        rule: "total-mismatch",
        severity: "error",
        project: null,
        message: "总额不一致。",
        narrative: null,
        table: null,
      },
    ]);
    const result = await annotateDocx(docx, doc);
    expect(readComments(result.docx).map((c) => c.anchor)).toEqual(["第一部分"]);
    expect(result.unplaced).toEqual([{ finding: 0, side: "document", reason: "该问题没有对应的原文位置" }]);
  });
});

describe("the XML editing", () => {
  it("parses offsets and applies insertions and replacements in order", () => {
    const text = '<a x="1 > 0"><b/><c>t &amp; u</c></a>';
    const root = parseXml(text);
    const [a] = root.children;
    expect(a!.attributes).toEqual({ x: "1 > 0" });
    expect(a!.children.map((c) => c.name)).toEqual(["b", "c"]);
    const c = a!.children[1]!;
    expect(decodeXml(text.slice(c.openEnd, c.closeStart))).toBe("t & u");
    expect(
      applyEdits(text, [
        { at: c.start, order: 2, text: "<y/>" },
        { at: c.start, order: 1, text: "<x/>" },
        { at: a!.children[0]!.start, order: 0, text: "<z/>", remove: 4 },
      ]),
    ).toBe('<a x="1 > 0"><z/><x/><y/><c>t &amp; u</c></a>');
    expect(() => parseXml("<a><b></a>")).toThrow(/unbalanced/);
  });
});
