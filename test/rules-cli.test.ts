/**
 * The rule set end to end through the CLI: `jixiao rules` prints the table; `--rules` with a user's YAML turns
 * a rule off and changes another's severity in the written JSON (through the worker threads of `audit`); an
 * unknown rule id is a usage error (exit 2) naming it, before anything is written.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JixiaoDocument } from "../src/model/schema.js";
import { cli } from "./helpers/cli.js";
import { tempFolders } from "./helpers/temp.js";

const temp = tempFolders();
const REFERENCE = new URL("../fixtures/yutian-commerce-2025.docx", import.meta.url).pathname;

async function audit(
  ...args: string[]
): Promise<{ code: number; stderr: string; doc: JixiaoDocument | null; written: string[] }> {
  const out = await temp("jixiao-rules-cli-");
  const { code, stderr } = await cli("audit", REFERENCE, "-o", out, "-q", ...args);
  const json = join(out, "yutian-commerce-2025.docx.json");
  const doc = existsSync(json) ? (JSON.parse(readFileSync(json, "utf8")) as JixiaoDocument) : null;
  return { code, stderr, doc, written: readdirSync(out) };
}

const tally = (doc: JixiaoDocument | null, rule: string) =>
  (doc?.findings ?? []).filter((f) => f.rule === rule).map((f) => `${f.category} ${f.severity}`);

describe("jixiao rules", () => {
  it("prints every rule with its Chinese title, kind, severity and state", async () => {
    const { code, stdout } = await cli("rules");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^规则 rule\s+名称 title\s+类别 kind\s+严重程度 severity\s+状态 on\/off\n/);
    expect(stdout).toMatch(/\ncategory-coverage\s+缺少指标类别\s+质量 quality\s+警告 warning\s+启用 on\n/);
    expect(stdout).toMatch(/\nindicator-value-mismatch\s+指标值不一致\s+一致性 consistency\s+错误 error\s+启用 on\n/);
  });

  it("shows a user's rule set, and exits 2 naming an unknown rule id", async () => {
    const dir = await temp("jixiao-rules-cli-");
    const good = join(dir, "good.yaml");
    await writeFile(good, "extends: central-2021\nrules:\n  basis-empty: off\n");
    const shown = await cli("rules", "--rules", good, "--json");
    expect(shown.code).toBe(0);
    const rows = JSON.parse(shown.stdout) as { id: string; enabled: boolean; params: Record<string, unknown> }[];
    expect(rows.find((r) => r.id === "basis-empty")?.enabled).toBe(false);
    expect(rows.find((r) => r.id === "category-coverage")?.params.required).toContain("成本指标");

    const bad = join(dir, "bad.yaml");
    await writeFile(bad, "rules:\n  copied-indicatr: off\n");
    const refused = await cli("rules", "--rules", bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("未知的规则 copied-indicatr（copied-indicator?）");
    expect(refused.stderr).toContain("unknown rule ids: copied-indicatr");
  });
});

describe("audit --rules", () => {
  it("turns a rule off and changes another's severity, end to end", { timeout: 120_000 }, async () => {
    const before = await audit();
    expect(before.code).toBe(0);
    expect(before.doc).not.toBeNull();
    // The reference: 限上企业工作经费 repeats 残疾人保障金's 生态效益增长率 ≥80% (info), and one unit is unknown.
    expect(tally(before.doc, "copied-indicator")).toEqual(["quality info"]);
    expect(tally(before.doc, "unknown-unit")).toEqual(["quality warning"]);

    const dir = await temp("jixiao-rules-cli-");
    const rules = join(dir, "province.yaml");
    await writeFile(rules, "rules:\n  unknown-unit: off\n  copied-indicator: error\n");
    const after = await audit("--rules", rules);
    expect(after.code).toBe(0);
    expect(tally(after.doc, "unknown-unit")).toEqual([]);
    expect(tally(after.doc, "copied-indicator")).toEqual(["quality error"]);
    // Everything else is as it was (but `group`, an index into the findings, which shift when one is dropped).
    const rest = (doc: JixiaoDocument | null) =>
      (doc?.findings ?? [])
        .filter((f) => !["unknown-unit", "copied-indicator"].includes(f.rule))
        .map(({ group: _, ...f }) => f);
    expect(rest(after.doc)).toEqual(rest(before.doc));
  });

  it("takes a preset by name", { timeout: 120_000 }, async () => {
    const { code, doc } = await audit("--rules", "central-2021");
    expect(code).toBe(0);
    expect(doc).not.toBeNull();
    // Every reference project has a 成本指标 (under 产出指标), so the 2021 framework finds no category missing.
    expect(tally(doc, "category-coverage")).toEqual([]);
  });

  it("refuses an unknown rule id before writing anything (exit 2)", async () => {
    const dir = await temp("jixiao-rules-cli-");
    const rules = join(dir, "typo.yaml");
    await writeFile(rules, "rules:\n  no-such-rule: off\n");
    const { code, stderr, written } = await audit("--rules", rules);
    expect(code).toBe(2);
    expect(stderr).toContain("no-such-rule");
    expect(written).toEqual([]);
  });

  it("refuses a rule file that does not exist and is no preset (exit 2)", async () => {
    const { code, stderr } = await audit("--rules", "/nonexistent/rules.yaml");
    expect(code).toBe(2);
    expect(stderr).toContain("cannot read the rule file");
  });
});
