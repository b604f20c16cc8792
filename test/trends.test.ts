/**
 * Year over year (issue 15): the generated fixtures in fixtures/trends/ (scripts/trends/make-fixtures.ts)
 * against the hand-written key test/trends/expected.json — the project links and the changes must match
 * exactly, and a department with one year gives no trend findings.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { extractFile } from "../src/api.js";
import { defaultConfig } from "../src/config/index.js";
import { buildTrends, type TrendsReport, TrendsReportSchema, trendInput } from "../src/trends/index.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/trends/", import.meta.url));

interface KeyLink {
  readonly years: [number, number];
  readonly from: string;
  readonly to: string;
  readonly basis: string;
}
interface Key {
  readonly departments: readonly { name: string; years: number[]; links: KeyLink[] }[];
  readonly changes: readonly Record<string, unknown>[];
}

const key = JSON.parse(readFileSync(new URL("./trends/expected.json", import.meta.url), "utf8")) as Key;
const sorted = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

describe("trends over the generated fixtures", () => {
  let report: TrendsReport;

  beforeAll(async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".docx"));
    const docs = await Promise.all(files.map((f) => extractFile(`${FIXTURES}${f}`)));
    report = TrendsReportSchema.parse(
      buildTrends(
        docs.map((d) => trendInput(d)!),
        defaultConfig(),
      ),
    );
  }, 60_000);

  it("finds every department with two or more years, and only those", () => {
    expect(report.departments.map((d) => ({ name: d.department.name, years: d.years.map((y) => y.year) }))).toEqual(
      expect.arrayContaining(key.departments.map((d) => ({ name: d.name, years: d.years }))),
    );
    expect(report.departments).toHaveLength(key.departments.length);
    expect(report.unplaced).toEqual([]);
  });

  it("matches a department written with and without its code (304001玉泉县商务局本级, 玉泉县商务局本级)", () => {
    const yuquan = report.departments.find((d) => d.department.name === "玉泉县商务局本级");
    expect(yuquan?.names.sort()).toEqual(["304001玉泉县商务局本级", "玉泉县商务局本级"]);
  });

  it("links the projects across years exactly as the key says, each link with its score and why", () => {
    for (const expected of key.departments) {
      const department = report.departments.find((d) => d.department.name === expected.name)!;
      const links = department.years.flatMap((year) =>
        year.projects.flatMap((project) => {
          if (project.link === null) return [];
          const previous = department.years.find((y) => y.year === project.link!.year)!;
          expect(project.link.score).toBeGreaterThan(0);
          expect(project.link.why.name).toBeGreaterThanOrEqual(0);
          return [
            {
              years: [project.link.year, year.year],
              from: previous.projects[project.link.previous]!.name,
              to: project.name,
              basis: project.link.basis,
            },
          ];
        }),
      );
      expect(sorted(links)).toEqual(sorted(expected.links));
    }
  });

  it("reports exactly the planted changes", () => {
    const changes = report.changes.map((c) => ({
      rule: c.rule,
      department: c.department.name,
      project: c.project.name,
      indicator: c.indicator,
      from: c.from,
      to: c.to,
      years: c.years,
    }));
    expect(sorted(changes)).toEqual(sorted(key.changes));
  });

  it("gives every change a Chinese title and message, and evidence from the years it compares", () => {
    for (const c of report.changes) {
      expect(c.category).toBe("trend");
      expect(c.title).toMatch(/\p{Script=Han}/u);
      expect(c.message).toMatch(/\p{Script=Han}/u);
      expect(c.evidence.earlier.year).toBe(c.years[0]);
      expect(c.evidence.later.year).toBe(c.years[1]);
      expect(c.evidence.earlier.at ?? c.evidence.later.at).not.toBeNull();
    }
  });

  it("gives no trend findings for a department with one year", () => {
    expect(report.changes.filter((c) => c.department.name === "滦州市民政局本级")).toEqual([]);
    expect(report.departments.some((d) => d.department.name === "滦州市民政局本级")).toBe(false);
  });
});
