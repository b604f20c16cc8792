import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentSchema } from "../src/model/schema.js";
import { cli } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

const reference = join(FIXTURES, "yutian-commerce-2025.docx");

describe("jixiao CLI", () => {
  it("prints its help", async () => {
    const result = await cli("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });

  it("prints each command's help", async () => {
    for (const command of ["extract", "audit", "inspect", "schema", "merge"]) {
      const result = await cli(command, "--help");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatchSnapshot(command);
    }
  });

  it("exits 0 and writes one JSON per input with extract", async () => {
    const out = await mkdtemp(join(tmpdir(), "jixiao-cli-"));
    const result = await cli("extract", reference, "-o", out);
    expect(result.code).toBe(0);
    expect(await readdir(out)).toEqual(["yutian-commerce-2025.docx.json"]);
    expect(result.stderr).toContain("1 个文档（本次处理 1，未变化跳过 0），4 个项目，38 个指标");
    expect(result.stderr).toContain("需核对（未完整读取）0");
  });

  it("writes the JSON and both reports with audit", async () => {
    const out = await mkdtemp(join(tmpdir(), "jixiao-cli-"));
    expect((await cli("audit", reference, "-o", out, "-q")).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      "yutian-commerce-2025.docx.json",
      "yutian-commerce-2025.docx.report.html",
      "yutian-commerce-2025.docx.report.md",
    ]);
  });

  it("prints valid JSON with --stdout", async () => {
    const result = await cli("extract", reference, "--stdout");
    expect(result.code).toBe(0);
    expect(DocumentSchema.parse(JSON.parse(result.stdout)).projects).toHaveLength(4);
  });

  it("exits 1 with a one-line reason when an input is not a Word document", async () => {
    const dir = await mkdtemp(join(tmpdir(), "jixiao-cli-"));
    const notWord = join(dir, "notes.docx");
    await writeFile(notWord, "plain text");
    const result = await cli("extract", notWord, "-o", dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/notes\.docx: 不是 Word 文档/);
  });

  it("exits 1 on findings only when asked with --fail-on", async () => {
    expect((await cli("extract", reference, "--stdout", "--fail-on", "error")).code).toBe(1);
    expect((await cli("extract", reference, "--stdout", "--fail-on", "none")).code).toBe(0);
  });

  it("exits 1 with --fail-on partial only when a document was not read completely", async () => {
    expect((await cli("extract", reference, "--stdout", "--fail-on", "partial")).code).toBe(0);
    // The whole-department form has no Part 1 to check its tables against.
    const noPart1 = join(FIXTURES, "variants", "bumen-zhengti.docx");
    expect((await cli("extract", noPart1, "--stdout", "--fail-on", "partial")).code).toBe(1);
    const out = await mkdtemp(join(tmpdir(), "jixiao-cli-"));
    const batch = await cli("extract", reference, noPart1, "-o", out, "--fail-on", "partial");
    expect(batch.code).toBe(1);
    expect(batch.stderr).toContain("需核对（未完整读取）1");
  });

  it.each([
    ["an unknown option", ["extract", reference, "--bogus"]],
    ["a missing input", ["extract", "no/such/file.docx"]],
    ["no inputs", ["extract"]],
    ["an unknown --fail-on", ["extract", reference, "--fail-on", "sometimes"]],
  ])("exits 2 on %s", async (_name, args) => {
    expect((await cli(...args)).code).toBe(2);
  });

  it("exits 2 with the schema's complaint for a bad configuration file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "jixiao-cli-"));
    const config = join(dir, "labels.yaml");
    await writeFile(config, "header:\n  nmae: [项目名称]\n");
    const result = await cli("extract", reference, "--stdout", "--config", config);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("labels.yaml");
  });
});

describe("jixiao schema", () => {
  it("prints the JSON Schema of the document JSON", async () => {
    const result = await cli("schema");
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["schemaVersion", "source", "projects", "narrative", "findings"]),
    );
  });
});

describe("jixiao inspect", () => {
  it("shows each table's role and matched labels, and what was extracted", async () => {
    const result = await cli("inspect", reference);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("项目表头 [project-header]");
    expect(result.stdout).toContain("“项目编码” → code");
    expect(result.stdout).toContain("第5列 “指标值” → value");
    expect(result.stdout).toContain("结果：4 个项目，38 个指标；第一部分 4 个项目。");
  });

  it("prints JSON with --json and exits 1 for a file that is not a Word document", async () => {
    const json = JSON.parse((await cli("inspect", reference, "--json")).stdout) as { tables: { role: string }[] };
    expect(json.tables.filter((t) => t.role === "indicators")).toHaveLength(4);
    expect((await cli("inspect", new URL("../package.json", import.meta.url).pathname)).code).toBe(1);
  });
});
