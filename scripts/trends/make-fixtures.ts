/**
 * Builds the year-over-year fixtures of issue 15 into fixtures/trends/<department>-<year>.docx:
 *
 *   npx tsx scripts/trends/make-fixtures.ts
 *
 * Two departments over three years each, and a third with one year, in the reference template (written by
 * the `docx` library through bench/corpus.ts's document builder). Every change between the years is planted
 * here on purpose, and listed by hand in test/trends/expected.json: lowered and raised targets, a dropped and
 * an added indicator, a renamed project that must still link, new and ended projects, copied text, a budget
 * that grew while its outputs stayed flat. Everything else stays the same from year to year, except each
 * goal text, which names its year (so only the planted copies are copies).
 *
 * The output passes through normaliseDocx, so a rerun gives byte-identical files (it prints their sha256).
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Packer } from "docx";
import { buildDocument, type GeneratedIndicator, type GeneratedProject } from "../../bench/corpus.js";
import { normaliseDocx } from "../variants/normalise-docx.js";

const OUT = fileURLToPath(new URL("../../fixtures/trends/", import.meta.url));

type Row = readonly [level1: string, level2: string, level3: string, value: string];

/** A project as planned for one year: its code, name, budget in 元, goal lines and indicator rows. */
interface Plan {
  readonly code: string;
  readonly name: string;
  readonly budget: number;
  readonly goals: readonly string[];
  readonly rows: readonly Row[];
}

interface Submission {
  readonly file: string;
  readonly year: number;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly projects: readonly Plan[];
}

const OUTPUT = "产出指标";
const EFFECT = "效益指标";
const SATISFACTION = "满意度指标";

// 玉泉县商务局本级: stable project codes (linked by code). The 2025 form writes the department without its code.
const zhaoshang = (year: number, budget: number, cost: string, growth: string, quality: string): Plan => ({
  code: "13012300P000100001",
  name: "招商经费",
  budget,
  goals: [`1.${year}年开展招商推介活动，引进亿元以上项目；`, "2.提高资金使用效益，确保资金安全。"],
  rows: [
    [OUTPUT, "数量指标", "开展招商推介活动次数", "≥4次"],
    [OUTPUT, "数量指标", "引进亿元以上项目数量", "≥8个"],
    [OUTPUT, "质量指标", "任务完成率", quality],
    [OUTPUT, "时效指标", "任务完成及时率", "≥90%"],
    [OUTPUT, "成本指标", "资金成本", cost],
    [EFFECT, "经济效益指标", "招商引资到位资金增长率", growth],
    [SATISFACTION, "服务对象满意度指标", "企业满意度", "≥85%"],
  ],
});

const xianshang = (year: number, budget: number, cost: string, satisfaction: string, later: boolean): Plan => ({
  code: "13012300P000100002",
  name: "限上企业工作经费",
  budget,
  goals: [`1.${year}年多举措培育限上企业，激发企业创新活力。`],
  rows: [
    [OUTPUT, "数量指标", "开展小型调研次数", "≥5次"],
    later ? [OUTPUT, "数量指标", "新增入统限上企业数量", "≥5家"] : [OUTPUT, "数量指标", "实际参会企业数", "≥40家"],
    [OUTPUT, "质量指标", "任务完成率", "≥80%"],
    [OUTPUT, "时效指标", "任务完成及时率", "≥80%"],
    [OUTPUT, "成本指标", "资金成本", cost],
    [EFFECT, "社会效益指标", "创新工作完成率", "≥80%"],
    [SATISFACTION, "服务对象满意度指标", "企业满意度", satisfaction],
  ],
});

const canbaojin: Plan = {
  code: "13012300P000100003",
  name: "残疾人保障金",
  budget: 34_000,
  goals: ["1.及时足额缴纳残疾人就业保障金，保障残疾人权益。"],
  rows: [
    [OUTPUT, "时效指标", "缴纳及时率", "=100%"],
    [OUTPUT, "成本指标", "资金成本", "≤3.4万元"],
    [EFFECT, "社会效益指标", "保障残疾人权益", "有效保障"],
    [SATISFACTION, "服务对象满意度指标", "服务对象满意度", "≥90%"],
  ],
};

const dianshang: Plan = {
  code: "13012300P000100004",
  name: "电子商务进农村补助资金",
  budget: 500_000,
  goals: ["1.2025年建设县级电子商务公共服务中心，完善农村物流配送体系。"],
  rows: [
    [OUTPUT, "数量指标", "建设村级电商服务站数量", "≥20个"],
    [OUTPUT, "质量指标", "服务站验收合格率", "≥95%"],
    [OUTPUT, "成本指标", "资金成本", "≤50万元"],
    [EFFECT, "经济效益指标", "农村网络零售额增长率", "≥10%"],
    [SATISFACTION, "服务对象满意度指标", "群众满意度", "≥90%"],
  ],
};

// 丰润区农业农村局本级: project codes carry the year (13022323…, 13022324…), so projects link by name and content.
const nongji = (year: number, name: string, training: string, income: string): Plan => ({
  code: `130223${year % 100}P000200001`,
  name,
  budget: year === 2025 ? 320_000 : 300_000,
  goals: [`1.${year}年开展基层农业技术培训，推广主导品种和主推技术；`, "2.提升农技推广服务能力。"],
  rows: [
    [OUTPUT, "数量指标", "培训农民人次", training],
    [OUTPUT, "数量指标", "推广主推技术数量", "≥10项"],
    [OUTPUT, "质量指标", "技术到位率", "≥90%"],
    [OUTPUT, "时效指标", "培训完成及时率", "≥95%"],
    [OUTPUT, "成本指标", "资金成本", "≤30万元"],
    [EFFECT, "经济效益指标", "农户增收幅度", income],
    [SATISFACTION, "服务对象满意度指标", "农民满意度", "≥85%"],
  ],
});

const fangyi = (year: number, budget: number, density: string, cost: string, outcome: string): Plan => ({
  code: `130223${year % 100}P000200002`,
  name: "动物防疫经费",
  budget,
  goals: [`1.${year}年做好重大动物疫病强制免疫，防控动物疫情。`],
  rows: [
    [OUTPUT, "数量指标", "强制免疫畜禽数量", "≥200000头"],
    [OUTPUT, "质量指标", "强制免疫密度", density],
    [OUTPUT, "时效指标", "疫苗发放及时率", "≥95%"],
    [OUTPUT, "成本指标", "资金成本", cost],
    [EFFECT, "社会效益指标", "重大动物疫病发生情况", outcome],
    [SATISFACTION, "服务对象满意度指标", "养殖户满意度", "≥85%"],
  ],
});

const renju = (year: number, withSewage: boolean): Plan => ({
  code: `130223${year % 100}P000200003`,
  name: "农村人居环境整治经费",
  budget: 800_000,
  goals: ["1.改造农村户厕，改善农村人居环境。"],
  rows: [
    [OUTPUT, "数量指标", "改造农村户厕数量", "≥1000户"],
    [OUTPUT, "质量指标", "户厕改造验收合格率", "≥95%"],
    [OUTPUT, "时效指标", "任务完成及时率", "≥90%"],
    [OUTPUT, "成本指标", "资金成本", "≤80万元"],
    [EFFECT, "社会效益指标", "村容村貌", "明显改善"],
    ...(withSewage ? [[EFFECT, "生态效益指标", "生活污水治理率", "≥40%"] as const] : []),
    [SATISFACTION, "服务对象满意度指标", "群众满意度", "≥90%"],
  ],
});

const jiegan: Plan = {
  code: "13022323P000200004",
  name: "秸秆综合利用补助资金",
  budget: 200_000,
  goals: ["1.2023年推进秸秆综合利用，减少秸秆焚烧。"],
  rows: [
    [OUTPUT, "数量指标", "秸秆综合利用量", "≥5万吨"],
    [OUTPUT, "质量指标", "秸秆综合利用率", "≥90%"],
    [OUTPUT, "成本指标", "资金成本", "≤20万元"],
    [EFFECT, "生态效益指标", "秸秆焚烧火点数下降率", "≥10%"],
    [SATISFACTION, "服务对象满意度指标", "农户满意度", "≥85%"],
  ],
};

const minzheng: Plan = {
  code: "13022325P000300001",
  name: "困难群众救助补助资金",
  budget: 1_200_000,
  goals: ["1.2025年保障城乡困难群众基本生活。"],
  rows: [
    [OUTPUT, "数量指标", "救助困难群众人数", "≥3000人"],
    [OUTPUT, "时效指标", "资金发放及时率", "=100%"],
    [OUTPUT, "成本指标", "资金成本", "≤120万元"],
    [EFFECT, "社会效益指标", "困难群众基本生活", "得到有效保障"],
    [SATISFACTION, "服务对象满意度指标", "救助对象满意度", "≥90%"],
  ],
};

const YUQUAN = "玉泉县商务局本级";
const FENGRUN = "丰润区农业农村局本级";

export const SUBMISSIONS: readonly Submission[] = [
  {
    file: "yuquan-commerce-2023",
    year: 2023,
    departmentCode: "304001",
    departmentName: YUQUAN,
    projects: [
      zhaoshang(2023, 250_000, "≤25万元", "≥10%", "≥95%"),
      xianshang(2023, 100_000, "≤10万元", "≥80%", false),
      canbaojin,
    ],
  },
  {
    file: "yuquan-commerce-2024",
    year: 2024,
    departmentCode: "304001",
    departmentName: YUQUAN,
    projects: [
      zhaoshang(2024, 400_000, "≤40万元", "≥12%", "≥95%"),
      xianshang(2024, 110_000, "≤11万元", "≥90%", false),
      canbaojin,
    ],
  },
  {
    file: "yuquan-commerce-2025",
    year: 2025,
    departmentCode: "",
    departmentName: YUQUAN,
    projects: [
      zhaoshang(2025, 400_000, "≤40万元", "≥12%", "≥90%"),
      xianshang(2025, 110_000, "≤11万元", "≥90%", true),
      dianshang,
    ],
  },
  {
    file: "fengrun-agriculture-2023",
    year: 2023,
    departmentCode: "302001",
    departmentName: FENGRUN,
    projects: [
      nongji(2023, "农业技术推广经费", "≥500人次", "≥5%"),
      fangyi(2023, 500_000, "≥90%", "≤50万元", "不发生区域性重大动物疫情"),
      jiegan,
    ],
  },
  {
    file: "fengrun-agriculture-2024",
    year: 2024,
    departmentCode: "302001",
    departmentName: FENGRUN,
    projects: [
      nongji(2024, "基层农技推广体系建设经费", "≥600人次", "≥5%"),
      fangyi(2024, 550_000, "≥90%", "≤50万元", "无区域性重大动物疫情发生"),
      renju(2024, false),
    ],
  },
  {
    file: "fengrun-agriculture-2025",
    year: 2025,
    departmentCode: "302001",
    departmentName: FENGRUN,
    projects: [
      nongji(2025, "基层农技推广体系建设经费", "≥600人次", "≥3%"),
      fangyi(2025, 550_000, "≥95%", "≤45万元", "无区域性重大动物疫情发生"),
      renju(2025, true),
    ],
  },
  {
    file: "luanzhou-civil-2025",
    year: 2025,
    departmentCode: "305001",
    departmentName: "滦州市民政局本级",
    projects: [minzheng],
  },
];

const BASIS = "年度工作计划";

function generated(plan: Plan): GeneratedProject {
  const indicators: GeneratedIndicator[] = plan.rows.map(([level1, level2, level3, value]) => ({
    level1,
    level2,
    level3,
    description: level3,
    tableValue: value,
    narrativeValue: value,
    narrativeName: null,
    basis: BASIS,
  }));
  return {
    code: plan.code,
    name: plan.name,
    budget: plan.budget,
    fiscal: plan.budget,
    other: null,
    narrativeAmount: plan.budget,
    purpose: `用于${plan.name.replace(/经费$|补助资金$|资金$/u, "")}相关工作。`,
    spendPlan: [25, 50, 75, 100],
    goals: plan.goals,
    // Part 1 states the goal as a sentence: a numbered line (`1.…`) would read as a section heading there.
    narrativeGoal: `项目主要用于：${plan.goals.map((g) => g.replace(/^\d+[.、]/u, "")).join("")}`,
    declaredCount: indicators.length,
    indicators,
    planted: null,
  };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const s of SUBMISSIONS) {
    const doc = buildDocument({
      departmentCode: s.departmentCode,
      departmentName: s.departmentName,
      year: s.year,
      projects: s.projects.map(generated),
    });
    const bytes = await normaliseDocx(await Packer.toBuffer(doc));
    writeFileSync(join(OUT, `${s.file}.docx`), bytes);
    console.log(`${createHash("sha256").update(bytes).digest("hex")}  fixtures/trends/${s.file}.docx`);
  }
}

await main();
