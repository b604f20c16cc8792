/**
 * The year-over-year benchmark line (issue 15): linking 1,000 documents of 50 departments (20 years each, about a
 * dozen projects of about ten indicators per document) with `buildTrends`, from documents already read — the
 * linking and the rules are what is timed, not reading Word files.
 *
 *   npx tsx bench/trends.ts [--departments 50] [--years 20] [--runs 3]
 *
 * The documents are generated in memory from a seed: each year a department's projects carry over with their
 * targets and budgets nudged, now and then renamed (with a new code), ended or joined by a new one, so every
 * rule has work to do. `npm run bench` runs it as one of its lines.
 */
import { pathToFileURL } from "node:url";
import { defaultConfig } from "../src/config/index.js";
import type { Indicator } from "../src/model/schema.js";
import { parseIndicatorValue } from "../src/normalise/index.js";
import { buildTrends, type TrendDocumentInput } from "../src/trends/trends.js";
import { mulberry32 } from "../test/helpers/random.js";

/** What to generate. */
export interface TrendsCorpusOptions {
  readonly departments: number;
  readonly years: number;
  readonly seed: number;
}

const TOPICS = ["招商引资", "电子商务", "农业技术推广", "动物防疫", "人居环境整治", "安全生产", "市场监管", "养老服务"];
const TOPICS2 = ["专项", "工作", "补助", "运行", "发展", "建设", "培训", "信息化"];
const SUFFIXES = ["经费", "资金", "补助资金", "项目资金"];
const ROWS: readonly (readonly [string, string, string, string])[] = [
  ["产出指标", "数量指标", "开展活动次数", "次"],
  ["产出指标", "数量指标", "培训人次", "人次"],
  ["产出指标", "数量指标", "覆盖村庄数量", "个"],
  ["产出指标", "质量指标", "任务完成率", "%"],
  ["产出指标", "质量指标", "验收合格率", "%"],
  ["产出指标", "时效指标", "资金拨付及时率", "%"],
  ["产出指标", "成本指标", "资金成本", "万元"],
  ["效益指标", "经济效益指标", "带动增收幅度", "%"],
  ["效益指标", "社会效益指标", "群众知晓率", "%"],
  ["效益指标", "生态效益指标", "污染物减排率", "%"],
  ["效益指标", "可持续影响指标", "长效机制建立率", "%"],
  ["满意度指标", "服务对象满意度指标", "服务对象满意度", "%"],
];

interface Plan {
  code: string;
  name: string;
  budget: number;
  rows: { row: (typeof ROWS)[number]; op: string; value: number }[];
  goal: string;
}

/** Generates `departments × years` documents, deterministic in `seed`. */
export function trendsCorpus({ departments, years, seed }: TrendsCorpusOptions): TrendDocumentInput[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (from: number, to: number): number => from + Math.floor(rand() * (to - from + 1));
  const docs: TrendDocumentInput[] = [];
  for (let d = 0; d < departments; d++) {
    const departmentName = `第${d + 1}县${pick(["商务局", "农业农村局", "民政局", "生态环境局"])}本级`;
    let serial = 0;
    const newPlan = (): Plan => {
      serial++;
      const count = int(8, 12);
      const rows = [...ROWS]
        .sort(() => rand() - 0.5)
        .slice(0, count)
        .map((row) => ({
          row,
          op: row[2] === "资金成本" ? "≤" : "≥",
          value: row[3] === "%" ? int(80, 98) : int(2, 50),
        }));
      const topic = `${pick(TOPICS)}${pick(TOPICS2)}`;
      return {
        code: `${300 + d}001P${String(serial).padStart(6, "0")}`,
        name: `${topic}${serial}${pick(SUFFIXES)}`,
        budget: int(2, 900) * 10_000,
        rows,
        goal: `做好${topic}各项工作，完成年度目标任务，提高资金使用效益。`,
      };
    };
    let plans = Array.from({ length: int(10, 14) }, newPlan);
    for (let y = 0; y < years; y++) {
      const year = 2026 - years + y;
      if (y > 0) {
        plans = plans
          .filter(() => rand() > 0.05)
          .map((p) => {
            const renamed = rand() < 0.08;
            return {
              ...p,
              code: renamed ? `${p.code}R${y}` : p.code,
              name: renamed ? `${p.name.slice(0, -2)}专项资金` : p.name,
              budget: Math.round(p.budget * (0.8 + rand() * 0.5)),
              rows: p.rows
                .filter(() => rand() > 0.03)
                .map((r) => (rand() < 0.15 ? { ...r, value: r.value + pick([-5, -2, 2, 5]) } : r)),
              goal: rand() < 0.3 ? p.goal : `${year}年${p.goal}`,
            };
          });
        while (rand() < 0.5) plans.push(newPlan());
      }
      docs.push({
        source: `${departmentName}/${year}.docx`,
        department: { code: y % 3 === 0 ? null : `${300 + d}001`, name: departmentName },
        year,
        projects: plans.map((p, i) => ({
          code: p.code,
          name: p.name,
          title: `${i + 1}.${p.name}绩效目标表`,
          budget: {
            total: p.budget,
            fiscal: p.budget,
            other: null,
            superior: null,
            midTermTotal: null,
            derived: [],
            notes: {},
          },
          goals: [p.goal],
          indicators: p.rows.map(
            ({ row: [level1, level2, level3, unit], op, value }, k): Indicator => ({
              level1,
              level2,
              level3,
              description: level3,
              value: parseIndicatorValue(`${op}${value}${unit}`),
              basis: null,
              weight: null,
              direction: null,
              extra: {},
              at: { table: 2 * i + 1, row: k + 1, col: 4 },
            }),
          ),
          locations: { code: { table: 2 * i, row: 0, col: 1 } },
        })),
      });
    }
  }
  return docs;
}

/** What one timing gives. */
export interface TrendsMeasurement {
  readonly documents: number;
  readonly departments: number;
  readonly changes: number;
  /** The median wall time of `buildTrends` over the runs, in ms. */
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  /** The median CPU time (user + system) of the runs, in ms: what the linking costs on a busy machine. */
  readonly medianCpuMs: number;
}

/** Times `buildTrends` over a generated corpus. */
export function measureTrends(options: TrendsCorpusOptions, runs = 3): TrendsMeasurement {
  const docs = trendsCorpus(options);
  const config = defaultConfig();
  const times: number[] = [];
  const cpu: number[] = [];
  let last = buildTrends(docs.slice(0, 2 * options.years), config); // warm-up: JIT and the memoised folds
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const since = process.cpuUsage();
    last = buildTrends(docs, config);
    const used = process.cpuUsage(since);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    documents: docs.length,
    departments: last.departments.length,
    changes: last.changes.length,
    medianMs: median(times),
    runsMs: times,
    medianCpuMs: median(cpu),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string, fallback: number): number => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const m = measureTrends(
    { departments: arg("departments", 50), years: arg("years", 20), seed: arg("seed", 15) },
    arg("runs", 3),
  );
  process.stdout.write(
    `linked ${m.documents} documents of ${m.departments} departments: ${m.changes} changes; ` +
      `median ${m.medianMs.toFixed(0)} ms wall, ${m.medianCpuMs.toFixed(0)} ms CPU ` +
      `(runs: ${m.runsMs.map((t) => t.toFixed(0)).join(", ")} ms)\n`,
  );
}
