import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { z } from "zod";
import { expandInputs, type InputFile } from "../batch/inputs.js";
import { killProcessGroup } from "../batch/process-group.js";
import { parseShard } from "../batch/shard.js";
import {
  ConfigError,
  defaultConfig,
  isRulePreset,
  type LabelConfig,
  parseConfig,
  parseRuleSettings,
  presetRuleSettings,
} from "../config/index.js";
import type { JixiaoDocument } from "../model/schema.js";
import { emptyTally, tallySeverities } from "../model/severity.js";
import { ReadError } from "../read/errors.js";
import type { RuleSettings } from "../reconcile/settings.js";
import type { Format } from "../render/index.js";
import { getExitCode } from "./exit-code.js";
import { BilingualHelp, commandTypo, translateCommanderError, USAGE } from "./messages.js";
import { startProgress } from "./progress.js";
import { countOutcome, summaryLine } from "./summary.js";
import { writeWebPage } from "./web.js";

/**
 * The package version (package.json is its one source; src/cli and dist/cli are both two levels below it), also
 * the manifest's key: results of another version are redone.
 */
export const VERSION: string = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"))).version;

// What only some commands need is imported where they run it (the bundle splits each into a chunk of its own):
// the pipeline (../api.js), which the batch commands leave to worker threads, so that their start does not pay
// for loading mammoth, cheerio and the stages; the batch runner and its outputs; trends, merge, the schema and
// the renderers of one command each.

/** Thrown for a usage problem found after parsing (exit code 2). */
class UsageError extends Error {}

/** Options shared by the document commands; CLI flags pass through this schema (no if-chains). */
const RunOptionsSchema = z.object({
  output: z.string().min(1).optional(),
  format: z.enum(["text", "json", "md"]).optional(),
  config: z.string().optional(),
  rules: z.string().optional(),
  jobs: z.coerce
    .number({ error: USAGE.jobs() })
    .int({ error: USAGE.jobs() })
    .min(1, { error: USAGE.jobs() })
    .optional(),
  timeout: z.coerce.number({ error: USAGE.timeout() }).positive({ error: USAGE.timeout() }).default(60),
  maxUnzipped: z.coerce.number({ error: USAGE.maxUnzipped() }).positive({ error: USAGE.maxUnzipped() }).default(200),
  failOn: z.enum(["error", "warning", "partial", "none"]).default("none"),
  quiet: z.boolean().default(false),
  stdout: z.boolean().default(false),
  force: z.boolean().default(false),
  annotate: z.boolean().default(false),
  year: z.coerce.number().int(USAGE.year()).min(1990, USAGE.year()).max(2100, USAGE.year()).optional(),
  shard: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return null;
      const shard = parseShard(s);
      if (!shard) ctx.addIssue({ code: "custom", message: USAGE.shard(s) });
      return shard;
    }),
});
type RunOptions = z.infer<typeof RunOptionsSchema>;

function parseOptions(raw: unknown): RunOptions {
  const parsed = RunOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

async function loadConfig(path: string | undefined): Promise<LabelConfig> {
  if (path === undefined) return defaultConfig();
  const text = await readFile(path, "utf8").catch(() => {
    throw new UsageError(USAGE.config(path));
  });
  return parseConfig(text, path);
}

/** `--rules`: a rule file (YAML) over the preset it extends, or the name of a preset (`central-2021`). */
async function loadRules(spec: string | undefined): Promise<RuleSettings | undefined> {
  if (spec === undefined) return undefined;
  const text = await readFile(spec, "utf8").catch(() => null);
  if (text !== null) return parseRuleSettings(text, spec);
  if (isRulePreset(spec)) return presetRuleSettings(spec);
  throw new UsageError(
    `无法读取规则文件 ${spec}，也没有这个名称的预设 (cannot read the rule file ${spec}, nor is it a preset)`,
  );
}

/** The label configuration with the rule set of `--rules` in it, if one is given. */
async function loadSettings(options: {
  config?: string | undefined;
  rules?: string | undefined;
}): Promise<LabelConfig> {
  const config = await loadConfig(options.config);
  const rules = await loadRules(options.rules);
  return rules ? { ...config, rules } : config;
}

/** What `audit` prints for each document: the terminal view, the JSON or the Markdown report. */
type PrintFormat = NonNullable<RunOptions["format"]>;

async function printer(format: PrintFormat): Promise<(doc: JixiaoDocument) => string> {
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const [{ renderers }, { renderText }] = await Promise.all([
    import("../render/index.js"),
    import("../render/text.js"),
  ]);
  const print = {
    text: (doc: JixiaoDocument) => renderText(doc, { color }),
    json: renderers.json,
    md: renderers.markdown,
  } satisfies Record<PrintFormat, (doc: JixiaoDocument) => string>;
  return print[format];
}

/** `--stdout` and `audit` without `-o`: each input printed on standard output, processed here in turn. */
async function printDocuments(
  files: readonly InputFile[],
  options: RunOptions,
  config: LabelConfig,
  format: PrintFormat,
): Promise<number> {
  const print = await printer(format);
  const { extractFile } = await import("../api.js");
  let failed = 0;
  let incomplete = 0;
  const findings = emptyTally();
  for (const file of files) {
    try {
      const doc = await extractFile(file.path, {
        config,
        maxUnzippedBytes: options.maxUnzipped * 1024 * 1024,
        year: options.year ?? null,
      });
      process.stdout.write(`${files.length > 1 && format !== "json" && file !== files[0] ? "\n" : ""}${print(doc)}`);
      tallySeverities(doc.findings, findings);
      if (doc.completeness.status !== "complete") incomplete++;
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      failed++;
      process.stderr.write(`jixiao: ${file.path}: ${error.message}\n`);
    }
  }
  return getExitCode({ failed, findings, interrupted: false, incomplete }, options.failOn);
}

/** `-o` must be a folder, or a path where one can be made: a file there (or above it) is a usage error. */
async function checkOutputDir(path: string): Promise<void> {
  for (let at = resolve(path); ; at = dirname(at)) {
    const info = await stat(at).catch(() => null);
    if (info) {
      if (!info.isDirectory()) throw new UsageError(USAGE.outputIsFile(at === resolve(path) ? path : at));
      return;
    }
    if (dirname(at) === at) return;
  }
}

/**
 * Everything a document command needs is checked before anything is written: the options, the configuration, the
 * output folder and every input (a missing one, or a mistyped command, is a usage error; no Word file at all is
 * a failure). Returns the expanded inputs, or an exit code when there is nothing to process.
 */
async function validateInputs(inputs: readonly string[]): Promise<Awaited<ReturnType<typeof expandInputs>> | number> {
  if (inputs.length === 0) throw new UsageError(USAGE.noInputs());
  const expanded = await expandInputs(inputs);
  if (expanded.missing.length > 0) {
    const typo = expanded.missing.length === 1 ? commandTypo(expanded.missing[0]!, COMMANDS) : null;
    throw new UsageError(
      typo && expanded.missing[0] === inputs[0]
        ? USAGE.unknownCommand(inputs[0]!, typo.suggestion)
        : USAGE.missing(expanded.missing),
    );
  }
  if (expanded.files.length === 0) {
    for (const s of expanded.skipped) process.stderr.write(`jixiao: 已跳过 ${s.path}：${s.reason}\n`);
    process.stderr.write(`jixiao: ${USAGE.noWordFiles(inputs)}\n`);
    return 1;
  }
  return expanded;
}

/** Runs the document commands through the batch runner: the pool, and for the batch command the manifest. */
async function runDocuments(
  inputs: readonly string[],
  raw: unknown,
  formats: readonly Format[],
  incremental: boolean,
  { printByDefault = false }: { printByDefault?: boolean } = {},
): Promise<number> {
  const options = parseOptions(raw);
  if (options.annotate && options.stdout) throw new UsageError(USAGE.annotateStdout());
  if (options.format !== undefined && (options.output !== undefined || options.stdout))
    throw new UsageError(USAGE.formatWithOutput());
  const printing = options.stdout || (printByDefault && options.output === undefined);
  if (printing && options.annotate) throw new UsageError(USAGE.annotatePrint());
  const outDir = options.output ?? "out";
  const config = await loadSettings(options);
  if (!printing) await checkOutputDir(outDir);
  const expanded = await validateInputs(inputs);
  if (typeof expanded === "number") return expanded;
  if (options.stdout) return printDocuments(expanded.files, options, config, "json");
  if (printing) return printDocuments(expanded.files, options, config, options.format ?? "text");
  const started = Date.now();
  let stopping = false;
  const onInterrupt = () => {
    stopping = true;
    process.stderr.write("\njixiao: 正在停止：等待处理中的文档完成，已完成的结果均已保存 (stopping)\n");
  };
  process.once("SIGINT", onInterrupt);
  const progress = startProgress(!options.quiet && process.stderr.isTTY === true);
  try {
    const { runBatch } = await import("../batch/run.js");
    const result = await runBatch({
      inputs,
      expanded,
      outDir,
      config,
      version: VERSION,
      formats,
      incremental,
      force: options.force,
      timeoutMs: options.timeout * 1000,
      maxUnzippedBytes: options.maxUnzipped * 1024 * 1024,
      shard: options.shard,
      year: options.year ?? null,
      ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
      annotate: options.annotate,
      annotateDate: options.annotate ? new Date().toISOString().replace(/\.\d+Z$/u, "Z") : null,
      onProgress: progress.update,
      shouldStop: () => stopping,
    });
    progress.stop();
    for (const s of result.skipped) process.stderr.write(`jixiao: 已跳过 ${s.path}：${s.reason}\n`);
    for (const s of result.summaries.filter((d) => d.error !== null))
      process.stderr.write(`jixiao: ${s.source}: ${s.error!.message}\n`);
    const outcome = countOutcome(result);
    if (!options.quiet) process.stderr.write(`${summaryLine(outcome, result, Date.now() - started, outDir)}\n`);
    return getExitCode(outcome, options.failOn);
  } finally {
    progress.stop();
    process.removeListener("SIGINT", onInterrupt);
  }
}

type Report = (exitCode: number) => void;

function documentOptions(
  command: Command,
  { batch, annotate, print = false }: { batch: boolean; annotate: boolean; print?: boolean },
): Command {
  if (print) {
    command
      .option(
        "-o, --output <dir>",
        "把文件写入此目录；不给时在终端打印摘要 (write the files into this directory; without it: print a summary)",
      )
      .addOption(
        new Option(
          "--format <format>",
          "不带 -o 时打印的内容：摘要（text）、JSON 或 Markdown 报告 (what to print without -o: a summary, the JSON, or the Markdown report)",
        )
          .choices(["text", "json", "md"])
          .default(undefined, "text"),
      );
  } else command.option("-o, --output <dir>", "输出目录 (output directory)", "out");
  command
    .option(
      "-c, --config <file>",
      "标签别名 YAML 文件，合并在内置的 config/default.yaml 之上 (YAML file of label aliases, merged over the built-in config/default.yaml)",
    )
    .option(
      "--rules <file|preset>",
      "规则集：覆盖 config/rules.yaml 的 YAML 文件，或预设名称（central-2021） (rule set: a YAML file over config/rules.yaml, or a preset such as central-2021)",
    )
    .option("-j, --jobs <n>", "并行的工作线程数，默认为 CPU 核数 (worker threads; default: the number of cores)")
    .option(
      "--timeout <seconds>",
      "每个文档的时间上限（秒），超时则替换工作线程 (time limit per document in seconds; the worker is replaced when it is exceeded)",
      "60",
    )
    .option(
      "--max-unzipped <MB>",
      "拒绝解压后超过此大小（MB）的 .docx，防范压缩炸弹 (refuse a .docx whose zip declares more than this many MB uncompressed)",
      "200",
    )
    .addOption(
      new Option(
        "--fail-on <severity>",
        "存在该级别（或更严重）的问题时以 1 退出；partial：有文档未完整读取时 (exit 1 when findings of this severity or worse exist; partial: when a document was not read completely)",
      )
        .choices(["error", "warning", "partial", "none"])
        .default("none"),
    )
    .option(
      "--year <yyyy>",
      "所有输入的预算年度；默认从每个文档读取，其次从文件名 (the budget year of every input; default: read from each document, else its file name)",
    )
    .option("-q, --quiet", "不显示进度条和汇总行 (no progress bar and no summary line)");
  if (annotate)
    command.option(
      "--annotate",
      "另写出 <文件名>.批注.docx：原文档的副本，每个错误和警告都以 Word 批注标在对应的句子和表格单元格上；.doc 输入得到 <文件名>.doc.批注.docx（原文件不会被修改） (also write <name>.批注.docx: a copy of the input with a Word comment on every error and warning; x.doc gives x.doc.批注.docx; the input is never modified)",
    );
  if (batch) {
    command
      .option(
        "--force",
        "重新处理所有输入，包括上次运行后未变化的 (process every input again, even those unchanged since the manifest)",
      )
      .option(
        "--shard <i/n>",
        "只处理输入的第 i 份（共 n 份，按路径的哈希划分），用于多台机器分担 (process only part i of n of the inputs, split by a hash of each path)",
      );
  } else {
    command.option(
      "--stdout",
      "把 JSON 打印到标准输出，不写文件 (print the JSON to standard output instead of writing files)",
    );
  }
  return command;
}

/** The commands, for suggesting one when a mistyped name is taken for a missing input. */
const COMMANDS = ["extract", "audit", "inspect", "trends", "rules", "schema", "merge", "web", "help"] as const;

/** A command whose help wraps Chinese text cleanly and whose usage errors are in Chinese, then English. */
class JixiaoCommand extends Command {
  override createCommand(name?: string): Command {
    return new JixiaoCommand(name);
  }

  override createHelp(): BilingualHelp {
    return Object.assign(new BilingualHelp(), this.configureHelp());
  }
}

/** Builds the command-line program; each command hands its exit code to `report`. */
export function buildProgram(report: Report = () => {}): Command {
  const program = new JixiaoCommand("jixiao")
    .configureOutput({ outputError: (message, write) => write(translateCommanderError(message)) })
    .helpOption("-h, --help", "显示帮助 (display help)")
    .helpCommand("help [command]", "显示某个命令的帮助 (display help for command)")
    .description(
      "把部门预算绩效目标 Word 文档转换为结构化数据，并核对文字部分与表格的矛盾。\n" +
        "Turns budget performance-target Word documents into validated data and audits them.\n\n" +
        "不带命令时运行批处理：输入中的每个 .docx/.doc 都会被提取和核对，写出 <输出目录>/<文件>.json、.report.md 和 .report.html，以及 index.html、batch.xlsx、indicators.csv、findings.csv 和 documents.ndjson；再次运行时跳过未变化的文件（out/manifest.json）。\n" +
        "Without a command: the batch job. Every .docx/.doc under the inputs is extracted and audited into <output>/<file>.json, .report.md and .report.html, plus index.html, batch.xlsx, indicators.csv, findings.csv and documents.ndjson. Unchanged files are skipped on a rerun (out/manifest.json). When the inputs cover two or more years of one department: trends.json, trends.html (历年对比).",
    )
    .version(VERSION, "-V, --version", "显示版本号 (output the version number)")
    .argument(
      "[inputs...]",
      ".docx/.doc 文件或目录（递归查找） (.docx/.doc files or directories, searched recursively)",
    )
    .enablePositionalOptions()
    .showHelpAfterError()
    .exitOverride()
    .action(async (inputs: string[], options: unknown) => {
      report(await runDocuments(inputs, options, ["json", "markdown", "html"], true));
    });
  documentOptions(program, { batch: true, annotate: true });
  documentOptions(
    program
      .command("extract")
      .description(
        "提取第二部分表格和第一部分文字，写出 <输出目录>/<文件>.json (extract Part 2 tables and Part 1 narrative into <output>/<file>.json)",
      )
      .argument("<inputs...>", ".docx/.doc 文件或目录 (.docx/.doc files or directories)"),
    { batch: false, annotate: false },
  ).action(async (inputs: string[], options: unknown) => report(await runDocuments(inputs, options, ["json"], false)));
  documentOptions(
    program
      .command("audit")
      .description(
        "核对并在终端打印按项目分组的问题摘要；给出 -o 时写出 <文件>.json、.report.md、.report.html (audit and print the findings by project; with -o, write <file>.json, .report.md and .report.html)",
      )
      .argument("<inputs...>", ".docx/.doc 文件或目录 (.docx/.doc files or directories)"),
    { batch: false, annotate: true, print: true },
  ).action(async (inputs: string[], options: unknown) =>
    report(await runDocuments(inputs, options, ["json", "markdown", "html"], false, { printByDefault: true })),
  );
  program
    .command("inspect")
    .description(
      "显示文档是如何读取的：每个表格的角色、匹配到的标签和列、未对应的内容 (show how a document is read: each table's role, which labels and columns matched, what was left unmapped)",
    )
    .argument("<file>", ".docx/.doc 文件 (a .docx/.doc file)")
    .option("-c, --config <file>", "要试用的标签别名 YAML 文件 (YAML file of label aliases to try)")
    .option("--json", "以 JSON 格式输出 (print the inspection as JSON)")
    .action(async (file: string, options: { config?: string; json?: boolean }) => {
      const config = await loadConfig(options.config);
      const bytes = await readFile(file).catch(() => {
        throw new UsageError(USAGE.noSuchFile(file));
      });
      const [{ inspectBuffer }, { renderInspection }] = await Promise.all([
        import("../api.js"),
        import("../render/inspect.js"),
      ]);
      try {
        const inspection = await inspectBuffer(bytes, file, { config, stop: killProcessGroup });
        process.stdout.write(options.json ? `${JSON.stringify(inspection, null, 2)}\n` : renderInspection(inspection));
        report(0);
      } catch (error) {
        if (!(error instanceof ReadError)) throw error;
        process.stderr.write(`jixiao: ${file}: ${error.message}\n`);
        report(1);
      }
    });
  program
    .command("trends")
    .description(
      "历年对比：在各输出目录的文档 JSON 中跨年度关联每个单位的项目和目标，写出 trends.json、trends.html 和 trends.xlsx (compare years: link each department's projects and targets across the document JSONs of output folders)",
    )
    .argument("<dirs...>", "以前运行的输出目录（每年一个，或一个含多个年度） (output folders of earlier runs)")
    .option(
      "-o, --output <dir>",
      "历年对比文件的输出目录，默认为第一个目录 (where to write the trends files; default: the first folder)",
    )
    .option(
      "-c, --config <file>",
      "其中 trends 部分设置历年对比规则（开关、级别、阈值）的 YAML 文件 (YAML file whose trends section sets the trend rules)",
    )
    .option("-q, --quiet", "不显示汇总行 (no summary line)")
    .action(async (dirs: string[], options: { output?: string; config?: string; quiet?: boolean }) => {
      const missing = (await expandFolders(dirs)).missing;
      if (missing.length > 0) throw new UsageError(USAGE.missingFolders(missing));
      const config = await loadConfig(options.config);
      const outDir = options.output ?? dirs[0]!;
      await checkOutputDir(outDir);
      const { runTrends } = await import("../batch/trends.js");
      const run = await runTrends(dirs, outDir, config);
      for (const u of run.unread) process.stderr.write(`jixiao: 已跳过 ${u.path}：${u.reason}\n`);
      if (!options.quiet) {
        const { departments, changes } = run.report;
        const note = departments.length === 0 ? "（没有同一单位两个及以上年度的文档）" : "";
        process.stderr.write(
          `历年对比：${run.documents} 份文档，${departments.length} 个单位，${changes.length} 项变化${note}，输出目录：${outDir} (trends: ${run.documents} documents, ${departments.length} departments, ${changes.length} changes)\n`,
        );
      }
      report(0);
    });
  program
    .command("rules")
    .description("列出规则：编号、名称、类别、严重程度、是否启用 (list the rules: id, title, kind, severity, on/off)")
    .option(
      "--rules <file|preset>",
      "显示此规则集而非默认规则集（YAML 文件或预设名称） (show this rule set instead of the default: a YAML file, or a preset name)",
    )
    .option("--json", "以 JSON 输出规则及其参数 (print the rules as JSON, with their parameters)")
    .action(async (options: { rules?: string; json?: boolean }) => {
      const settings = (await loadRules(options.rules)) ?? presetRuleSettings("default");
      const { renderRuleTable, ruleRows } = await import("../render/rules.js");
      process.stdout.write(
        options.json ? `${JSON.stringify(ruleRows(settings), null, 2)}\n` : renderRuleTable(settings),
      );
      report(0);
    });
  program
    .command("schema")
    .description("打印文档 JSON 的 JSON Schema (print the JSON Schema of the document JSON)")
    .action(async () => {
      const { documentJsonSchema } = await import("../model/json-schema.js");
      process.stdout.write(`${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
      report(0);
    });
  program
    .command("merge")
    .description(
      "把各 --shard 运行的输出目录合并为一套批处理输出 (merge the output folders of --shard runs into one set of batch outputs)",
    )
    .argument("<dirs...>", "各分片运行的输出目录 (output folders of shard runs)")
    .requiredOption("-o, --output <dir>", "合并后的输出目录 (the merged output folder)")
    .option("-q, --quiet", "不显示汇总行 (no summary line)")
    .action(async (dirs: string[], options: { output: string; quiet?: boolean }) => {
      await checkOutputDir(options.output);
      const { MergeError, mergeOutputs } = await import("../batch/merge.js");
      const summaries = await mergeOutputs(dirs, options.output, VERSION).catch((error: unknown) => {
        throw error instanceof MergeError ? new UsageError(error.message) : error;
      });
      if (!options.quiet)
        process.stderr.write(
          `已合并 ${dirs.length} 个目录，共 ${summaries.length} 个文档，输出目录：${options.output} (merged ${dirs.length} folders, ${summaries.length} documents)\n`,
        );
      report(summaries.some((s) => s.status !== "ok") ? 1 : 0);
    });
  program
    .command("web")
    .description(
      "写出网页版 jixiao.html：一个文件，无需安装，离线用浏览器打开，拖入 Word 文件即可得到同样的报告和汇总表，文件不会上传 (write the web page jixiao.html: one file, nothing to install, works offline in a browser; documents never leave the machine)",
    )
    .option("-o, --output <dir>", "写入 jixiao.html 的目录 (the folder to write jixiao.html into)", ".")
    .option("-q, --quiet", "不显示汇总行 (no summary line)")
    .action(async (options: { output: string; quiet?: boolean }) => {
      await checkOutputDir(options.output);
      const written = await writeWebPage(options.output);
      if (written === null) throw new UsageError(USAGE.webNotBuilt());
      if (!options.quiet) {
        const size = (written.bytes / 1024 / 1024).toFixed(1);
        process.stderr.write(`已写出 ${written.path}（${size} MB）(wrote ${written.path}, ${size} MB)\n`);
      }
      report(0);
    });
  return program;
}

/** Which of the given paths are not folders. */
async function expandFolders(dirs: readonly string[]): Promise<{ missing: string[] }> {
  const checks = await Promise.all(
    dirs.map((d) =>
      stat(d).then(
        (s) => s.isDirectory(),
        () => false,
      ),
    ),
  );
  return { missing: dirs.filter((_, i) => !checks[i]) };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  try {
    await buildProgram((code) => (exitCode = code)).parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`jixiao: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
