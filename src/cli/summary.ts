import type { BatchResult } from "../batch/run.js";
import type { RunOutcome } from "./exit-code.js";

/** The exit-code view of a batch result. */
export function countOutcome(
  result: BatchResult,
): RunOutcome & { projects: number; indicators: number; documents: number } {
  const findings = { error: 0, warning: 0, info: 0 };
  let projects = 0;
  let indicators = 0;
  for (const s of result.summaries) {
    projects += s.projects;
    indicators += s.indicators;
    findings.error += s.findings.error ?? 0;
    findings.warning += s.findings.warning ?? 0;
    findings.info += s.findings.info ?? 0;
  }
  const failed = result.summaries.filter((s) => s.status !== "ok").length;
  const incomplete = result.summaries.filter((s) => s.status === "ok" && s.completeness !== "complete").length;
  return {
    documents: result.summaries.length - failed,
    projects,
    indicators,
    findings,
    failed,
    incomplete,
    interrupted: result.interrupted,
  };
}

/** The closing line of every run. */
export function summaryLine(
  outcome: ReturnType<typeof countOutcome>,
  result: BatchResult,
  elapsedMs: number,
  outDir: string,
): string {
  const reused = result.summaries.length - result.processed;
  return [
    `${outcome.documents} 个文档（本次处理 ${result.processed}，未变化跳过 ${reused}），${outcome.projects} 个项目，${outcome.indicators} 个指标`,
    `问题：错误 ${outcome.findings.error}，警告 ${outcome.findings.warning}，提示 ${outcome.findings.info}`,
    `需核对（未完整读取）${outcome.incomplete}`,
    `失败 ${outcome.failed}`,
    result.skipped.length > 0 ? `跳过非 Word 文件 ${result.skipped.length}` : null,
    `用时 ${(elapsedMs / 1000).toFixed(1)} 秒`,
    `输出目录：${outDir}${outcome.interrupted ? "（已中断）" : ""}`,
  ]
    .filter((part) => part !== null)
    .join("；");
}
