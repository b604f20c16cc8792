import type { ColumnRole, DutyRole, HeaderField, IndicatorSet, LabelConfig } from "../config/index.js";
import { textCachePerOwner } from "../memoise.js";
import { labelKey, moneyUnitFactors } from "../text.js";

/** Alias lookups built once per configuration. */
export interface LabelIndex {
  readonly header: ReadonlyMap<string, HeaderField>;
  readonly columns: ReadonlyMap<string, ColumnRole>;
  readonly dutyColumns: ReadonlyMap<string, DutyRole>;
  readonly indicatorSets: ReadonlyMap<string, IndicatorSet>;
  readonly extraColumns: ReadonlyMap<string, "extra">;
  /** Labels known and not modelled (主管部门, 项目属性). */
  readonly otherLabels: ReadonlyMap<string, "other">;
  readonly unitPrefixes: readonly string[];
  /** Words that open the form's closing rows (盖章, 审核意见, 填报人, 日期), folded as labels are. */
  readonly blockEnd: readonly string[];
  readonly moneyUnits: Readonly<Record<string, number>>;
  readonly headerRequires: readonly ColumnRole[];
  readonly headerRequiresAnyOf: readonly ColumnRole[];
}

function invert<K extends string>(aliases: Record<K, string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, list] of Object.entries(aliases) as [K, string[]][]) {
    for (const alias of list) if (!map.has(labelKey(alias))) map.set(labelKey(alias), key);
  }
  return map;
}

/** Builds the lookups of a label configuration. */
export function indexLabels(config: LabelConfig): LabelIndex {
  return {
    header: invert(config.header),
    columns: invert(config.indicatorColumns),
    dutyColumns: invert(config.dutyColumns),
    indicatorSets: invert(config.indicatorSets),
    extraColumns: new Map(config.extraColumns.map((c) => [labelKey(c), "extra"])),
    otherLabels: new Map(config.otherLabels.map((c) => [labelKey(c), "other"])),
    unitPrefixes: config.unitPrefixes.map(labelKey),
    blockEnd: config.blockEnd.map(labelKey),
    moneyUnits: moneyUnitFactors(config),
    headerRequires: config.indicatorHeaderRequires,
    headerRequiresAnyOf: config.indicatorHeaderRequiresAnyOf,
  };
}

/** The period a label qualifier names: the multi-year period's (中期/长期) or the year's (年度/当年). */
export type Period = "midTerm" | "annual";

/** A label read by its normal form: the alias it matched, and the qualifiers written around its core. */
export interface LabelMatch<K extends string> {
  readonly key: K;
  /** A money unit in the label (`项目资金（万元）`), as written in the configuration's money units. */
  readonly unit: string | null;
  /** The period a qualifier or a leading word names (`（长期）`, `当年`, `年度资金总额`), else null. */
  readonly period: Period | null;
}

/** Marks before a label (`*项目名称`) and punctuation after it (`年度资金总额：`). */
const LEADING_MARKS = /^[*★※#]+/u;
const TRAILING_PUNCTUATION = /[:;,.、。·*]+$/u;
/** Bracketed qualifiers, after NFKC has made （） into (): `（万元）`, `（长期）`, `（2023年-2025年）`, `（盖章）`. */
const BRACKETED = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/gu;
const WITHIN = /^其中:?/u;
const PERIOD_PREFIX = /^(?:中长期|中期|长期|总体目标|总目标|本年度|年度|当年|本年|全年)/u;
/** The verb after an amount label (中央补助安排, 省级财政安排). */
const ARRANGED = /(?:安排|安排资金)$/u;
const PERIOD_WORDS: Readonly<Record<string, Period>> = {
  中长期: "midTerm",
  总体目标: "midTerm",
  总目标: "midTerm",
  中期: "midTerm",
  长期: "midTerm",
  本年度: "annual",
  年度: "annual",
  当年: "annual",
  本年: "annual",
  全年: "annual",
};

/** The word each period is canonically written with: `本年度目标` is looked up as `年度目标`, `长期绩效指标` as `中期绩效指标`. */
const PERIOD_CANONICAL: Readonly<Record<Period, string>> = { midTerm: "中期", annual: "年度" };

/**
 * The level of government a funding label may start with (`市财政资金`, `县级财政资金`, `本级财政资金`): tried without it when
 * the label does not match as written.
 */
const LEVEL_PREFIX = /^(?:中央|省级|省|市级|市|县级|县|区级|区|乡镇|乡|镇|本级)/u;

/** Variant characters folded before lookup (`其它资金` is `其他资金`). */
const VARIANTS: readonly (readonly [RegExp, string])[] = [[/其它/gu, "其他"]];

function foldVariants(key: string): string {
  return VARIANTS.reduce((text, [from, to]) => text.replace(from, to), key);
}

function periodOf(qualifier: string): Period | null {
  const word = PERIOD_WORDS[qualifier];
  if (word) return word;
  const years = qualifier.match(/\d{4}(?:年|$)/gu) ?? [];
  return years.length >= 2 ? "midTerm" : years.length === 1 && /^\d{4}年?(?:度)?$/u.test(qualifier) ? "annual" : null;
}

/**
 * The forms a label is looked up in, most literal first: as written (folded), without leading marks and
 * trailing punctuation, without its bracketed qualifiers and a leading 其中, and without a leading period word.
 * Each form carries the qualifiers removed to reach it.
 */
function labelForms(
  text: string,
  moneyUnits: Readonly<Record<string, number>>,
): { form: string; unit: string | null; period: Period | null }[] {
  const key = foldVariants(labelKey(text));
  const trimmed = key.replace(LEADING_MARKS, "").replace(TRAILING_PUNCTUATION, "");
  let unit: string | null = null;
  let period: Period | null = null;
  const core = trimmed
    .replace(BRACKETED, (_, inner: string) => {
      const word = inner.replace(TRAILING_PUNCTUATION, "");
      if (word in moneyUnits) unit ??= word;
      period ??= periodOf(word);
      return "";
    })
    .replace(WITHIN, "")
    .replace(TRAILING_PUNCTUATION, "");
  const prefix = PERIOD_PREFIX.exec(core)?.[0];
  const forms: { form: string; unit: string | null; period: Period | null }[] = [
    { form: key, unit: null, period: null },
    { form: trimmed, unit: null, period: null },
    { form: core, unit, period },
  ];
  if (prefix && core.length > prefix.length) {
    const named = PERIOD_WORDS[prefix] ?? null;
    const rest = core.slice(prefix.length);
    forms.push({ form: rest, unit, period: period ?? named });
    // The same period in its canonical word (本年度目标 → 年度目标, 长期绩效指标 → 中期绩效指标).
    if (named) forms.push({ form: PERIOD_CANONICAL[named] + rest, unit, period: period ?? named });
  }
  const level = LEVEL_PREFIX.exec(core)?.[0];
  if (level && core.length - level.length >= 2) forms.push({ form: core.slice(level.length), unit, period });
  // An amount label with the verb that arranges it (中央补助安排; 省级财政安排 is 财政).
  const arranged = core.replace(ARRANGED, "");
  if (arranged !== core && arranged.length >= 2) {
    forms.push({ form: arranged, unit, period });
    const arrangedLevel = LEVEL_PREFIX.exec(arranged)?.[0];
    if (arrangedLevel && arranged.length - arrangedLevel.length >= 2) {
      forms.push({ form: arranged.slice(arrangedLevel.length), unit, period });
    }
  }
  return forms;
}

/** matchLabel's results per alias table. */
const matchCache = textCachePerOwner<ReadonlyMap<string, string>, LabelMatch<string> | null>();

/**
 * Matches a cell's text against a table of aliases by the label's normal form (width, spaces, colons and
 * trailing punctuation folded; bracketed qualifiers, 其中 and a leading period word split off), so
 * `年度资金总额：`, `其中 :上级资金`, `预算数（万元）` and `当年预算数` find their alias without one of their own.
 */
export function matchLabel<K extends string>(
  text: string,
  aliases: ReadonlyMap<string, K>,
  moneyUnits: Readonly<Record<string, number>>,
): LabelMatch<K> | null {
  if (text === "" || text.length > 40) return null;
  return matchCache(aliases, text, () => {
    for (const { form, unit, period } of labelForms(text, moneyUnits)) {
      const key = form === "" ? undefined : aliases.get(form);
      if (key !== undefined) {
        // An alias that itself starts with a period word (年度资金总额, 中期目标) still names that period.
        const prefix = PERIOD_PREFIX.exec(form)?.[0];
        return { key, unit, period: period ?? (prefix ? (PERIOD_WORDS[prefix] ?? null) : null) };
      }
    }
    return null;
  }) as LabelMatch<K> | null;
}

/** A level before a project label (`一级项目名称`, `二级项目编码`): the project hierarchy of a 项目库. */
const PROJECT_LEVEL = /^([一二三四五])级(?=项目)/u;
const JOINED = /^(.{2,10}?)(?:和|及|与|以及)(.{1,8})$/u;
const LEVEL_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
/** The header fields a level qualifies: the project's identity (its programme is the level above). */
const LEVELLED_FIELDS: ReadonlySet<HeaderField> = new Set(["code", "name"]);

/** A header label's field and the qualifiers written around its core. */
export interface HeaderLabelMatch {
  readonly field: HeaderField;
  readonly unit: string | null;
  readonly period: Period | null;
  /** The project level of `二级项目名称` (2), null when the label names none; the deepest level is the project. */
  readonly level: number | null;
}

/**
 * The header field a cell's text labels, by its normal form (see {@link matchLabel}); a money unit in a
 * qualifier (`项目资金（万元）`), a period (`（长期）`, `当年`) and a project level (`二级项目名称`) are returned
 * with it.
 */
export function matchHeaderLabel(text: string, labels: LabelIndex): HeaderLabelMatch | null {
  const match = matchLabel(text, labels.header, labels.moneyUnits);
  if (match) return { field: match.key, unit: match.unit, period: match.period, level: null };
  const key = labelKey(text);
  // Two things named in one label (`年度主要目标和成果`, `项目名称及编码`): the first is what the value is read as.
  const joined = JOINED.exec(key);
  const first = joined ? matchLabel(joined[1]!, labels.header, labels.moneyUnits) : null;
  if (first) return { field: first.key, unit: first.unit, period: first.period, level: null };
  const level = PROJECT_LEVEL.exec(key);
  if (!level) return null;
  const rest = matchLabel(key.slice(level[0].length), labels.header, labels.moneyUnits);
  return rest && LEVELLED_FIELDS.has(rest.key)
    ? { field: rest.key, unit: rest.unit, period: rest.period, level: LEVEL_NUMBERS[level[1]!]! }
    : null;
}

/**
 * Whether a cell is a label we know and do not model (主管部门, 项目属性, …; see `otherLabels` in the YAML), by
 * its normal form, and also when a short lead qualifies it (`业务主管部门`, `项目实施单位`), when it names two
 * things (`项目负责人及电话`), or when it is the code of a known label (`主管部门编码`).
 */
export function isOtherLabel(text: string, labels: LabelIndex): boolean {
  if (matchColumnLabel(text, labels.otherLabels, labels.moneyUnits)) return true;
  const key = labelKey(text).replace(TRAILING_PUNCTUATION, "");
  const joined = JOINED.exec(key);
  if (joined && matchLabel(joined[1]!, labels.otherLabels, labels.moneyUnits)) return true;
  const coded = /^(.{2,10}?)(?:编码|代码|编号)$/u.exec(key);
  return coded !== null && (matchHeaderLabel(coded[1]!, labels) !== null || isOtherLabel(coded[1]!, labels));
}

/** matchColumnLabel's results by the alias a header ends with, per alias table. */
const suffixCache = textCachePerOwner<ReadonlyMap<string, string>, LabelMatch<string> | null>();

/**
 * Matches an indicator table's column header like {@link matchLabel}, and else by the longest alias of three or
 * more characters it ends with after a short lead (`指标目标值`, `预期指标值`, `绩效指标名称`): a column header
 * qualifies its core with words before it, and only within a header row that also has level columns.
 */
export function matchColumnLabel<K extends string>(
  text: string,
  aliases: ReadonlyMap<string, K>,
  moneyUnits: Readonly<Record<string, number>>,
): LabelMatch<K> | null {
  const match = matchLabel(text, aliases, moneyUnits);
  if (match || text === "" || text.length > 12) return match;
  return suffixCache(aliases, text, () => {
    const { form: core, unit, period } = labelForms(text, moneyUnits)[2]!;
    // A trailing 名称 names the column it follows (一级指标名称 is 一级指标, not a 指标名称 after a lead).
    const unnamed = core.replace(/名称$/u, "");
    const named = unnamed.length >= 3 ? aliases.get(unnamed) : undefined;
    let best: { alias: string; key: K } | null = named === undefined ? null : { alias: core, key: named };
    for (const [alias, key] of aliases) {
      const lead = core.length - alias.length;
      if (
        alias.length >= 3 &&
        lead >= 1 &&
        lead <= 4 &&
        core.endsWith(alias) &&
        alias.length > (best?.alias.length ?? 0)
      ) {
        best = { alias, key };
      }
    }
    return best && { key: best.key, unit, period };
  }) as LabelMatch<K> | null;
}

/** A label and its value written in one cell (`填报单位（盖章）：某某局`, `上级资金 2.5`). */
export function splitLabelValue(text: string, labels: LabelIndex): (HeaderLabelMatch & { value: string }) | null {
  if (matchHeaderLabel(text, labels)) return null;
  for (const at of text.matchAll(/[:：]|\s+/gu)) {
    if (at.index === 0) continue;
    if (at.index > 30) break;
    const value = text.slice(at.index + at[0].length).trim();
    const match = value === "" ? null : matchHeaderLabel(text.slice(0, at.index), labels);
    if (match) return { ...match, value };
  }
  return null;
}

/** Whether a cell opens the form's closing rows: `（盖章）`, `审核意见：`, `填报人：张三`, `日期：2025年1月`. */
export function isBlockEnd(text: string, labels: LabelIndex): boolean {
  const key = labelKey(text).replace(/[()[\]【】〔〕]/gu, "");
  if (key === "") return false;
  // A qualified label ends with the word (主管部门审核意见, 财政局审批意见); only words of four characters or more,
  // so that an indicator named …日期 is not taken for the date row.
  const label = key.replace(TRAILING_PUNCTUATION, "");
  return labels.blockEnd.some((word) => key.startsWith(word) || (word.length >= 4 && label.endsWith(word)));
}

const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);

/** The money unit a paragraph states (`单位：万元`, `金额单位：元`), anywhere in it; null when none. */
export function unitInText(text: string, labels: LabelIndex): string | null {
  const key = labelKey(text);
  const units = Object.keys(labels.moneyUnits).sort((a, b) => b.length - a.length);
  for (const prefix of longestFirst(labels.unitPrefixes)) {
    // 填报单位：某某局 单位：万元 — every occurrence is tried, not only the first.
    for (let at = key.indexOf(prefix); at >= 0; at = key.indexOf(prefix, at + 1)) {
      const rest = key.slice(at + prefix.length);
      const unit = units.find((u) => rest.startsWith(u));
      if (unit) return unit;
    }
  }
  return null;
}

/**
 * The money unit a paragraph states and the text before it: `304001某某局本级⇥单位：元` gives 元 and
 * `304001某某局本级`; null when the paragraph states no unit.
 */
export function unitInParagraph(text: string, labels: LabelIndex): { unit: string; before: string } | null {
  const unit = unitInText(text, labels);
  if (unit === null) return null;
  const folded = text.normalize("NFKC");
  const source = folded.length === text.length ? text : folded;
  // 金额单位：万元 is one statement, not 单位：万元 after the word 金额.
  for (const prefix of longestFirst(labels.unitPrefixes)) {
    const pattern = [...prefix].map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")).join("\\s*");
    const m = new RegExp(`${pattern}\\s*${[...unit].join("\\s*")}`, "u").exec(folded);
    if (m) return { unit, before: source.slice(0, m.index).trim() };
  }
  return { unit, before: "" };
}

/**
 * The department a cell or paragraph names: the value after a 填报单位/部门名称 label written in the same text
 * (`填报单位（盖章）：某某局` → 某某局), the text itself when it has no label, null when it is only a label.
 */
export function departmentIn(text: string, labels: LabelIndex): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const split = splitLabelValue(trimmed, labels);
  if (split && (split.field === "submitter" || split.field === "department")) return split.value;
  const whole = matchHeaderLabel(trimmed, labels);
  return whole ? null : trimmed;
}

/** The unit word of a `单位：元` cell, or null when the cell is not a unit statement. */
export function unitStatement(text: string, labels: LabelIndex): string | null {
  const key = labelKey(text);
  const prefix = labels.unitPrefixes.find((p) => key.startsWith(p));
  return prefix === undefined ? null : key.slice(prefix.length);
}

/**
 * An indicator column header by its normal form, else by the alias it ends with after a short lead (`绩效指标值`,
 * `考核指标名称`, `项目一级指标`): {@link matchColumnLabel} over the column aliases.
 */
export function matchColumn(text: string, labels: LabelIndex): LabelMatch<ColumnRole> | null {
  return matchColumnLabel(text, labels.columns, labels.moneyUnits);
}

/**
 * The text a label writes in brackets other than a period (`指标值（%）` gives %, `指标值（年度）` nothing), the
 * first such bracket; null when there is none.
 */
export function bracketQualifier(text: string): string | null {
  for (const m of labelKey(text).matchAll(BRACKETED)) {
    const inner = m[1]!.replace(TRAILING_PUNCTUATION, "");
    if (inner !== "" && !PERIOD_WORDS[inner] && periodOf(inner) === null) return inner;
  }
  return null;
}

/**
 * The period a sub-header label names: a period word (中期, 年度, 当年), a year or span of years (2025年,
 * 2023-2025年), a set label (中期目标) or a column label with a period (年度指标值); null otherwise.
 */
export function periodLabel(text: string, labels: LabelIndex): Period | null {
  const key = labelKey(text).replace(TRAILING_PUNCTUATION, "");
  if (key === "") return null;
  return (
    PERIOD_WORDS[key] ??
    periodOf(key) ??
    captionSet(text, labels) ??
    matchColumn(text, labels)?.period ??
    (PERIOD_PREFIX.test(key) ? (PERIOD_WORDS[PERIOD_PREFIX.exec(key)![0]] ?? null) : null)
  );
}

/**
 * The indicator set a block caption names: `年度绩效指标`, `长期绩效指标`, `总目标绩效指标`, `本年度绩效指标`,
 * `年度绩效目标(90分)` (a set label by its normal form, a period word in its canonical spelling); null otherwise.
 */
export function captionSet(text: string, labels: LabelIndex): IndicatorSet | null {
  return matchLabel(text, labels.indicatorSets, labels.moneyUnits)?.key ?? null;
}

/**
 * The money unit a label states in a bracket when the label itself is not one we map (`项目资金申请(万元)`,
 * `项目预算（万元）`): the bracket holds exactly a money unit and the text around it is a label (no digits).
 */
export function unitQualifier(text: string, labels: LabelIndex): string | null {
  if (text === "" || text.length > 40) return null;
  const key = labelKey(text);
  let unit: string | null = null;
  const outside = key.replace(BRACKETED, (_, inner: string) => {
    const word = inner.replace(TRAILING_PUNCTUATION, "");
    if (word in labels.moneyUnits) unit ??= word;
    return "";
  });
  return unit !== null && outside !== "" && !/\d/u.test(outside) ? unit : null;
}
