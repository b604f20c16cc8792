import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { gridFromSheets } from "../../src/grid/index.js";
import { cellText } from "../../src/read/cell-text.js";
import { classify } from "../../src/read/classify.js";
import { readDocument } from "../../src/read/index.js";
import { extractFixture, FIXTURES } from "../helpers/fixtures.js";

describe("cell text as a spreadsheet shows it", () => {
  it.each([
    [0.65, "0%", "65%"],
    [1, "0%", "100%"],
    [0.955, "0.0%", "95.5%"],
    [8540000, "#,##0.00", "8,540,000.00"],
    [356.8, "0.00", "356.80"],
    [45, "General", "45"],
    [0.1 + 0.2, undefined, "0.3"],
    [12, '0"人"', "12人"],
    [5, '"≥"0"次"', "≥5次"],
    [1234.5, "#,##0", "1,235"],
    [-3, "0.00;(0.00)", "(3.00)"],
    [1500000, "#,##0,", "1,500"],
  ] as const)("%s under %s shows %s", (value, format, shown) => {
    expect(cellText(value, format)).toBe(shown);
  });

  it("shows dates, rich text, formulas by their result, hyperlinks and errors", () => {
    expect(cellText(new Date(Date.UTC(2024, 11, 31)), "yyyy-mm-dd")).toBe("2024-12-31");
    expect(cellText(new Date(Date.UTC(2024, 11, 31)), 'yyyy"年"m"月"d"日"')).toBe("2024年12月31日");
    expect(cellText({ richText: [{ text: "≥" }, { text: "95%" }] }, undefined)).toBe("≥95%");
    expect(cellText({ formula: "SUM(A1:A3)", result: 120 }, "0.00")).toBe("120.00");
    expect(cellText({ text: "通知", hyperlink: "http://example.invalid" }, undefined)).toBe("通知");
    expect(cellText({ error: "#DIV/0!" }, undefined)).toBe("#DIV/0!");
    expect(cellText(null, undefined)).toBe("");
  });
});

describe("grids from worksheets", () => {
  const sheet = {
    name: "表1",
    rows: [
      ["项目支出绩效目标申报表", "", ""],
      ["", "", ""],
      ["项目名称", "道路养护", ""],
      ["一级指标", "三级指标", "指标值"],
      ["产出指标", "养护里程", "≥20公里"],
      ["", "合格率", "≥95%"],
      ["", "", ""],
      ["填报人：张三", "", ""],
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 0, bottom: 5, right: 0 },
    ],
  };

  it("reads the title and a one-text line below as paragraphs, the rest as one table with merges expanded", () => {
    const { value } = gridFromSheets([sheet]);
    expect(value.blocks.map((b) => (b.kind === "paragraph" ? b.text : `table ${b.table}`))).toEqual([
      "项目支出绩效目标申报表",
      "table 0",
      "填报人：张三",
    ]);
    const grid = value.grids[0]!;
    expect(grid.sheet).toEqual({ name: "表1", row: 2 });
    expect(grid.width).toBe(3);
    expect(grid.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["项目名称", "道路养护", "道路养护"],
      ["一级指标", "三级指标", "指标值"],
      ["产出指标", "养护里程", "≥20公里"],
      ["产出指标", "合格率", "≥95%"],
    ]);
    expect(grid.rows[3]![0]!.origin).toEqual({ row: 2, col: 0 });
    expect(grid.rows[2]![0]!.rowspan).toBe(2);
    expect(grid.rows[0]![2]!.colspan).toBe(2);
    expect(grid.rows[0]![2]!.origin).toEqual({ row: 0, col: 1 });
  });

  it("splits a sheet into tables at empty rows, numbering tables across sheets", () => {
    const two = {
      name: "表2",
      rows: [
        ["a", "b"],
        ["", ""],
        ["c", "d"],
      ],
      merges: [],
    };
    const { value } = gridFromSheets([sheet, two]);
    expect(value.grids.map((g) => [g.index, g.sheet])).toEqual([
      [0, { name: "表1", row: 2 }],
      [1, { name: "表2", row: 0 }],
      [2, { name: "表2", row: 2 }],
    ]);
  });
});

describe("containers recognised by content", () => {
  const zip = async (files: Record<string, string>) => {
    const z = new JSZip();
    for (const [name, content] of Object.entries(files)) z.file(name, content);
    return z.generateAsync({ type: "uint8array" });
  };

  it("tells OpenDocument text and spreadsheets by their mimetype, and refuses a presentation", async () => {
    const odt = await zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" });
    const ods = await zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" });
    const odp = await zip({ mimetype: "application/vnd.oasis.opendocument.presentation", "content.xml": "<x/>" });
    expect((await classify(odt)).format).toBe("odt");
    expect((await classify(ods)).format).toBe("ods");
    await expect(classify(odp)).rejects.toMatchObject({ code: "other-office-file" });
  });

  it("reads a .docm directly, says its macros are never run, and gives the same data", async () => {
    const docm = await extractFixture("containers/yutian-commerce-2025.docm");
    const z = await JSZip.loadAsync(await readFile(`${FIXTURES}containers/yutian-commerce-2025.docm`));
    z.file("word/vbaProject.bin", "not really a macro project");
    const withMacros = await z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(await classify(withMacros)).toEqual({ format: "docx", macros: true });
    const read = await readDocument(withMacros);
    expect(read.warnings.map((w) => w.code)).toContain("macros-ignored");
    expect(docm.projects).toHaveLength(4);
  });
});
