/**
 * One block per reconciliation rule: where it fires and where it stays silent, on small hand-made
 * Part 1 / Part 2 pairs run through the public `reconcile()` (so project linking and indicator
 * alignment are exercised too). The case table is keyed by rule id (`satisfies Record<RuleId, …>`), so
 * a new rule in RULES does not compile until it has a firing and a silent case here.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/index.js";
import {
  type Finding,
  FindingSchema,
  type Indicator,
  type Narrative,
  type Project,
  type Severity,
} from "../../src/model/schema.js";
import { buildCategories } from "../../src/normalise/categories.js";
import { linkProjects } from "../../src/reconcile/align.js";
import { RULES, type RuleId } from "../../src/reconcile/messages.js";
import { reconcile } from "../../src/reconcile/reconcile.js";
import { defaultRuleSettings, type RuleOptions, type RuleSettings } from "../../src/reconcile/settings.js";
import { extractFixture, golden } from "../helpers/fixtures.js";
import {
  type LevelsInput,
  type NarrativeProjectInput,
  narrative,
  narrativeIndicator,
  narrativeProject,
  type TableProjectInput,
  tableIndicator,
  tableProject,
} from "../helpers/model-builders.js";
import type { GoldenFindings } from "../helpers/score-findings.js";

const CONFIG = defaultConfig();
const CATEGORIES = buildCategories(CONFIG);

// ---------------------------------------------------------------------------------------------------
// Hand-made documents
// ---------------------------------------------------------------------------------------------------

/** One indicator as both parts give it; the table may write the value differently (≥80百分比). */
interface Row extends LevelsInput {
  readonly tableValue?: string;
  /** The table's 权重. */
  readonly weight?: number;
  /** The table's 绩效指标描述; defaults to the 三级指标 repeated. */
  readonly tableDescription?: string | null;
}

/** A project on one or both sides. */
interface Part {
  readonly narrative: ReturnType<typeof narrativeProject> | null;
  readonly table: Project | null;
}

interface Doc {
  readonly narrative: Narrative | null;
  readonly projects: Project[];
  /** The rule set to run with; the built-in one when absent. */
  readonly rules?: RuleSettings;
}

function narrativeRows(rows: readonly Row[]) {
  return rows.map(({ tableValue, tableDescription, weight, ...levels }, k) =>
    narrativeIndicator({ ...levels, seq: k + 1 }),
  );
}

function tableRows(rows: readonly Row[]) {
  return rows.map(({ tableValue, tableDescription, description, ...levels }, k) =>
    tableIndicator({
      ...levels,
      value: tableValue ?? levels.value,
      ...(tableDescription !== undefined && { description: tableDescription }),
      row: k + 2,
    }),
  );
}

/**
 * Replaces the row named `level3` with `patch` applied. A patched `value` replaces the table's own
 * spelling too (unless the patch gives a `tableValue`), so `edit(ZS, …, { value })` as `tableRows` sets
 * the table's value.
 */
function edit(rows: readonly Row[], level3: string, patch: Partial<Row>): Row[] {
  expect(
    rows.some((r) => r.level3 === level3),
    `no row ${level3}`,
  ).toBe(true);
  return rows.map((r) => {
    if (r.level3 !== level3) return r;
    const { tableValue, ...rest } = r;
    return patch.value !== undefined && patch.tableValue === undefined ? { ...rest, ...patch } : { ...r, ...patch };
  });
}

interface PartInput {
  readonly rows: readonly Row[];
  /** Overrides `rows` for Part 1. */
  readonly narrativeRows?: readonly Row[];
  /** Overrides `rows` for Part 2. */
  readonly tableRows?: readonly Row[];
  readonly narrative?: Partial<NarrativeProjectInput>;
  readonly table?: Partial<TableProjectInput>;
}

function part(name: string, amount: number, input: PartInput): Part {
  const nRows = input.narrativeRows ?? input.rows;
  const level1 = new Set(
    nRows.map((r) => narrativeIndicator({ ...r, seq: 1 }).level1).map((l) => CATEGORIES.canonical(l) ?? l),
  );
  return {
    narrative: narrativeProject({
      name,
      amount,
      declaredLevel1Count: level1.size,
      declaredIndicatorCount: nRows.length,
      indicators: narrativeRows(nRows),
      ...input.narrative,
    }),
    table: tableProject({ name, total: amount, indicators: tableRows(input.tableRows ?? input.rows), ...input.table }),
  };
}

/** A document of the parts; the narrative total defaults to the sum of its project amounts. */
function doc(parts: readonly Part[], totalBudget?: number | null): Doc {
  const projects = parts.flatMap((p) => (p.narrative ? [p.narrative] : []));
  return {
    narrative: narrative({ projects, ...(totalBudget !== undefined && { totalBudget }) }),
    projects: parts.flatMap((p) => (p.table ? [p.table] : [])),
  };
}

/** A consistent project modelled on the reference's 招商经费 (25万元). */
const ZS: readonly Row[] = [
  { level2: "数量指标", level3: "开展宣传推介活动次数", value: "≥4次" },
  { level2: "时效指标", level3: "任务完成及时率", value: "≥80%", tableValue: "≥80百分比" },
  { level2: "成本指标", level3: "资金成本", value: "≦25万元", tableValue: "≤25万元" },
  { level2: "社会效益指标", level3: "经贸活动知名度", value: "有效宣传我县投资环境" },
  { level2: "可持续影响指标", level3: "促进贸易便利化效果提升", value: "有效促进我县产业升级" },
  { level2: "服务对象满意度指标", level3: "服务对象满意度", value: "≥80%", tableValue: "≥80百分比" },
];

function zhaoshangPart(input: Partial<PartInput> = {}): Part {
  return part("招商经费", 250_000, { rows: ZS, ...input });
}

function zhaoshang(input: Partial<PartInput> = {}, totalBudget?: number | null): Doc {
  return doc([zhaoshangPart(input)], totalBudget);
}

/** A second small consistent project (3.4万元), modelled on the reference's 残疾人保障金. */
const CJ: readonly Row[] = [
  { level2: "数量指标", level3: "拨款数额", value: "≤3.4万元" },
  { level2: "成本指标", level3: "资金成本", value: "≤3.4万元" },
];

function canjirenPart(input: Partial<PartInput> = {}): Part {
  return part("残疾人保障金", 34_000, { rows: CJ, ...input });
}

/** The reference's renamed project: the table is titled by the funding notice. */
const NOTICE = "冀财建[2024]255号关于提前下达2025年中央服务业发展资金预算的通知";
const FW: readonly Row[] = [
  { level2: "成本指标", level3: "资金成本", value: "≦900万元", tableValue: "≤900万元" },
  { level2: "经济效益指标", level3: "农村网络销售同比增速", value: "≥2%", tableValue: "≥2百分比" },
];

function zhongyangPart(input: Partial<PartInput> = {}): Part {
  const base = part("中央服务业发展资金", 9_000_000, { rows: FW, ...input });
  return {
    narrative: base.narrative,
    table: tableProject({
      name: NOTICE,
      title: `2.${NOTICE}绩效目标表`,
      total: 9_000_000,
      indicators: base.table!.indicators,
    }),
  };
}

function run(d: Doc): Finding[] {
  return reconcile(d.narrative, d.projects, d.rules ? { ...CONFIG, rules: d.rules } : CONFIG).findings;
}

/** The built-in rule set with some of one rule's parameters changed. */
function withParams<K extends RuleId>(rule: K, params: Partial<RuleOptions[K]>): RuleSettings {
  const base = defaultRuleSettings();
  return { ...base, [rule]: { ...base[rule], params: { ...base[rule].params, ...params } } };
}

/** A document whose Part 2 indicators are rewritten by `patch` (row index k). */
function patchTable(d: Doc, patch: (i: Indicator, k: number) => Partial<Indicator>): Doc {
  return {
    ...d,
    projects: d.projects.map((p) => ({ ...p, indicators: p.indicators.map((i, k) => ({ ...i, ...patch(i, k) })) })),
  };
}

/** Every row's 指标值确定依据 set to `basis`, except those `except` gives another. */
function withBasis(d: Doc, basis: string, except: Readonly<Record<number, string>> = {}): Doc {
  return patchTable(d, (_i, k) => ({ basis: except[k] ?? basis }));
}

/** ZS with every value qualitative. */
const ZS_QUALITATIVE: readonly Row[] = ZS.map(({ tableValue, ...r }) => ({ ...r, value: "按计划完成" }));

function findingsOf(d: Doc, rule: RuleId): Finding[] {
  return run(d).filter((f) => f.rule === rule);
}

// ---------------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------------

interface Expected {
  readonly severity: Severity;
  /** The evidence's 三级指标 on each side, or null where the finding carries no evidence for that side. */
  readonly narrative: string | null;
  readonly table: string | null;
  /** The exact message, or fragments it must contain. */
  readonly message: string | readonly string[];
  /** The finding's project name; null for a document finding. */
  readonly project?: string | null;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
}

function expectFinding(f: Finding | undefined, rule: RuleId, e: Expected): void {
  expect(f, `no ${rule} finding`).toBeDefined();
  const found = FindingSchema.parse(f);
  expect(found.rule).toBe(rule);
  expect(found.severity).toBe(e.severity);
  if (e.narrative === null) expect(found.narrative).toBeNull();
  else expect(found.narrative?.level3).toBe(e.narrative);
  if (e.table === null) expect(found.table).toBeNull();
  else expect(found.table?.level3).toBe(e.table);
  if (typeof e.message === "string") expect(found.message).toBe(e.message);
  else for (const part of e.message) expect(found.message).toContain(part);
  if (e.project === null) expect(found.project).toBeNull();
  else if (e.project !== undefined) expect(found.project?.name).toBe(e.project);
  if (e.params) expect(found.params).toMatchObject(e.params);
}

/** Exactly one finding of the rule, as expected. */
function one(e: Expected) {
  return (found: readonly Finding[], rule: RuleId) => {
    expect(found, found.map((f) => f.message).join("\n")).toHaveLength(1);
    expectFinding(found[0], rule, e);
  };
}

interface FiringCase {
  readonly title: string;
  readonly doc: () => Doc;
  readonly check: (found: readonly Finding[], rule: RuleId) => void;
}

interface SilentCase {
  readonly title: string;
  readonly doc: () => Doc;
}

interface RuleCases {
  readonly fires: readonly [FiringCase, ...FiringCase[]];
  readonly silent: readonly [SilentCase, ...SilentCase[]];
}

const consistent: SilentCase = { title: "a consistent project", doc: () => zhaoshang() };

// ---------------------------------------------------------------------------------------------------
// The cases, one entry per rule
// ---------------------------------------------------------------------------------------------------

const CASES = {
  "budget-mismatch": {
    fires: [
      {
        title: "the narrative amount differs from the table's 预算数",
        doc: () => zhaoshang({ table: { total: 260_000 } }),
        check: one({
          severity: "error",
          narrative: null,
          table: null,
          project: "招商经费",
          message: "第一部分所列项目金额 250000 元与第二部分表格预算数 260000 元不一致。",
          params: { narrative: 250_000, table: 260_000 },
        }),
      },
      {
        title: "the listed amount (其中…) stands in when the section gives none",
        doc: () => zhaoshang({ narrative: { amount: null, listedAmount: 240_000 } }),
        check: one({ severity: "error", narrative: null, table: null, message: ["240000", "250000"] }),
      },
    ],
    silent: [
      consistent,
      {
        title: "3.4万元 in the narrative and 34000 元 in the table",
        doc: () => doc([canjirenPart({ narrative: { amount: 3.4 * 10_000 } })]),
      },
      { title: "the table has no 预算数", doc: () => zhaoshang({ table: { total: null } }) },
    ],
  },

  "total-mismatch": {
    fires: [
      {
        title: "the total differs from the sum of the narrative's project amounts",
        doc: () => doc([zhaoshangPart(), canjirenPart({ narrative: { amount: 30_000 } })], 284_000),
        check: one({
          severity: "error",
          narrative: null,
          table: null,
          project: null,
          message: "第一部分所述项目支出总额 284000 元与第一部分各项目金额之和 280000 元不一致。",
          params: { total: 284_000, sum: 280_000 },
        }),
      },
      {
        title: "the total differs from the sum of the tables' 预算数",
        doc: () => doc([zhaoshangPart(), canjirenPart({ table: { total: 40_000 } })], 284_000),
        check: one({
          severity: "error",
          narrative: null,
          table: null,
          project: null,
          message: "第一部分所述项目支出总额 284000 元与第二部分各项目预算数之和 290000 元不一致。",
        }),
      },
      {
        title: "a table the narrative never mentions still counts in the tables' sum",
        doc: () => ({ narrative: zhaoshang().narrative, projects: [zhaoshangPart().table!, canjirenPart().table!] }),
        check: one({
          severity: "error",
          narrative: null,
          table: null,
          message: ["250000", "第二部分各项目预算数之和 284000"],
        }),
      },
      {
        title: "both sums differ: one finding per sum",
        doc: () => zhaoshang({}, 300_000),
        check: (found) => {
          expect(found.map((f) => f.params.against)).toEqual(["narrative", "table"]);
        },
      },
    ],
    silent: [
      consistent,
      {
        title: "two projects whose amounts add up to the total",
        doc: () => doc([zhaoshangPart(), canjirenPart(), zhongyangPart()], 9_284_000),
      },
      {
        title: "the narrative states no total",
        doc: () => doc([zhaoshangPart(), canjirenPart({ table: { total: 40_000 } })], null),
      },
      { title: "there is no narrative", doc: () => ({ narrative: null, projects: [zhaoshangPart().table!] }) },
    ],
  },

  "project-missing-in-table": {
    fires: [
      {
        title: "a narrative section without a table",
        doc: () => ({
          narrative: doc([zhaoshangPart(), canjirenPart()]).narrative,
          projects: [zhaoshangPart().table!],
        }),
        check: one({
          severity: "error",
          narrative: null,
          table: null,
          project: "残疾人保障金",
          message: "第一部分列出的项目“残疾人保障金”在第二部分中没有对应的绩效目标表。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a project the table titles by its funding notice (中央服务业发展资金 ↔ 冀财建…)",
        doc: () => doc([zhongyangPart(), zhaoshangPart()]),
      },
    ],
  },

  "project-missing-in-narrative": {
    fires: [
      {
        title: "a table the narrative never mentions",
        doc: () => ({ narrative: zhaoshang().narrative, projects: [zhaoshangPart().table!, canjirenPart().table!] }),
        check: one({
          severity: "error",
          narrative: null,
          table: null,
          project: "残疾人保障金",
          message: "第二部分的项目“残疾人保障金”在第一部分中没有对应的文字说明。",
        }),
      },
      {
        title: "a nameless table is called by its title",
        doc: () => ({
          narrative: zhaoshang().narrative,
          projects: [
            zhaoshangPart().table!,
            tableProject({ name: null, title: "残疾人保障金绩效目标表", total: 34_000 }),
          ],
        }),
        check: one({
          severity: "error",
          narrative: null,
          table: null,
          message: "第二部分的项目“残疾人保障金绩效目标表”在第一部分中没有对应的文字说明。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "Part 1 has no project sections at all (reported as no-part1 instead)",
        doc: () => ({ narrative: narrative({ projects: [] }), projects: [zhaoshangPart().table!] }),
      },
      { title: "there is no narrative", doc: () => ({ narrative: null, projects: [zhaoshangPart().table!] }) },
    ],
  },

  "project-name-mismatch": {
    fires: [
      {
        title: "the table names the project by its funding notice",
        doc: () => doc([zhongyangPart()]),
        check: one({
          severity: "info",
          narrative: null,
          table: null,
          project: NOTICE,
          message: `项目在第一部分称为“中央服务业发展资金”，在第二部分表格中称为“${NOTICE}”。`,
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "names differing only in spacing and punctuation",
        doc: () => zhaoshang({ narrative: { name: "招商 经费" }, table: { name: "招商经费。" } }),
      },
    ],
  },

  "declared-count-mismatch": {
    fires: [
      {
        title: "下设4个二、三级指标 but six listed",
        doc: () => zhaoshang({ narrative: { declaredIndicatorCount: 4 } }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          message: "第一部分声明二、三级指标 4 个，实际列出 6 个。",
          params: { declared: 4, listed: 6 },
        }),
      },
      {
        title: "四个一级指标 but three used",
        doc: () => zhaoshang({ narrative: { declaredLevel1Count: 4 } }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          message: "第一部分声明一级指标 4 个，实际列出 3 个。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a 一级指标 written by its alias (效果指标 = 效益指标) is not counted twice",
        doc: () =>
          zhaoshang({
            narrativeRows: edit(ZS, "经贸活动知名度", { level1: "效果指标" }),
            narrative: { declaredLevel1Count: 3 },
          }),
      },
      {
        title: "no count declared",
        doc: () => zhaoshang({ narrative: { declaredIndicatorCount: null, declaredLevel1Count: null } }),
      },
    ],
  },

  "indicator-count-mismatch": {
    fires: [
      {
        title: "the table has a row more than the narrative lists",
        doc: () =>
          zhaoshang({
            tableRows: [...ZS, { level2: "社会效益指标", level3: "招商引资规模增长率（%）", value: "≥20百分比" }],
          }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          message: "第一部分列出 6 个指标，第二部分表格有 7 行指标。",
          params: { narrative: 6, table: 7 },
        }),
      },
    ],
    silent: [consistent, { title: "the narrative lists no indicators", doc: () => zhaoshang({ narrativeRows: [] }) }],
  },

  "indicator-missing-in-table": {
    fires: [
      {
        title: "a narrative satisfaction indicator without a table row",
        doc: () =>
          zhaoshang({ narrativeRows: [...ZS, { level2: "服务对象满意度指标", level3: "企业满意度", value: "≥80%" }] }),
        check: one({
          severity: "warning",
          narrative: "企业满意度",
          table: null,
          message: "第一部分的指标“企业满意度”（≥80%）在第二部分表格中没有对应行。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a renamed cost indicator with the same category and value (资金成本 ↔ 预算控制数) is paired",
        doc: () => zhaoshang({ tableRows: edit(ZS, "资金成本", { level3: "预算控制数" }) }),
      },
      { title: "the table has no indicator rows", doc: () => zhaoshang({ tableRows: [] }) },
      {
        title: "the last two of a category, renamed and revalued, are one pair, not two missing (issue 11 item 9)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { level3: "推介会场次", value: "≥6场" }) }),
      },
    ],
  },

  "indicator-missing-in-narrative": {
    fires: [
      {
        title: "a table row the narrative never mentions",
        doc: () =>
          zhaoshang({
            tableRows: [...ZS, { level2: "社会效益指标", level3: "招商引资规模增长率（%）", value: "≥20百分比" }],
          }),
        check: one({
          severity: "warning",
          narrative: null,
          table: "招商引资规模增长率（%）",
          message: "第二部分表格中的指标“招商引资规模增长率（%）”（≥20%）在第一部分中没有提及。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a renamed 时效 indicator with the same value (任务完成及时率 ↔ 及时率) is paired",
        doc: () => zhaoshang({ tableRows: edit(ZS, "任务完成及时率", { level3: "及时率" }) }),
      },
      { title: "the narrative lists no indicators", doc: () => zhaoshang({ narrativeRows: [] }) },
    ],
  },

  "indicator-value-mismatch": {
    fires: [
      {
        title: "≥70% in the narrative, ≥20百分比 in the table",
        doc: () =>
          zhaoshang({
            rows: [...ZS, { level2: "经济效益指标", level3: "税收增长率", value: "≥70%", tableValue: "≥20百分比" }],
          }),
        check: one({
          severity: "error",
          narrative: "税收增长率",
          table: "税收增长率",
          message: "指标“税收增长率”的指标值不一致：第一部分为“≥70%”，第二部分表格为“≥20百分比”。",
        }),
      },
      {
        title: "the last two of a category differ in name and value: one pair reports both (issue 11 item 9)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { level3: "推介会场次", value: "≥6场" }) }),
        check: one({
          severity: "error",
          narrative: "开展宣传推介活动次数",
          table: "推介会场次",
          message: ["“≥4次”", "“≥6场”"],
        }),
      },
      {
        title: "a number in the narrative, text in the table",
        doc: () => zhaoshang({ tableRows: edit(ZS, "任务完成及时率", { value: "按时完成" }) }),
        check: one({
          severity: "error",
          narrative: "任务完成及时率",
          table: "任务完成及时率",
          message: ["“≥80%”", "“按时完成”"],
        }),
      },
      {
        title: "a value left blank in the table only (regression: it used to pass silently)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { value: "" }) }),
        check: one({
          severity: "error",
          narrative: "开展宣传推介活动次数",
          table: "开展宣传推介活动次数",
          message: ["“≥4次”", "“（空）”"],
        }),
      },
      {
        title: "a different operator (≥ vs ≤)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { value: "≤4次" }) }),
        check: one({
          severity: "error",
          narrative: "开展宣传推介活动次数",
          table: "开展宣传推介活动次数",
          message: ["“≥4次”", "“≤4次”"],
        }),
      },
    ],
    silent: [
      { title: "≥80% vs ≥80百分比 and ≦25万元 vs ≤25万元 (same quantity written differently)", doc: () => zhaoshang() },
      {
        title: "only the unit differs (≥4次 vs ≥4个): a unit mismatch, not a value mismatch",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { value: "≥4个" }) }),
      },
    ],
  },

  "indicator-unit-mismatch": {
    fires: [
      {
        title: "≥4次 in the narrative, ≥4个 in the table",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { value: "≥4个" }) }),
        check: one({
          severity: "error",
          narrative: "开展宣传推介活动次数",
          table: "开展宣传推介活动次数",
          message: "指标“开展宣传推介活动次数”数值相同但单位不同：第一部分为“≥4次”，第二部分表格为“≥4个”。",
        }),
      },
      {
        title: "≥70% in the narrative, ≥70内部 in the table",
        doc: () =>
          zhaoshang({
            rows: [...ZS, { level2: "经济效益指标", level3: "税收增长率", value: "≥70%", tableValue: "≥70内部" }],
          }),
        check: one({
          severity: "error",
          narrative: "税收增长率",
          table: "税收增长率",
          message: ["“≥70%”", "“≥70内部”"],
        }),
      },
    ],
    silent: [
      { title: "% vs 百分比 are one unit", doc: () => zhaoshang() },
      {
        title: "the numbers differ too (≥4次 vs ≥5个): a value mismatch",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { value: "≥5个" }) }),
      },
    ],
  },

  "indicator-name-mismatch": {
    fires: [
      {
        title: "任务完成及时率 in the narrative, 及时率 in the table (warning)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "任务完成及时率", { level3: "及时率" }) }),
        check: one({
          severity: "warning",
          narrative: "任务完成及时率",
          table: "及时率",
          message: "同一指标在第一部分称为“任务完成及时率”，在第二部分表格中称为“及时率”。",
          params: { decorationOnly: false },
        }),
      },
      {
        title: "a renamed cost indicator (资金成本 ↔ 预算控制数, same ≤25万元)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "资金成本", { level3: "预算控制数" }) }),
        check: one({
          severity: "warning",
          narrative: "资金成本",
          table: "预算控制数",
          message: ["“资金成本”", "“预算控制数”"],
        }),
      },
      {
        title: "only the （%） decoration differs (info)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "任务完成及时率", { level3: "任务完成及时率（%）" }) }),
        check: one({
          severity: "info",
          narrative: "任务完成及时率",
          table: "任务完成及时率（%）",
          message:
            "同一指标在第一部分称为“任务完成及时率”，在第二部分表格中称为“任务完成及时率（%）”（仅修饰符不同）。",
          params: { decorationOnly: true },
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "unpaired indicators are reported as missing, not renamed",
        doc: () =>
          zhaoshang({ narrativeRows: [...ZS, { level2: "服务对象满意度指标", level3: "企业满意度", value: "≥80%" }] }),
      },
    ],
  },

  "indicator-category-mismatch": {
    fires: [
      {
        title: "社会效益 in the narrative, 生态效益 in the table",
        doc: () => zhaoshang({ tableRows: edit(ZS, "经贸活动知名度", { level2: "生态效益指标" }) }),
        check: one({
          severity: "warning",
          narrative: "经贸活动知名度",
          table: "经贸活动知名度",
          message:
            "指标“经贸活动知名度”在第一部分属于“效益指标—社会效益指标”，在第二部分表格中属于“效益指标—生态效益指标”。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "可持续效益指标 vs 可持续影响指标 (aliases)",
        doc: () => zhaoshang({ narrativeRows: edit(ZS, "促进贸易便利化效果提升", { level2: "可持续效益指标" }) }),
      },
      {
        title: "服务对象满意度 vs 服务对象满意度指标 (aliases)",
        doc: () => zhaoshang({ narrativeRows: edit(ZS, "服务对象满意度", { level2: "服务对象满意度" }) }),
      },
      {
        title: "the narrative omits the 二级指标: the 一级指标 agree",
        doc: () => zhaoshang({ narrativeRows: edit(ZS, "服务对象满意度", { level1: "满意度指标", level2: null }) }),
      },
    ],
  },

  "qualitative-value-mismatch": {
    fires: [
      {
        title: "close wording (持续促进县域商业体系建设 vs 持续促进县域体系建设) is info",
        doc: () =>
          zhaoshang({
            rows: edit(ZS, "促进贸易便利化效果提升", {
              value: "持续促进县域商业体系建设",
              tableValue: "持续促进县域体系建设",
            }),
          }),
        check: one({
          severity: "info",
          narrative: "促进贸易便利化效果提升",
          table: "促进贸易便利化效果提升",
          message:
            "指标“促进贸易便利化效果提升”的定性指标值表述不同：第一部分为“持续促进县域商业体系建设”，第二部分表格为“持续促进县域体系建设”。",
        }),
      },
      {
        title: "texts far apart are a warning",
        doc: () => zhaoshang({ tableRows: edit(ZS, "经贸活动知名度", { value: "全面提升服务质量" }) }),
        check: one({
          severity: "warning",
          narrative: "经贸活动知名度",
          table: "经贸活动知名度",
          message: ["“有效宣传我县投资环境”", "“全面提升服务质量”"],
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "texts differing only in punctuation",
        doc: () => zhaoshang({ tableRows: edit(ZS, "经贸活动知名度", { value: "有效宣传我县投资环境。" }) }),
      },
      {
        title: "one side quantitative (a value mismatch instead)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "经贸活动知名度", { value: "≥80%" }) }),
      },
    ],
  },

  "indicator-description-mismatch": {
    fires: [
      {
        title: "the narrative's real description is not the table's",
        doc: () =>
          zhaoshang({ rows: edit(ZS, "开展宣传推介活动次数", { description: "反映开展招商引资宣传推介活动情况" }) }),
        check: one({
          severity: "info",
          narrative: "开展宣传推介活动次数",
          table: "开展宣传推介活动次数",
          message:
            "指标“开展宣传推介活动次数”的描述不同：第一部分为“反映开展招商引资宣传推介活动情况”，第二部分表格为“开展宣传推介活动次数”。",
        }),
      },
      {
        title: "a copy-paste slip (后续养护资金落实情况 described as 生态效益指标)",
        doc: () =>
          doc([
            zhongyangPart({
              rows: [
                ...FW,
                {
                  level2: "可持续影响指标",
                  level3: "后续养护资金落实情况",
                  value: "持续促进县域商业体系建设",
                  description: "生态效益指标",
                },
              ],
            }),
          ]),
        check: one({
          severity: "info",
          narrative: "后续养护资金落实情况",
          table: "后续养护资金落实情况",
          message: ["“生态效益指标”", "“后续养护资金落实情况”"],
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "the narrative repeats the name as its description",
        doc: () =>
          zhaoshang({
            rows: edit(ZS, "经贸活动知名度", {
              description: "经贸活动知名度",
              tableDescription: "反映招商引资宣传效果",
            }),
          }),
      },
      {
        title: "one description contains the other",
        doc: () =>
          zhaoshang({
            rows: edit(ZS, "经贸活动知名度", {
              description: "反映宣传效果",
              tableDescription: "反映宣传效果，提升知名度",
            }),
          }),
      },
      {
        title: "the table gives no description",
        doc: () =>
          zhaoshang({ rows: edit(ZS, "经贸活动知名度", { description: "反映宣传效果", tableDescription: null }) }),
      },
    ],
  },

  "spend-plan-invalid": {
    fires: [
      {
        title: "cumulative percentages that fall",
        doc: () => zhaoshang({ table: { spendPlan: [25, 50, 40, 100] } }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          message: "资金支出计划 第一季度 25%，第二季度 50%，第三季度 40%，第四季度 100% 不是逐期递增的累计比例。",
        }),
      },
      {
        title: "a plan that does not end at 100%",
        doc: () => zhaoshang({ table: { spendPlan: [25, 50, 75, 90] } }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          message: "资金支出计划 第一季度 25%，第二季度 50%，第三季度 75%，第四季度 90% 最后一期不是 100%。",
        }),
      },
      {
        title: "both problems in one finding",
        doc: () => zhaoshang({ table: { spendPlan: [50, 25, 75, 90] } }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          message: ["不是逐期递增的累计比例，且最后一期不是 100%"],
        }),
      },
    ],
    silent: [
      { title: "25/50/75/100", doc: () => zhaoshang() },
      { title: "a flat quarter (50, 50)", doc: () => zhaoshang({ table: { spendPlan: [25, 50, 50, 100] } }) },
      { title: "a blank period in between", doc: () => zhaoshang({ table: { spendPlan: [25, null, 75, 100] } }) },
      { title: "a blank plan", doc: () => zhaoshang({ table: { spendPlan: [null, null, null, null] } }) },
      { title: "no plan", doc: () => zhaoshang({ table: { spendPlan: [] } }) },
    ],
  },

  "funding-split-mismatch": {
    fires: [
      {
        title: "财政资金 short of 预算数 with 其他资金 blank",
        doc: () => zhaoshang({ table: { budget: { fiscal: 200_000 } } }),
        check: one({
          severity: "error",
          narrative: null,
          table: null,
          message: "财政资金 200000 元与其他（含上级）资金 0 元之和不等于预算数 250000 元。",
          params: { fiscal: 200_000, other: 0, total: 250_000 },
        }),
      },
      {
        title: "财政资金 + 其他资金 short of 预算数",
        doc: () => zhaoshang({ table: { budget: { fiscal: 200_000, other: 30_000 } } }),
        check: one({ severity: "error", narrative: null, table: null, message: ["200000", "30000", "250000"] }),
      },
    ],
    silent: [
      {
        title: "财政资金 + 其他资金 + 上级资金 = 预算数",
        doc: () =>
          zhaoshang({ table: { budget: { total: 250_000, fiscal: 150_000, other: 20_000, superior: 80_000 } } }),
      },
      { title: "财政资金 = 预算数, 其他资金 blank", doc: () => zhaoshang() },
      {
        title: "财政资金 + 其他资金 = 预算数",
        doc: () => zhaoshang({ table: { budget: { fiscal: 200_000, other: 50_000 } } }),
      },
      { title: "财政资金 blank", doc: () => zhaoshang({ table: { budget: { fiscal: null } } }) },
    ],
  },

  "cost-exceeds-budget": {
    fires: [
      {
        title: "table side: ≤25万元 against a 240000 元 预算数",
        doc: () => zhaoshang({ table: { total: 240_000 } }),
        check: one({
          severity: "error",
          narrative: null,
          table: "资金成本",
          message: "第二部分表格成本指标“资金成本”的上限 250000 元超过项目预算 240000 元。",
          params: { part: "table", limit: 250_000, budget: 240_000 },
        }),
      },
      {
        title: "narrative side: ≤30万元 against a 250000 元 amount",
        doc: () => zhaoshang({ narrativeRows: edit(ZS, "资金成本", { value: "≤30万元" }) }),
        check: one({
          severity: "error",
          narrative: "资金成本",
          table: null,
          message: "第一部分成本指标“资金成本”的上限 300000 元超过项目预算 250000 元。",
        }),
      },
      {
        title: "narrative side with only the listed amount (其中…) as budget (regression: it was ignored)",
        doc: () =>
          zhaoshang({
            narrative: { amount: null, listedAmount: 250_000 },
            narrativeRows: edit(ZS, "资金成本", { value: "≤30万元" }),
          }),
        check: one({ severity: "error", narrative: "资金成本", table: null, message: ["上限 300000 元", "250000"] }),
      },
      {
        title: "the upper bound of a range (20-30万元)",
        doc: () => zhaoshang({ tableRows: edit(ZS, "资金成本", { value: "20-30万元" }) }),
        check: one({ severity: "error", narrative: null, table: "资金成本", message: ["上限 300000 元", "250000"] }),
      },
      {
        title: "a 一级 成本指标 (经济成本指标) in 元",
        doc: () =>
          zhaoshang({
            tableRows: [...ZS, { level1: "成本指标", level2: "经济成本指标", level3: "人员经费", value: "≤300000元" }],
          }),
        check: one({
          severity: "error",
          narrative: null,
          table: "人员经费",
          message: ["“人员经费”", "300000", "250000"],
        }),
      },
    ],
    silent: [
      { title: "a 万元 limit equal to the 元 budget (≤25万元 vs 250000 元)", doc: () => zhaoshang() },
      { title: "≤3.4万元 vs 34000 元", doc: () => doc([canjirenPart()]) },
      {
        title: "a lower bound (≥) is no limit",
        doc: () => zhaoshang({ rows: edit(ZS, "资金成本", { value: "≥30万元" }) }),
      },
      {
        title: "a cost in % is no money limit",
        doc: () => zhaoshang({ rows: edit(ZS, "资金成本", { value: "≤110%" }) }),
      },
      {
        title: "a money value outside the 成本 category",
        doc: () => zhaoshang({ rows: edit(ZS, "开展宣传推介活动次数", { value: "≤30万元" }) }),
      },
    ],
  },

  "unknown-unit": {
    fires: [
      {
        title: "table side: ≥70内部",
        doc: () =>
          zhaoshang({
            rows: [...ZS, { level2: "经济效益指标", level3: "税收增长率", value: "≥70%", tableValue: "≥70内部" }],
          }),
        check: one({
          severity: "warning",
          narrative: null,
          table: "税收增长率",
          message: "第二部分表格指标“税收增长率”的指标值“≥70内部”中的单位“内部”无法识别。",
          params: { unit: "内部" },
        }),
      },
      {
        title: "narrative side",
        doc: () =>
          zhaoshang({
            rows: [...ZS, { level2: "经济效益指标", level3: "税收增长率", value: "≥70内部", tableValue: "≥70%" }],
          }),
        check: one({
          severity: "warning",
          narrative: "税收增长率",
          table: null,
          message: ["第一部分指标“税收增长率”", "“≥70内部”", "“内部”"],
        }),
      },
    ],
    silent: [
      { title: "%, 百分比, 次, 万元", doc: () => zhaoshang() },
      {
        title: "a compound unit (万元/年)",
        doc: () => zhaoshang({ rows: edit(ZS, "资金成本", { value: "≤25万元/年" }) }),
      },
      {
        title: "qualitative text",
        doc: () => zhaoshang({ rows: edit(ZS, "经贸活动知名度", { value: "全方位、多渠道开展招商引资工作" }) }),
      },
    ],
  },

  "weights-not-100": {
    fires: [
      {
        title: "the table's 权重 sum to 95",
        doc: () => zhaoshang({ tableRows: ZS.map((r, k) => ({ ...r, weight: k === 0 ? 15 : 16 })) }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          message: "表格中各指标的权重合计为 95，不等于 100。",
          params: { sum: 95, count: 6 },
        }),
      },
      {
        title: "weights summing to 100 where the block's caption states 90 (年度绩效目标(90分))",
        doc: () =>
          zhaoshang({
            table: { weightTotal: 90 },
            tableRows: ZS.map((r, k) => ({ ...r, weight: [20, 16, 16, 16, 16, 16][k]! })),
          }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          message: "表格中各指标的权重合计为 100，不等于 90。",
          params: { sum: 100, count: 6 },
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "weights summing to 100 (with decimals)",
        doc: () => zhaoshang({ tableRows: ZS.map((r, k) => ({ ...r, weight: [12.5, 20, 17.5, 20, 10, 20][k]! })) }),
      },
      {
        title: "weights summing to 90 where the block's caption states 90 (the other 10 scored outside the table)",
        doc: () => zhaoshang({ table: { weightTotal: 90 }, tableRows: ZS.map((r) => ({ ...r, weight: 15 })) }),
      },
    ],
  },

  "template-placeholder": {
    fires: [
      {
        title: "a placeholder left in a table name",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { level3: "完成数量(≥**个)" }) }),
        check: (found, rule) => {
          expect(found.map((f) => f.rule)).toContain(rule);
          const f = found.find((x) => x.table?.level3 === "完成数量(≥**个)")!;
          expectFinding(f, rule, {
            severity: "warning",
            narrative: null,
            table: "完成数量(≥**个)",
            message: ["第二部分表格", "名称", "完成数量(≥**个)"],
          });
        },
      },
      {
        title: "a placeholder in front of a narrative value",
        doc: () => zhaoshang({ narrativeRows: edit(ZS, "开展宣传推介活动次数", { value: "(≥**次)≥4次" }) }),
        check: one({
          severity: "warning",
          narrative: "开展宣传推介活动次数",
          table: null,
          message: ["第一部分", "指标值", "(≥**次)≥4次"],
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a value with a single asterisk",
        doc: () => zhaoshang({ rows: edit(ZS, "经贸活动知名度", { value: "五*星级服务" }) }),
      },
    ],
  },

  "duplicate-indicator": {
    fires: [
      {
        title: "the narrative names 农村网络销售同比增速 twice",
        doc: () =>
          doc([
            zhongyangPart({
              narrativeRows: [...FW, { level2: "社会效益指标", level3: "农村网络销售同比增速", value: "≥1%" }],
              tableRows: [...FW, { level2: "社会效益指标", level3: "农村网商数量同比增速", value: "≥1百分比" }],
            }),
          ]),
        check: (found, rule) => {
          one({
            severity: "warning",
            narrative: "农村网络销售同比增速",
            table: null,
            message: "第一部分中指标“农村网络销售同比增速”出现了 2 次。",
            params: { count: 2 },
          })(found, rule);
          expect(found[0]!.narrative?.value?.raw).toBe("≥1%");
        },
      },
      {
        title: "the table names one indicator twice, once with （%）",
        doc: () =>
          zhaoshang({
            tableRows: [
              ...ZS,
              { level2: "社会效益指标", level3: "招商引资规模增长率（%）", value: "≥20百分比" },
              { level2: "社会效益指标", level3: "招商引资规模增长率", value: "≥20百分比" },
            ],
          }),
        check: one({
          severity: "warning",
          narrative: null,
          table: "招商引资规模增长率",
          message: "第二部分表格中指标“招商引资规模增长率（%）”出现了 2 次。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "similar but different names (农村网络销售同比增速, 农村网商数量同比增速)",
        doc: () =>
          doc([
            zhongyangPart({ rows: [...FW, { level2: "社会效益指标", level3: "农村网商数量同比增速", value: "≥1%" }] }),
          ]),
      },
    ],
  },
  "category-coverage": {
    fires: [
      {
        title: "a project without a 满意度指标",
        doc: () => zhaoshang({ rows: ZS.filter((r) => r.level2 !== "服务对象满意度指标") }),
        check: one({
          severity: "warning",
          narrative: null,
          table: null,
          project: "招商经费",
          message: "项目的绩效指标缺少满意度指标（应包含产出指标、效益指标、满意度指标）。",
          params: { missing: "满意度指标" },
        }),
      },
      {
        title: "the 2021 framework's 成本指标 is required and the project has none",
        doc: () => ({
          ...zhaoshang({ rows: ZS.filter((r) => r.level2 !== "成本指标") }),
          rules: withParams("category-coverage", { required: ["产出指标", "成本指标", "效益指标", "满意度指标"] }),
        }),
        check: (found) => {
          expect(found).toHaveLength(1);
          expect(found[0]!.params.missing).toBe("成本指标");
          expect(found[0]!.at).toEqual({ table: 1, row: 0, col: 0 });
        },
      },
      {
        title: "a Part 1 section without a table is judged by its sentences, at its heading",
        doc: () => ({
          narrative: doc([zhaoshangPart({ rows: ZS.filter((r) => r.level2 !== "服务对象满意度指标") })]).narrative,
          projects: [],
        }),
        check: (found) => {
          expect(found).toHaveLength(1);
          expect(found[0]!.at).toEqual({ paragraph: 8, seq: null });
        },
      },
    ],
    silent: [
      consistent,
      {
        title: "成本指标 required, present as a 二级 under 产出指标",
        doc: () => ({
          ...zhaoshang(),
          rules: withParams("category-coverage", { required: ["产出指标", "成本指标", "效益指标", "满意度指标"] }),
        }),
      },
      { title: "a table with no indicators at all", doc: () => zhaoshang({ tableRows: [] }) },
    ],
  },

  "category-misplaced": {
    fires: [
      {
        title: "服务对象满意度指标 under 效益指标",
        doc: () => zhaoshang({ tableRows: edit(ZS, "服务对象满意度", { level1: "效益指标" }) }),
        check: one({
          severity: "warning",
          narrative: null,
          table: "服务对象满意度",
          message: "指标“服务对象满意度”的二级指标“服务对象满意度指标”属于“满意度指标”，却列在一级指标“效益指标”下。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "成本指标 as a 一级 of its own (the 2021 framework)",
        doc: () => zhaoshang({ rows: edit(ZS, "资金成本", { level1: "成本指标", level2: "经济成本指标" }) }),
      },
      {
        title: "an unknown 二级 name is not judged",
        doc: () => zhaoshang({ rows: edit(ZS, "经贸活动知名度", { level2: "宣传效果指标" }) }),
      },
    ],
  },

  "percent-out-of-range": {
    fires: [
      {
        title: "a satisfaction rate of 120%",
        doc: () => zhaoshang({ rows: edit(ZS, "服务对象满意度", { value: "≥120%" }) }),
        check: one({
          severity: "warning",
          narrative: null,
          table: "服务对象满意度",
          message:
            "第二部分表格指标“服务对象满意度”的指标值“≥120%”不在 0%–100% 之间，而“满意度”这类比率不会超过 100%。",
        }),
      },
      {
        title: "a completion rate range reaching 110%",
        doc: () => zhaoshang({ rows: edit(ZS, "任务完成及时率", { value: "90%-110%" }) }),
        check: one({ severity: "warning", narrative: null, table: "任务完成及时率", message: ["90%-110%", "率"] }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a growth rate of 150% (增长率 can exceed 100)",
        doc: () => zhaoshang({ rows: edit(ZS, "经贸活动知名度", { level3: "税收增长率", value: "≥150%" }) }),
      },
      {
        title: "a count of 120 (not a percentage)",
        doc: () => zhaoshang({ rows: edit(ZS, "开展宣传推介活动次数", { value: "≥120次" }) }),
      },
    ],
  },

  "inverted-range": {
    fires: [
      {
        title: "a range written upper bound first",
        doc: () => zhaoshang({ rows: edit(ZS, "开展宣传推介活动次数", { value: "10-4次" }) }),
        check: one({
          severity: "warning",
          narrative: null,
          table: "开展宣传推介活动次数",
          message: "第二部分表格指标“开展宣传推介活动次数”的指标值区间“10-4次”下限 10 大于上限 4。",
        }),
      },
    ],
    silent: [
      consistent,
      { title: "4-10次", doc: () => zhaoshang({ rows: edit(ZS, "开展宣传推介活动次数", { value: "4-10次" }) }) },
    ],
  },

  "cost-as-floor": {
    fires: [
      {
        title: "资金成本 ≥25万元",
        doc: () => zhaoshang({ rows: edit(ZS, "资金成本", { value: "≥25万元" }) }),
        check: one({
          severity: "warning",
          narrative: null,
          table: "资金成本",
          message: "第二部分表格成本指标“资金成本”的指标值“≥25万元”是下限（>=）；成本指标控制的是上限，应写作“≤”。",
        }),
      },
      {
        title: "不低于 under 经济成本指标 (the 2021 framework)",
        doc: () =>
          zhaoshang({
            rows: edit(ZS, "资金成本", { level1: "成本指标", level2: "经济成本指标", value: "不低于25万元" }),
          }),
        check: one({ severity: "warning", narrative: null, table: "资金成本", message: ["不低于25万元"] }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a floor on a 满意度 indicator",
        doc: () => zhaoshang({ rows: edit(ZS, "服务对象满意度", { value: "≥90%" }) }),
      },
    ],
  },

  "cost-without-money-unit": {
    fires: [
      {
        title: "资金成本 ≤100%",
        doc: () => zhaoshang({ rows: edit(ZS, "资金成本", { value: "≤100%" }) }),
        check: one({
          severity: "info",
          narrative: null,
          table: "资金成本",
          message: "第二部分表格成本指标“资金成本”的指标值“≤100%”没有金额单位（元、万元等）。",
        }),
      },
      {
        title: "a qualitative cost value",
        doc: () => zhaoshang({ rows: edit(ZS, "资金成本", { value: "控制在预算范围内" }) }),
        check: one({ severity: "info", narrative: null, table: "资金成本", message: ["控制在预算范围内"] }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a 社会成本指标 (not money) under the 2021 成本指标",
        doc: () =>
          zhaoshang({
            rows: [
              ...ZS,
              { level1: "成本指标", level2: "社会成本指标", level3: "对周边居民的影响", value: "无明显负面影响" },
            ],
          }),
      },
    ],
  },

  "no-quantitative-indicator": {
    fires: [
      {
        title: "every value is qualitative",
        doc: () => zhaoshang({ rows: ZS_QUALITATIVE }),
        check: (found, rule) => {
          one({
            severity: "warning",
            narrative: null,
            table: null,
            message: "项目的 6 个指标全部是定性指标，没有一个可以衡量的定量指标。",
          })(found, rule);
          expect(found[0]!.at).toEqual({ table: 1, row: 0, col: 0 });
        },
      },
    ],
    silent: [
      consistent,
      {
        title: "one quantitative value among qualitative ones",
        doc: () => zhaoshang({ rows: edit(ZS_QUALITATIVE, "开展宣传推介活动次数", { value: "≥4次" }) }),
      },
    ],
  },

  "value-empty": {
    fires: [
      {
        title: "a table row without a 指标值",
        doc: () => zhaoshang({ tableRows: edit(ZS, "开展宣传推介活动次数", { value: "" }) }),
        check: one({
          severity: "warning",
          narrative: null,
          table: "开展宣传推介活动次数",
          message: "第二部分表格指标“开展宣传推介活动次数”没有填写指标值。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a blank value in Part 1 only (a consistency matter: indicator-value-mismatch)",
        doc: () => zhaoshang({ narrativeRows: edit(ZS, "开展宣传推介活动次数", { value: "" }) }),
      },
    ],
  },

  "basis-empty": {
    fires: [
      {
        title: "one blank 指标值确定依据 cell where the others are filled",
        doc: () => withBasis(zhaoshang(), "2025年度工作计划", { 2: "" }),
        check: one({
          severity: "info",
          narrative: null,
          table: "资金成本",
          message: "指标“资金成本”没有填写指标值确定依据。",
        }),
      },
    ],
    silent: [
      consistent,
      { title: "every basis filled", doc: () => withBasis(zhaoshang(), "2025年度工作计划") },
      {
        title: "no basis in any row (no such column, or nothing to compare with)",
        doc: () => withBasis(zhaoshang(), ""),
      },
    ],
  },

  "copied-indicator": {
    fires: [
      {
        title: "残疾人保障金 repeats 招商经费's 开展宣传推介活动次数 ≥4次",
        doc: () =>
          doc([
            zhaoshangPart(),
            canjirenPart({ rows: [...CJ, { level2: "数量指标", level3: "开展宣传推介活动次数", value: "≥4次" }] }),
          ]),
        check: one({
          severity: "info",
          narrative: null,
          table: "开展宣传推介活动次数",
          project: "残疾人保障金",
          message:
            "指标“开展宣传推介活动次数”（≥4次）与项目“招商经费”中的同名指标完全相同，请确认是否照搬了其他项目的指标。",
        }),
      },
    ],
    silent: [
      consistent,
      {
        title: "the same satisfaction indicator in two projects",
        doc: () =>
          doc([
            zhaoshangPart(),
            canjirenPart({ rows: [...CJ, { level2: "服务对象满意度指标", level3: "服务对象满意度", value: "≥80%" }] }),
          ]),
      },
      {
        title: "the same name with another value",
        doc: () =>
          doc([
            zhaoshangPart(),
            canjirenPart({ rows: [...CJ, { level2: "数量指标", level3: "开展宣传推介活动次数", value: "≥2次" }] }),
          ]),
      },
    ],
  },

  "year-mismatch": {
    fires: [
      {
        title: "last year's plan as the basis of one row in a 2025 document",
        doc: () => withBasis(zhaoshang(), "2025年度工作计划", { 1: "2024年度工作计划" }),
        check: one({
          severity: "info",
          narrative: null,
          table: "任务完成及时率",
          message:
            "第二部分表格指标“任务完成及时率”的指标值确定依据中写有 2024 年，与文档的预算年度 2025 年不符：“2024年度工作计划”。",
          params: { year: 2024, documentYear: 2025 },
        }),
      },
      {
        title: "a goal line naming another year, with the year given in the rule's params",
        doc: () => ({
          ...zhaoshang({ table: { goals: ["1.2023年完成招商宣传册编印。"] } }),
          rules: withParams("year-mismatch", { year: 2025 }),
        }),
        check: one({ severity: "info", narrative: null, table: null, message: ["绩效目标", "2023"] }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a baseline year (较2024年增长)",
        doc: () =>
          withBasis(zhaoshang({ rows: edit(ZS, "经贸活动知名度", { value: "较2024年明显提升" }) }), "2025年度工作计划"),
      },
      {
        title: "a document number's year (冀财建[2024]255号)",
        doc: () => withBasis(zhaoshang(), "2025年度工作计划", { 0: "冀财建[2024]255号" }),
      },
      {
        title: "a 时效 deadline in the next year (left to deadline-after-year)",
        doc: () =>
          withBasis(
            zhaoshang({ rows: edit(ZS, "任务完成及时率", { value: "2026年3月底前完成" }) }),
            "2025年度工作计划",
          ),
      },
    ],
  },

  "deadline-after-year": {
    fires: [
      {
        title: "a 时效 deadline in the next year",
        doc: () =>
          withBasis(
            zhaoshang({ rows: edit(ZS, "任务完成及时率", { value: "2026年3月底前完成" }) }),
            "2025年度工作计划",
          ),
        check: one({
          severity: "info",
          narrative: null,
          table: "任务完成及时率",
          message: "第二部分表格时效指标“任务完成及时率”的时限“2026年3月底前完成”晚于预算年度 2025 年年底。",
        }),
      },
      {
        title: "次年 without a year",
        doc: () =>
          withBasis(zhaoshang({ rows: edit(ZS, "任务完成及时率", { value: "次年3月底前完成" }) }), "2025年度工作计划"),
        check: one({ severity: "info", narrative: null, table: "任务完成及时率", message: ["次年3月底前完成"] }),
      },
    ],
    silent: [
      consistent,
      {
        title: "a deadline within the year",
        doc: () =>
          withBasis(
            zhaoshang({ rows: edit(ZS, "任务完成及时率", { value: "2025年12月底前完成" }) }),
            "2025年度工作计划",
          ),
      },
      {
        title: "no year anywhere in the document",
        doc: () => zhaoshang({ rows: edit(ZS, "任务完成及时率", { value: "次年3月底前完成" }) }),
      },
    ],
  },
} satisfies Record<RuleId, RuleCases>;

const RULE_IDS = Object.keys(RULES) as RuleId[];

describe("reconcile rules", () => {
  it("has firing and silent cases for exactly the rules in RULES", () => {
    expect(Object.keys(CASES).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULE_IDS) {
      expect(CASES[rule].fires.length, rule).toBeGreaterThan(0);
      expect(CASES[rule].silent.length, rule).toBeGreaterThan(0);
    }
  });

  it("finds nothing at all in the consistent hand-made documents", () => {
    expect(run(zhaoshang()).map((f) => f.message)).toEqual([]);
    // 残疾人保障金 is a two-row stub: the only thing to say of it is that it lacks 效益 and 满意度 indicators.
    expect(run(doc([zhaoshangPart(), canjirenPart()])).map((f) => `${f.rule}: ${f.project?.name}`)).toEqual([
      "category-coverage: 残疾人保障金",
    ]);
  });

  describe.each(RULE_IDS)("%s", (rule) => {
    const cases: RuleCases = CASES[rule];
    it.each(cases.fires.map((c) => [c.title, c] as const))("fires: %s", (_title, c) => {
      const found = findingsOf(c.doc(), rule);
      expect(found.length, `${rule} did not fire`).toBeGreaterThan(0);
      c.check(found, rule);
    });
    it.each(cases.silent.map((c) => [c.title, c] as const))("stays silent: %s", (_title, c) => {
      expect(findingsOf(c.doc(), rule).map((f) => f.message)).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// The reference document
// ---------------------------------------------------------------------------------------------------

/** Indicators both parts of the reference give identically (name, category and value), by narrative project. */
const CONSISTENT_PAIRS: readonly (readonly [project: string, names: readonly string[]])[] = [
  [
    "残疾人保障金",
    ["拨款数额", "考核指标完成率", "专项资金拨付及时率", "服务对象满意度", "群众满意度", "工作人员满意度"],
  ],
  [
    "限上企业工作经费",
    ["开展小型调研次数", "任务完成率", "资金成本", "创新工作完成率", "生态效益增长率", "实际参会企业数"],
  ],
  ["中央服务业发展资金", ["县级物流配送中心新增改造数量", "乡镇商贸中心覆盖率提高", "生态效益指标", "服务对象满意度"]],
  ["招商经费", ["服务对象满意度"]],
];

describe("the reference document (yutian-commerce-2025.docx)", () => {
  const key = golden<GoldenFindings>("yutian-commerce-2025.findings.json");

  it("reconcile() on its model reproduces its findings", { timeout: 120_000 }, async () => {
    const reference = await extractFixture("yutian-commerce-2025.docx");
    expect(reconcile(reference.narrative, reference.projects, CONFIG).findings).toEqual(reference.findings);
  });

  it("raises none of the rules the answer key says must not fire", { timeout: 120_000 }, async () => {
    const reference = await extractFixture("yutian-commerce-2025.docx");
    const forbidden = new Set(key.mustNotFind.map((m) => m.rule));
    expect(forbidden.size).toBeGreaterThan(0);
    for (const rule of forbidden) expect(rule in RULES, rule).toBe(true);
    expect(reference.findings.filter((f) => forbidden.has(f.rule)).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it.each(CONSISTENT_PAIRS)(
    "names none of %s's consistent indicators",
    { timeout: 120_000 },
    async (project, names) => {
      const reference = await extractFixture("yutian-commerce-2025.docx");
      const pairs = linkProjects(reference.narrative?.projects ?? [], reference.projects, CATEGORIES);
      const pair = pairs.find((p) => p.narrative?.name === project);
      expect(pair?.table, `${project} is not linked to a table`).toBeTruthy();
      const tableName = pair!.table!.name;
      for (const name of names) {
        // The two sides really are paired with each other…
        expect(
          pair!.indicators.some((i) => i.narrative?.level3 === name && i.table?.level3 === name),
          `${project} ${name} not paired`,
        ).toBe(true);
        // …and no consistency finding of that project names them. (Quality findings judge a target on its
        // own: 生态效益增长率 ≥80% in 限上企业工作经费 is the one of 残疾人保障金 copied, whatever Part 1 says.)
        const naming = reference.findings.filter(
          (f) =>
            f.category === "consistency" &&
            f.project?.name === tableName &&
            [f.narrative?.level3, f.table?.level3, f.params.name].includes(name),
        );
        expect(
          naming.map((f) => `${f.rule}: ${f.message}`),
          `${project} ${name}`,
        ).toEqual([]);
      }
    },
  );
});
