import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Command, CommanderError, Option } from "commander";
import { z } from "zod";
import { expandInputs } from "../batch/inputs.js";
import { MergeError, mergeOutputs } from "../batch/merge.js";
import { killProcessGroup } from "../batch/process-group.js";
import { runBatch } from "../batch/run.js";
import { parseShard } from "../batch/shard.js";
import { ConfigError, defaultConfig, type LabelConfig, parseConfig } from "../config/index.js";
import { documentJsonSchema } from "../model/json-schema.js";
import { ReadError } from "../read/errors.js";
import { type Format, renderers } from "../render/index.js";
import { renderInspection } from "../render/inspect.js";
import { getExitCode } from "./exit-code.js";
import { startProgress } from "./progress.js";
import { countOutcome, summaryLine } from "./summary.js";

/**
 * The package version (package.json is its one source; src/cli and dist/cli are both two levels below it), also
 * the manifest's key: results of another version are redone.
 */
export const VERSION: string = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"))).version;

// The pipeline (../api.js) is imported where a command runs it in this thread: the batch commands only hand
// documents to worker threads, and their start should not pay for loading mammoth, cheerio and the stages.

/** Thrown for a usage problem found after parsing (exit code 2). */
class UsageError extends Error {}

/** Options shared by the document commands; CLI flags pass through this schema (no if-chains). */
const RunOptionsSchema = z.object({
  output: z.string().min(1).default("out"),
  config: z.string().optional(),
  jobs: z.coerce.number().int().min(1, "--jobs must be at least 1").optional(),
  timeout: z.coerce.number().positive("--timeout must be a positive number of seconds").default(60),
  maxUnzipped: z.coerce.number().positive("--max-unzipped must be a positive number of megabytes").default(200),
  failOn: z.enum(["error", "warning", "partial", "none"]).default("none"),
  quiet: z.boolean().default(false),
  stdout: z.boolean().default(false),
  force: z.boolean().default(false),
  shard: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return null;
      const shard = parseShard(s);
      if (!shard) ctx.addIssue({ code: "custom", message: `--shard takes i/n with 1 ≤ i ≤ n, not "${s}"` });
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
    throw new UsageError(`cannot read the configuration file ${path}`);
  });
  return parseConfig(text, path);
}

/** `--stdout`: each input's JSON on standard output, processed here in turn. */
async function printDocuments(inputs: readonly string[], options: RunOptions, config: LabelConfig): Promise<number> {
  const { files, missing } = await expandInputs(inputs);
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(", ")}`);
  const { extractFile } = await import("../api.js");
  let failed = 0;
  let incomplete = 0;
  const findings = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    try {
      const doc = await extractFile(file.path, { config, maxUnzippedBytes: options.maxUnzipped * 1024 * 1024 });
      process.stdout.write(renderers.json(doc));
      for (const f of doc.findings) findings[f.severity]++;
      if (doc.completeness.status !== "complete") incomplete++;
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      failed++;
      process.stderr.write(`jixiao: ${file.path}: ${error.message}\n`);
    }
  }
  return getExitCode({ failed, findings, interrupted: false, incomplete }, options.failOn);
}

/** Runs the document commands through the batch runner: the pool, and for the batch command the manifest. */
async function runDocuments(
  inputs: readonly string[],
  raw: unknown,
  formats: readonly Format[],
  incremental: boolean,
): Promise<number> {
  const options = parseOptions(raw);
  const config = await loadConfig(options.config);
  if (options.stdout) return printDocuments(inputs, options, config);
  const started = Date.now();
  let stopping = false;
  const onInterrupt = () => {
    stopping = true;
    process.stderr.write("\njixiao: 正在停止：等待处理中的文档完成，已完成的结果均已保存 (stopping)\n");
  };
  process.once("SIGINT", onInterrupt);
  const progress = startProgress(!options.quiet && process.stderr.isTTY === true);
  try {
    const result = await runBatch({
      inputs,
      outDir: options.output,
      config,
      version: VERSION,
      formats,
      incremental,
      force: options.force,
      timeoutMs: options.timeout * 1000,
      maxUnzippedBytes: options.maxUnzipped * 1024 * 1024,
      shard: options.shard,
      ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
      onProgress: progress.update,
      shouldStop: () => stopping,
    });
    progress.stop();
    if (result.missing.length > 0) throw new UsageError(`no such file or directory: ${result.missing.join(", ")}`);
    for (const s of result.skipped) process.stderr.write(`jixiao: 已跳过 ${s.path}：${s.reason}\n`);
    for (const s of result.summaries.filter((d) => d.error !== null))
      process.stderr.write(`jixiao: ${s.source}: ${s.error!.message}\n`);
    const outcome = countOutcome(result);
    if (!options.quiet) process.stderr.write(`${summaryLine(outcome, result, Date.now() - started, options.output)}\n`);
    return getExitCode(outcome, options.failOn);
  } finally {
    progress.stop();
    process.removeListener("SIGINT", onInterrupt);
  }
}

type Report = (exitCode: number) => void;

function documentOptions(command: Command, { batch }: { batch: boolean }): Command {
  command
    .option("-o, --output <dir>", "output directory", "out")
    .option("-c, --config <file>", "YAML file of label aliases, merged over the built-in config/default.yaml")
    .option("-j, --jobs <n>", "worker threads (default: the number of cores)")
    .option("--timeout <seconds>", "time limit per document; the worker is replaced when it is exceeded", "60")
    .option("--max-unzipped <MB>", "refuse a .docx whose zip declares more than this uncompressed (zip bombs)", "200")
    .addOption(
      new Option(
        "--fail-on <severity>",
        "exit 1 when findings of this severity (or worse) exist, or (partial) a document was not read completely",
      )
        .choices(["error", "warning", "partial", "none"])
        .default("none"),
    )
    .option("-q, --quiet", "no progress bar and no summary line");
  if (batch) {
    command
      .option("--force", "process every input again, even those unchanged since the manifest")
      .option(
        "--shard <i/n>",
        "process only part i of n of the inputs (split by a hash of each path), for several machines",
      );
  } else {
    command.option("--stdout", "print the JSON to standard output instead of writing files");
  }
  return command;
}

/** Builds the command-line program; each command hands its exit code to `report`. */
export function buildProgram(report: Report = () => {}): Command {
  const program = new Command("jixiao")
    .description(
      "把部门预算绩效目标 Word 文档转换为结构化数据，并核对文字部分与表格的矛盾。\n" +
        "Turns budget performance-target Word documents into validated data and audits them.\n\n" +
        "Without a command: the batch job. Every .docx/.doc under the inputs is extracted and audited into\n" +
        "<output>/<file>.json, .report.md and .report.html, plus index.html, batch.xlsx, indicators.csv,\n" +
        "findings.csv and documents.ndjson. Unchanged files are skipped on a rerun (out/manifest.json).",
    )
    .version(VERSION)
    .argument("[inputs...]", ".docx/.doc files or directories (searched recursively)")
    .enablePositionalOptions()
    .showHelpAfterError()
    .exitOverride()
    .action(async (inputs: string[], options: unknown) => {
      if (inputs.length === 0) throw new UsageError("no inputs: give files or directories (see --help)");
      report(await runDocuments(inputs, options, ["json", "markdown", "html"], true));
    });
  documentOptions(program, { batch: true });
  documentOptions(
    program
      .command("extract")
      .description("extract Part 2 tables and Part 1 narrative into <output>/<file>.json")
      .argument("<inputs...>", ".docx/.doc files or directories"),
    { batch: false },
  ).action(async (inputs: string[], options: unknown) => report(await runDocuments(inputs, options, ["json"], false)));
  documentOptions(
    program
      .command("audit")
      .description("extract and write the mismatch reports: <file>.json, <file>.report.md, <file>.report.html")
      .argument("<inputs...>", ".docx/.doc files or directories"),
    { batch: false },
  ).action(async (inputs: string[], options: unknown) =>
    report(await runDocuments(inputs, options, ["json", "markdown", "html"], false)),
  );
  program
    .command("inspect")
    .description(
      "show how a document is read: each table's role, which labels and columns matched, what was left unmapped",
    )
    .argument("<file>", "a .docx/.doc file")
    .option("-c, --config <file>", "YAML file of label aliases to try")
    .option("--json", "print the inspection as JSON")
    .action(async (file: string, options: { config?: string; json?: boolean }) => {
      const config = await loadConfig(options.config);
      const bytes = await readFile(file).catch(() => {
        throw new UsageError(`no such file: ${file}`);
      });
      const { inspectBuffer } = await import("../api.js");
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
    .command("schema")
    .description("print the JSON Schema of the document JSON")
    .action(() => {
      process.stdout.write(`${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
      report(0);
    });
  program
    .command("merge")
    .description("merge the output folders of --shard runs into one set of batch outputs")
    .argument("<dirs...>", "output folders of shard runs")
    .requiredOption("-o, --output <dir>", "the merged output folder")
    .option("-q, --quiet", "no summary line")
    .action(async (dirs: string[], options: { output: string; quiet?: boolean }) => {
      const summaries = await mergeOutputs(dirs, options.output, VERSION);
      if (!options.quiet)
        process.stderr.write(
          `已合并 ${dirs.length} 个目录，共 ${summaries.length} 个文档，输出目录：${options.output}\n`,
        );
      report(summaries.some((s) => s.status !== "ok") ? 1 : 0);
    });
  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  try {
    await buildProgram((code) => (exitCode = code)).parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof MergeError) {
      process.stderr.write(`jixiao: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
