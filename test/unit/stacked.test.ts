import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/index.js";
import { extractProjects } from "../../src/extract/index.js";
import { inspectTables } from "../../src/extract/inspect.js";
import { parseDocumentHtml } from "../../src/grid/index.js";
import type { Project, Warning } from "../../src/model/schema.js";
import { normaliseProject } from "../../src/normalise/index.js";

/** HTML → grid → raw projects → model, with every stage's warnings. */
function run(html: string): { projects: Project[]; warnings: Warning[] } {
  const config = defaultConfig();
  const doc = parseDocumentHtml(html);
  const raw = extractProjects(doc.value, config);
  const normalised = raw.value.map((p) => normaliseProject(p, config));
  return {
    projects: normalised.map((n) => n.value),
    warnings: [...doc.warnings, ...raw.warnings, ...normalised.flatMap((n) => n.warnings)],
  };
}

const td = (text: string, attrs = ""): string => `<td${attrs ? ` ${attrs}` : ""}><p>${text}</p></td>`;
const tr = (...cells: string[]): string => `<tr>${cells.join("")}</tr>`;

const HEADER = tr(
  ...["单位名称", "项目名称", "预算数（万元）", "年度目标", "一级指标", "二级指标", "三级指标"].map((h) => td(h)),
  ...["指标性质", "指标值", "度量单位", "权重"].map((h) => td(h)),
);

/** The indicator cells of each project's rows: 一级, 二级, 三级, 性质, 值, 单位, 权重. */
const ROWS: Record<string, string[][]> = {
  执法检查经费: [
    ["产出指标", "数量指标", "检查企业家次", "≥", "320", "家次", "50"],
    ["满意度指标", "服务对象满意度指标", "企业满意度", "≥", "90", "%", "50"],
  ],
  物资储备经费: [
    ["产出指标", "数量指标", "储备帐篷数量", "≥", "200", "顶", "40"],
    ["产出指标", "质量指标", "物资完好率", "≥", "98", "%", "30"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "定性", "较高", "", "30"],
  ],
};
const PROJECT = {
  执法检查经费: { budget: "36.00", goal: "全年检查320家次以上。" },
  物资储备经费: { budget: "58.00", goal: "储备帐篷等应急物资。" },
} as const;
const names = Object.keys(ROWS) as (keyof typeof PROJECT)[];
const total = names.reduce((n, name) => n + ROWS[name]!.length, 0);

/** Projects merged down their rows; 单位名称 merged down the whole table. */
function merged(): string {
  let first = true;
  const rows = names.flatMap((name) =>
    ROWS[name]!.map((cells, i) => {
      const span = `rowspan="${ROWS[name]!.length}"`;
      const unit = first ? [td("唐山市路南区应急管理局", `rowspan="${total}"`)] : [];
      first = false;
      const project = i === 0 ? [td(name, span), td(PROJECT[name].budget, span), td(PROJECT[name].goal, span)] : [];
      return tr(...unit, ...project, ...cells.map((c) => td(c)));
    }),
  );
  return `<p>单位：万元</p><table>${HEADER}${rows.join("")}</table>`;
}

/** No merges: the project cells written on every row (`repeat`) or on its first row only. */
function unmerged(repeat: boolean): string {
  const rows = names.flatMap((name) =>
    ROWS[name]!.map((cells, i) => {
      const show = repeat || i === 0;
      const project = [name, PROJECT[name].budget, PROJECT[name].goal].map((c) => td(show ? c : ""));
      return tr(td(show ? "唐山市路南区应急管理局" : ""), ...project, ...cells.map((c) => td(c)));
    }),
  );
  return `<table>${HEADER}${rows.join("")}</table>`;
}

describe("extract: several projects stacked by column in one table", () => {
  for (const [layout, html] of [
    ["merged down", merged()],
    ["repeated on every row", unmerged(true)],
    ["written on the first row only", unmerged(false)],
  ] as const) {
    describe(layout, () => {
      const { projects, warnings } = run(html);

      it("gives one project per distinct project, with its own budget, goals and department", () => {
        expect(projects.map((p) => p.name)).toEqual(names);
        expect(projects.map((p) => p.budget.total)).toEqual([360000, 580000]);
        expect(projects.map((p) => p.goals)).toEqual([[PROJECT.执法检查经费.goal], [PROJECT.物资储备经费.goal]]);
        expect(projects.every((p) => p.department === "唐山市路南区应急管理局")).toBe(true);
      });

      it("gives each project its own indicators, values spanning the operator, number and unit columns", () => {
        expect(projects.map((p) => p.indicators.map((i) => i.level3))).toEqual(
          names.map((n) => ROWS[n]!.map((r) => r[2])),
        );
        expect(projects[1]!.indicators[0]).toMatchObject({
          value: { op: ">=", number: 200, unit: "顶" },
          weight: 40,
        });
        expect(projects[1]!.indicators[2]!.value).toMatchObject({ kind: "qualitative", raw: "较高" });
      });

      it("reads the project columns as the project's, not as unmapped indicator columns", () => {
        expect(warnings.filter((w) => w.code === "unmapped-column")).toEqual([]);
        expect(projects.every((p) => Object.keys(p.indicators[0]!.extra).length === 0)).toBe(true);
      });

      it("points the project fields at their cells", () => {
        expect(projects[1]!.locations.name).toEqual({ table: 0, row: 3, col: 1 });
      });
    });
  }
});

describe("inspect: a table of projects stacked by column", () => {
  it("shows the project columns as the row's project's fields, not as extra columns", () => {
    const [table] = inspectTables(parseDocumentHtml(merged()).value, defaultConfig());
    const columns = table!.indicatorHeader!.columns.slice(0, 4).map((c) => [c.header, c.role, c.kept]);
    expect(columns).toEqual([
      ["单位名称", "department", "project"],
      ["项目名称", "name", "project"],
      ["预算数（万元）", "total", "project"],
      ["年度目标", "goals", "project"],
    ]);
  });
});
