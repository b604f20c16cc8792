import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "../../src/config/index.js";
import type { Block } from "../../src/grid/index.js";
import type { IndicatorValue, NarrativeIndicator } from "../../src/model/schema.js";
import {
  narrativeGrammar,
  parseCategoryList,
  parseChineseCount,
  parseIndicatorSentence,
  parseIndicatorSpan,
  parseNarrative,
  splitNumberedSentences,
  splitUnnumberedSentences,
} from "../../src/narrative/index.js";

const config = defaultConfig();
const grammar = narrativeGrammar(config);

const quant = (raw: string, op: IndicatorValue["op"], number: number, unit: string | null): IndicatorValue => ({
  raw,
  kind: "quantitative",
  op,
  number,
  upper: null,
  unit,
  unitKnown: true,
});
const qual = (raw: string): IndicatorValue => ({
  raw,
  kind: "qualitative",
  op: null,
  number: null,
  upper: null,
  unit: null,
  unitKnown: true,
});

/** Paragraph blocks numbered from `first`, as the grid stage would give them. */
function paragraphs(texts: readonly string[], first = 0): Block[] {
  return texts.map((text, i) => ({ kind: "paragraph", index: first + i, text, heading: null }));
}

describe("splitNumberedSentences", () => {
  it.each([
    [
      "numbers at the start and after 。",
      "1、甲，指标值为≥1次。2、乙，指标值为≥2次。",
      [
        [1, "1、甲，指标值为≥1次。"],
        [2, "2、乙，指标值为≥2次。"],
      ],
    ],
    [
      "a lead-in ending in ：",
      "项目共设三个一级指标，下设2个二、三级指标。具体为：1、甲。2、乙。",
      [
        [1, "1、甲。"],
        [2, "2、乙。"],
      ],
    ],
    [
      "figures inside a sentence",
      "1、培训2次，覆盖3.5万人，指标值为≥2次。2、乙，指标值为≥2.5%。",
      [
        [1, "1、培训2次，覆盖3.5万人，指标值为≥2次。"],
        [2, "2、乙，指标值为≥2.5%。"],
      ],
    ],
    [
      "a decimal right after punctuation",
      "1、甲，指标值为：2.5万元。2、乙。",
      [
        [1, "1、甲，指标值为：2.5万元。"],
        [2, "2、乙。"],
      ],
    ],
    ["numbers out of sequence are text", "1、甲，指标值为≥80%。3、丙。", [[1, "1、甲，指标值为≥80%。3、丙。"]]],
    [
      "dot and parenthesised numbers",
      "1.甲。(2)、乙。（3）．丙。",
      [
        [1, "1.甲。"],
        [2, "(2)、乙。"],
        [3, "（3）．丙。"],
      ],
    ],
    ["no numbered sentence", "项目共设三个一级指标。", []],
  ])("%s", (_name, paragraph, expected) => {
    expect(splitNumberedSentences(paragraph).map((s) => [s.seq, s.text])).toEqual(expected);
  });

  it("runs past 9 without splitting ≥80%。10、 or 1 inside 10", () => {
    const text = Array.from({ length: 11 }, (_, i) => `${i + 1}、指标${i + 1}，指标值为≥80%。`).join("");
    const spans = splitNumberedSentences(text);
    expect(spans.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(spans[8]!.text).toBe("9、指标9，指标值为≥80%。");
    expect(spans[9]!.text).toBe("10、指标10，指标值为≥80%。");
    expect(spans[10]!.text).toBe("11、指标11，指标值为≥80%。");
  });

  it("continues a count from an earlier paragraph", () => {
    expect(splitNumberedSentences("1、旧。3、甲。4、乙。", 3).map((s) => [s.seq, s.text])).toEqual([
      [3, "3、甲。"],
      [4, "4、乙。"],
    ]);
  });
});

type Expected = Pick<NarrativeIndicator, "seq" | "level1" | "level2" | "level3" | "description" | "value" | "inferred">;

const sentenceCases: [name: string, sentence: string, expected: Expected][] = [
  [
    "em dashes, three levels, no description",
    "1、产出指标—数量指标—开展小型调研次数，指标值为≥5次。",
    {
      seq: 1,
      level1: "产出指标",
      level2: "数量指标",
      level3: "开展小型调研次数",
      description: null,
      value: quant("≥5次", ">=", 5, "次"),
      inferred: [],
    },
  ],
  [
    "mixed — and -- with a description",
    "1、产出指标—数量指标—开展产业优势产业项目宣传推介活动数量--反映开展招商引资宣传推介活动情况，指标值为≥4次。",
    {
      seq: 1,
      level1: "产出指标",
      level2: "数量指标",
      level3: "开展产业优势产业项目宣传推介活动数量",
      description: "反映开展招商引资宣传推介活动情况",
      value: quant("≥4次", ">=", 4, "次"),
      inferred: [],
    },
  ],
  [
    "double hyphens",
    "3、产出指标--时效指标--任务完成及时率--任务完成及时率，指标值为≥80%。",
    {
      seq: 3,
      level1: "产出指标",
      level2: "时效指标",
      level3: "任务完成及时率",
      description: "任务完成及时率",
      value: quant("≥80%", ">=", 80, "%"),
      inferred: [],
    },
  ],
  [
    "double em dashes",
    "2、产出指标——质量指标——合格率，指标值为≥95%。",
    {
      seq: 2,
      level1: "产出指标",
      level2: "质量指标",
      level3: "合格率",
      description: null,
      value: quant("≥95%", ">=", 95, "%"),
      inferred: [],
    },
  ],
  [
    "≦ as ≤ with 万元; 成本指标 read as a 二级指标 under 产出指标",
    "4、产出指标--成本指标--资金成本--资金成本，指标值为≦25万元。",
    {
      seq: 4,
      level1: "产出指标",
      level2: "成本指标",
      level3: "资金成本",
      description: "资金成本",
      value: quant("≦25万元", "<=", 25, "万元"),
      inferred: [],
    },
  ],
  [
    "missing 一级指标 inferred from the 二级指标",
    "7、生态效益指标--生态效益增长率--生态效益增长率，指标值为≥80%。",
    {
      seq: 7,
      level1: "效益指标",
      level2: "生态效益指标",
      level3: "生态效益增长率",
      description: "生态效益增长率",
      value: quant("≥80%", ">=", 80, "%"),
      inferred: ["level1"],
    },
  ],
  [
    "two parts: 二级指标 inferred as the sole child",
    "9、满意度指标--企业满意度，指标值为≥80%。",
    {
      seq: 9,
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      level3: "企业满意度",
      description: null,
      value: quant("≥80%", ">=", 80, "%"),
      inferred: ["level2"],
    },
  ],
  [
    "value without 指标值为 is qualitative text after the first comma",
    "6、效益指标—社会效益指标--经贸活动知名度--经贸活动知名度，全方位、多渠道开展招商引资工作，大力宣传推介我县投资环境。",
    {
      seq: 6,
      level1: "效益指标",
      level2: "社会效益指标",
      level3: "经贸活动知名度",
      description: "经贸活动知名度",
      value: qual("全方位、多渠道开展招商引资工作，大力宣传推介我县投资环境"),
      inferred: [],
    },
  ],
  [
    "bare qualitative value",
    "3、产出指标--时效指标--及时性--及时性，按时完成。",
    {
      seq: 3,
      level1: "产出指标",
      level2: "时效指标",
      level3: "及时性",
      description: "及时性",
      value: qual("按时完成"),
      inferred: [],
    },
  ],
  [
    "an alias category keeps its written name",
    "8、效益指标—可持续效益指标--实际参会企业数，指标值为≥40家。",
    {
      seq: 8,
      level1: "效益指标",
      level2: "可持续效益指标",
      level3: "实际参会企业数",
      description: null,
      value: quant("≥40家", ">=", 40, "家"),
      inferred: [],
    },
  ],
  [
    "效果指标 accepted as a 一级指标",
    "5、效果指标—经济效益指标--税收增长率，指标值为≥70%。",
    {
      seq: 5,
      level1: "效果指标",
      level2: "经济效益指标",
      level3: "税收增长率",
      description: null,
      value: quant("≥70%", ">=", 70, "%"),
      inferred: [],
    },
  ],
  [
    "目标值是 as the value marker",
    "2、产出指标—质量指标—验收合格率，目标值是100%。",
    {
      seq: 2,
      level1: "产出指标",
      level2: "质量指标",
      level3: "验收合格率",
      description: null,
      value: quant("100%", "=", 100, "%"),
      inferred: [],
    },
  ],
  [
    "no categories at all",
    "1、宣传次数，指标值为≥3次。",
    {
      seq: 1,
      level1: null,
      level2: null,
      level3: "宣传次数",
      description: null,
      value: quant("≥3次", ">=", 3, "次"),
      inferred: [],
    },
  ],
];

describe("parseIndicatorSentence", () => {
  it.each(sentenceCases)("%s", (_name, sentence, expected) => {
    const [span] = splitNumberedSentences(sentence, expected.seq);
    expect(span).toBeDefined();
    const indicator = parseIndicatorSentence(span!, 12, grammar);
    expect(indicator).toEqual({ ...expected, at: { paragraph: 12, seq: expected.seq }, sentence });
  });

  it("leaves level3 null when the sentence names nothing", () => {
    const indicator = parseIndicatorSentence({ seq: 2, text: "2、，指标值为≥1次。" }, 0, grammar);
    expect(indicator.level3).toBeNull();
    expect(indicator.value).toEqual(quant("≥1次", ">=", 1, "次"));
  });
});

describe("parseChineseCount", () => {
  it.each([
    ["三", 3],
    ["十", 10],
    ["十一", 11],
    ["二十", 20],
    ["二十三", 23],
    ["两", 2],
    ["一百", 100],
    ["一百零五", 105],
    ["一百一十", 110],
    ["11", 11],
    ["１１", 11],
    ["0", 0],
  ])("%s → %i", (text, expected) => {
    expect(parseChineseCount(text)).toBe(expected);
  });

  it.each([[undefined], [""], ["三个"], ["abc"], ["千"]])("%j → null", (text) => {
    expect(parseChineseCount(text)).toBeNull();
  });
});

const TOTAL =
  "按照绩效预算编制要求，现将我单位绩效预算编制情况和绩效目标说明如下：本着勤俭节约满足基本需求的原则，2025年我单位需安排专项项目支出938.4万元。";
const LIST =
  "按照商务和投资促进局工作职责，需安排专项项目经费938.4万元，其中招商经费25万元，限上企业工作经费10万元，2025年中央服务业发展资金900万元，残疾人保障金3.4万元。";
const SENTENCES =
  "项目共设产出指标、效果指标和满意度指标三个一级指标，下设11个二、三级指标。具体为：" +
  "1、产出指标—数量指标—开展小型调研次数，指标值为≥5次。" +
  "2、产出指标--成本指标--资金成本--资金成本，指标值为≦25万元。" +
  "3、生态效益指标--生态效益增长率--生态效益增长率，指标值为≥80%。";

/** A Part 1 shaped like the reference document: total, list, one project section, then 工作保障措施. */
const document = paragraphs([
  "第一部分", // 0
  "二、分项绩效目标", // 1
  TOTAL, // 2
  "一、项目内容", // 3
  LIST, // 4
  "二、项目目标或指标情况", // 5
  "（一）招商经费25万元", // 6
  "绩效目标：", // 7
  "项目主要用于开展招商引资各项工作。", // 8
  "全年引进亿元及以上项目8个。", // 9
  "绩效指标：", // 10
  SENTENCES, // 11
  "（二）中央服务业发展资金900万元", // 12
  "绩效目标：建设改造一批县级物流配送中心。", // 13
  "绩效指标：", // 14
  "项目共设两个一级指标，下设二十个二、三级指标。具体为：1、满意度指标--企业满意度，指标值为≥80%。", // 15
  "三、工作保障措施", // 16
  "（一）明方向，大力开展招商引资。一是加强队伍建设。力争2025年全年签约引进亿元以上项目30个。", // 17
  "（二） 强举措，激发市场消费活力。", // 18
]);

describe("parseNarrative", () => {
  const { value, warnings } = parseNarrative(document, config);

  it("reads the department total in 元", () => {
    expect(value.totalBudget).toBe(9384000);
    expect(value.totalAt).toEqual({ paragraph: 2, seq: null });
  });

  it("reads the project list after 其中", () => {
    expect(value.listedProjects).toEqual([
      { name: "招商经费", amount: 250000 },
      { name: "限上企业工作经费", amount: 100000 },
      { name: "2025年中央服务业发展资金", amount: 9000000 },
      { name: "残疾人保障金", amount: 34000 },
    ]);
  });

  it("finds exactly the project sections, not the （一） of 工作保障措施", () => {
    expect(value.projects.map((p) => p.name)).toEqual(["招商经费", "中央服务业发展资金"]);
    expect(value.projects.map((p) => p.at)).toEqual([
      { paragraph: 6, seq: null },
      { paragraph: 12, seq: null },
    ]);
  });

  it("reads a section's amount, listed amount, goal and declared counts", () => {
    const [first, second] = value.projects;
    expect(first).toMatchObject({
      amount: 250000,
      listedAmount: 250000,
      goal: "项目主要用于开展招商引资各项工作。\n全年引进亿元及以上项目8个。",
      declaredLevel1Count: 3,
      declaredIndicatorCount: 11,
    });
    expect(second).toMatchObject({
      amount: 9000000,
      listedAmount: 9000000,
      goal: "建设改造一批县级物流配送中心。",
      declaredLevel1Count: 2,
      declaredIndicatorCount: 20,
    });
  });

  it("reads the numbered sentences with their paragraph", () => {
    const first = value.projects[0]!;
    expect(first.indicators.map((i) => [i.seq, i.level1, i.level2, i.level3, i.at.paragraph, i.at.seq])).toEqual([
      [1, "产出指标", "数量指标", "开展小型调研次数", 11, 1],
      [2, "产出指标", "成本指标", "资金成本", 11, 2],
      [3, "效益指标", "生态效益指标", "生态效益增长率", 11, 3],
    ]);
    expect(first.indicators[1]!.value).toEqual(quant("≦25万元", "<=", 25, "万元"));
    expect(first.indicators[2]!.inferred).toEqual(["level1"]);
    expect(value.projects[1]!.indicators.map((i) => [i.level1, i.level2, i.level3, i.inferred])).toEqual([
      ["满意度指标", "服务对象满意度指标", "企业满意度", ["level2"]],
    ]);
  });

  it("raises no warning on a well-formed Part 1", () => {
    expect(warnings).toEqual([]);
  });

  it.each([
    ["亿元", "需安排专项项目支出1.2亿元。", 120000000],
    ["元", "需安排专项项目支出34000元。", 34000],
    ["元 with thousands separators", "专项资金共计9,000,000.00元。", 9000000],
    ["万元 after 合计 and a space", "项目资金合计 3.4 万元。", 34000],
  ])("reads a total in %s", (_name, text, expected) => {
    expect(parseNarrative(paragraphs([text]), config).value.totalBudget).toBe(expected);
  });

  it.each([
    ["亿元", "（一）重点项目1.5亿元", 150000000],
    ["元", "（一）残疾人保障金34000元", 34000],
    ["万元", "(二)限上企业工作经费10万元", 100000],
  ])("reads a section amount in %s", (_name, heading, expected) => {
    const blocks = paragraphs([heading, "绩效指标：1、产出指标—数量指标—次数，指标值为≥1次。"]);
    const [project] = parseNarrative(blocks, config).value.projects;
    expect(project?.amount).toBe(expected);
  });

  it("opens a section without an amount when a 绩效目标 label follows", () => {
    const blocks = paragraphs([
      "（一）招商经费",
      "绩效目标：开展招商。",
      "绩效指标：1、产出指标—数量指标—次数，指标值为≥1次。",
    ]);
    const { value: narrative } = parseNarrative(blocks, config);
    expect(narrative.projects.map((p) => [p.name, p.amount, p.goal, p.indicators.length])).toEqual([
      ["招商经费", null, "开展招商。", 1],
    ]);
  });

  it("keeps the sentence count running across paragraphs of one section", () => {
    const blocks = paragraphs([
      "（一）招商经费25万元",
      "绩效指标：",
      "1、产出指标—数量指标—次数，指标值为≥1次。",
      "2、产出指标—质量指标—合格率，指标值为≥90%。",
    ]);
    const [project] = parseNarrative(blocks, config).value.projects;
    expect(project?.indicators.map((i) => [i.seq, i.at.paragraph])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it("stops at 第二部分", () => {
    const blocks = paragraphs([
      "（一）招商经费25万元",
      "绩效指标：1、产出指标—数量指标—次数，指标值为≥1次。",
      "第二部分",
      "（二）残疾人保障金3.4万元",
      "绩效指标：1、产出指标—数量指标—次数，指标值为≥1次。",
    ]);
    expect(parseNarrative(blocks, config).value.projects.map((p) => p.name)).toEqual(["招商经费"]);
  });

  it("stops at the first table when 第二部分 is missing", () => {
    const blocks: Block[] = [
      ...paragraphs(["（一）招商经费25万元", "绩效指标：1、产出指标—数量指标—次数，指标值为≥1次。"]),
      { kind: "table", index: 2, table: 0 },
      ...paragraphs(["（二）残疾人保障金3.4万元", "绩效指标：1、产出指标—数量指标—次数，指标值为≥1次。"], 3),
    ];
    expect(parseNarrative(blocks, config).value.projects.map((p) => p.name)).toEqual(["招商经费"]);
  });

  it("warns about a sentence it cannot split, at its paragraph and number", () => {
    const blocks = paragraphs([
      "（一）招商经费25万元",
      "绩效指标：1、产出指标—数量指标—次数，指标值为≥1次。2、，指标值为≥1次。",
    ]);
    const { warnings: found } = parseNarrative(blocks, config);
    expect(found.map((w) => [w.code, w.at])).toEqual([["narrative-sentence-unparsed", { paragraph: 1, seq: 2 }]]);
  });

  it("warns no-part1 when there are no indicator sentences", () => {
    const { value: narrative, warnings: found } = parseNarrative(paragraphs([TOTAL]), config);
    expect(narrative.projects).toEqual([]);
    expect(narrative.totalBudget).toBe(9384000);
    expect(found.map((w) => w.code)).toEqual(["no-part1"]);
  });
});

describe("parseNarrative regressions", () => {
  it("keeps ASCII thousands separators inside listed amounts", () => {
    const { value } = parseNarrative(
      paragraphs([
        "需安排专项项目经费1,284,000元，其中招商经费1,250,000元，残疾人保障金34,000元。",
        "（一）招商经费",
        "绩效目标：",
        "开展招商。",
      ]),
      config,
    );
    expect(value.listedProjects).toEqual([
      { name: "招商经费", amount: 1250000 },
      { name: "残疾人保障金", amount: 34000 },
    ]);
    expect(value.projects[0]?.listedAmount).toBe(1250000);
  });

  it("drops the colon after 其中", () => {
    const { value } = parseNarrative(
      paragraphs(["需安排专项项目经费938.4万元，其中：招商经费25万元，残疾人保障金3.4万元。"]),
      config,
    );
    expect(value.listedProjects.map((p) => p.name)).toEqual(["招商经费", "残疾人保障金"]);
  });
});

describe("narratives written in other templates", () => {
  it("splits (1)…(2)… numbering like 1、…2、…", () => {
    expect(
      splitNumberedSentences(
        "(1)产出指标—数量指标—培训次数，指标值为≥5次。（2）产出指标—质量指标—合格率，指标值为≥95%。",
      ).map((s) => s.seq),
    ).toEqual([1, 2]);
  });

  it.each([
    [
      "（一）数量指标：开展培训≥5次；覆盖人数达到200人。",
      [
        ["产出指标", "数量指标", "开展培训", ">=", 5, "次"],
        ["产出指标", "数量指标", "覆盖人数", ">=", 200, "人"],
      ],
    ],
    ["(三)满意度指标：群众满意度≥90%。", [["满意度指标", "服务对象满意度指标", "群众满意度", ">=", 90, "%"]]],
    // 成本指标 is a 二级指标 of 产出指标 in the reference template and a 一级指标 in others: read as the former,
    // and the category comparison accepts either depth.
    ["（二）成本指标：经济成本≤30万元；", [["产出指标", "成本指标", "经济成本", "<=", 30, "万元"]]],
  ] as const)("reads the category list %s", (paragraph, expected) => {
    const indicators = parseCategoryList(paragraph, 1, 7, grammar)!;
    expect(indicators.map((i) => [i.level1, i.level2, i.level3, i.value.op, i.value.number, i.value.unit])).toEqual(
      expected,
    );
    expect(indicators.map((i) => i.at)).toEqual(expected.map((_, k) => ({ paragraph: 7, seq: k + 1 })));
  });

  it("leaves paragraphs that are not category lists alone", () => {
    expect(parseCategoryList("（一）明方向，大力开展招商引资。", 1, 0, grammar)).toBeNull();
    expect(parseCategoryList("（一）招商经费25万元", 1, 0, grammar)).toBeNull();
  });
});

describe("project sections headed by arabic numbers", () => {
  it("reads 1.名称15万元 as a section, but never an indicator sentence numbered the same way", () => {
    const { value } = parseNarrative(
      paragraphs([
        "2021年我局项目支出共计48万元，其中：新型职业农民培训经费15万元，农产品质量安全监管经费33万元。",
        "1.新型职业农民培训经费15万元",
        "绩效目标：开展培训。",
        "绩效指标：",
        "1、产出指标—成本指标—培训成本—培训成本，指标值为≤15万元",
        "2.农产品质量安全监管经费33万元",
        "绩效目标：抽检。",
      ]),
      config,
    );
    expect(value.projects.map((p) => [p.name, p.amount, p.indicators.length])).toEqual([
      ["新型职业农民培训经费", 150000, 1],
      ["农产品质量安全监管经费", 330000, 0],
    ]);
  });
});

describe("where Part 1 ends", () => {
  it("reads on past a table that stands before 第二部分 (regression: it stopped at the first table)", () => {
    const blocks: Block[] = [
      { kind: "table", index: 0, table: 0 },
      ...paragraphs(
        ["需安排专项项目支出25万元，其中招商经费25万元。", "（一）招商经费25万元", "绩效目标：", "招商。", "第二部分"],
        1,
      ),
      { kind: "table", index: 6, table: 1 },
    ];
    expect(parseNarrative(blocks, config).value.projects.map((p) => p.name)).toEqual(["招商经费"]);
  });
});

/** Levels, name and value of a sentence, as `[level1, level2, level3, op, number, unit]`. */
function readSentence(sentence: string): unknown[] {
  const [span] = splitNumberedSentences(sentence);
  const indicator = parseIndicatorSentence(span ?? { seq: 1, text: sentence }, 0, grammar);
  const v = indicator.value;
  return [indicator.level1, indicator.level2, indicator.level3, v.op, v.number, v.unit, v.unitKnown];
}

describe("phrasings of other departments and writers (issue 11 items 6 and 7)", () => {
  it.each([
    [
      "single -",
      "1、产出指标-数量指标-培训人数，指标值为≥200人。",
      ["产出指标", "数量指标", "培训人数", ">=", 200, "人", true],
    ],
    [
      "full-width －",
      "2、产出指标－质量指标－合格率，指标值为≥95%。",
      ["产出指标", "质量指标", "合格率", ">=", 95, "%", true],
    ],
    [
      "——",
      "3、产出指标——时效指标——完成及时率，指标值为100%。",
      ["产出指标", "时效指标", "完成及时率", "=", 100, "%", true],
    ],
    [
      "指标值不低于X",
      "4、效益指标-社会效益指标-群众知晓率，指标值不低于90%。",
      ["效益指标", "社会效益指标", "群众知晓率", ">=", 90, "%", true],
    ],
    [
      "，不低于X without 指标值",
      "5、满意度指标-服务对象满意度指标-群众满意度，不低于85%。",
      ["满意度指标", "服务对象满意度指标", "群众满意度", ">=", 85, "%", true],
    ],
    [
      "指标值：X",
      "6、产出指标-数量指标-检查次数，指标值：≥12次。",
      ["产出指标", "数量指标", "检查次数", ">=", 12, "次", true],
    ],
    [
      "目标值为X",
      "7、产出指标-数量指标-检查次数，目标值为12次。",
      ["产出指标", "数量指标", "检查次数", "=", 12, "次", true],
    ],
    [
      "X以上",
      "8、满意度指标-服务对象满意度指标-满意度，90%以上。",
      ["满意度指标", "服务对象满意度指标", "满意度", ">=", 90, "%", true],
    ],
    [
      "达到X",
      "9、产出指标-质量指标-验收合格率达到100%。",
      ["产出指标", "质量指标", "验收合格率", ">=", 100, "%", true],
    ],
    [
      "至多 inside the name",
      "10、产出指标-数量指标-培训次数至多5次。",
      ["产出指标", "数量指标", "培训次数", "<=", 5, "次", true],
    ],
    [
      "高于 inside the name",
      "1、效益指标-经济效益指标-增长率高于3%。",
      ["效益指标", "经济效益指标", "增长率", ">", 3, "%", true],
    ],
    [
      "a number and unit ending the name",
      "1、产出指标-数量指标-开展培训10批次。",
      ["产出指标", "数量指标", "开展培训", "=", 10, "批次", true],
    ],
    [
      "批次 is a unit",
      "1、产出指标-数量指标-抽检批次，指标值为≥300批次。",
      ["产出指标", "数量指标", "抽检批次", ">=", 300, "批次", true],
    ],
    [
      "户次 is a unit",
      "1、产出指标-数量指标-走访，指标值为≥50户次。",
      ["产出指标", "数量指标", "走访", ">=", 50, "户次", true],
    ],
    [
      "人·天 is a unit",
      "1、产出指标-数量指标-培训量，指标值为≥30人·天。",
      ["产出指标", "数量指标", "培训量", ">=", 30, "人·天", true],
    ],
    [
      "元/人·月 is a unit",
      "1、产出指标-成本指标-补助标准，指标值为≤800元/人·月。",
      ["产出指标", "成本指标", "补助标准", "<=", 800, "元/人·月", true],
    ],
    [
      "内部 is not a unit",
      "1、效益指标-经济效益指标-税收增长率，指标值为≥70内部。",
      ["效益指标", "经济效益指标", "税收增长率", ">=", 70, "内部", false],
    ],
    [
      "a category then a colon",
      "1、数量指标：培训人数不少于200人。",
      ["产出指标", "数量指标", "培训人数", ">=", 200, "人", true],
    ],
    [
      "a range keeps its hyphen",
      "1、产出指标-质量指标-达标率，指标值为80%-90%。",
      ["产出指标", "质量指标", "达标率", "between", 80, "%", true],
    ],
  ])("%s", (_name, sentence, expected) => {
    expect(readSentence(sentence)).toEqual(expected);
  });

  it("reads 培训次数至多5次 in a category list as name 培训次数 and ≤ (issue 12)", () => {
    const [indicator] = parseCategoryList("（一）数量指标：培训次数至多5次。", 1, 0, grammar)!;
    expect([indicator?.level3, indicator?.value.op, indicator?.value.number]).toEqual(["培训次数", "<=", 5]);
  });

  it.each([
    ["共设置三个一级指标，7个二、三级指标", 3, 7],
    ["项目共设3个一级指标，下设12个二、三级指标", 3, 12],
    ["共设两个一级指标，下设十五个二、三级指标", 2, 15],
    ["设置一级指标3个、三级指标８个", 3, 8],
    ["共设置2个一级指标，下设6个", 2, 6],
  ])("reads the declared counts of %s", (lead, level1, indicators) => {
    const blocks = paragraphs([
      "（一）招商经费25万元",
      "绩效指标：",
      `${lead}。具体为：1、产出指标-数量指标-次数，指标值为≥1次。`,
    ]);
    const [project] = parseNarrative(blocks, config).value.projects;
    expect([project?.declaredLevel1Count, project?.declaredIndicatorCount]).toEqual([level1, indicators]);
  });
});

describe("segments in any enumeration (issue 11 item 8)", () => {
  it.each([
    ["①②③", "①产出指标-数量指标-甲，指标值为≥1次；②产出指标-质量指标-乙，指标值为≥2%；③满意度指标-丙，指标值为≥90%。"],
    [
      "一、二、三、",
      "一、产出指标-数量指标-甲，指标值为≥1次。二、产出指标-质量指标-乙，指标值为≥2%。三、满意度指标-丙，指标值为≥90%。",
    ],
    [
      "（一）（二）（三）",
      "（一）产出指标-数量指标-甲，指标值为≥1次。（二）产出指标-质量指标-乙，指标值为≥2%。（三）满意度指标-丙，指标值为≥90%。",
    ],
    [
      "1) 2) 3)",
      "1)产出指标-数量指标-甲，指标值为≥1次。2)产出指标-质量指标-乙，指标值为≥2%。3)满意度指标-丙，指标值为≥90%。",
    ],
    [
      "full-width digits",
      "１、产出指标-数量指标-甲，指标值为≥1次。２、产出指标-质量指标-乙，指标值为≥2%。３、满意度指标-丙，指标值为≥90%。",
    ],
  ])("splits %s", (_name, paragraph) => {
    const spans = splitNumberedSentences(paragraph);
    expect(spans.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(spans.map((s) => parseIndicatorSentence(s, 0, grammar).level3)).toEqual(["甲", "乙", "丙"]);
  });

  it("starts again at 1 in a paragraph whose numbering restarts", () => {
    expect(splitNumberedSentences("1、甲，指标值为≥1次。2、乙，指标值为≥2次。", 4).map((s) => s.seq)).toEqual([1, 2]);
  });

  it("reads one indicator per unnumbered sentence, skipping the lead-in", () => {
    const spans = splitUnnumberedSentences(
      "项目共设三个一级指标。产出指标-数量指标-甲，指标值为≥1次；满意度指标-丙，指标值为≥90%。",
      grammar,
    );
    expect(spans.map((s) => [s.seq, parseIndicatorSentence(s, 0, grammar).level3])).toEqual([
      [1, "甲"],
      [2, "丙"],
    ]);
  });

  it("reads a section whose indicators stand one per paragraph without numbers", () => {
    const blocks = paragraphs([
      "（一）招商经费25万元",
      "绩效指标：",
      "产出指标-数量指标-宣传次数，指标值为≥3次。",
      "效益指标-社会效益指标-知晓率，不低于90%。",
      "满意度指标-群众满意度，达到95%。",
    ]);
    const { value, warnings } = parseNarrative(blocks, config);
    expect(value.projects[0]?.indicators.map((i) => [i.level3, i.value.op, i.value.number, i.at])).toEqual([
      ["宣传次数", ">=", 3, { paragraph: 2, seq: 1 }],
      ["知晓率", ">=", 90, { paragraph: 3, seq: 1 }],
      ["群众满意度", ">=", 95, { paragraph: 4, seq: 1 }],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe("a sentence that states several indicators", () => {
  it("gives one indicator per clause that names a quantity, and numbering runs on", () => {
    const blocks = paragraphs([
      "（一）食品安全抽检经费30万元",
      "绩效指标：",
      "1、产出指标-数量指标-抽检批次不少于300批次，入户检查50户次以上。",
      "2、产出指标-质量指标-抽检合格率达到98%以上，确保全县食品安全。",
    ]);
    const [project] = parseNarrative(blocks, config).value.projects;
    expect(
      project?.indicators.map((i) => [i.level2, i.level3, i.value.op, i.value.number, i.description, i.at.seq]),
    ).toEqual([
      ["数量指标", "抽检批次", ">=", 300, null, 1],
      ["数量指标", "入户检查", ">=", 50, null, 1],
      ["质量指标", "抽检合格率", ">=", 98, "确保全县食品安全", 2],
    ]);
  });

  it("keeps a sentence whole when a clause is prose", () => {
    const [span] = splitNumberedSentences("1、效益指标-社会效益指标-培训覆盖面，培训2次，覆盖全县。");
    expect(parseIndicatorSpan(span!, 0, grammar)).toHaveLength(1);
  });
});

describe("a section without a 绩效指标 label", () => {
  it("starts the indicators where a paragraph declares or lists them, not in the numbered goals", () => {
    const blocks = paragraphs([
      "（一）招商经费25万元",
      "绩效目标：",
      "1.进一步丰富招商宣传册内容。2.全年引进项目8个。",
      "确保各项指标值为上年水平以上。",
      "本项目设置两个一级指标、2个三级指标：",
      "1、产出指标-数量指标-宣传次数，指标值为≥3次。2、满意度指标-群众满意度，达到95%。",
    ]);
    const [project] = parseNarrative(blocks, config).value.projects;
    expect(project?.goal).toBe("1.进一步丰富招商宣传册内容。2.全年引进项目8个。\n确保各项指标值为上年水平以上。");
    expect([project?.declaredLevel1Count, project?.declaredIndicatorCount]).toEqual([2, 2]);
    expect(project?.indicators.map((i) => i.level3)).toEqual(["宣传次数", "群众满意度"]);
  });
});

describe("phrases are configuration", () => {
  it("reads a value marker and a goal label added in YAML", () => {
    const custom = parseConfig("narrative:\n  valueMarkers: [预期值]\n  goalLabels: [年度目标]\n");
    const blocks = paragraphs([
      "（一）招商经费25万元",
      "年度目标：开展招商。",
      "绩效指标：1、产出指标-数量指标-宣传次数，预期值为≥3次。",
    ]);
    const [project] = parseNarrative(blocks, custom).value.projects;
    expect([project?.goal, project?.indicators[0]?.level3, project?.indicators[0]?.value.number]).toEqual([
      "开展招商。",
      "宣传次数",
      3,
    ]);
  });
});
