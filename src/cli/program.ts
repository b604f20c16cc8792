import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { z } from "zod";
import { extractFile } from "../api.js";
import { ConfigError, defaultConfig, type LabelConfig, parseConfig } from "../config/index.js";
import type { JixiaoDocument } from "../model/schema.js";
import { ReadError } from "../read/index.js";
import { extensions, type Format, renderers } from "../render/index.js";
import { type FailOn, getExitCode } from "./exit-code.js";
import { expandInputs } from "../batch/inputs.js";
import { writeFileAtomic } from "./write.js";

const VERSION = "0.1.0";

/** The options every document command takes, checked once; CLI flags pass through this schema. */
const RunOptionsSchema = z.object({
  output: z.string().min(1).default("out"),
  stdout: z.boolean().default(false),
  config: z.string().optional(),
  failOn: z.enum(["error", "warning", "none"]).default("none"),
  quiet: z.boolean().default(false),
});
type RunOptions = z.infer<typeof RunOptionsSchema>;

/** Thrown for a usage problem found after parsing (exit code 2). */
class UsageError extends Error {}

async function loadConfig(path: string | undefined): Promise<LabelConfig> {
  if (path === undefined) return defaultConfig();
  const text = await readFile(path, "utf8").catch(() => {
    throw new UsageError(`cannot read the configuration file ${path}`);
  });
  return parseConfig(text, path);
}

function countFindings(docs: readonly JixiaoDocument[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of docs.flatMap((d) => d.findings)) counts[f.severity]++;
  return counts;
}

/** Processes each input in turn and writes the chosen formats; failures are reported one line each. */
async function runDocuments(inputs: string[], raw: unknown, formats: readonly Format[]): Promise<number> {
  const options: RunOptions = RunOptionsSchema.parse(raw);
  const config = await loadConfig(options.config);
  const { files, skipped, missing } = await expandInputs(inputs);
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(", ")}`);
  for (const s of skipped) process.stderr.write(`jixiao: skipped ${s.path}: ${s.reason}\n`);
  if (files.length === 0) throw new UsageError("no .docx or .doc file among the inputs");
  const docs: JixiaoDocument[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const doc = await extractFile(file.path, { config });
      docs.push(doc);
      if (options.stdout) {
        process.stdout.write(renderers.json(doc));
        continue;
      }
      for (const format of formats) {
        await writeFileAtomic(join(options.output, file.outputStem + extensions[format]), renderers[format](doc));
      }
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      failed++;
      process.stderr.write(`jixiao: ${file.path}: ${error.message}\n`);
    }
  }
  const findings = countFindings(docs);
  if (!options.quiet && !options.stdout) {
    const projects = docs.reduce((n, d) => n + d.projects.length, 0);
    const indicators = docs.reduce((n, d) => n + d.projects.reduce((m, p) => m + p.indicators.length, 0), 0);
    process.stderr.write(
      `${docs.length} 个文档，${projects} 个项目，${indicators} 个指标；问题：错误 ${findings.error}，警告 ${findings.warning}，提示 ${findings.info}；失败 ${failed}。输出目录：${options.output}\n`,
    );
  }
  return getExitCode({ failed, findings }, options.failOn as FailOn);
}

type Report = (exitCode: number) => void;

function documentCommand(program: Command, name: string, description: string, formats: readonly Format[], report: Report): void {
  program
    .command(name)
    .description(description)
    .argument("<inputs...>", ".docx/.doc files or directories (searched recursively)")
    .option("-o, --output <dir>", "output directory", "out")
    .option("--stdout", "print the JSON to standard output instead of writing files")
    .option("-c, --config <file>", "YAML file of label aliases, merged over the built-in config/default.yaml")
    .addOption(new Option("--fail-on <severity>", "exit 1 when findings of this severity (or worse) exist").choices(["error", "warning", "none"]).default("none"))
    .option("-q, --quiet", "no summary line")
    .action(async (inputs: string[], options: unknown) => {
      report(await runDocuments(inputs, options, formats));
    });
}

/** Builds the command-line program; each command hands its exit code to `report`. */
export function buildProgram(report: Report = () => {}): Command {
  const program = new Command("jixiao")
    .description("把部门预算绩效目标 Word 文档转换为结构化数据，并核对文字部分与表格的矛盾。\nTurns budget performance-target Word documents into validated data and audits them.")
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  documentCommand(program, "extract", "extract Part 2 tables and Part 1 narrative into <output>/<file>.json", ["json"], report);
  documentCommand(program, "audit", "extract and write the mismatch reports: <file>.json, <file>.report.md, <file>.report.html", ["json", "markdown", "html"], report);
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
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`jixiao: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
