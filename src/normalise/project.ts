import type { LabelConfig } from "../config/index.js";
import type { RawField, RawIndicatorRow, RawProject } from "../extract/types.js";
import type { CellRef, Indicator, IndicatorValue, Project, Warning } from "../model/schema.js";
import { type FieldId, warning } from "../model/warnings.js";
import type { Result } from "../result.js";
import { labelKey, moneyUnitFactors } from "../text.js";
import { parseIndicatorValue, parseNumber, type ValueGrammar, valueGrammar } from "./value.js";

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

/** Amounts are in 元 with at most 分; this removes binary noise such as 3.4 × 10000 = 33999.999…. */
function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}

const NATURE_OPS: Readonly<Record<string, string>> = {
  "≥": "≥",
  ">=": "≥",
  "≤": "≤",
  "<=": "≤",
  "=": "=",
  ">": ">",
  "<": "<",
};

/** 指标性质 cells that mark a qualitative indicator. */
const QUALITATIVE_NATURES: ReadonlySet<string> = new Set(["定性"]);

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
  const unit = row.unit?.text ?? "";
  // The nature column completes a bare number; a value that states its own operator keeps it.
  const op = /^[0-9０-９.]/.test(value) ? (NATURE_OPS[nature] ?? "") : "";
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

function normaliseIndicator(row: RawIndicatorRow, grammar: ValueGrammar): Indicator {
  return {
    level1: text(row.level1),
    level2: text(row.level2),
    level3: text(row.level3),
    description: text(row.description),
    value: rowValue(row, grammar),
    basis: text(row.basis),
    weight: parseWeight(row.weight),
    extra: { ...row.extra },
    at: row.value?.at ?? row.at,
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
  const amount = (field: RawField | null, name: FieldId): number | null => {
    if (!field) return null;
    const n = parseAmount(field.text, factor, units);
    if (n === null) warnings.push(warning("unparsed-amount", field.at, { field: name, raw: field.text }));
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
      department: text(raw.department),
      unit: unitWord,
      code: text(raw.code),
      name: text(raw.name),
      budget: {
        total: amount(raw.total, "total"),
        fiscal: amount(raw.fiscal, "fiscal"),
        other: amount(raw.other, "other"),
        superior: amount(raw.superior, "superior"),
      },
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
      indicators: raw.indicators.map((row) => normaliseIndicator(row, valueGrammar(config))),
      midTermIndicators: raw.midTermIndicators.map((row) => normaliseIndicator(row, valueGrammar(config))),
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
