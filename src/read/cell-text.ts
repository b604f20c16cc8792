/**
 * A spreadsheet cell's text as the spreadsheet shows it: numbers through their number format (0.95 under `0%`
 * is `95%`, 8540000 under `#,##0.00` is `8,540,000.00`), dates as dates, formulas by their cached result, rich
 * text joined. Only the parts of Excel's format language that 申报表 use are interpreted: sections, percent,
 * decimals, thousands separators, quoted literals and date/time codes; anything else falls back to the
 * General format, so a number is never lost, only shown plainly.
 */

/** The shapes a cell value takes in exceljs, as plain data. */
export type CellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { readonly richText: readonly { readonly text: string }[] }
  | { readonly text: string | { readonly richText: readonly { readonly text: string }[] }; readonly hyperlink?: string }
  | { readonly formula?: string; readonly sharedFormula?: string; readonly result?: unknown }
  | { readonly error: string };

/** General: up to 11 significant digits, without binary-fraction noise (0.1 + 0.2 shows 0.3). */
function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(11)));
}

/** The first section of a format (`pos;neg;zero;text`), for a value of that sign. */
function section(format: string, value: number): string {
  const sections = splitSections(format);
  if (value < 0 && sections[1] !== undefined) return sections[1];
  if (value === 0 && sections[2] !== undefined) return sections[2];
  return sections[0] ?? format;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** A format section split into its literal text (quoted, escaped, or plain CJK/unit letters) and its codes. */
function literalsAndCodes(sectionText: string): { prefix: string; code: string; suffix: string } {
  let prefix = "";
  let code = "";
  let suffix = "";
  let seenCode = false;
  const add = (text: string, isCode: boolean) => {
    if (isCode) {
      code += text;
      seenCode = true;
    } else if (seenCode) suffix += text;
    else prefix += text;
  };
  for (let i = 0; i < sectionText.length; i++) {
    const ch = sectionText[i]!;
    if (ch === '"') {
      const end = sectionText.indexOf('"', i + 1);
      add(sectionText.slice(i + 1, end < 0 ? undefined : end), false);
      i = end < 0 ? sectionText.length : end;
    } else if (ch === "\\") {
      add(sectionText[i + 1] ?? "", false);
      i++;
    } else if (ch === "[") {
      i = Math.max(i, sectionText.indexOf("]", i)); // colours and conditions: not shown
    } else if (ch === "_" || ch === "*") {
      i++; // padding to the width of the next character: not shown
    } else if ("0#?.,%Ee+-".includes(ch)) {
      add(ch, true);
    } else {
      add(ch, false);
    }
  }
  return { prefix, code, suffix };
}

function formatNumber(value: number, format: string): string {
  const chosen = section(format, value);
  if (/^\s*(general|@)?\s*$/i.test(chosen)) return general(value);
  const { prefix, code, suffix } = literalsAndCodes(chosen);
  if (!/[0#?]/.test(code)) return `${prefix}${general(value)}${suffix}`;
  if (/E[+-]/i.test(code)) return `${prefix}${general(value)}${suffix}`;
  const percent = code.includes("%");
  const scaled = percent ? value * 100 : value;
  const fraction = /\.([0#?]*)/.exec(code)?.[1] ?? "";
  const minDecimals = (fraction.match(/0/g) ?? []).length;
  const maxDecimals = fraction.length;
  const thousands = /[0#?],[0#?]/.test(code);
  // Commas after the last digit placeholder divide by 1,000 each (`#,##0,` shows thousands).
  const trailingCommas = /[0#?](,+)(?:[.%]|$)/.exec(code.replace(/\.[0#?]*/, ""))?.[1]?.length ?? 0;
  const divided = scaled / 1000 ** trailingCommas;
  const sign = value < 0 && splitSections(format).length < 2 ? "-" : "";
  let text = Math.abs(divided).toLocaleString("en-US", {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
    useGrouping: thousands,
  });
  if (/^[#?]*$/.test(code.split(".")[0]?.replace(/[,%]/g, "") ?? "") && text.startsWith("0.")) text = text.slice(1);
  return `${sign}${prefix}${text}${percent ? "%" : ""}${suffix}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date as its format shows it, for the usual Chinese and ISO forms; other formats as yyyy-mm-dd. */
function formatDate(date: Date, format: string | undefined): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const time = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  const f = format ?? "";
  if (/年/.test(f)) {
    if (!/d/i.test(f)) return `${y}年${m}月`;
    return `${y}年${m}月${d}日`;
  }
  if (/^[^d]*y+[^d]*m+[^d]*$/i.test(f) && !/d/i.test(f)) return `${y}-${pad(m)}`;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  return time && /h/i.test(f) ? `${day} ${clock}` : day;
}

/** The text a cell shows. */
export function cellText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value, numFmt ?? "General");
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : formatDate(value, numFmt);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value) return typeof value.text === "string" ? value.text : cellText(value.text, numFmt);
  if ("result" in value) return cellText(value.result as CellValue, numFmt);
  return "";
}
