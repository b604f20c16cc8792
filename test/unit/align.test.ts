/**
 * The pairing layer of reconcile: the global assignment, indicator alignment inside a project pair,
 * project linking, and the name folding they compare with. Model objects are hand-made.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/index.js";
import { memoiseShortText } from "../../src/memoise.js";
import { buildCategories } from "../../src/normalise/categories.js";
import { type AlignedIndicator, alignIndicators, linkProjects } from "../../src/reconcile/align.js";
import { type Assignment, assign } from "../../src/reconcile/assign.js";
import { containment, lcsLength, similarity } from "../../src/reconcile/similarity.js";
import { foldName } from "../../src/text.js";
import { narrativeIndicator, narrativeProject, tableIndicator, tableProject } from "../helpers/model-builders.js";

const categories = buildCategories(defaultConfig());

/** Runs `assign` over a score matrix (rows are left items, columns right items), sorted by left. */
function assignMatrix(scores: readonly (readonly (number | null)[])[]): Assignment[] {
  const right = scores[0]?.length ?? 0;
  return assign(scores.length, right, (l, r) => scores[l]![r]!).sort((a, b) => a.left - b.left);
}

/** The aligned pairs as `narrative level3 (value) ↔ table level3 (value)`, with "—" for a missing side. */
function describePairs(aligned: readonly AlignedIndicator[]): string[] {
  const side = (i: { level3: string | null; value: { raw: string } } | null) =>
    i ? `${i.level3} ${i.value.raw}` : "—";
  return aligned.map((a) => `${side(a.narrative)} ↔ ${side(a.table)}`);
}

describe("assign", () => {
  it("finds the global optimum where greedy picks wrong (2×2)", () => {
    // Greedy takes the best single pair (0,0)=0.9 and is left with (1,1)=0.1: total 1.0.
    // The optimum crosses over: (0,1)=0.8 + (1,0)=0.8 = 1.6.
    expect(
      assignMatrix([
        [0.9, 0.8],
        [0.8, 0.1],
      ]),
    ).toEqual([
      { left: 0, right: 1, score: 0.8 },
      { left: 1, right: 0, score: 0.8 },
    ]);
  });

  it("prefers two pairs to one better pair when one of the alternatives is forbidden", () => {
    expect(
      assignMatrix([
        [0.9, 0.6],
        [0.7, null],
      ]),
    ).toEqual([
      { left: 0, right: 1, score: 0.6 },
      { left: 1, right: 0, score: 0.7 },
    ]);
  });

  it("leaves items unpaired rather than make a forbidden pair", () => {
    expect(
      assignMatrix([
        [null, null],
        [null, null],
      ]),
    ).toEqual([]);
    expect(
      assignMatrix([
        [null, 0.5],
        [null, null],
      ]),
    ).toEqual([{ left: 0, right: 1, score: 0.5 }]);
    // Both left items want right 0; the loser stays unpaired instead of taking the forbidden right 1.
    expect(
      assignMatrix([
        [0.9, null],
        [0.8, null],
      ]),
    ).toEqual([{ left: 0, right: 0, score: 0.9 }]);
  });

  it("handles rectangular problems in both directions", () => {
    // More left items than right: only the best left item gets the one right item.
    expect(assignMatrix([[0.2], [0.9], [0.5]])).toEqual([{ left: 1, right: 0, score: 0.9 }]);
    // More right items than left.
    expect(assignMatrix([[0.2, 0.9, 0.5]])).toEqual([{ left: 0, right: 1, score: 0.9 }]);
    // 3×2 with a crossing optimum: (0,1)+(1,0) = 1.5 beats (0,0)+(2,1) = 1.3, and left 2 stays out.
    expect(
      assignMatrix([
        [0.8, 0.7],
        [0.8, null],
        [null, 0.5],
      ]),
    ).toEqual([
      { left: 0, right: 1, score: 0.7 },
      { left: 1, right: 0, score: 0.8 },
    ]);
  });

  it("returns nothing when either side is empty", () => {
    expect(assign(0, 3, () => 1)).toEqual([]);
    expect(assign(3, 0, () => 1)).toEqual([]);
  });
});

describe("alignIndicators", () => {
  it("pairs a renamed cost indicator by category and value (资金成本 ↔ 预算控制数)", () => {
    const narrative = [
      narrativeIndicator({ seq: 1, level2: "数量指标", level3: "开展宣传推介活动次数", value: "≥4次" }),
      narrativeIndicator({ seq: 2, level2: "时效指标", level3: "任务完成及时率", value: "≥80%" }),
      narrativeIndicator({ seq: 3, level2: "成本指标", level3: "资金成本", value: "≦25万元" }),
    ];
    const table = [
      tableIndicator({ level2: "数量指标", level3: "开展宣传推介活动次数", value: "≥4次", row: 2 }),
      tableIndicator({ level2: "时效指标", level3: "及时率", value: "≥80百分比", row: 3 }),
      tableIndicator({ level2: "成本指标", level3: "预算控制数", value: "≤25万元", row: 4 }),
    ];
    expect(describePairs(alignIndicators(narrative, table, categories))).toEqual([
      "开展宣传推介活动次数 ≥4次 ↔ 开展宣传推介活动次数 ≥4次",
      "任务完成及时率 ≥80% ↔ 及时率 ≥80百分比",
      "资金成本 ≦25万元 ↔ 预算控制数 ≤25万元",
    ]);
  });

  it("pairs the last two of a category even when name and value both differ (issue 11 item 9)", () => {
    const narrative = [narrativeIndicator({ seq: 1, level2: "成本指标", level3: "资金成本", value: "≤25万元" })];
    const table = [tableIndicator({ level2: "成本指标", level3: "预算控制数", value: "≤30万元" })];
    const aligned = alignIndicators(narrative, table, categories);
    expect(describePairs(aligned)).toEqual(["资金成本 ≤25万元 ↔ 预算控制数 ≤30万元"]);
    expect(aligned[0]!.score).toBeLessThan(0.5);
  });

  it("pairs the last two of each category beside pairs made by name", () => {
    const narrative = [
      narrativeIndicator({ seq: 1, level2: "数量指标", level3: "培训次数", value: "≥5次" }),
      narrativeIndicator({ seq: 2, level2: "数量指标", level3: "宣传册印制数量", value: "≥1000份" }),
      narrativeIndicator({ seq: 3, level2: "质量指标", level3: "培训合格率", value: "≥95%" }),
    ];
    const table = [
      tableIndicator({ level2: "数量指标", level3: "培训次数", value: "≥5次", row: 2 }),
      tableIndicator({ level2: "数量指标", level3: "发放资料份数", value: "≥800份", row: 3 }),
      tableIndicator({ level2: "质量指标", level3: "结业率", value: "≥90%", row: 4 }),
    ];
    expect(describePairs(alignIndicators(narrative, table, categories))).toEqual([
      "培训次数 ≥5次 ↔ 培训次数 ≥5次",
      "宣传册印制数量 ≥1000份 ↔ 发放资料份数 ≥800份",
      "培训合格率 ≥95% ↔ 结业率 ≥90%",
    ]);
  });

  it("does not pair leftovers when a category leaves more than one on a side, or none in the same category", () => {
    const narrative = [
      narrativeIndicator({ seq: 1, level2: "服务对象满意度指标", level3: "企业满意度", value: "≥80%" }),
      narrativeIndicator({ seq: 2, level2: "服务对象满意度指标", level3: "群众满意度", value: "≥85%" }),
      narrativeIndicator({ seq: 3, level2: "质量指标", level3: "验收合格率", value: "100%" }),
    ];
    const table = [
      tableIndicator({ level2: "服务对象满意度指标", level3: "服务对象满意度指标", value: "≥90百分比", row: 2 }),
      tableIndicator({ level2: "时效指标", level3: "完成时限", value: "≤12个月", row: 3 }),
    ];
    expect(describePairs(alignIndicators(narrative, table, categories))).toEqual([
      "企业满意度 ≥80% ↔ —",
      "群众满意度 ≥85% ↔ —",
      "验收合格率 100% ↔ —",
      "— ↔ 服务对象满意度指标 ≥90百分比",
      "— ↔ 完成时限 ≤12个月",
    ]);
  });

  it("pairs a segment without categories on half its name and the same quantity", () => {
    const narrative = [narrativeIndicator({ seq: 1, level3: "开展执法检查", value: "不少于12次" })];
    const table = [
      tableIndicator({ level2: "数量指标", level3: "执法检查次数", value: "≥12次", row: 2 }),
      tableIndicator({ level2: "数量指标", level3: "宣传活动次数", value: "≥3次", row: 3 }),
    ];
    expect(describePairs(alignIndicators(narrative, table, categories))).toEqual([
      "开展执法检查 不少于12次 ↔ 执法检查次数 ≥12次",
      "— ↔ 宣传活动次数 ≥3次",
    ]);
  });

  it("reads a narrative segment with the table's names as a dictionary", () => {
    // 全年组织开展培训班次数 contains the table's 培训班次数: the pair is made on the name, whatever the category.
    const narrative = [narrativeIndicator({ seq: 1, level3: "全年组织开展培训班次数", value: "≥5期" })];
    const table = [
      tableIndicator({ level2: "质量指标", level3: "培训合格率", value: "≥95%", row: 2 }),
      tableIndicator({ level2: "数量指标", level3: "培训班次数", value: "≥6期", row: 3 }),
    ];
    expect(describePairs(alignIndicators(narrative, table, categories))).toEqual([
      "全年组织开展培训班次数 ≥5期 ↔ 培训班次数 ≥6期",
      "— ↔ 培训合格率 ≥95%",
    ]);
  });

  it("does not pair the same value across categories when the names differ", () => {
    const narrative = [narrativeIndicator({ seq: 1, level2: "质量指标", level3: "考核指标完成率", value: "≥80%" })];
    const table = [tableIndicator({ level2: "生态效益指标", level3: "生态效益增长率", value: "≥80百分比" })];
    expect(alignIndicators(narrative, table, categories).map((a) => [a.narrative !== null, a.table !== null])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it("resolves a name the narrative repeats by category and value", () => {
    // The reference's 中央服务业发展资金: the narrative names 农村网络销售同比增速 twice (经济 ≥2%, 社会 ≥1%);
    // the table's 社会 row is 农村网商数量同比增速 ≥1%. Pairing by name first would give the 社会 sentence
    // the 经济 row.
    const narrative = [
      narrativeIndicator({ seq: 1, level2: "经济效益指标", level3: "农村网络销售同比增速", value: "≥2%" }),
      narrativeIndicator({ seq: 2, level2: "社会效益指标", level3: "农村网络销售同比增速", value: "≥1%" }),
    ];
    const table = [
      tableIndicator({ level2: "经济效益指标", level3: "农村网络销售同比增速", value: "≥2百分比", row: 2 }),
      tableIndicator({ level2: "社会效益指标", level3: "农村网商数量同比增速", value: "≥1百分比", row: 3 }),
    ];
    const aligned = alignIndicators(narrative, table, categories);
    expect(aligned).toHaveLength(2);
    expect(aligned[0]!.narrative).toBe(narrative[0]);
    expect(aligned[0]!.table).toBe(table[0]);
    expect(aligned[1]!.narrative).toBe(narrative[1]);
    expect(aligned[1]!.table).toBe(table[1]);
    expect(aligned[0]!.score).toBeGreaterThan(aligned[1]!.score);
    // The same holds with the table rows in the other order.
    const reversed = alignIndicators(narrative, [table[1]!, table[0]!], categories);
    expect(describePairs(reversed)).toEqual([
      "农村网络销售同比增速 ≥2% ↔ 农村网络销售同比增速 ≥2百分比",
      "农村网络销售同比增速 ≥1% ↔ 农村网商数量同比增速 ≥1百分比",
    ]);
  });

  it("keeps leftovers on both sides, narrative order first, then unpaired table rows", () => {
    const narrative = [
      narrativeIndicator({ seq: 1, level2: "服务对象满意度指标", level3: "企业满意度", value: "≥80%" }),
      narrativeIndicator({ seq: 2, level2: "服务对象满意度指标", level3: "服务对象满意度", value: "≥80%" }),
    ];
    const table = [
      tableIndicator({ level2: "社会效益指标", level3: "招商引资规模增长率（%）", value: "≥20百分比", row: 2 }),
      tableIndicator({ level2: "服务对象满意度指标", level3: "服务对象满意度", value: "≥80百分比", row: 3 }),
    ];
    expect(describePairs(alignIndicators(narrative, table, categories))).toEqual([
      "企业满意度 ≥80% ↔ —",
      "服务对象满意度 ≥80% ↔ 服务对象满意度 ≥80百分比",
      "— ↔ 招商引资规模增长率（%） ≥20百分比",
    ]);
  });

  it("treats category aliases as one category (可持续效益指标 = 可持续影响指标)", () => {
    // The names share too little to pair by name alone; the same category and value pair them.
    expect(similarity("实际参会企业数", "参展商数量")).toBeLessThan(0.5);
    const narrative = [
      narrativeIndicator({ seq: 1, level2: "可持续效益指标", level3: "实际参会企业数", value: "≥40家" }),
    ];
    const table = [tableIndicator({ level2: "可持续影响指标", level3: "参展商数量", value: "≥40家" })];
    const [pair] = alignIndicators(narrative, table, categories);
    expect(pair?.table).toBe(table[0]);
  });
});

describe("linkProjects", () => {
  const notice = "冀财建[2024]255号关于提前下达2025年中央服务业发展资金预算的通知";
  const fuwu = narrativeProject({
    name: "中央服务业发展资金",
    amount: 900 * 10_000,
    indicators: [narrativeIndicator({ seq: 1, level2: "成本指标", level3: "资金成本", value: "≦900万元" })],
  });
  const noticeTable = tableProject({
    name: notice,
    title: `2.${notice}绩效目标表`,
    total: 9_000_000,
    indicators: [tableIndicator({ level2: "成本指标", level3: "项目总预算数", value: "≤900万元" })],
  });

  it("links 中央服务业发展资金 900万元 to the table named by its funding notice (9000000 元)", () => {
    const pairs = linkProjects([fuwu], [noticeTable], categories);
    expect(pairs).toHaveLength(1);
    const [pair] = pairs;
    expect(pair).toMatchObject({ narrativeIndex: 0, tableIndex: 0 });
    expect(pair!.narrative).toBe(fuwu);
    expect(pair!.table).toBe(noticeTable);
    expect(pair!.score).toBeCloseTo(1);
    // The pair's indicators are aligned too (the renamed cost indicator).
    expect(describePairs(pair!.indicators)).toEqual(["资金成本 ≦900万元 ↔ 项目总预算数 ≤900万元"]);
  });

  it("links by the table's title when it has no name", () => {
    const untitled = tableProject({ name: null, title: `2.${notice}绩效目标表`, total: 9_000_000 });
    expect(linkProjects([fuwu], [untitled], categories).map((p) => [p.narrativeIndex, p.tableIndex])).toEqual([[0, 0]]);
  });

  it("leaves an unrelated project unpaired on either side, even with the same amount", () => {
    const canjiren = narrativeProject({ name: "残疾人保障金", amount: 9_000_000 });
    const zhaoshang = tableProject({ name: "招商经费", total: 250_000 });
    const pairs = linkProjects([canjiren, fuwu], [zhaoshang, noticeTable], categories);
    expect(pairs.map((p) => [p.narrative?.name ?? null, p.table?.name ?? null])).toEqual([
      [null, "招商经费"],
      ["中央服务业发展资金", notice],
      ["残疾人保障金", null],
    ]);
    const unpaired = pairs.filter((p) => p.narrative === null || p.table === null);
    expect(unpaired.map((p) => p.score)).toEqual([0, 0]);
  });

  it("links the same name even when the amounts differ (the budget rule reports the difference)", () => {
    const pairs = linkProjects(
      [narrativeProject({ name: "招商经费", amount: 250_000 })],
      [tableProject({ name: "4.招商经费绩效目标表", total: 260_000 })],
      categories,
    );
    expect(pairs.map((p) => [p.narrativeIndex, p.tableIndex])).toEqual([[0, 0]]);
    expect(pairs[0]!.score).toBeCloseTo(0.7);
  });

  it("assigns globally: each table goes to the narrative section that fits it", () => {
    const narratives = [
      narrativeProject({ name: "限上企业工作经费", amount: 100_000 }),
      narrativeProject({ name: "招商经费", amount: 250_000 }),
    ];
    const tables = [
      tableProject({ name: "招商经费", total: 250_000 }),
      tableProject({ name: "限上企业工作经费", total: 100_000 }),
    ];
    expect(linkProjects(narratives, tables, categories).map((p) => [p.narrativeIndex, p.tableIndex])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});

describe("foldName", () => {
  it("removes a unit decoration such as （%）", () => {
    expect(foldName("各项任务完成及时率（%）")).toBe("各项任务完成及时率");
    expect(foldName("招商引资规模增长率(%)")).toBe("招商引资规模增长率");
    expect(foldName("增长率（％）")).toBe("增长率");
    expect(foldName("增长率（百分比）")).toBe("增长率");
    expect(foldName("活动次数（次）")).toBe("活动次数");
    expect(foldName("预算（万元）")).toBe("预算");
    expect(foldName("各项任务完成及时率（%）")).toBe(foldName("各项任务完成及时率"));
  });

  it("drops punctuation and whitespace, folds full-width forms and case", () => {
    expect(foldName("全方位、多渠道 开展招商引资活动，有效宣传我县投资环境。")).toBe(
      "全方位多渠道开展招商引资活动有效宣传我县投资环境",
    );
    expect(foldName("冀财建[2024]255号")).toBe("冀财建2024255号");
    expect(foldName("《农村》“网络”——销售")).toBe("农村网络销售");
    expect(foldName("ＡＢｃ　１２３")).toBe("abc123");
  });

  it("keeps a parenthesised word that is not a unit decoration (only the brackets go)", () => {
    expect(foldName("参会企业（限上）")).toBe("参会企业限上");
  });

  it("folds null to the empty string", () => {
    expect(foldName(null)).toBe("");
  });
});

describe("similarity and containment", () => {
  it("scores names by their common subsequence", () => {
    expect(similarity("及时率", "及时率")).toBe(1);
    expect(similarity("任务完成及时率", "及时率")).toBeCloseTo(0.6);
    expect(similarity("资金成本", "预算控制数")).toBe(0);
    expect(
      containment("中央服务业发展资金", foldName("冀财建[2024]255号关于提前下达2025年中央服务业发展资金预算的通知")),
    ).toBe(1);
    expect(containment("", "招商经费")).toBe(0);
  });

  it.each([
    ["", "abc", 0],
    ["abc", "abc", 3],
    ["abcbdab", "bdcaba", 4],
    ["开展小型调研次数", "小型调研开展次数", 6],
    ["xyz", "abc", 0],
  ])("lcsLength(%s, %s) = %i, either way round", (a, b, expected) => {
    expect(lcsLength(a, b)).toBe(expected);
    expect(lcsLength(b, a)).toBe(expected);
  });
});

describe("memoiseShortText", () => {
  it("computes each short text once, long texts every time, and empties itself when full", () => {
    const seen: string[] = [];
    const upper = memoiseShortText(
      (t) => {
        seen.push(t);
        return t.toUpperCase();
      },
      4,
      2,
    );
    expect([upper("ab"), upper("ab"), upper("abcde"), upper("abcde")]).toEqual(["AB", "AB", "ABCDE", "ABCDE"]);
    expect(seen).toEqual(["ab", "abcde", "abcde"]);
    upper("cd");
    upper("ef"); // the cache held two: it starts again
    upper("ab");
    expect(seen.slice(3)).toEqual(["cd", "ef", "ab"]);
  });
});
