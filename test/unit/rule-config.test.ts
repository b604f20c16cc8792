/**
 * The rule set as configuration: config/rules.yaml lists every rule and spells out the built-in settings; the
 * presets and a user's file change them; unknown rule ids and bad parameters are errors that name them; and the
 * settings reach the findings (a rule turned off raises nothing, a changed severity is the findings' severity).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  ConfigError,
  defaultConfig,
  parseRuleSettings,
  presetRuleSettings,
  RULE_PRESETS,
} from "../../src/config/index.js";
import { RULES, type RuleId } from "../../src/reconcile/messages.js";
import { reconcile } from "../../src/reconcile/reconcile.js";
import { defaultRuleSettings, RULE_OPTIONS } from "../../src/reconcile/settings.js";
import { renderRuleTable, ruleRows } from "../../src/render/rules.js";
import {
  narrative,
  narrativeIndicator,
  narrativeProject,
  tableIndicator,
  tableProject,
} from "../helpers/model-builders.js";

const RULE_IDS = Object.keys(RULES) as RuleId[];
const yamlOf = (file: string) => parse(readFileSync(new URL(`../../config/${file}`, import.meta.url), "utf8"));

describe("config/rules.yaml (the default preset)", () => {
  it("lists every rule exactly once, each with enabled and severity", () => {
    const listed = yamlOf("rules.yaml").rules as Record<string, { enabled: boolean; severity: string }>;
    expect(Object.keys(listed).sort()).toEqual([...RULE_IDS].sort());
    for (const [id, entry] of Object.entries(listed)) {
      expect(typeof entry.enabled, id).toBe("boolean");
      expect(["error", "warning", "info"], id).toContain(entry.severity);
    }
  });

  it("spells out exactly the built-in settings (the library's defaults need no file)", () => {
    expect(presetRuleSettings("default")).toEqual(defaultRuleSettings());
  });

  it("gives every parameter a rule has", () => {
    const listed = yamlOf("rules.yaml").rules as Record<string, { params?: Record<string, unknown> }>;
    for (const id of RULE_IDS)
      expect(Object.keys(listed[id]!.params ?? {}).sort(), id).toEqual(Object.keys(RULE_OPTIONS[id].parse({})).sort());
  });

  it("has a Chinese title and a category for every rule", () => {
    for (const id of RULE_IDS) {
      expect(RULES[id].title, id).toMatch(/\p{Script=Han}/u);
      expect(["consistency", "quality"], id).toContain(RULES[id].category);
    }
  });
});

describe("presets", () => {
  it("central-2021 requires 成本指标 among the categories and otherwise keeps the default", () => {
    const central = presetRuleSettings("central-2021");
    expect(central["category-coverage"].params.required).toEqual(["产出指标", "成本指标", "效益指标", "满意度指标"]);
    const changed = RULE_IDS.filter((id) => JSON.stringify(central[id]) !== JSON.stringify(defaultRuleSettings()[id]));
    expect(changed).toEqual(["category-coverage"]);
  });

  it("every preset file loads", () => {
    for (const name of Object.keys(RULE_PRESETS) as (keyof typeof RULE_PRESETS)[])
      expect(Object.keys(presetRuleSettings(name)).sort()).toEqual([...RULE_IDS].sort());
  });
});

describe("a user's rule file", () => {
  it("turns rules off and on, sets severities, shorthand or in full, over the preset it extends", () => {
    const settings = parseRuleSettings(
      [
        "extends: central-2021",
        "rules:",
        "  basis-empty: off",
        "  year-mismatch: warning",
        "  copied-indicator: false",
        "  unknown-unit: { severity: error }",
        "  percent-out-of-range: { params: { max: 120 } }",
      ].join("\n"),
      "mine.yaml",
    );
    expect(settings["basis-empty"].enabled).toBe(false);
    expect(settings["year-mismatch"]).toMatchObject({ enabled: true, severity: "warning" });
    expect(settings["copied-indicator"].enabled).toBe(false);
    expect(settings["unknown-unit"]).toMatchObject({ enabled: true, severity: "error" });
    // Parameters merge key by key: max changed, the word lists kept.
    expect(settings["percent-out-of-range"].params).toEqual({
      ...defaultRuleSettings()["percent-out-of-range"].params,
      max: 120,
    });
    // What the file does not name comes from the preset it extends.
    expect(settings["category-coverage"].params.required).toContain("成本指标");
  });

  it("rejects unknown rule ids, naming each (Chinese and English) and suggesting the closest", () => {
    const load = () => parseRuleSettings("rules:\n  basis-emty: off\n  no-such-rule: warning\n", "mine.yaml");
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/mine\.yaml: 未知的规则 basis-emty（basis-empty\?）、no-such-rule/);
    expect(load).toThrow(/unknown rule ids: basis-emty, no-such-rule/);
  });

  it("rejects a misspelt or mistyped parameter, naming the rule", () => {
    expect(() => parseRuleSettings("rules:\n  percent-out-of-range: { params: { maximum: 3 } }\n", "a.yaml")).toThrow(
      /a\.yaml: 规则参数有误 \(invalid rule parameters\):\npercent-out-of-range: .*maximum/,
    );
    expect(() => parseRuleSettings("rules:\n  weights-not-100: { params: { total: -1 } }\n", "b.yaml")).toThrow(
      /weights-not-100/,
    );
    expect(() =>
      parseRuleSettings("rules:\n  template-placeholder: { params: { patterns: ['(unclosed'] } }\n", "c.yaml"),
    ).toThrow(/regular expression/);
  });

  it("rejects an unknown key, an unknown preset and a severity that does not exist", () => {
    expect(() => parseRuleSettings("rule:\n  basis-empty: off\n", "a.yaml")).toThrow(ConfigError);
    expect(() => parseRuleSettings("extends: hebei-2099\n", "a.yaml")).toThrow(ConfigError);
    expect(() => parseRuleSettings("rules:\n  basis-empty: fatal\n", "a.yaml")).toThrow(ConfigError);
  });
});

describe("the settings reach the findings", () => {
  // A project whose satisfaction rate is 120% (percent-out-of-range, a warning) and whose basis is blank on one
  // row (basis-empty, info).
  const rows = [
    { level2: "数量指标", level3: "开展活动次数", value: "≥4次" },
    { level2: "社会效益指标", level3: "宣传效果", value: "有效宣传" },
    { level2: "服务对象满意度指标", level3: "服务对象满意度", value: "≥120%" },
  ];
  const table = tableProject({
    name: "招商经费",
    total: 250_000,
    indicators: rows.map((r, k) => tableIndicator({ ...r, row: k + 1, basis: k === 0 ? "" : "工作计划" })),
  });
  const part1 = narrative({
    projects: [
      narrativeProject({
        name: "招商经费",
        amount: 250_000,
        indicators: rows.map((r, k) => narrativeIndicator({ ...r, seq: k + 1 })),
      }),
    ],
  });
  const run = (rules?: ReturnType<typeof parseRuleSettings>) =>
    reconcile(part1, [table], rules ? { ...defaultConfig(), rules } : defaultConfig()).findings.map(
      (f) => `${f.rule} ${f.category} ${f.severity}`,
    );

  it("by default", () => {
    expect(run()).toEqual(["basis-empty quality info", "percent-out-of-range quality warning"]);
  });

  it("with a rule off and another's severity changed", () => {
    expect(run(parseRuleSettings("rules:\n  basis-empty: off\n  percent-out-of-range: error\n"))).toEqual([
      "percent-out-of-range quality error",
    ]);
  });

  it("keeps a rule's case-by-case grading unless another severity is set", () => {
    const renamed = tableProject({
      name: "招商经费",
      total: 250_000,
      indicators: [tableIndicator({ level2: "数量指标", level3: "开展活动次数（次）", value: "≥4次", row: 1 })],
    });
    const onePart1 = narrative({
      projects: [
        narrativeProject({
          name: "招商经费",
          amount: 250_000,
          indicators: [narrativeIndicator({ level2: "数量指标", level3: "开展活动次数", value: "≥4次", seq: 1 })],
        }),
      ],
    });
    const severityOf = (text: string) =>
      reconcile(onePart1, [renamed], { ...defaultConfig(), rules: parseRuleSettings(text) }).findings.find(
        (f) => f.rule === "indicator-name-mismatch",
      )?.severity;
    expect(severityOf("rules: {}")).toBe("info");
    expect(severityOf("rules:\n  indicator-name-mismatch: error\n")).toBe("error");
  });
});

describe("the rule table (jixiao rules)", () => {
  it("has a row per rule with its id, Chinese title, kind, severity and state", () => {
    const settings = parseRuleSettings("rules:\n  basis-empty: off\n  year-mismatch: warning\n");
    const rows = ruleRows(settings);
    expect(rows.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    const text = renderRuleTable(settings);
    expect(text.split("\n")[0]).toMatch(/^规则 rule\s+名称 title\s+类别 kind\s+严重程度 severity\s+状态 on\/off$/);
    expect(text).toMatch(/\nbasis-empty\s+指标值确定依据未填写\s+质量 quality\s+提示 info\s+停用 off\n/);
    expect(text).toMatch(/\nyear-mismatch\s+年份与预算年度不符\s+质量 quality\s+警告 warning\s+启用 on\n/);
    expect(text).toMatch(/\nbudget-mismatch\s+预算金额不一致\s+一致性 consistency\s+错误 error\s+启用 on\n/);
  });
});
