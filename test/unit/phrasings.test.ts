/**
 * Part 1 written by other hands (issue 11 items 6–9): a consistent document in the phrasings that raised false
 * alarms on documents of other departments must raise none, and one planted difference must give one finding.
 * Part 1 is read from paragraphs with the real `parseNarrative`, Part 2 is built by hand, and both go through the
 * public `reconcile()`.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/index.js";
import type { Block } from "../../src/grid/index.js";
import { parseNarrative } from "../../src/narrative/index.js";
import { reconcile } from "../../src/reconcile/reconcile.js";
import { tableIndicator, tableProject } from "../helpers/model-builders.js";

const config = defaultConfig();

function paragraphs(texts: readonly string[]): Block[] {
  return texts.map((text, index) => ({ kind: "paragraph", index, text, heading: null }));
}

/** Part 1 of a 市场监督管理局-style document: every phrasing of the issue, each consistent with the table. */
const PART1 = [
  "本单位2024年项目支出共计30万元，其中食品安全抽检经费30万元。",
  "（一）食品安全抽检经费30万元",
  "绩效目标：完成全年食品安全抽检任务。",
  "绩效指标：",
  "共设置三个一级指标，7个二、三级指标。具体为：",
  "1、产出指标-数量指标-抽检批次，指标值为≥300批次。",
  "2、产出指标－数量指标－入户检查，指标值：≥50户次。",
  "3、产出指标-质量指标-抽检合格率，指标值不低于90%。",
  "4、产出指标-时效指标-检验报告出具时限，5个工作日以内。",
  "5、产出指标-成本指标-检验费用至多30万元。",
  "6、效益指标-社会效益指标-群众食品安全知晓率，不低于85%。",
  "7、满意度指标-服务对象满意度指标-群众满意度达到90%。",
];

interface Row {
  readonly level2: string;
  readonly level3: string;
  readonly value: string;
}

const ROWS: readonly Row[] = [
  { level2: "数量指标", level3: "抽检批次", value: "≥300批次" },
  { level2: "数量指标", level3: "入户检查", value: "≥50户次" },
  { level2: "质量指标", level3: "抽检合格率", value: "≥90%" },
  { level2: "时效指标", level3: "检验报告出具时限", value: "≤5个工作日" },
  { level2: "成本指标", level3: "检验费用", value: "≤30万元" },
  { level2: "社会效益指标", level3: "群众食品安全知晓率", value: "≥85%" },
  { level2: "服务对象满意度指标", level3: "群众满意度", value: "≥90%" },
];

function audit(part1: readonly string[], rows: readonly Row[]) {
  const narrative = parseNarrative(paragraphs(part1), config);
  const project = tableProject({
    name: "食品安全抽检经费",
    total: 300_000,
    indicators: rows.map((r, k) => tableIndicator({ ...r, row: k + 2 })),
  });
  return { narrative, findings: reconcile(narrative.value, [project], config).findings };
}

describe("a consistent document in other departments' phrasings", () => {
  it("reads every sentence and its declared counts", () => {
    const { narrative } = audit(PART1, ROWS);
    const [project] = narrative.value.projects;
    expect(project?.declaredLevel1Count).toBe(3);
    expect(project?.declaredIndicatorCount).toBe(7);
    expect(project?.indicators.map((i) => [i.level3, i.value.op, i.value.number, i.value.unit])).toEqual([
      ["抽检批次", ">=", 300, "批次"],
      ["入户检查", ">=", 50, "户次"],
      ["抽检合格率", ">=", 90, "%"],
      ["检验报告出具时限", "<=", 5, "个工作日"],
      ["检验费用", "<=", 30, "万元"],
      ["群众食品安全知晓率", ">=", 85, "%"],
      ["群众满意度", ">=", 90, "%"],
    ]);
    expect(narrative.warnings).toEqual([]);
  });

  it("raises no finding at all", () => {
    expect(audit(PART1, ROWS).findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it("reports a renamed and revalued indicator as one pair, not two missing ones", () => {
    const rows = ROWS.map((r) => (r.level3 === "抽检合格率" ? { ...r, level3: "样品达标率", value: "≥95%" } : r));
    const found = audit(PART1, rows).findings.map((f) => [f.rule, f.narrative?.level3, f.table?.level3]);
    expect(found).toEqual([
      ["indicator-value-mismatch", "抽检合格率", "样品达标率"],
      ["indicator-name-mismatch", "抽检合格率", "样品达标率"],
    ]);
  });
});
