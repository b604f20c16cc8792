import { Help } from "commander";

/** A message for the user: Chinese first, then the English in brackets, as the read errors are written. */
export function bilingual(chinese: string, english: string): string {
  return `${chinese} (${english})`;
}

/** What the CLI says about a usage problem, by kind; each one in Chinese with the English after it. */
export const USAGE = {
  noInputs: () =>
    bilingual("没有给出输入：请给出文件或目录（见 --help）", "no inputs: give files or directories, see --help"),
  missing: (paths: readonly string[]) =>
    bilingual(`找不到文件或目录：${paths.join("，")}`, `no such file or directory: ${paths.join(", ")}`),
  missingFolders: (paths: readonly string[]) =>
    bilingual(`找不到目录：${paths.join("，")}`, `no such folder: ${paths.join(", ")}`),
  unknownCommand: (name: string, suggestion: string | null) =>
    suggestion
      ? bilingual(
          `未知命令“${name}”，是否想用“${suggestion}”？（也没有名为 ${name} 的文件或目录）`,
          `unknown command "${name}"; did you mean "${suggestion}"?`,
        )
      : bilingual(`未知命令或找不到文件：${name}`, `unknown command or no such file: ${name}`),
  outputIsFile: (path: string) =>
    bilingual(`输出位置“${path}”是一个文件，-o 需要一个目录`, `-o must name a directory, but ${path} is a file`),
  config: (path: string) => bilingual(`无法读取配置文件 ${path}`, `cannot read the configuration file ${path}`),
  noSuchFile: (path: string) => bilingual(`找不到文件：${path}`, `no such file: ${path}`),
  webNotBuilt: () =>
    bilingual("网页版尚未构建：请先运行 npm run build", "the web page has not been built: run npm run build first"),
  annotateStdout: () =>
    bilingual(
      "--annotate 会写出批注版文档，不能与 --stdout 同时使用",
      "--annotate writes files and cannot be used with --stdout",
    ),
  annotatePrint: () =>
    bilingual(
      "--annotate 会写出批注版文档，请用 -o 给出输出目录",
      "--annotate writes files: give an output folder with -o",
    ),
  formatWithOutput: () =>
    bilingual(
      "--format 用于打印到终端，不能与 -o 或 --stdout 同时使用",
      "--format prints to the terminal: not with -o or --stdout",
    ),
  year: () => bilingual("--year 需要一个年份，例如 2025", "--year takes a year such as 2025"),
  noWordFiles: (inputs: readonly string[]) =>
    bilingual(
      `在 ${inputs.join("，")} 中没有找到 Word 文档（.docx/.doc），未写出任何文件`,
      `no Word documents (.docx/.doc) found in ${inputs.join(", ")}; nothing was written`,
    ),
  jobs: () => bilingual("--jobs 必须是不小于 1 的整数", "--jobs must be a whole number of at least 1"),
  timeout: () => bilingual("--timeout 必须是正数（秒）", "--timeout must be a positive number of seconds"),
  maxUnzipped: () =>
    bilingual("--max-unzipped 必须是正数（MB）", "--max-unzipped must be a positive number of megabytes"),
  shard: (value: string) =>
    bilingual(
      `--shard 的格式是 i/n（1 ≤ i ≤ n），而不是“${value}”`,
      `--shard takes i/n with 1 ≤ i ≤ n, not "${value}"`,
    ),
} as const;

/** Chinese for commander's own usage errors, recognised by its English message (which follows the Chinese). */
const COMMANDER: readonly (readonly [RegExp, string])[] = [
  [/^unknown option/u, "未知选项"],
  [/^unknown command/u, "未知命令"],
  [/^missing required argument/u, "缺少必需的参数"],
  [/^option .* argument missing/u, "选项缺少取值"],
  [/^required option .* not specified/u, "缺少必需的选项"],
  [/argument .* is invalid/u, "选项取值无效"],
  [/^too many arguments/u, "参数过多"],
  [/cannot be used with/u, "选项不能同时使用"],
];

/** Commander's message for a usage error, with the Chinese before the English. */
export function translateCommanderError(message: string): string {
  const english = message.replace(/^error:\s*/u, "").trimEnd();
  const chinese = COMMANDER.find(([pattern]) => pattern.test(english))?.[1];
  return chinese ? `jixiao: ${bilingual(chinese, english)}\n` : message;
}

/** Edit distance with transpositions (Damerau–Levenshtein, optimal string alignment). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/**
 * Whether a missing input looks like a mistyped command (a bare word, no path or extension), and the closest
 * command if one is near (at most 2 edits, or a prefix).
 */
export function commandTypo(arg: string, commands: readonly string[]): { suggestion: string | null } | null {
  if (!/^[a-z][a-z-]*$/iu.test(arg)) return null;
  const word = arg.toLowerCase();
  const ranked = commands
    .map((command) => ({ command, d: command.startsWith(word) ? 0.5 : distance(word, command) }))
    .sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return { suggestion: best && best.d <= 2 ? best.command : null };
}

/** Terminal columns of a string: CJK and full-width characters take two. */
function columns(text: string): number {
  let width = 0;
  for (const c of text.replace(/\x1b\[[0-9;]*m/gu, ""))
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c)
      ? 2
      : 1;
  return width;
}

const CJK = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u;
/** Punctuation a line never starts with (closing marks, and ASCII punctuation next to CJK text). */
const NO_BREAK_BEFORE = /[，。；：、）」』”！？》!-/:-@[-`{-~]/u;
/** Punctuation a line never ends with (opening marks, and ASCII punctuation next to CJK text). */
const NO_BREAK_AFTER = /[（「『“《!-/:-@[-`{-~]/u;

/** A line cut into the pieces between which it may break: at spaces, and between CJK characters. */
function breakable(line: string): string[] {
  const pieces: string[] = [];
  let current = "";
  let previous = "";
  for (const c of line) {
    const space = /\s/u.test(c);
    const cjkBreak =
      (CJK.test(previous) || CJK.test(c)) &&
      !/\s/u.test(previous) &&
      !NO_BREAK_BEFORE.test(c) &&
      !NO_BREAK_AFTER.test(previous);
    if (current.trim() !== "" && ((space && !/\s/u.test(previous)) || (!space && cjkBreak))) {
      pieces.push(current);
      current = "";
    }
    current += c;
    previous = c;
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

/**
 * Help that wraps Chinese text cleanly: widths count a CJK character as two columns, and a line may break
 * between CJK characters (commander alone breaks only at spaces, so a Chinese sentence would run past the edge).
 */
export class BilingualHelp extends Help {
  override displayWidth(text: string): number {
    return columns(text);
  }

  override boxWrap(text: string, width: number): string {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r?\n/u)
      .map((line) => {
        const lines: string[] = [];
        let current = "";
        for (const piece of breakable(line)) {
          if (current.trim() !== "" && columns(current) + columns(piece) > width) {
            lines.push(current.trimEnd());
            current = piece.trimStart();
          } else current += piece;
        }
        lines.push(current.trimEnd());
        return lines.join("\n");
      })
      .join("\n");
  }
}
