import type { LabelConfig } from "../config/index.js";
import type { RawField, RawIndicatorRow, RawProject } from "../extract/types.js";
import type { CellRef, Indicator, IndicatorValue, Project, Warning } from "../model/schema.js";
import { type FieldId, warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { labelKey, moneyUnitFactors } from "../text.js";
import { buildCategories, type Categories } from "./categories.js";
import { isKnownUnit, parseIndicatorValue, parseNumber, type ValueGrammar, valueGrammar } from "./value.js";

const categoriesByConfig = new WeakMap<LabelConfig, Categories>();

function categoriesOf(config: LabelConfig): Categories {
  let categories = categoriesByConfig.get(config);
  if (!categories) {
    categories = buildCategories(config);
    categoriesByConfig.set(config, categories);
  }
  return categories;
}

/** Reads an amount cell in the document's unit and returns it in 元; `25万元` written with its own unit works too. */
export function parseAmount(text: string, factor: number, moneyUnits: Readonly<Record<string, number>>): number | null {
  const plain = parseNumber(text);
  if (plain !== null) return roundMoney(plain * factor);
  const value = parseIndicatorValue(text);
  const ownFactor = value.unit === null ? undefined : moneyUnits[labelKey(value.unit)];
  if (value.kind === "quantitative" && value.op === "=" && value.number !== null && ownFactor !== undefined) {
    return roundMoney(value.number * ownFactor);
  }
  return null;
}

/** Where commentary may start after an amount: a bracket, a full-width comma or semicolon, a space. */
const COMMENTARY_START = /[（(；;，、\s]/gu;

/**
 * An amount cell as people write it: a plain amount, or an amount followed by commentary
 * (`854万(其中：上级资金400万元……)`, `120.5 万元；含结转资金`), whose text is kept as a note.
 */
export function parseAmountCell(
  text: string,
  factor: number,
  moneyUnits: Readonly<Record<string, number>>,
): { amount: number | null; note: string | null } {
  const whole = parseAmount(text, factor, moneyUnits);
  if (whole !== null) return { amount: whole, note: null };
  // The longest start that reads as an amount: `120.5 万元；…` is 120.5 万元, not 120.5.
  const starts = [...text.matchAll(COMMENTARY_START)].map((m) => m.index).filter((i) => i > 0);
  for (const at of starts.reverse()) {
    const amount = parseAmount(text.slice(0, at), factor, moneyUnits);
    if (amount === null) continue;
    const note = text
      .slice(at)
      .trim()
      .replace(/^[（(]([\s\S]*)[)）]$/u, "$1")
      .replace(/^[；;，、]/u, "")
      .trim();
    return { amount, note: note === "" ? null : note };
  }
  return { amount: null, note: null };
}

/** Amounts are in 元 with at most 分; this removes binary noise such as 3.4 × 10000 = 33999.999…. */
function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The operator a 指标性质/指标值类型 cell states (≥, ＞＝, 大于等于, 不低于, =), read with the shared value grammar;
 * "" for none (empty, 定量, 正向): the value then compares with "=".
 */
function operatorIn(nature: string, grammar: ValueGrammar): string {
  if (nature === "") return "";
  const probe = parseIndicatorValue(`${nature}1`, grammar);
  if (probe.kind !== "quantitative" || probe.number !== 1 || probe.unit !== null || probe.op === null) return "";
  return OP_SYMBOLS[probe.op] ?? "";
}

const OP_SYMBOLS: Readonly<Partial<Record<NonNullable<IndicatorValue["op"]>, string>>> = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  "=": "=",
};

/** 指标性质 cells that mark a qualitative indicator. */
const QUALITATIVE_NATURES: ReadonlySet<string> = new Set(["定性"]);

/** A direction written in the 指标性质 column (正向指标, 反向) rather than an operator. */
function directionIn(nature: RawField | null): string | null {
  const text = nature?.text.trim() ?? "";
  return /^(?:正向|反向|逆向|中性)/u.test(text) ? text : null;
}

/**
 * The 指标值 of a row, completed by separate 指标性质 (≥/≤/=/定性) and 计量单位 columns where the template has them.
 */
export function rowValue(row: RawIndicatorRow, grammar: ValueGrammar = valueGrammar()): IndicatorValue {
  const value = row.value?.text ?? "";
  const nature = row.nature?.text.normalize("NFKC").replace(/\s+/g, "") ?? "";
  if (QUALITATIVE_NATURES.has(nature)) {
    return {
      raw: parseIndicatorValue(value, grammar).raw,
      kind: "qualitative",
      op: null,
      number: null,
      upper: null,
      unit: null,
      unitKnown: true,
    };
  }
  if (value === "") return parseIndicatorValue("", grammar);
  const bare = /^[0-9０-９.,，]+$/u.test(value.trim());
  // A unit in the value column's header (指标值（%）) completes a bare number when it is a unit.
  const headerUnit = row.headerUnit && bare && isKnownUnit(row.headerUnit, grammar) ? row.headerUnit : "";
  const unit = row.unit?.text || headerUnit;
  // The nature column completes a bare number; a value that states its own operator keeps it.
  const op = /^[0-9０-９.]/.test(value) ? operatorIn(nature, grammar) : "";
  const needsUnit = unit !== "" && !value.endsWith(unit);
  return parseIndicatorValue(`${op}${value}${needsUnit ? unit : ""}`, grammar);
}

function text(field: RawField | null): string | null {
  return field?.text ?? null;
}

/** A 权重/分值 cell as a number (`10`, `10%`, `10分`); null when blank or not a number. */
function parseWeight(field: RawField | null): number | null {
  if (!field) return null;
  const value = parseIndicatorValue(field.text);
  return value.kind === "quantitative" && value.op === "=" ? value.number : parseNumber(field.text);
}

/** A score written on a category cell: `(0-20)分`, `（10分）`, `(40-50)`. */
const SCORE_QUALIFIER = /[([][\d.\s]+(?:[-~—至][\d.\s]+)?分?[)\]]分?/gu;
/** An enumeration before the category: `一、`, `1.`, `（一）`, `(1)`. */
const ENUMERATION = /^(?:[(（]?[一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])/u;
/** Any other bracketed qualifier: `产出（工作量）指标（数量、质量、成本方面的指标）`. */
const BRACKETED = /[([【〔][^()[\]【】〔〕]*[)\]】〕]/gu;

/**
 * A 一级/二级指标 cell read by its normal form: when the cell names a category only once its spaces, line breaks,
 * enumeration (`一、`), score (`(0-20)分`) and bracketed explanations are taken off (`产 出 指 标`, `成本指标(0-20)分`,
 * `产出（工作量）指标（数量、质量…）`), the category as it reads without them; any other cell as written.
 */
export function categoryCell(field: RawField | null, categories: Categories): string | null {
  if (field === null) return null;
  const core = field.text
    .normalize("NFKC")
    .replace(/\s+/gu, "")
    .replace(ENUMERATION, "")
    .replace(SCORE_QUALIFIER, "")
    .replace(BRACKETED, "");
  return core !== "" && categories.canonical(core) !== null ? core : field.text;
}

/**
 * Levels written one column to the left: a table without a 三级指标 column whose 一级指标 column holds only
 * 二级 categories (数量指标, 社会效益指标) and whose 二级指标 column holds the indicators' names. Read by content:
 * the name moves to level3, the category to level2, and level1 is the category's parent.
 */
function shiftLevels(indicators: Indicator[], categories: Categories): Indicator[] {
  const shifted =
    indicators.length > 0 &&
    indicators.every(
      (i) =>
        i.level3 === null &&
        i.level1 !== null &&
        categories.isLevel2(i.level1) &&
        i.level2 !== null &&
        categories.canonical(i.level2) === null,
    ) &&
    !indicators.every((i) => categories.isLevel1(i.level1!));
  if (!shifted) return indicators;
  return indicators.map((i) => ({
    ...i,
    level1: categories.parentOf(i.level1!),
    level2: i.level1,
    level3: i.level2,
  }));
}

function normaliseIndicator(row: RawIndicatorRow, grammar: ValueGrammar, categories: Categories): Indicator {
  return {
    level1: categoryCell(row.level1, categories),
    level2: categoryCell(row.level2, categories),
    level3: text(row.level3),
    description: text(row.description),
    value: rowValue(row, grammar),
    basis: text(row.basis),
    weight: parseWeight(row.weight),
    direction: text(row.direction) ?? directionIn(row.nature),
    extra: { ...row.extra },
    at: row.value?.at ?? row.at,
  };
}

type AmountReader = (field: RawField | null, name: FieldId) => number | null;

/**
 * The budget of a project: each amount in 元, the multi-year total beside the year's, commentary kept as
 * notes, and a missing or blank total derived from its parts (marked in `derived`).
 */
function readBudget(raw: RawProject, amount: AmountReader, notes: Record<string, string>): Project["budget"] {
  const budget = {
    total: amount(raw.total, "total"),
    fiscal: amount(raw.fiscal, "fiscal"),
    other: amount(raw.other, "other"),
    superior: amount(raw.superior, "superior"),
    midTermTotal: amount(raw.midTermTotal, "midTermTotal"),
  };
  const parts = [budget.fiscal, budget.other, budget.superior].filter((n) => n !== null);
  const derive = budget.total === null && parts.length > 0;
  return {
    ...budget,
    total: derive ? roundMoney(parts.reduce((a, b) => a + b, 0)) : budget.total,
    derived: derive ? ["total"] : [],
    notes,
  };
}

/** Turns a raw project into the model: amounts in 元, percentages and values parsed, locations kept. */
export function normaliseProject(raw: RawProject, config: LabelConfig): Result<Project> {
  const warnings: Warning[] = [];
  const units = moneyUnitFactors(config);
  const unitWord = raw.moneyUnit?.text ?? null;
  let factor = 1;
  if (unitWord !== null) {
    const known = units[labelKey(unitWord)];
    if (known === undefined) warnings.push(warning("unknown-money-unit", raw.moneyUnit?.at ?? null, { raw: unitWord }));
    factor = known ?? 1;
  }
  const grammar = valueGrammar(config);
  const categories = categoriesOf(config);
  const notes: Record<string, string> = {};
  const amount = (field: RawField | null, name: FieldId): number | null => {
    if (!field) return null;
    const { amount: n, note } = parseAmountCell(field.text, factor, units);
    if (n === null) warnings.push(warning("unparsed-amount", field.at, { field: name, raw: field.text }));
    if (note !== null) notes[name] = note;
    return n;
  };
  const locations: Record<string, CellRef> = {};
  const fields = {
    code: raw.code,
    name: raw.name,
    "budget.total": raw.total,
    "budget.fiscal": raw.fiscal,
    "budget.other": raw.other,
    "budget.superior": raw.superior,
    purpose: raw.purpose,
    goals: raw.goals,
    longTermGoals: raw.longTermGoals,
    department: raw.department,
    unit: raw.moneyUnit,
  };
  for (const [path, field] of Object.entries(fields)) if (field?.at) locations[path] = field.at;
  const projectLabel = raw.name?.text ?? raw.title ?? "";
  const required: [FieldId, RawField | null][] = [
    [raw.kind === "department" ? "departmentName" : "name", raw.name],
    ["total", raw.total],
  ];
  for (const [path, field] of required) {
    if (!field && raw.tables.header !== null)
      warnings.push(warning("missing-field", null, { project: projectLabel, field: path }));
  }
  return {
    value: {
      kind: raw.kind,
      title: raw.title,
      department: raw.department?.text ?? null,
      unit: unitWord,
      code: text(raw.code),
      name: text(raw.name),
      budget: readBudget(raw, amount, notes),
      purpose: text(raw.purpose),
      spendPlan: raw.spendPlan.map(({ period, percent }) => {
        const value = percent ? parseIndicatorValue(percent.text) : null;
        return {
          period: period.text,
          percent: value?.kind === "quantitative" ? value.number : null,
          at: percent?.at ?? period.at,
        };
      }),
      goals: raw.goals ? [...raw.goals.lines] : [],
      longTermGoals: raw.longTermGoals ? [...raw.longTermGoals.lines] : [],
      indicators: shiftLevels(
        raw.indicators.map((row) => normaliseIndicator(row, grammar, categories)),
        categories,
      ),
      midTermIndicators: shiftLevels(
        raw.midTermIndicators.map((row) => normaliseIndicator(row, grammar, categories)),
        categories,
      ),
      weightTotal: raw.weightTotal,
      duties: raw.duties.map((d) => ({
        function: text(d.function),
        task: text(d.task),
        item: text(d.item),
        amount: amount(d.amount, "dutyAmount"),
        at: d.at,
      })),
      tables: { ...raw.tables },
      locations,
    },
    warnings,
  };
}
