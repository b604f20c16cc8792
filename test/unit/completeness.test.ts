import { describe, expect, it } from "vitest";
import { assessCompleteness, type CompletenessInput } from "../../src/completeness.js";
import { CompletenessSchema, type Project } from "../../src/model/schema.js";
import { warning } from "../../src/model/warnings.js";
import {
  narrative,
  narrativeIndicator,
  narrativeProject,
  tableIndicator,
  tableProject,
} from "../helpers/model-builders.js";

const indicators = [
  tableIndicator({ level2: "数量指标", level3: "培训次数", value: "≥5次" }),
  tableIndicator({ level2: "质量指标", level3: "合格率", value: "≥95%" }),
];
const readProject = tableProject({ name: "培训经费", total: 50000, indicators });
const part1 = narrative({
  projects: [
    narrativeProject({
      name: "培训经费",
      amount: 50000,
      declaredIndicatorCount: 2,
      indicators: [
        narrativeIndicator({ seq: 1, level2: "数量指标", level3: "培训次数", value: "≥5次" }),
        narrativeIndicator({ seq: 2, level2: "质量指标", level3: "合格率", value: "≥95%" }),
      ],
      at: { paragraph: 4, seq: null },
    }),
  ],
});
const base: CompletenessInput = { projects: [readProject], narrative: part1, warnings: [], error: null };

function codes(input: Partial<CompletenessInput>): [string, string[]] {
  const result = CompletenessSchema.parse(assessCompleteness({ ...base, ...input }));
  return [result.status, result.reasons.map((r) => r.code)];
}

const withProject = (patch: Partial<Project>): Partial<CompletenessInput> => ({
  projects: [{ ...readProject, ...patch }],
});

describe("assessCompleteness", () => {
  it("is complete when both parts were read and nothing is missing", () => {
    expect(assessCompleteness(base)).toEqual({ status: "complete", reasons: [] });
  });

  it.each<[string, Partial<CompletenessInput>, string, string[]]>([
    [
      "an input that could not be read",
      { projects: [], narrative: null, error: { code: "pdf-file", message: "PDF" } },
      "unread",
      ["unreadable"],
    ],
    ["a document where neither part was found", { projects: [], narrative: null }, "unread", ["no-part2", "no-part1"]],
    ["no Part 2", { projects: [] }, "partial", ["no-part2"]],
    ["no Part 1", { narrative: null }, "partial", ["no-part1"]],
    ["a project without indicators", withProject({ indicators: [] }), "partial", ["project-without-indicators"]],
    [
      "an indicator without a value",
      withProject({ indicators: [indicators[0]!, tableIndicator({ level3: "合格率", value: "" })] }),
      "partial",
      ["indicator-without-value"],
    ],
    [
      "a missing budget",
      withProject({ budget: { ...readProject.budget, total: null } }),
      "partial",
      ["budget-missing"],
    ],
    [
      "a label no field took",
      {
        warnings: [warning("unmapped-label", { table: 2, row: 0, col: 0 }, { table: 3, row: 1, label: "项目负责人" })],
      },
      "partial",
      ["unmapped-labels"],
    ],
    [
      "Part 1 declaring more indicators than were read",
      {
        narrative: { ...part1, projects: [{ ...part1.projects[0]!, declaredIndicatorCount: 5 }] },
      },
      "partial",
      ["declared-count-exceeds-read"],
    ],
  ])("%s", (_name, input, status, reasons) => {
    expect(codes(input)).toEqual([status, reasons]);
  });

  it("says where and what, in Chinese and then English", () => {
    const result = assessCompleteness({ ...base, ...withProject({ indicators: [] }) });
    expect(result.reasons[0]).toMatchObject({
      code: "project-without-indicators",
      message: "项目“培训经费”没有读到绩效指标。（Project “培训经费”: no indicators were read.）",
    });
    const declared = assessCompleteness({
      ...base,
      narrative: { ...part1, projects: [{ ...part1.projects[0]!, declaredIndicatorCount: 5 }] },
    });
    expect(declared.reasons[0]?.at).toEqual({ paragraph: 4, seq: null });
  });

  it("does not count a declared number at or below what was read", () => {
    const fewer = { ...part1, projects: [{ ...part1.projects[0]!, declaredIndicatorCount: 1 }] };
    expect(codes({ narrative: fewer })).toEqual(["complete", []]);
  });

  it("groups the unmapped labels of one table into one reason", () => {
    const at = (col: number) => ({ table: 3, row: 0, col });
    const result = assessCompleteness({
      ...base,
      warnings: [
        warning("unmapped-label", at(0), { table: 4, row: 1, label: "甲" }),
        warning("unmapped-label", at(2), { table: 4, row: 1, label: "乙" }),
      ],
    });
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatchObject({ code: "unmapped-labels", at: at(0) });
    expect(result.reasons[0]!.message).toContain("“甲”、“乙”");
  });
});
