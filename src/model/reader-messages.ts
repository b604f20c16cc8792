/**
 * mammoth's messages (English) in Chinese, for the reader. The English original stays in the warning's
 * `params.message`; a message not listed here is shown as written, marked as the reader's own words.
 */

const STYLE_KINDS: Readonly<Record<string, string>> = {
  paragraph: "段落",
  run: "字符",
  table: "表格",
  numbering: "编号",
};

const styleKind = (kind: string | undefined): string => STYLE_KINDS[(kind ?? "").toLowerCase()] ?? kind ?? "";

/** Each known message: its pattern and its Chinese wording from the captured parts. */
const READER_MESSAGES: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [
    /^Unrecognised (paragraph|run|table|numbering) style: '(.*)' \(Style ID: (.*)\)$/isu,
    (m) => `${styleKind(m[1])}样式“${m[2]}”（样式编号 ${m[3]}）没有对应的格式映射`,
  ],
  [/^An unrecognised element was ignored: (.*)$/isu, (m) => `无法识别的元素 ${m[1]} 已被忽略`],
  [/^Unsupported break type: (.*)$/isu, (m) => `不支持的分隔符类型 ${m[1]} 已被忽略`],
  [
    /^Ignoring complex field end character without corresponding start character$/isu,
    () => "域代码的结束符没有对应的开始符，已忽略",
  ],
  [
    /^Ignoring complex field separator character without corresponding start character$/isu,
    () => "域代码的分隔符没有对应的开始符，已忽略",
  ],
  [
    /^A w:sym element with an unsupported character was ignored: char (.*) in font (.*)$/isu,
    (m) => `字体 ${m[2]} 中不支持的符号字符 ${m[1]} 已被忽略`,
  ],
  [
    /^unexpected non-row element in table, cell merging may be incorrect$/isu,
    () => "表格中有不是行的元素，单元格合并可能不正确",
  ],
  [
    /^unexpected non-cell element in table row, cell merging may be incorrect$/isu,
    () => "表格行中有不是单元格的元素，单元格合并可能不正确",
  ],
  [
    /^(paragraph|run|table|numbering) style with ID (.*) was referenced but not defined in the document$/isu,
    (m) => `文档引用了未定义的${styleKind(m[1])}样式（样式编号 ${m[2]}）`,
  ],
  [/^Could not find image file for a:blip element$/isu, () => "找不到图片文件（a:blip），图片已忽略"],
  [/^A v:imagedata element without a relationship ID was ignored$/isu, () => "一个没有关系编号的图片元素已忽略"],
  [/^Image of type (.*) is unlikely to display in web browsers$/isu, (m) => `图片类型 ${m[1]} 在浏览器中可能无法显示`],
];

/** A mammoth message in Chinese; one we do not know is returned as written, prefixed 原文. */
export function readerMessageInChinese(message: string): string {
  for (const [pattern, wording] of READER_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return wording(match);
  }
  return `原文：${message}`;
}
