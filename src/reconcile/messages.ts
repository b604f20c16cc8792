import type { MessageFn, ParamsOf, RuleId } from "../model/codes.js";
import type { Severity } from "../model/schema.js";

/** The parts of the document, as a finding about one side names them. */
const PART_NAMES = { narrative: "第一部分", table: "第二部分表格" } as const;

/** Which part of the document a finding about one side speaks of: Part 1 (narrative) or Part 2 (tables). */
export type Part = keyof typeof PART_NAMES;

/** What the narrative total is compared with. */
const TOTAL_AGAINST = {
  narrative: "第一部分各项目金额之和",
  table: "第二部分各项目预算数之和",
} as const satisfies Record<Part, string>;

/** The indicator counts a narrative declares. */
const DECLARED = { indicators: "二、三级指标", level1: "一级指标" } as const;

/** The fields of an indicator a template placeholder can be left in. */
const PLACEHOLDER_FIELDS = { level3: "名称", description: "描述", value: "指标值" } as const;

/** What is wrong with a 资金支出计划. */
const SPEND_PLAN_PROBLEMS = { falls: "不是逐期递增的累计比例", notComplete: "最后一期不是 100%" } as const;

/** A problem of a spend plan; a finding's params say which it has. */
type SpendPlanProblem = keyof typeof SPEND_PLAN_PROBLEMS;
/** An indicator named in a message. */
type Named = { name: string };
/** One indicator's two sides compared. */
type Compared = Named & { narrative: string | null; table: string | null };
/** One side's indicator. */
type InPart = Named & { part: Part };

const q = (v: unknown) => `“${v ?? "（空）"}”`;

/**
 * Every rule id with its default severity, its Chinese title and the sentence an auditor reads, built from the
 * rule's own typed parameters (a misspelt key does not compile, here or where the finding is made).
 */
export const RULES = {
  "budget-mismatch": {
    severity: "error",
    title: "预算金额不一致",
    message: (p: { narrative: number; table: number }) =>
      `第一部分所列项目金额 ${p.narrative} 元与第二部分表格预算数 ${p.table} 元不一致。`,
  },
  "total-mismatch": {
    severity: "error",
    title: "项目支出总额不一致",
    message: (p: { total: number; against: Part; sum: number }) =>
      `第一部分所述项目支出总额 ${p.total} 元与${TOTAL_AGAINST[p.against]} ${p.sum} 元不一致。`,
  },
  "project-missing-in-table": {
    severity: "error",
    title: "表格中缺少项目",
    message: (p: { name: string | null }) => `第一部分列出的项目${q(p.name)}在第二部分中没有对应的绩效目标表。`,
  },
  "project-missing-in-narrative": {
    severity: "error",
    title: "文字部分缺少项目",
    message: (p: { name: string | null }) => `第二部分的项目${q(p.name)}在第一部分中没有对应的文字说明。`,
  },
  "project-name-mismatch": {
    severity: "info",
    title: "项目名称不一致",
    message: (p: { narrative: string; table: string }) =>
      `项目在第一部分称为${q(p.narrative)}，在第二部分表格中称为${q(p.table)}。`,
  },
  "declared-count-mismatch": {
    severity: "warning",
    title: "声明的指标个数与所列不符",
    message: (p: { what: keyof typeof DECLARED; declared: number; listed: number }) =>
      `第一部分声明${DECLARED[p.what]} ${p.declared} 个，实际列出 ${p.listed} 个。`,
  },
  "indicator-count-mismatch": {
    severity: "warning",
    title: "指标个数不一致",
    message: (p: { narrative: number; table: number }) =>
      `第一部分列出 ${p.narrative} 个指标，第二部分表格有 ${p.table} 行指标。`,
  },
  "indicator-missing-in-table": {
    severity: "warning",
    title: "表格中缺少指标",
    message: (p: Named & { value: string }) => `第一部分的指标${q(p.name)}（${p.value}）在第二部分表格中没有对应行。`,
  },
  "indicator-missing-in-narrative": {
    severity: "warning",
    title: "文字部分缺少指标",
    message: (p: Named & { value: string }) => `第二部分表格中的指标${q(p.name)}（${p.value}）在第一部分中没有提及。`,
  },
  "indicator-value-mismatch": {
    severity: "error",
    title: "指标值不一致",
    message: (p: Compared) =>
      `指标${q(p.name)}的指标值不一致：第一部分为${q(p.narrative)}，第二部分表格为${q(p.table)}。`,
  },
  "indicator-unit-mismatch": {
    severity: "error",
    title: "指标计量单位不一致",
    message: (p: Compared) =>
      `指标${q(p.name)}数值相同但单位不同：第一部分为${q(p.narrative)}，第二部分表格为${q(p.table)}。`,
  },
  "indicator-name-mismatch": {
    severity: "warning",
    title: "指标名称不一致",
    message: (p: { narrative: string | null; table: string | null; decorationOnly: boolean }) =>
      `同一指标在第一部分称为${q(p.narrative)}，在第二部分表格中称为${q(p.table)}${p.decorationOnly ? "（仅修饰符不同）" : ""}。`,
  },
  "indicator-category-mismatch": {
    severity: "warning",
    title: "指标类别不一致",
    message: (p: Compared) => `指标${q(p.name)}在第一部分属于${q(p.narrative)}，在第二部分表格中属于${q(p.table)}。`,
  },
  "qualitative-value-mismatch": {
    severity: "info",
    title: "定性指标值表述不同",
    message: (p: Compared & { similarity: number }) =>
      `指标${q(p.name)}的定性指标值表述不同：第一部分为${q(p.narrative)}，第二部分表格为${q(p.table)}。`,
  },
  "indicator-description-mismatch": {
    severity: "info",
    title: "指标描述不同",
    message: (p: Compared) => `指标${q(p.name)}的描述不同：第一部分为${q(p.narrative)}，第二部分表格为${q(p.table)}。`,
  },
  "spend-plan-invalid": {
    severity: "warning",
    title: "资金支出计划不合理",
    message: (p: { plan: string } & Record<SpendPlanProblem, boolean>) =>
      `资金支出计划 ${p.plan} ${Object.entries(SPEND_PLAN_PROBLEMS)
        .flatMap(([problem, text]) => (p[problem as SpendPlanProblem] ? [text] : []))
        .join("，且")}。`,
  },
  "funding-split-mismatch": {
    severity: "error",
    title: "资金构成不平衡",
    message: (p: { fiscal: number; other: number; total: number }) =>
      `财政资金 ${p.fiscal} 元与其他（含上级）资金 ${p.other} 元之和不等于预算数 ${p.total} 元。`,
  },
  "cost-exceeds-budget": {
    severity: "error",
    title: "成本指标超出预算",
    message: (p: InPart & { limit: number; budget: number | null }) =>
      `${PART_NAMES[p.part]}成本指标${q(p.name)}的上限 ${p.limit} 元超过项目预算 ${p.budget} 元。`,
  },
  "unknown-unit": {
    severity: "warning",
    title: "无法识别的计量单位",
    message: (p: InPart & { raw: string; unit: string | null }) =>
      `${PART_NAMES[p.part]}指标${q(p.name)}的指标值${q(p.raw)}中的单位${q(p.unit)}无法识别。`,
  },
  "duplicate-indicator": {
    severity: "warning",
    title: "指标重复",
    message: (p: InPart & { count: number }) => `${PART_NAMES[p.part]}中指标${q(p.name)}出现了 ${p.count} 次。`,
  },
  "weights-not-100": {
    severity: "warning",
    title: "指标权重合计不为 100",
    message: (p: { sum: number; count: number }) => `表格中各指标的权重合计为 ${p.sum}，不等于 100。`,
  },
  "template-placeholder": {
    severity: "warning",
    title: "模板占位符未替换",
    message: (p: InPart & { field: keyof typeof PLACEHOLDER_FIELDS; text: string }) =>
      `${PART_NAMES[p.part]}指标${q(p.name)}的${PLACEHOLDER_FIELDS[p.field]}中留有模板占位符“**”：${q(p.text)}。`,
  },
} satisfies Record<RuleId, { severity: Severity; title: string; message: MessageFn }>;

export type { RuleId };

/** The parameters of a rule's message (and of its findings' `params`), typed per rule id. */
export type RuleParams<R extends RuleId> = ParamsOf<(typeof RULES)[R]["message"]>;
