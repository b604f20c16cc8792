import type { BatchResult } from "../batch/run.js";
import { addTally, emptyTally } from "../model/severity.js";
import type { RunOutcome } from "./exit-code.js";

/** The exit-code view of a batch result. */
export function countOutcome(
  result: BatchResult,
): RunOutcome & { projects: number; indicators: number; documents: number; unchecked: number } {
  const findings = emptyTally();
  let projects = 0;
  let indicators = 0;
  for (const s of result.summaries) {
    projects += s.projects;
    indicators += s.indicators;
    addTally(findings, s.findings);
  }
  const failed = result.summaries.filter((s) => s.status !== "ok").length;
  const unchecked = result.summaries.filter((s) => s.status === "ok" && s.unchecked.length > 0).length;
  const incomplete = result.summaries.filter((s) => s.status === "ok" && s.completeness !== "complete").length;
  return {
    documents: result.summaries.length - failed,
    unchecked,
    projects,
    indicators,
    findings,
    failed,
    incomplete,
    interrupted: result.interrupted,
  };
}

/**
 * The closing line of every run: how many documents, how many succeeded and failed, how many were processed now
 * and how many kept from the last run, what was skipped, then what was found. Chinese, with the English gist after.
 */
export function summaryLine(
  outcome: ReturnType<typeof countOutcome>,
  result: BatchResult,
  elapsedMs: number,
  outDir: string,
): string {
  const total = result.summaries.length;
  const reused = total - result.processed;
  const skipped = result.skipped.length;
  const { error, warning, info } = outcome.findings;
  const chinese = [
    `共 ${total} 个文档（本次处理 ${result.processed}，未变化跳过 ${reused}）：成功 ${outcome.documents}，失败 ${outcome.failed}`,
    skipped > 0 ? `另有 ${skipped} 个非 Word 文件未处理` : null,
    `${outcome.projects} 个项目，${outcome.indicators} 个指标`,
    outcome.unchecked > 0 ? `其中未核对 ${outcome.unchecked} 个（第一部分与第二部分未能相互核对）` : null,
    outcome.incomplete > 0 ? `需核对（未完整读取）${outcome.incomplete} 个` : null,
    `问题：错误 ${error}，警告 ${warning}，提示 ${info}`,
    `用时 ${(elapsedMs / 1000).toFixed(1)} 秒`,
    `输出目录：${outDir}${outcome.interrupted ? "（已中断）" : ""}`,
  ];
  const english = [
    `${total} document${total === 1 ? "" : "s"}: ${outcome.documents} ok, ${outcome.failed} failed`,
    `${result.processed} processed, ${reused} unchanged`,
    skipped > 0 ? `${skipped} not Word, skipped` : null,
    outcome.unchecked > 0 ? `${outcome.unchecked} not cross-checked` : null,
    outcome.incomplete > 0 ? `${outcome.incomplete} not read completely` : null,
    `${error} errors, ${warning} warnings`,
  ];
  const join = (parts: readonly (string | null)[], separator: string) =>
    parts.filter((part) => part !== null).join(separator);
  return `${join(chinese, "；")} (${join(english, "; ")})`;
}
