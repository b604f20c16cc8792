import { access, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentSchema } from "../src/model/schema.js";
import { cli } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";
import { tempFolders } from "./helpers/temp.js";

const temp = tempFolders();

const reference = join(FIXTURES, "yutian-commerce-2025.docx");

describe("jixiao CLI", () => {
  it("prints its help", async () => {
    const result = await cli("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });

  it("prints each command's help", async () => {
    for (const command of ["extract", "audit", "inspect", "schema", "merge", "trends"]) {
      const result = await cli(command, "--help");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatchSnapshot(command);
    }
    // One child process per command: on a busy machine each start takes seconds.
  }, 240_000);

  it("exits 0 and writes one JSON per input with extract", async () => {
    const out = await temp("jixiao-cli-");
    const result = await cli("extract", reference, "-o", out);
    expect(result.code).toBe(0);
    expect(await readdir(out)).toEqual(["yutian-commerce-2025.docx.json"]);
    expect(result.stderr).toContain("共 1 个文档（本次处理 1，未变化跳过 0）：成功 1，失败 0；4 个项目，38 个指标");
    expect(result.stderr).not.toContain("需核对"); // the reference is read completely
  });

  it("writes the JSON and both reports with audit", async () => {
    const out = await temp("jixiao-cli-");
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
    const dir = await temp("jixiao-cli-");
    const notWord = join(dir, "notes.docx");
    await writeFile(notWord, "plain text");
    const result = await cli("extract", notWord, "-o", dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/notes\.docx: 不是可读取的文档/);
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
    const out = await temp("jixiao-cli-");
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
    const dir = await temp("jixiao-cli-");
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

/** Whether a path exists. */
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Every message is in Chinese with the English after it, on one `jixiao:` line, and never a stack trace. */
function expectBilingualError(stderr: string, chinese: string, english: string): void {
  expect(stderr).toContain(chinese);
  expect(stderr).toContain(english);
  expect(stderr.indexOf(chinese)).toBeLessThan(stderr.indexOf(english));
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe("a CLI that never surprises", () => {
  it("takes a mistyped command for one, suggests the closest, exits 2 and writes nothing", async () => {
    const out = join(await temp("jixiao-cli-"), "out");
    const result = await cli("adit", reference, "-o", out);
    expect(result.code).toBe(2);
    expectBilingualError(result.stderr, "未知命令“adit”，是否想用“audit”？", 'did you mean "audit"?');
    expect(await exists(out)).toBe(false);
  });

  it("exits 2 and writes nothing when one input among others is missing", async () => {
    const out = join(await temp("jixiao-cli-"), "out");
    for (const args of [
      [reference, "no/such/file.docx", "-o", out],
      ["audit", reference, "no/such/file.docx", "-o", out],
    ]) {
      const result = await cli(...args);
      expect(result.code).toBe(2);
      expectBilingualError(
        result.stderr,
        "找不到文件或目录：no/such/file.docx",
        "no such file or directory: no/such/file.docx",
      );
      expect(await exists(out)).toBe(false);
    }
  });

  it("exits 2 with a clear message when -o names a file, and leaves the file alone", async () => {
    const dir = await temp("jixiao-cli-");
    const file = join(dir, "report.txt");
    await writeFile(file, "keep me");
    for (const output of [file, join(file, "below")]) {
      const result = await cli("audit", reference, "-o", output);
      expect(result.code).toBe(2);
      expectBilingualError(result.stderr, "是一个文件，-o 需要一个目录", "-o must name a directory");
    }
    expect(await readFile(file, "utf8")).toBe("keep me");
    expect(await readdir(dir)).toEqual(["report.txt"]);
  });

  it("exits 1 with a clear message when no Word file is found, and writes nothing", async () => {
    const dir = await temp("jixiao-cli-");
    const empty = join(dir, "empty");
    const textOnly = join(dir, "text-only");
    await mkdir(empty);
    await mkdir(textOnly);
    await writeFile(join(textOnly, "notes.txt"), "not a document");
    for (const input of [empty, textOnly]) {
      const result = await cli(input, "-o", join(dir, "out"));
      expect(result.code).toBe(1);
      expectBilingualError(result.stderr, "中没有找到 Word 文档（.docx/.doc），未写出任何文件", "no Word documents");
    }
    expect(await exists(join(dir, "out"))).toBe(false);
  });

  it.each([
    ["--jobs 0", ["-j", "0"], "--jobs 必须是不小于 1 的整数", "--jobs must be a whole number of at least 1"],
    ["--jobs abc", ["-j", "abc"], "--jobs 必须是不小于 1 的整数", "--jobs must be a whole number of at least 1"],
    ["--timeout 0", ["--timeout", "0"], "--timeout 必须是正数（秒）", "--timeout must be a positive number"],
    ["an unknown option", ["--bogus"], "未知选项", "unknown option '--bogus'"],
    ["an unknown --fail-on", ["--fail-on", "sometimes"], "选项取值无效", "is invalid"],
    [
      "--annotate with --stdout",
      ["--annotate", "--stdout"],
      "不能与 --stdout 同时使用",
      "cannot be used with --stdout",
    ],
  ])("says what is wrong with %s in Chinese, then English, and exits 2", async (_name, args, chinese, english) => {
    const out = join(await temp("jixiao-cli-"), "out");
    const result = await cli("audit", reference, "-o", out, ...args);
    expect(result.code).toBe(2);
    expectBilingualError(result.stderr, chinese, english);
    expect(await exists(out)).toBe(false);
  });

  it("says plainly what was processed, what failed and what was skipped", async () => {
    const dir = await temp("jixiao-cli-");
    const inputs = join(dir, "in");
    await mkdir(inputs);
    await writeFile(join(inputs, "scan.docx"), "%PDF-1.4 a scanned page");
    await writeFile(join(inputs, "notes.txt"), "not a document");
    const result = await cli(inputs, "-o", join(dir, "out"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "共 1 个文档（本次处理 1，未变化跳过 0）：成功 0，失败 1；另有 1 个非 Word 文件未处理",
    );
    expect(result.stderr).toContain("(1 document: 0 ok, 1 failed; 1 processed, 0 unchanged; 1 not Word, skipped;");
  });

  it("writes the annotated copy with --annotate and leaves the input as it was", async () => {
    const out = await temp("jixiao-cli-");
    const before = await readFile(reference);
    expect((await cli("audit", reference, "-o", out, "-q", "--annotate")).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      "yutian-commerce-2025.docx.json",
      "yutian-commerce-2025.docx.report.html",
      "yutian-commerce-2025.docx.report.md",
      "yutian-commerce-2025.批注.docx",
    ]);
    const annotated = await readFile(join(out, "yutian-commerce-2025.批注.docx"));
    expect(annotated.subarray(0, 4)).toEqual(Buffer.from("PK\u0003\u0004"));
    expect(Buffer.compare(await readFile(reference), before)).toBe(0);
  });
});
