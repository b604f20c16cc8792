/**
 * Corpus `hebei-lunan-emergency-2024` (docx library): a 部门预算项目支出绩效目标表 as budget-system exports write
 * it (issue 11: "several projects stacked in one table with per-row columns 单位名称/项目名称/预算数/年度目标"), no
 * Part 1: ONE table whose rows carry the project in 单位名称 | 项目名称 | 预算数（万元） | 年度目标 (true vertical
 * merges down each project's rows), then 一级指标 | 二级指标 | 三级指标 | 指标性质 (≥ ≤ = 定性) | 指标值 | 度量单位
 * | 权重 | 指标方向性. Three projects, each with its own indicators and budget.
 */
import type { Paragraph, Table } from "docx";
import { blank, mergeDown, pack, right, table, th, title } from "../../variants/docx-kit.js";

const W = [1000, 1100, 700, 1500, 700, 800, 1300, 500, 600, 500, 400, 500];
const HEADERS = [
  "单位名称",
  "项目名称",
  "预算数（万元）",
  "年度目标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标性质",
  "指标值",
  "度量单位",
  "权重",
  "指标方向性",
];

const UNIT = "唐山市路南区应急管理局";

const PROJECTS: readonly (readonly [string, string, string, readonly (readonly string[])[]])[] = [
  [
    "安全生产执法检查经费",
    "36.00",
    "全年开展安全生产执法检查320家次以上，隐患整改率100%，不发生较大及以上生产安全事故。",
    [
      ["产出指标", "数量指标", "执法检查企业家次", "≥", "320", "家次", "20", "正向"],
      ["产出指标", "质量指标", "隐患整改率", "=", "100", "%", "20", "正向"],
      ["产出指标", "时效指标", "执法案件办结及时率", "≥", "95", "%", "20", "正向"],
      ["效益指标", "社会效益指标", "较大及以上生产安全事故起数", "≤", "0", "起", "20", "反向"],
      ["满意度指标", "服务对象满意度指标", "企业满意度", "≥", "90", "%", "20", "正向"],
    ],
  ],
  [
    "应急救援物资储备经费",
    "58.00",
    "储备救灾帐篷等应急物资，物资完好率98%以上，保障受灾群众基本生活。",
    [
      ["产出指标", "数量指标", "储备救灾帐篷数量", "≥", "200", "顶", "25", "正向"],
      ["产出指标", "质量指标", "物资完好率", "≥", "98", "%", "25", "正向"],
      ["产出指标", "成本指标", "物资采购成本", "≤", "58", "万元", "25", "反向"],
      ["满意度指标", "服务对象满意度指标", "受灾群众满意度", "≥", "90", "%", "25", "正向"],
    ],
  ],
  [
    "防灾减灾宣传经费",
    "12.00",
    "开展防灾减灾宣传活动15场次以上，提高群众防灾减灾意识。",
    [
      ["产出指标", "数量指标", "宣传活动场次", "≥", "15", "场次", "30", "正向"],
      ["效益指标", "社会效益指标", "群众防灾减灾知识知晓率", "≥", "85", "%", "40", "正向"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "定性", "较高", "", "30", "正向"],
    ],
  ],
];

function form(): (Paragraph | Table)[] {
  const rows = PROJECTS.flatMap(([name, budget, goal, indicators]) =>
    indicators.map((indicator) => [UNIT, name, budget, goal, ...indicator]),
  );
  return [
    title("2024年部门预算项目支出绩效目标表", 32),
    right("单位：万元"),
    table(W, [HEADERS.map((text) => th(text)), ...mergeDown(rows, [0, 1, 2, 3, 4])]),
    blank(),
  ];
}

/** The fixture's bytes (not yet normalised). */
export function build(): Promise<Buffer> {
  return pack({ title: "2024年部门预算项目支出绩效目标表", creator: UNIT }, form());
}
