/**
 * The quality rules on real Word files: documents in the reference layout written with the `docx` library
 * (bench/corpus.ts lays them out), one clean and one per quality defect, read back through the whole pipeline.
 * Each defect is found exactly once, by its rule, at the cell it was planted in; the clean document raises no
 * quality finding (and no finding at all).
 */
import { Packer } from "docx";
import { describe, expect, it } from "vitest";
import {
  buildDocument,
  type GeneratedDocument,
  type GeneratedIndicator,
  type GeneratedProject,
} from "../bench/corpus.js";
import { extractBuffer } from "../src/api.js";
import type { RuleId } from "../src/model/codes.js";
import type { CellRef, JixiaoDocument, ParagraphRef } from "../src/model/schema.js";

/** An indicator both parts state alike (the table writes % as 百分比, as the reference does). */
function ind(level1: string, level2: string, level3: string, value: string): GeneratedIndicator {
  return {
    level1,
    level2,
    level3,
    description: level3,
    tableValue: value.replace(/%$/, "百分比"),
    narrativeValue: value,
    narrativeName: null,
    basis: "2025年度工作计划",
  };
}

/** Two clean projects: every category, quantitative values, costs as ceilings in 万元, no two rows alike. */
function cleanProjects(): GeneratedProject[] {
  const project = (k: number, name: string, budget: number, rows: GeneratedIndicator[]): GeneratedProject => ({
    code: `13022925P00000${k}100038`,
    name,
    budget,
    fiscal: budget,
    other: null,
    narrativeAmount: budget,
    purpose: `用于${name}相关工作。`,
    spendPlan: [25, 50, 75, 100],
    goals: ["1.完成年度目标任务；", "2.提高资金使用效益。"],
    narrativeGoal: `项目主要用于${name}相关工作。`,
    declaredCount: rows.length,
    indicators: rows,
    planted: null,
  });
  return [
    project(1, "招商经费", 250_000, [
      ind("产出指标", "数量指标", "开展宣传推介活动次数", "≥4次"),
      ind("产出指标", "质量指标", "任务完成率", "≥90%"),
      ind("产出指标", "时效指标", "资金拨付及时率", "≥95%"),
      ind("产出指标", "成本指标", "资金成本", "≤25万元"),
      ind("效益指标", "经济效益指标", "招商引资规模增长率", "≥20%"),
      ind("效益指标", "社会效益指标", "经贸活动知名度", "有效宣传我县投资环境"),
      ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"),
    ]),
    project(2, "限上企业工作经费", 100_000, [
      ind("产出指标", "数量指标", "开展小型调研次数", "≥5次"),
      ind("产出指标", "质量指标", "调研报告采纳率", "≥80%"),
      ind("产出指标", "时效指标", "调研按时完成率", "≥85%"),
      ind("产出指标", "成本指标", "调研经费", "≤10万元"),
      ind("效益指标", "社会效益指标", "企业培育成效", "促进企业做大做强"),
      ind("效益指标", "可持续影响指标", "创新活力提升", "持续激发企业创新活力"),
      ind("满意度指标", "服务对象满意度指标", "企业满意度", "≥85%"),
    ]),
  ];
}

function content(projects: GeneratedProject[]): GeneratedDocument {
  return { departmentCode: "304001", departmentName: "玉田县商务和投资促进局本级", projects };
}

/** Per project, Part 2 holds the unit line's table, the header table and the indicator table, in that order. */
const indicatorTable = (project: number) => 3 * project + 2;
/** The 指标值 cell of indicator k of a project. */
const valueCell = (project: number, k: number): CellRef => ({ table: indicatorTable(project), row: k + 1, col: 4 });

/** A copy of the clean projects with project `p`'s indicator `k` changed (both parts unless the patch says). */
function withIndicator(p: number, k: number, patch: Partial<GeneratedIndicator>): GeneratedProject[] {
  return cleanProjects().map((project, i) =>
    i !== p
      ? project
      : { ...project, indicators: project.indicators.map((x, j) => (j === k ? { ...x, ...patch } : x)) },
  );
}

function withProject(p: number, patch: (project: GeneratedProject) => Partial<GeneratedProject>): GeneratedProject[] {
  return cleanProjects().map((project, i) => (i === p ? { ...project, ...patch(project) } : project));
}

interface Defect {
  readonly rule: RuleId;
  readonly projects: () => GeneratedProject[];
  /** Where the finding must point: its table evidence's cell, else its own `at`. */
  readonly at: CellRef | ParagraphRef;
}

const DEFECTS: readonly Defect[] = [
  {
    rule: "category-coverage",
    projects: () =>
      withProject(0, (p) => {
        const rows = p.indicators.filter((x) => x.level1 !== "满意度指标");
        return { indicators: rows, declaredCount: rows.length };
      }),
    at: { table: indicatorTable(0), row: 0, col: 0 },
  },
  {
    rule: "category-misplaced",
    projects: () => withIndicator(0, 5, { level2: "服务对象满意度指标" }),
    at: valueCell(0, 5),
  },
  {
    rule: "percent-out-of-range",
    projects: () => withIndicator(1, 6, { tableValue: "≥120百分比", narrativeValue: "≥120%" }),
    at: valueCell(1, 6),
  },
  {
    rule: "inverted-range",
    projects: () => withIndicator(0, 0, { tableValue: "12-4次", narrativeValue: "12-4次" }),
    at: valueCell(0, 0),
  },
  {
    rule: "cost-as-floor",
    projects: () => withIndicator(1, 3, { tableValue: "≥10万元", narrativeValue: "≥10万元" }),
    at: valueCell(1, 3),
  },
  {
    rule: "cost-without-money-unit",
    projects: () => withIndicator(0, 3, { tableValue: "≤100百分比", narrativeValue: "≤100%" }),
    at: valueCell(0, 3),
  },
  {
    rule: "no-quantitative-indicator",
    projects: () =>
      withProject(1, (p) => ({
        indicators: p.indicators.map((x) => ({ ...x, tableValue: "按计划完成", narrativeValue: "按计划完成" })),
      })),
    at: { table: indicatorTable(1), row: 0, col: 0 },
  },
  {
    rule: "value-empty",
    projects: () => withIndicator(0, 1, { tableValue: "", narrativeValue: null }),
    at: valueCell(0, 1),
  },
  { rule: "basis-empty", projects: () => withIndicator(1, 4, { basis: "" }), at: valueCell(1, 4) },
  {
    rule: "copied-indicator",
    projects: () => withIndicator(1, 0, { level3: "开展宣传推介活动次数", tableValue: "≥4次", narrativeValue: "≥4次" }),
    at: valueCell(1, 0),
  },
  { rule: "year-mismatch", projects: () => withIndicator(0, 4, { basis: "2024年度工作计划" }), at: valueCell(0, 4) },
  {
    rule: "deadline-after-year",
    projects: () => withIndicator(1, 2, { tableValue: "2026年3月底前完成", narrativeValue: "2026年3月底前完成" }),
    at: valueCell(1, 2),
  },
  {
    rule: "template-placeholder",
    // Only the table keeps the template's text; Part 1 names the indicator properly.
    projects: () => withIndicator(0, 0, { level3: "开展宣传推介活动XX次", narrativeName: "开展宣传推介活动次数" }),
    at: valueCell(0, 0),
  },
  {
    rule: "unknown-unit",
    projects: () => withIndicator(0, 4, { tableValue: "≥20内部", narrativeValue: "≥20%" }),
    at: valueCell(0, 4),
  },
  {
    rule: "duplicate-indicator",
    // The table lists 资金成本 twice; Part 1 once.
    projects: () =>
      withProject(0, (p) => ({
        indicators: [
          ...p.indicators.slice(0, 4),
          { ...p.indicators[3]!, narrativeValue: null },
          ...p.indicators.slice(4),
        ],
      })),
    at: valueCell(0, 4),
  },
  {
    rule: "spend-plan-invalid",
    projects: () => withProject(1, () => ({ spendPlan: [25, 50, 75, 95] })),
    // The plan's last entry: 12月底 on the header table's fifth row.
    at: { table: 3 * 1 + 1, row: 4, col: 5 },
  },
];

async function read(projects: GeneratedProject[], name: string): Promise<JixiaoDocument> {
  const bytes = await Packer.toBuffer(buildDocument(content(projects)));
  return extractBuffer(new Uint8Array(bytes), name);
}

describe("quality rules on Word documents written with the docx library", () => {
  it("a clean document raises no finding at all", { timeout: 60_000 }, async () => {
    const doc = await read(cleanProjects(), "clean.docx");
    expect(doc.projects).toHaveLength(2);
    // The layout is what the expected cells assume.
    expect(doc.projects.map((p) => p.tables.indicators)).toEqual([indicatorTable(0), indicatorTable(1)]);
    expect(doc.projects[1]!.indicators[6]!.at).toEqual(valueCell(1, 6));
    expect(doc.findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it.each(DEFECTS.map((d) => [d.rule, d] as const))(
    "%s: found exactly once, where it was planted",
    { timeout: 60_000 },
    async (rule, defect) => {
      const doc = await read(defect.projects(), `${rule}.docx`);
      const quality = doc.findings.filter((f) => f.category === "quality");
      const found = quality.filter((f) => f.rule === rule);
      expect(
        found.map((f) => f.message),
        quality.map((f) => `${f.rule}: ${f.message}`).join("\n"),
      ).toHaveLength(1);
      expect(found[0]!.table?.at ?? found[0]!.at).toEqual(defect.at);
    },
  );
});
