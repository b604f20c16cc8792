import { describe, expect, it } from "vitest";
import type { Block } from "../../src/grid/index.js";
import { detectBudgetYear } from "../../src/trends/year.js";

const paragraphs = (...texts: string[]): Block[] =>
  texts.map((text, index) =>
    text === "<table>" ? { kind: "table", index, table: 0 } : { kind: "paragraph", index, text, heading: null },
  );

describe("detectBudgetYear", () => {
  it.each([
    ["a title naming the budget", ["玉田县商务局2025年部门预算", "第一部分"], "x.docx", 2025, "title"],
    ["a title with 年度", ["2024年度项目支出绩效目标表", "<table>"], "x.docx", 2024, "title"],
    [
      "a subtitle that is only the year",
      ["项目支出绩效目标申报表", "（２０２４年度）", "<table>"],
      "x.docx",
      2024,
      "title",
    ],
    [
      "the body's budget sentence, not an earlier project's year",
      ["第一部分", "依托2021年电子商务进农村综合示范县项目", "2025年我单位需安排专项项目支出938.4万元。"],
      "x.docx",
      2025,
      "text",
    ],
    ["the file name when the text names none", ["第一部分", "<table>"], "商务局/2023/绩效目标.docx", 2023, "file-name"],
    ["a fill-in date is not the budget year", ["填报日期：2023年11月20日", "<table>"], "a.docx", null, null],
    ["a period is not one year", ["项目支出绩效目标表", "（2023—2025年度）", "<table>"], "a.docx", null, null],
    [
      "a heading below the first table counts as text",
      ["第二部分", "<table>", "2025年预算绩效目标表"],
      "a.docx",
      2025,
      "text",
    ],
  ] as const)("%s", (_, texts, path, value, from) => {
    const year = detectBudgetYear(paragraphs(...texts), path);
    expect(year?.value ?? null).toBe(value);
    expect(year?.from ?? null).toBe(from);
  });

  it("says where it read the year", () => {
    expect(detectBudgetYear(paragraphs("第一部分", "2025年我单位需安排专项项目支出938.4万元。"), "a.docx")).toEqual({
      value: 2025,
      from: "text",
      text: "2025年我单位需安排专项项目支出938.4万元。",
      at: { paragraph: 1, seq: null },
    });
  });

  it("takes the user's year over the document's", () => {
    expect(detectBudgetYear(paragraphs("2025年部门预算"), "2024.docx", 2023)).toEqual({
      value: 2023,
      from: "option",
      text: null,
      at: null,
    });
  });
});
