import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/index.js";
import type { ComparisonOp, IndicatorValue } from "../../src/model/schema.js";
import { IndicatorValueSchema } from "../../src/model/schema.js";
import { rowValue } from "../../src/normalise/project.js";
import {
  findValueStart,
  formatIndicatorValue,
  isKnownUnit,
  normaliseValueText,
  parseIndicatorValue,
  parseNumber,
  valueGrammar,
} from "../../src/normalise/value.js";

function quant(
  raw: string,
  op: ComparisonOp,
  number: number,
  unit: string | null,
  extra: { upper?: number; unitKnown?: boolean } = {},
): IndicatorValue {
  return {
    raw,
    kind: "quantitative",
    op,
    number,
    upper: extra.upper ?? null,
    unit,
    unitKnown: extra.unitKnown ?? true,
  };
}

function qual(raw: string): IndicatorValue {
  return { raw, kind: "qualitative", op: null, number: null, upper: null, unit: null, unitKnown: true };
}

const between = (raw: string, low: number, high: number, unit: string | null): IndicatorValue =>
  quant(raw, "between", low, unit, { upper: high });

const cases: [string, IndicatorValue][] = [
  // Golden forms from the answer key.
  ["≤3.4万元", quant("≤3.4万元", "<=", 3.4, "万元")],
  ["≥80百分比", quant("≥80百分比", ">=", 80, "%")],
  ["≥5个", quant("≥5个", ">=", 5, "个")],
  ["≥5次", quant("≥5次", ">=", 5, "次")],
  ["≥40家", quant("≥40家", ">=", 40, "家")],
  ["≥70内部", quant("≥70内部", ">=", 70, "内部", { unitKnown: false })],
  // A template's placeholder left in front of the filled-in value is skipped when reading the number.
  ["(≥**株)>=17600株", quant("(≥**株)>=17600株", ">=", 17600, "株")],
  ["（≥**个）≥5个", quant("（≥**个）≥5个", ">=", 5, "个")],
  ["≦25万元", quant("≦25万元", "<=", 25, "万元")],
  ["≥80%", quant("≥80%", ">=", 80, "%")],
  ["按时完成工作任务", qual("按时完成工作任务")],
  ["按时完成。", qual("按时完成。")],
  ["持续促进县域商业体系建设。", qual("持续促进县域商业体系建设。")],
  // Operator symbols and words.
  ["≧90%", quant("≧90%", ">=", 90, "%")],
  [">=3项", quant(">=3项", ">=", 3, "项")],
  ["＞＝3项", quant("＞＝3项", ">=", 3, "项")],
  ["大于等于10人次", quant("大于等于10人次", ">=", 10, "人次")],
  ["不低于95%", quant("不低于95%", ">=", 95, "%")],
  ["不少于2场", quant("不少于2场", ">=", 2, "场")],
  ["不小于1000平方米", quant("不小于1000平方米", ">=", 1000, "平方米")],
  ["至少3篇", quant("至少3篇", ">=", 3, "篇")],
  ["80%以上", quant("80%以上", ">=", 80, "%")],
  ["5个以上", quant("5个以上", ">=", 5, "个")],
  ["90%及以上", quant("90%及以上", ">=", 90, "%")],
  ["<=5天", quant("<=5天", "<=", 5, "天")],
  ["＜＝5天", quant("＜＝5天", "<=", 5, "天")],
  ["小于等于12个月", quant("小于等于12个月", "<=", 12, "个月")],
  ["不高于5%", quant("不高于5%", "<=", 5, "%")],
  ["不超过30万元", quant("不超过30万元", "<=", 30, "万元")],
  ["不多于2次", quant("不多于2次", "<=", 2, "次")],
  ["3天以内", quant("3天以内", "<=", 3, "天")],
  ["5%以下", quant("5%以下", "<=", 5, "%")],
  ["2次及以下", quant("2次及以下", "<=", 2, "次")],
  ["5个工作日内", quant("5个工作日内", "<=", 5, "个工作日")],
  ["≤ 10 万元", quant("≤ 10 万元", "<=", 10, "万元")],
  [">50户", quant(">50户", ">", 50, "户")],
  ["＞50户", quant("＞50户", ">", 50, "户")],
  ["大于3座", quant("大于3座", ">", 3, "座")],
  ["超过100吨", quant("超过100吨", ">", 100, "吨")],
  ["超5000人次", quant("超5000人次", ">", 5000, "人次")],
  ["<1%", quant("<1%", "<", 1, "%")],
  ["＜1%", quant("＜1%", "<", 1, "%")],
  ["小于2小时", quant("小于2小时", "<", 2, "小时")],
  ["低于3%", quant("低于3%", "<", 3, "%")],
  ["=100%", quant("=100%", "=", 100, "%")],
  ["＝100%", quant("＝100%", "=", 100, "%")],
  ["等于1套", quant("等于1套", "=", 1, "套")],
  // Bare numbers, full-width forms, separators, decimals, signs.
  ["100%", quant("100%", "=", 100, "%")],
  ["5个", quant("5个", "=", 5, "个")],
  ["25", quant("25", "=", 25, null)],
  ["８０％", quant("８０％", "=", 80, "%")],
  ["≥８０％", quant("≥８０％", ">=", 80, "%")],
  ["1,000元", quant("1,000元", "=", 1000, "元")],
  ["1，000元", quant("1，000元", "=", 1000, "元")],
  ["1,00元", qual("1,00元")],
  ["≥1,234.5万元", quant("≥1,234.5万元", ">=", 1234.5, "万元")],
  ["-5%", quant("-5%", "=", -5, "%")],
  ["≤-5%", quant("≤-5%", "<=", -5, "%")],
  ["95分", quant("95分", "=", 95, "分")],
  ["2亿元", quant("2亿元", "=", 2, "亿元")],
  // Compound and unknown units.
  ["≤500万元/年", quant("≤500万元/年", "<=", 500, "万元/年")],
  ["≤120元/人·天", quant("≤120元/人·天", "<=", 120, "元/人·天")],
  ["≤3000元/平方米", quant("≤3000元/平方米", "<=", 3000, "元/平方米")],
  ["≥10公里", quant("≥10公里", ">=", 10, "公里")],
  ["≥3000万人次", quant("≥3000万人次", ">=", 3000, "万人次")],
  ["≥2个百分点", quant("≥2个百分点", ">=", 2, "个百分点")],
  ["≥3重点企业", quant("≥3重点企业", ">=", 3, "重点企业", { unitKnown: false })],
  // Operator words the narrative used to read differently (issue 11 item 6).
  ["至多5次", quant("至多5次", "<=", 5, "次")],
  ["最多3天", quant("最多3天", "<=", 3, "天")],
  ["高于90%", quant("高于90%", ">", 90, "%")],
  ["多于2场", quant("多于2场", ">", 2, "场")],
  ["少于3次", quant("少于3次", "<", 3, "次")],
  ["控制在25万元以内", quant("控制在25万元以内", "<=", 25, "万元")],
  ["实现100%", quant("实现100%", "=", 100, "%")],
  ["5天之内", quant("5天之内", "<=", 5, "天")],
  // Units from the open vocabulary: measure words and their compounds.
  ["≥3批次", quant("≥3批次", ">=", 3, "批次")],
  ["≥85万头（只）", quant("≥85万头（只）", ">=", 85, "万头(只)")],
  ["≥200户次", quant("≥200户次", ">=", 200, "户次")],
  ["≥30人·天", quant("≥30人·天", ">=", 30, "人·天")],
  ["≤800元/人·月", quant("≤800元/人·月", "<=", 800, "元/人·月")],
  ["≥12架次", quant("≥12架次", ">=", 12, "架次")],
  ["≥2艘", quant("≥2艘", ">=", 2, "艘")],
  ["≥5万人次", quant("≥5万人次", ">=", 5, "万人次")],
  ["≥500kg", quant("≥500kg", ">=", 500, "kg")],
  ["≥3个批次", quant("≥3个批次", ">=", 3, "个批次")],
  ["≥100余人", quant("≥100余人", ">=", 100, "余人", { unitKnown: false })],
  // Ranges.
  ["80%-90%", between("80%-90%", 80, 90, "%")],
  ["80～90%", between("80～90%", 80, 90, "%")],
  ["80%~90%", between("80%~90%", 80, 90, "%")],
  ["80-90%", between("80-90%", 80, 90, "%")],
  ["80至90%", between("80至90%", 80, 90, "%")],
  ["80%到90%", between("80%到90%", 80, 90, "%")],
  ["80%—90%", between("80%—90%", 80, 90, "%")],
  ["3-5天", between("3-5天", 3, 5, "天")],
  ["80%-90个", qual("80%-90个")],
  ["≥80-90%", qual("≥80-90%")],
  ["2025-12-31", qual("2025-12-31")],
  // Lead verbs: 达到 implies ≥ (a target reached at or above it), 完成 and 实现 =; only with a known unit.
  ["达到95%", quant("达到95%", ">=", 95, "%")],
  ["达95%以上", quant("达95%以上", ">=", 95, "%")],
  ["完成100%", quant("完成100%", "=", 100, "%")],
  ["达到≥90%", quant("达到≥90%", ">=", 90, "%")],
  ["完成2025年工作任务", qual("完成2025年工作任务")],
  // Qualitative prose and placeholders.
  ["", qual("")],
  ["高", qual("高")],
  ["中", qual("中")],
  ["低", qual("低")],
  ["优良", qual("优良")],
  ["按时完成", qual("按时完成")],
  ["有效提升", qual("有效提升")],
  ["显著改善", qual("显著改善")],
  ["逐步提高", qual("逐步提高")],
  ["≥**个", qual("≥**个")],
  ["按时完成2025年工作任务", qual("按时完成2025年工作任务")],
  ["及时缴纳残疾人保障金", qual("及时缴纳残疾人保障金")],
  [
    "全方位、多渠道开展招商引资活动，有效宣传我县投资环境。",
    qual("全方位、多渠道开展招商引资活动，有效宣传我县投资环境。"),
  ],
  ["完成率达到100%的目标并持续改进", qual("完成率达到100%的目标并持续改进")],
  ["5个以上重点项目建成投产", qual("5个以上重点项目建成投产")],
  ["≥5个，确保完成", qual("≥5个，确保完成")],
  // Whitespace folding in raw.
  ["  ≥　80 %  ", quant("≥ 80 %", ">=", 80, "%")],
  ["按时\n  完成", qual("按时 完成")],
];

describe("parseIndicatorValue", () => {
  it.each(cases)("%s", (input, expected) => {
    expect(parseIndicatorValue(input)).toEqual(expected);
  });

  it.each(cases)("keeps the folded input as raw and fits the schema: %s", (input) => {
    const value = parseIndicatorValue(input);
    expect(value.raw).toBe(input.replace(/\s+/gu, " ").trim());
    expect(IndicatorValueSchema.parse(value)).toEqual(value);
  });

  it.each(cases)("is consistent in shape: %s", (input) => {
    const v = parseIndicatorValue(input);
    if (v.kind === "qualitative") {
      expect([v.op, v.number, v.upper, v.unit, v.unitKnown]).toEqual([null, null, null, null, true]);
    } else {
      expect(v.op).not.toBeNull();
      expect(v.upper !== null).toBe(v.op === "between");
    }
  });

  it("parses full-width and half-width spellings alike", () => {
    const pairs = [
      ["≥８０％", "≥80%"],
      ["≦２５万元", "≤25万元"],
      ["＞＝３项", ">=3项"],
    ] as const;
    for (const [wide, narrow] of pairs) {
      const { raw: _wideRaw, ...wideRest } = parseIndicatorValue(wide);
      const { raw: _narrowRaw, ...narrowRest } = parseIndicatorValue(narrow);
      expect(wideRest).toEqual(narrowRest);
    }
  });
});

describe("normaliseValueText", () => {
  it.each([
    ["８０％", "80%"],
    ["≧≦", "≥≤"],
    [">=5<=6", "≥5≤6"],
    ["＞＝＜＝＝", "≥≤="],
    ["80～90", "80~90"],
    ["1，000", "1,000"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseValueText(input)).toBe(expected);
  });
});

describe("isKnownUnit", () => {
  it.each([
    ["%", true],
    ["百分比", true],
    ["万元", true],
    ["工作日", true],
    ["万元/年", true],
    ["元/人·天", true],
    ["元/平方米", true],
    ["内部", false],
    ["元/", false],
    ["", false],
    ["批次", true],
    ["头（只）", true],
    ["个(次)", true],
    ["万头（只）", true],
    ["头（内部）", false],
    ["户次", true],
    ["人·天", true],
    ["元/人·月", true],
    ["个工作日", true],
    ["万人次", true],
    ["平方公里", true],
    ["千瓦时", true],
    ["m²", true],
    ["重点企业", false],
    ["70内部", false],
    ["余人", false],
  ] as const)("%s → %s", (unit, known) => {
    expect(isKnownUnit(unit)).toBe(known);
  });
});

describe("parseNumber", () => {
  it.each([
    ["34000.00", 34000],
    ["9,000,000.00", 9000000],
    ["３.４", 3.4],
    ["１，０００", 1000],
    [" 25 ", 25],
    ["-5", -5],
    ["", null],
    ["无", null],
    ["3.4万元", null],
    ["1,00", null],
    ["12,3456", null],
  ] as const)("%s → %s", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});

describe("formatIndicatorValue", () => {
  it.each([
    ["≧80百分比", "≥80%"],
    ["≦3.4万元", "≤3.4万元"],
    ["80%-90%", "80%–90%"],
    ["100%", "100%"],
    ["25", "25"],
    [">5个", ">5个"],
    ["按时完成。", "按时完成。"],
  ])("%s → %s", (input, expected) => {
    expect(formatIndicatorValue(parseIndicatorValue(input))).toBe(expected);
  });
});

describe("the grammar is configuration", () => {
  it("reads an operator word and a unit added in YAML, and denies a unit word", () => {
    const config = parseConfig('values:\n  operators:\n    "<=": [封顶]\n  units: [标准立方米]\n  notUnits: [批次]\n');
    expect(parseIndicatorValue("封顶5次", valueGrammar(config))).toEqual(quant("封顶5次", "<=", 5, "次"));
    expect(parseIndicatorValue("≥3标准立方米", valueGrammar(config)).unitKnown).toBe(true);
    expect(parseIndicatorValue("≥3批次", valueGrammar(config)).unitKnown).toBe(false);
    // Part 2 cells read with the same configured grammar.
    const field = (text: string) => ({ text, lines: [text], at: { table: 1, row: 2, col: 4 } });
    const row = { level1: null, level2: null, level3: field("检查"), description: null, basis: null, nature: null };
    const cell = {
      ...row,
      unit: null,
      weight: null,
      direction: null,
      extra: {},
      at: { table: 1, row: 2, col: 4 },
      value: field("封顶5次"),
    };
    expect(rowValue(cell, valueGrammar(config))).toEqual(quant("封顶5次", "<=", 5, "次"));
    // The built-in grammar is untouched.
    expect(parseIndicatorValue("封顶5次").kind).toBe("qualitative");
    expect(parseIndicatorValue("≥3批次").unitKnown).toBe(true);
  });
});

describe("findValueStart", () => {
  it.each([
    ["培训次数至多5次", "至多5次"],
    ["满意度达到95%以上", "达到95%以上"],
    ["群众满意度≥90%", "≥90%"],
    ["覆盖人数不低于200人", "不低于200人"],
    ["培训人数200人以上", "200人以上"],
    ["开展培训10次", "10次"],
    ["PM2.5浓度≤35微克/立方米", "≤35微克/立方米"],
    ["任务完成率100%", "100%"],
    ["税收增长率≥70内部", "≥70内部"],
    ["按时完成", null],
    ["开展3次培训", null],
  ] as const)("%s → %s", (text, expected) => {
    const start = findValueStart(text);
    expect(start < 0 ? null : text.slice(start)).toBe(expected);
  });
});
