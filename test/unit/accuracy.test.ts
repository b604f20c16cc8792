/**
 * The accuracy scorer (scripts/corpus/accuracy.ts) on hand-made model objects: what counts as exact, and
 * that extra output counts against — so `npm run accuracy` and the ratchet can fail.
 */
import { describe, expect, it } from "vitest";
import { narrativeIndicatorMatches, scoreNarrative, scoreProjects } from "../../scripts/corpus/accuracy.js";
import {
  narrative,
  narrativeIndicator,
  narrativeProject,
  tableIndicator,
  tableProject,
} from "../helpers/model-builders.js";

const row = (level3: string, value: string) => tableIndicator({ level2: "数量指标", level3, value });
const keyRow = (level3: string, raw: string, number: number, unit: string) => ({
  level1: "产出指标",
  level2: "数量指标",
  level3,
  value: { raw, kind: "quantitative", op: ">=", number, unit },
});
const keyProject = (name: string, total: number, rows: ReturnType<typeof keyRow>[]) => ({
  code: null,
  name,
  budget: { total, fiscal: total, other: null },
  indicators: rows,
});

describe("scoreProjects", () => {
  const expected = [
    keyProject("甲项目", 100000, [keyRow("培训人数", "≥50人", 50, "人"), keyRow("培训次数", "≥4次", 4, "次")]),
  ];

  it("counts exact rows, budgets and fields when the output matches", () => {
    const actual = [
      tableProject({ name: "甲项目", total: 100000, indicators: [row("培训人数", "≥50人"), row("培训次数", "≥4次")] }),
    ];
    const s = scoreProjects(expected, actual);
    expect([s.projects, s.rows, s.budgets]).toEqual([
      { n: 1, m: 1 },
      { n: 2, m: 2 },
      { n: 1, m: 1 },
    ]);
    expect(s.notes).toEqual([]);
  });

  it("counts a wrong value as not exact, and extra rows and projects against", () => {
    const actual = [
      tableProject({
        name: "甲项目",
        total: 100000,
        indicators: [row("培训人数", "≥40人"), row("培训次数", "≥4次"), row("填报人：张三", "2024年1月")],
      }),
      tableProject({ name: null, indicators: [row("培训天数", "≥3天")] }),
    ];
    const s = scoreProjects(expected, actual);
    expect(s.rows).toEqual({ n: 1, m: 4 });
    expect(s.projects).toEqual({ n: 1, m: 2 });
  });

  it("scores a project that was not read as nothing found", () => {
    const s = scoreProjects(expected, []);
    expect([s.projects, s.rows, s.budgets]).toEqual([
      { n: 0, m: 1 },
      { n: 0, m: 2 },
      { n: 0, m: 1 },
    ]);
  });
});

describe("narrativeIndicatorMatches", () => {
  const read = narrativeIndicator({ seq: 1, level1: null, level2: "数量指标", level3: "培训人数", value: "≥50人" });

  it("accepts a level the key leaves out, or null with an alternative", () => {
    expect(
      narrativeIndicatorMatches(
        { level3: "培训人数", value: { kind: "quantitative", op: ">=", number: 50, unit: "人" } },
        read,
      ),
    ).toBe(true);
    expect(
      narrativeIndicatorMatches(
        {
          level1: null,
          level2: "数量指标",
          level3: "培训人数",
          value: { kind: "quantitative", op: ">=", number: 50, unit: "人" },
          alt: { level1: ["产出指标"] },
        },
        read,
      ),
    ).toBe(true);
  });

  it("rejects another unit, operator or name", () => {
    const value = (op: ">=" | "=", unit: string) => ({ kind: "quantitative" as const, op, number: 50, unit });
    expect(narrativeIndicatorMatches({ level3: "培训人数", value: value(">=", "人次") }, read)).toBe(false);
    expect(narrativeIndicatorMatches({ level3: "培训人数", value: value("=", "人") }, read)).toBe(false);
    expect(narrativeIndicatorMatches({ level3: "培训人次", value: value(">=", "人") }, read)).toBe(false);
    expect(narrativeIndicatorMatches({ level3: "培训人数", value: { kind: "qualitative" } }, read)).toBe(false);
  });
});

describe("scoreNarrative", () => {
  it("with no Part 1 in the key, is exact only when none was read", () => {
    expect(scoreNarrative(null, null).narrative).toEqual({ n: 1, m: 1 });
    const read = narrative({ projects: [narrativeProject({ name: "乙项目" })] });
    expect(scoreNarrative(null, read).narrative).toEqual({ n: 0, m: 1 });
  });

  it("counts the total, each project field and each indicator, extra indicators against", () => {
    const key = {
      totalBudget: 500000,
      projects: [
        {
          name: "乙项目",
          amount: 500000,
          declaredIndicatorCount: 1,
          indicators: [
            { level3: "培训人数", value: { kind: "quantitative" as const, op: ">=" as const, number: 50, unit: "人" } },
          ],
        },
      ],
    };
    const read = narrative({
      totalBudget: 500000,
      projects: [
        narrativeProject({
          name: "乙项目",
          amount: 500000,
          declaredIndicatorCount: 1,
          indicators: [
            narrativeIndicator({ seq: 1, level2: "数量指标", level3: "培训人数", value: "≥50人" }),
            narrativeIndicator({ seq: 2, level2: "数量指标", level3: "培训次数", value: "≥4次" }),
          ],
        }),
      ],
    });
    expect(scoreNarrative(key, read).narrative).toEqual({ n: 5, m: 6 });
  });
});
