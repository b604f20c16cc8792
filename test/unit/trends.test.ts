/**
 * The trend rules one by one, each where it fires and where it stays silent, from two years of one department
 * built as records (no Word files); the department key; the trends section of the configuration.
 */
import { describe, expect, it } from "vitest";
import { ConfigError, defaultConfig, parseConfig } from "../../src/config/index.js";
import type { Indicator, Project } from "../../src/model/schema.js";
import { buildTrends, departmentKey, type TrendDocumentInput, type TrendRuleId } from "../../src/trends/index.js";
import { tableIndicator, tableProject } from "../helpers/model-builders.js";

const indicators = {
  events: (value = "≥4次") => tableIndicator({ level2: "数量指标", level3: "开展宣传活动次数", value }),
  trained: (value = "≥200人次") => tableIndicator({ level2: "数量指标", level3: "培训人次", value }),
  rate: (value = "≥95%") => tableIndicator({ level2: "质量指标", level3: "任务完成率", value }),
  cost: (value = "≤30万元") => tableIndicator({ level2: "成本指标", level3: "资金成本", value }),
  social: (value = "有效提升服务水平") => tableIndicator({ level2: "社会效益指标", level3: "工作影响力", value }),
  satisfaction: (value = "≥85%") =>
    tableIndicator({ level1: "满意度指标", level2: "服务对象满意度指标", level3: "群众满意度", value }),
};

function project(name: string, total: number, list: readonly Indicator[], goals = [`${name}：年度目标。`]): Project {
  return tableProject({ name, code: null, total, indicators: list, goals });
}

function doc(year: number, projects: readonly Project[], name = "某某局本级", code: string | null = "304001") {
  return { source: `${year}.docx`, department: { code, name }, year, projects } satisfies TrendDocumentInput;
}

/** The base project both years share; each test changes one thing in the later year. */
const base = (goals?: string[]) =>
  project(
    "招商经费",
    250_000,
    [indicators.events(), indicators.rate(), indicators.cost(), indicators.satisfaction(), indicators.social()],
    goals ?? ["2024年：开展招商推介。"],
  );

function rules(earlier: readonly Project[], later: readonly Project[], config = defaultConfig()): TrendRuleId[] {
  return buildTrends([doc(2024, earlier), doc(2025, later)], config).changes.map((c) => c.rule);
}

/**
 * The later year's copy of `base` with a new goal and a reworded qualitative value (so that text-copied stays
 * silent), and the given changes.
 */
const later = (list: readonly Indicator[], total = 250_000, name = "招商经费") =>
  project(name, total, list, ["2025年：开展招商推介。"]);

describe("trend rules", () => {
  const same = () => [
    indicators.events(),
    indicators.rate(),
    indicators.cost(),
    indicators.satisfaction(),
    indicators.social("明显提升服务水平"),
  ];

  it("stay silent when only the goal's and a qualitative value's wording changed", () => {
    expect(rules([base()], [later(same())])).toEqual([]);
  });

  it.each([
    ["≥95% → ≥90% is lowered", indicators.rate("≥90%"), "trend-target-lowered"],
    ["≥95% → ≥98% is raised", indicators.rate("≥98%"), "trend-target-raised"],
    ["≥95% → >95% is raised (stricter operator)", indicators.rate(">95%"), "trend-target-raised"],
    ["a cost cap ≤30万元 → ≤35万元 is loosened, so lowered", indicators.cost("≤35万元"), "trend-target-lowered"],
    ["a cost cap ≤30万元 → ≤25万元 is raised", indicators.cost("≤25万元"), "trend-target-raised"],
    [
      "a cost cap in another money unit: ≤30万元 → ≤350000元 is lowered",
      indicators.cost("≤350000元"),
      "trend-target-lowered",
    ],
  ] as const)("target: %s", (_, changed, rule) => {
    const list = same().map((i) => (i.level3 === changed.level3 ? changed : i));
    expect(rules([base()], [later(list)])).toEqual([rule]);
  });

  it("target: the same cap in another money unit, or a qualitative value, is no change", () => {
    const list = same().map((i) => (i.level3 === "资金成本" ? indicators.cost("≤300000元") : i));
    expect(rules([base()], [later(list)])).toEqual([]);
  });

  it("indicator dropped and added: fire for the indicator, silent for the others", () => {
    const changes = buildTrends(
      [
        doc(2024, [base()]),
        doc(2025, [
          later([
            indicators.trained(),
            indicators.rate(),
            indicators.cost(),
            indicators.satisfaction(),
            indicators.social("明显提升服务水平"),
          ]),
        ]),
      ],
      defaultConfig(),
    ).changes;
    expect(changes.map((c) => [c.rule, c.indicator, c.from, c.to])).toEqual([
      ["trend-indicator-dropped", "开展宣传活动次数", "≥4次", null],
      ["trend-indicator-added", "培训人次", null, "≥200人次"],
    ]);
  });

  it("project added and ended: fire for unlinked projects only", () => {
    const other = project("残疾人保障金", 34_000, [indicators.satisfaction("=100%")], ["保障残疾人权益。"]);
    const fresh = project("电子商务进农村补助资金", 500_000, [
      tableIndicator({ level2: "数量指标", level3: "建设服务站数量", value: "≥20个" }),
    ]);
    expect(rules([base(), other], [later(same()), fresh]).sort()).toEqual([
      "trend-project-added",
      "trend-project-ended",
    ]);
  });

  it("budget changed: fires beyond the threshold (20%), silent within it", () => {
    const flatOff = parseConfig("trends:\n  trend-outputs-flat: { enabled: false }\n");
    expect(rules([base()], [later(same(), 310_000)], flatOff)).toEqual(["trend-budget-changed"]);
    expect(rules([base()], [later(same(), 290_000)], flatOff)).toEqual([]);
  });

  it("outputs flat: fires when the budget moves beyond the threshold with every quantity target unchanged", () => {
    const budgetOff = parseConfig("trends:\n  trend-budget-changed: { enabled: false }\n");
    expect(rules([base()], [later(same(), 400_000)], budgetOff)).toEqual(["trend-outputs-flat"]);
    const moreEvents = same().map((i) => (i.level3 === "开展宣传活动次数" ? indicators.events("≥6次") : i));
    expect(rules([base()], [later(moreEvents, 400_000)], budgetOff)).toEqual(["trend-target-raised"]);
    expect(rules([base()], [later(same(), 260_000)], budgetOff)).toEqual([]);
  });

  it("text copied: fires for identical goals and for an identical indicator set, silent when either changed", () => {
    const goals = ["开展招商推介，引进项目。"];
    const copied = () => base(goals).indicators;
    expect(rules([base(goals)], [project("招商经费", 250_000, copied(), goals)])).toEqual([
      "trend-text-copied",
      "trend-text-copied",
    ]);
    const changedOne = copied().map((i) => (i.level3 === "群众满意度" ? indicators.satisfaction("≥90%") : i));
    expect(rules([base(goals)], [project("招商经费", 250_000, changedOne, goals)])).toEqual([
      "trend-target-raised",
      "trend-text-copied",
    ]);
  });

  it("links a renamed project by its content, and says why", () => {
    const report = buildTrends(
      [doc(2024, [base()]), doc(2025, [later(same(), 250_000, "招商引资促进经费")])],
      defaultConfig(),
    );
    expect(report.changes).toEqual([]);
    expect(report.departments[0]!.years[1]!.projects[0]!.link).toMatchObject({
      year: 2024,
      previous: 0,
      basis: "content",
      why: { code: false, indicators: 1 },
    });
  });

  it("gives no trend findings for a department with one year (several documents of that year included)", () => {
    const report = buildTrends(
      [doc(2025, [base()]), { ...doc(2025, [later(same(), 1)]), source: "b.docx" }],
      defaultConfig(),
    );
    expect(report).toMatchObject({ departments: [], changes: [], unplaced: [] });
  });

  it("turns a rule off and sets its severity from the configuration", () => {
    const lowered = same().map((i) => (i.level3 === "任务完成率" ? indicators.rate("≥90%") : i));
    const config = parseConfig("trends:\n  trend-target-lowered: { severity: error }\n");
    expect(buildTrends([doc(2024, [base()]), doc(2025, [later(lowered)])], config).changes[0]?.severity).toBe("error");
    const off = parseConfig("trends:\n  trend-target-lowered: { enabled: false }\n");
    expect(rules([base()], [later(lowered)], off)).toEqual([]);
  });

  it("rejects an unknown trend rule id in the configuration", () => {
    expect(() => parseConfig("trends:\n  trend-target-dropped: { enabled: false }\n")).toThrow(ConfigError);
  });
});

describe("departmentKey", () => {
  it.each([
    ["304001某某局本级", "某某局本级"],
    ["304001 某某局本级", "某某局本级"],
    ["填报单位（盖章）：某某局本级", "某某局本级"],
    ["单位名称:某某局 本级", "某某局本级"],
    ["某某局本级（盖章）", "某某局本级"],
    ["ＡＢ市某某局", "ab市某某局"],
  ])("%s → %s", (name, key) => {
    expect(departmentKey({ name })).toBe(key);
  });

  it("keeps 本级 apart from the whole system", () => {
    expect(departmentKey({ name: "某某局本级" })).not.toBe(departmentKey({ name: "某某局" }));
  });

  it("groups a department's documents whether or not the code is written", () => {
    const report = buildTrends(
      [doc(2024, [base()], "304001某某局本级", null), doc(2025, [later([])], "某某局本级", null)],
      defaultConfig(),
    );
    expect(report.departments.map((d) => d.names)).toEqual([["304001某某局本级", "某某局本级"]]);
  });
});
