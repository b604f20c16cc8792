/**
 * Generates Word documents in the reference template (部门预算绩效目标, as in fixtures/yutian-commerce-2025.docx)
 * with the `docx` library, for the benchmark and its corpus test: Part 1 (第一部分: the department total, the
 * project list, per project `（一）name X万元`, 绩效目标, 绩效指标 with its numbered sentences), then Part 2
 * (第二部分: per project a `N.name绩效目标表` heading, the department/unit table, the header table with its
 * vertical merges and the indicator table with its 一级指标 cells merged down).
 *
 * Names and values vary with a seed (the same seed gives the same document), and about one project in three
 * carries a deliberate contradiction between the parts, so the audit has work to do.
 */
import { writeFile } from "node:fs/promises";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";
import { mulberry32 } from "../test/helpers/random.js";

/** What to generate. */
export interface ReferenceStyleOptions {
  /** Number of projects (each with a Part 1 section and Part 2 tables). */
  readonly projects: number;
  /** Seed of the names, values and contradictions; the same seed gives the same document. */
  readonly seed: number;
}

/** One indicator as both parts state it (the narrative may differ from the table on purpose). */
export interface GeneratedIndicator {
  readonly level1: string;
  readonly level2: string;
  readonly level3: string;
  readonly description: string;
  /** The 指标值 cell of the table. */
  readonly tableValue: string;
  /** The value in the Part 1 sentence; null when the sentence is left out on purpose. */
  readonly narrativeValue: string | null;
  /** A Part 1 sentence naming the indicator differently (a deliberate rename), else null. */
  readonly narrativeName: string | null;
  readonly basis: string;
}

/** One generated project: what the tables say, and what Part 1 says where it differs. */
export interface GeneratedProject {
  readonly code: string;
  readonly name: string;
  /** 预算数 in 元 (the table's unit). */
  readonly budget: number;
  readonly fiscal: number;
  readonly other: number | null;
  /** The amount in the Part 1 heading, in 元 (differs from `budget` for a deliberate budget mismatch). */
  readonly narrativeAmount: number;
  readonly purpose: string;
  readonly spendPlan: readonly [number, number, number, number];
  readonly goals: readonly string[];
  readonly narrativeGoal: string;
  /** The count `下设N个二、三级指标` states (off by one for a deliberate declared-count mismatch). */
  readonly declaredCount: number;
  readonly indicators: readonly GeneratedIndicator[];
  /** The contradiction planted in this project, if any. */
  readonly planted: Discrepancy | null;
}

/** The contradictions the generator plants. */
export type Discrepancy =
  | "budget"
  | "value"
  | "unit"
  | "declared-count"
  | "missing-sentence"
  | "renamed"
  | "funding-split"
  | "spend-plan";

const DISCREPANCIES: readonly Discrepancy[] = [
  "budget",
  "value",
  "unit",
  "declared-count",
  "missing-sentence",
  "renamed",
  "funding-split",
  "spend-plan",
];

/** The whole generated content, for checking what the pipeline reads back. */
export interface GeneratedDocument {
  readonly departmentCode: string;
  readonly departmentName: string;
  /** The budget year Part 1 names (`2025年我单位需安排…`); 2025 when absent. */
  readonly year?: number;
  readonly projects: readonly GeneratedProject[];
}

const DEPARTMENTS = [
  "玉田县商务和投资促进局本级",
  "丰润区农业农村局本级",
  "遵化市文化广电和旅游局本级",
  "迁安市科学技术局本级",
  "滦州市民政局本级",
];
const TOPICS = [
  "招商引资",
  "限上企业培育",
  "电子商务进农村",
  "县域商业体系建设",
  "外贸稳增长",
  "消费促进",
  "农产品流通",
  "安全生产监管",
  "市场秩序整治",
  "会展服务",
  "物流配送",
  "人才培训",
  "信息化建设",
  "档案管理",
  "应急保障",
  "乡村振兴",
];
const SUFFIXES = ["专项经费", "工作经费", "补助资金", "项目资金", "运行经费", "发展资金"];
const QUANTITY = [
  ["开展宣传推介活动数量", "次"],
  ["组织业务培训场次", "场"],
  ["走访调研企业数量", "家"],
  ["新增改造配送中心数量", "个"],
  ["举办展会活动次数", "次"],
  ["培育重点企业数量", "家"],
] as const;
const QUALITY = ["任务完成率", "验收合格率", "考核指标完成率", "项目覆盖率"];
const TIMELINESS = ["任务完成及时率", "资金拨付及时率", "专项资金拨付及时率"];
const COST = ["资金成本", "项目总预算数"];
const ECONOMIC = ["税收增长率", "销售额增长率", "农村网络销售同比增速"];
const SOCIAL: readonly (readonly [string, string])[] = [
  ["工作影响力", "有效提升服务水平"],
  ["经贸活动知名度", "全方位宣传推介投资环境"],
  ["群众获得感", "明显增强"],
];
const ECOLOGICAL = ["生态效益增长率", "绿色发展水平提升率"];
const SUSTAINABLE: readonly (readonly [string, string])[] = [
  ["持续发展作用力", "长期持续发挥作用"],
  ["后续养护资金落实情况", "持续促进县域体系建设"],
];
const SATISFACTION = ["服务对象满意度", "群众满意度", "企业满意度"];
const BASES = ["2025年度工作计划", "上级文件要求", "历年完成情况", "部门职责及工作安排"];

const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/**
 * The section number of Part 1 (`（一）`, `（十二）`, `（一百二十）`). Numbers 101–109 (一百零一…) are written
 * without their 零 — our narrative parser's section pattern does not accept 零 yet (see docs/performance.md) —
 * so that every section is read; the numeral is not compared with anything.
 */
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? "" : CN_DIGITS[n % 10]!}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]!}十${n % 10 === 0 ? "" : CN_DIGITS[n % 10]!}`;
  const rest = n % 100;
  const hundreds = `${CN_DIGITS[Math.floor(n / 100)]!}百`;
  if (rest === 0) return hundreds;
  return hundreds + (rest < 10 ? CN_DIGITS[rest]! : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest));
}

/** An amount in 元 as Part 1 writes it, in 万元 (`25`, `3.4`, `938.4`). */
function wan(yuan: number): string {
  return String(Math.round(yuan) / 10000);
}

/** An amount in 元 as the table writes it (`34000.00`). */
function yuanCell(yuan: number): string {
  return yuan.toFixed(2);
}

/** Lays out the content of a document: deterministic in `seed`. */
export function generateContent({ projects: count, seed }: ReferenceStyleOptions): GeneratedDocument {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (from: number, to: number): number => from + Math.floor(rand() * (to - from + 1));
  const departmentName = pick(DEPARTMENTS);
  const used = new Set<string>();
  const projects: GeneratedProject[] = [];
  for (let i = 0; i < count; i++) {
    let name = `${pick(TOPICS)}${pick(SUFFIXES)}`;
    // Names stay free of digits (a trailing digit would run into the amount in `（一）name25万元`).
    for (let _k = 0; used.has(name); _k++) name = `${pick(["县级", "市级", "年度", "专项", "重点", "第二批"])}${name}`;
    used.add(name);
    const budget = int(2, 900) * 1000 * (rand() < 0.3 ? 10 : 1); // whole thousands of 元: 0.1 万元 steps
    const planted: Discrepancy | null = rand() < 0.35 ? pick(DISCREPANCIES) : null;
    const withOther = rand() < 0.25;
    const other = withOther ? Math.round(budget / 5 / 1000) * 1000 : null;
    const fiscal = budget - (other ?? 0) + (planted === "funding-split" ? 1000 : 0);
    const topic = name.replace(/(专项经费|工作经费|补助资金|项目资金|运行经费|发展资金)$/, "");
    const quantity = pick(QUANTITY);
    const percent = (): number => pick([80, 85, 90, 95]);
    const indicators: GeneratedIndicator[] = [];
    const add = (
      level1: string,
      level2: string,
      level3: string,
      tableValue: string,
      narrativeValue: string,
      description = level3,
    ): void => {
      indicators.push({
        level1,
        level2,
        level3,
        description,
        tableValue,
        narrativeValue,
        narrativeName: null,
        basis: pick(BASES),
      });
    };
    const times = int(2, 12);
    add("产出指标", "数量指标", quantity[0], `≥${times}${quantity[1]}`, `≥${times}${quantity[1]}`);
    const quality = percent();
    add("产出指标", "质量指标", pick(QUALITY), `≥${quality}百分比`, `≥${quality}%`);
    const timely = percent();
    add("产出指标", "时效指标", pick(TIMELINESS), `≥${timely}百分比`, `≥${timely}%`);
    add("产出指标", "成本指标", pick(COST), `≤${wan(budget)}万元`, `≦${wan(budget)}万元`);
    const growth = int(2, 30);
    add("效益指标", "经济效益指标", pick(ECONOMIC), `≥${growth}百分比`, `≥${growth}%`);
    const [socialName, socialValue] = pick(SOCIAL);
    add("效益指标", "社会效益指标", socialName, socialValue, socialValue);
    if (rand() < 0.7) {
      const eco = percent();
      add("效益指标", "生态效益指标", pick(ECOLOGICAL), `≥${eco}百分比`, `≥${eco}%`);
    }
    const [sustainName, sustainValue] = pick(SUSTAINABLE);
    add("效益指标", "可持续影响指标", sustainName, sustainValue, sustainValue);
    const satisfactions = int(1, 3);
    for (const s of SATISFACTION.slice(0, satisfactions)) {
      const p = percent();
      add("满意度指标", "服务对象满意度指标", s, `≥${p}百分比`, `≥${p}%`);
    }
    const planted2 = plant(indicators, planted, rand);
    const spendPlan: [number, number, number, number] = planted === "spend-plan" ? [25, 50, 75, 95] : [25, 50, 75, 100];
    projects.push({
      code: `13022925P${String(seed % 1000).padStart(3, "0")}${String(i + 1).padStart(4, "0")}${String(int(10000, 99999))}`,
      name,
      budget,
      fiscal,
      other,
      narrativeAmount: planted === "budget" ? budget + 10000 : budget,
      purpose: `用于开展${topic}相关工作，保障各项任务顺利完成。`,
      spendPlan,
      goals: [
        `1.做好${topic}各项工作，完成年度目标任务；`,
        `2.提高资金使用效益，确保资金安全；`,
        `3.按时完成${quantity[0]}等任务。`,
      ],
      narrativeGoal: `项目主要用于开展${topic}相关工作。围绕县委县政府重点工作，积极发挥职能，全年${quantity[0]}不少于${times}${quantity[1]}。`,
      declaredCount: indicators.length + (planted === "declared-count" ? 1 : 0),
      indicators: planted2,
      planted,
    });
  }
  return { departmentCode: "304001", departmentName, projects };
}

/** Applies an indicator-level contradiction to Part 1's side of one indicator. */
function plant(
  indicators: GeneratedIndicator[],
  planted: Discrepancy | null,
  rand: () => number,
): GeneratedIndicator[] {
  const at = 1 + Math.floor(rand() * (indicators.length - 1));
  return indicators.map((ind, i) => {
    if (i !== 0 && i !== at) return ind;
    if (planted === "value" && i === 0)
      return { ...ind, narrativeValue: ind.narrativeValue!.replace(/\d+/, (n) => String(Number(n) + 3)) };
    if (planted === "unit" && i === 0)
      return { ...ind, narrativeValue: ind.narrativeValue!.replace(/[次场家个]$/, (u) => (u === "个" ? "次" : "个")) };
    if (planted === "missing-sentence" && i === at && i !== 0) return { ...ind, narrativeValue: null };
    if (planted === "renamed" && i === at) return { ...ind, narrativeName: `${ind.level3}情况` };
    return ind;
  });
}

const FONT = "宋体";

function text(value: string, bold = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: value, bold, font: FONT })] });
}

function cell(
  lines: string | readonly string[],
  options: { bold?: boolean; span?: number; rows?: number } = {},
): TableCell {
  const paragraphs = (typeof lines === "string" ? [lines] : lines).map((l) => text(l, options.bold ?? false));
  return new TableCell({
    children: paragraphs,
    ...(options.span && options.span > 1 ? { columnSpan: options.span } : {}),
    ...(options.rows && options.rows > 1 ? { rowSpan: options.rows } : {}),
  });
}

/** A cell continuing a vertical merge from the row above (Word's `<w:vMerge/>`). */
function continued(): TableCell {
  return new TableCell({ children: [new Paragraph({})], verticalMerge: VerticalMergeType.CONTINUE });
}

/** A cell opening a vertical merge (Word's `<w:vMerge w:val="restart"/>`), as Word writes merged cells. */
function mergeStart(lines: string, bold = false): TableCell {
  return new TableCell({ children: [text(lines, bold)], verticalMerge: VerticalMergeType.RESTART });
}

function table(rows: TableRow[]): Table {
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function headerTable(p: GeneratedProject): Table {
  const plan = p.spendPlan.map((n) => `${n}%`);
  return table([
    new TableRow({
      children: [
        cell("项目编码", { bold: true }),
        cell(p.code, { span: 2 }),
        cell("项目名称"),
        cell(p.name, { span: 3 }),
      ],
    }),
    new TableRow({
      children: [
        mergeStart("预算规模及资金用途", true),
        cell("预算数"),
        cell(yuanCell(p.budget)),
        cell("其中：财政    资金"),
        cell(yuanCell(p.fiscal)),
        cell("其他资金"),
        cell(p.other === null ? " " : yuanCell(p.other)),
      ],
    }),
    new TableRow({ children: [continued(), cell(p.purpose, { span: 6 })] }),
    new TableRow({
      children: [
        mergeStart("资金支出计划（%）", true),
        cell("3月底"),
        cell("6月底", { span: 2 }),
        cell("10月底"),
        cell("12月底", { span: 2 }),
      ],
    }),
    new TableRow({
      children: [continued(), cell(plan[0]!), cell(plan[1]!, { span: 2 }), cell(plan[2]!), cell(plan[3]!, { span: 2 })],
    }),
    new TableRow({ children: [cell("绩效目标", { bold: true }), cell(p.goals, { span: 6 })] }),
  ]);
}

function indicatorTable(p: GeneratedProject): Table {
  const headers = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"];
  const rows = [new TableRow({ children: headers.map((h) => cell(h, { bold: true })) })];
  p.indicators.forEach((ind, i) => {
    const first = i === 0 || p.indicators[i - 1]!.level1 !== ind.level1;
    const merged = p.indicators.filter((x) => x.level1 === ind.level1).length > 1;
    const level1 = !merged ? cell(ind.level1) : first ? mergeStart(ind.level1) : continued();
    rows.push(
      new TableRow({
        children: [
          level1,
          cell(ind.level2),
          cell(ind.level3),
          cell(ind.description),
          cell(ind.tableValue),
          cell(ind.basis),
        ],
      }),
    );
  });
  return table(rows);
}

/** Part 1's sentence for an indicator, in the reference's mixed separators (— and --). */
function sentence(ind: GeneratedIndicator, n: number): string {
  const name = ind.narrativeName ?? ind.level3;
  const levels =
    n % 3 === 0 ? `${ind.level1}--${ind.level2}--${name}--${ind.description}` : `${ind.level1}—${ind.level2}—${name}`;
  const value = ind.narrativeValue!;
  return /^[≥≤≦><]/.test(value) ? `${n}、${levels}，指标值为${value}。` : `${n}、${levels}，${value}。`;
}

/** The Word document of generated content. */
export function buildDocument(content: GeneratedDocument): Document {
  const projects = content.projects;
  const total = projects.reduce((n, p) => n + p.narrativeAmount, 0);
  const part1: Paragraph[] = [
    text("第一部分", true),
    text("部门整体绩效目标", true),
    text(" "),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("一、总体绩效目标")] }),
    text(
      "围绕县委县政府中心工作，坚持稳中求进，打通堵点，补齐短板，推动各项工作高质量发展，更好服务经济社会发展大局。",
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("二、分项绩效目标")] }),
    text(
      `按照绩效预算编制要求，现将我单位绩效预算编制情况和绩效目标说明如下：本着勤俭节约满足基本需求的原则，${content.year ?? 2025}年我单位需安排专项项目支出${wan(total)}万元。`,
    ),
    text("一、项目内容"),
    text(
      `按照单位工作职责，为更好地完成县委、县政府工作安排，需安排专项项目经费${wan(total)}万元，其中` +
        projects.map((p) => `${p.name}${wan(p.narrativeAmount)}万元`).join("，") +
        "。",
    ),
    text("二、项目目标或指标情况"),
  ];
  projects.forEach((p, i) => {
    const listed = p.indicators.filter((ind) => ind.narrativeValue !== null);
    part1.push(
      text(`（${chineseNumber(i + 1)}）${p.name}${wan(p.narrativeAmount)}万元`),
      text("绩效目标："),
      text(p.narrativeGoal),
      text("绩效指标："),
      text(
        `项目共设产出指标、效益指标和满意度指标三个一级指标，下设${p.declaredCount}个二、三级指标。具体为：` +
          listed.map((ind, k) => sentence(ind, k + 1)).join(""),
      ),
    );
  });
  part1.push(
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("三、工作保障措施")] }),
    text("完善财务制度建设，加强支出管理，加强绩效运行监控，做好绩效自评，确保完成全年工作任务。"),
    text(" "),
  );
  const part2: (Paragraph | Table)[] = [text("第二部分", true), text(" "), text("预算项目绩效目标", true), text(" ")];
  projects.forEach((p, i) => {
    part2.push(
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${i + 1}.${p.name}绩效目标表`)] }),
      table([
        new TableRow({
          children: [
            cell(`${content.departmentCode}${content.departmentName}`),
            new TableCell({
              children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun("单位：元")] })],
            }),
          ],
        }),
      ]),
      headerTable(p),
      text(" "),
      indicatorTable(p),
      text(" "),
    );
  });
  return new Document({
    creator: "jixiao bench",
    title: "部门预算绩效目标",
    sections: [{ children: [...part1, ...part2] }],
  });
}

/** The .docx bytes of a reference-style document. */
export async function referenceStyleDocx(options: ReferenceStyleOptions): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(generateContent(options)));
}

/**
 * Writes a reference-style .docx with `projects` projects, its names, values and planted contradictions
 * chosen by `seed`; returns what it wrote, for checking what the pipeline reads back.
 */
export async function writeReferenceStyleDocx(
  path: string,
  options: ReferenceStyleOptions,
): Promise<GeneratedDocument> {
  const content = generateContent(options);
  await writeFile(path, await Packer.toBuffer(buildDocument(content)));
  return content;
}
