import type { ColumnRole, DutyRole, HeaderField, IndicatorSet, LabelConfig } from "../config/index.js";
import { labelKey, moneyUnitFactors } from "../text.js";

/** Alias lookups built once per configuration. */
export interface LabelIndex {
  readonly header: ReadonlyMap<string, HeaderField>;
  readonly columns: ReadonlyMap<string, ColumnRole>;
  readonly dutyColumns: ReadonlyMap<string, DutyRole>;
  readonly indicatorSets: ReadonlyMap<string, IndicatorSet>;
  readonly extraColumns: ReadonlySet<string>;
  readonly unitPrefixes: readonly string[];
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
    extraColumns: new Set(config.extraColumns.map(labelKey)),
    unitPrefixes: config.unitPrefixes.map(labelKey),
    moneyUnits: moneyUnitFactors(config),
    headerRequires: config.indicatorHeaderRequires,
    headerRequiresAnyOf: config.indicatorHeaderRequiresAnyOf,
  };
}

/** A parenthesised ending of a label: a unit (`（万元）`) or a period (`（2023年—2025年）`). */
const LABEL_SUFFIX = /\(([^()]*)\)$/u;

/**
 * The header field a cell's text labels, tried as written and then without a parenthesised ending
 * (项目资金（万元）, 中期目标（2023年—2025年）); a unit in that ending is returned with it.
 */
export function matchHeaderLabel(text: string, labels: LabelIndex): { field: HeaderField; unit: string | null } | null {
  const key = labelKey(text);
  const exact = labels.header.get(key);
  if (exact) return { field: exact, unit: null };
  const suffix = LABEL_SUFFIX.exec(key);
  const field = suffix ? labels.header.get(key.slice(0, suffix.index)) : undefined;
  if (!field || !suffix) return null;
  return { field, unit: suffix[1]! in labels.moneyUnits ? suffix[1]! : null };
}

/** The money unit a paragraph states (`单位：万元`, `金额单位：元`), anywhere in it; null when none. */
export function unitInText(text: string, labels: LabelIndex): string | null {
  const key = labelKey(text);
  const units = Object.keys(labels.moneyUnits).sort((a, b) => b.length - a.length);
  for (const prefix of labels.unitPrefixes) {
    // 填报单位：某某局 单位：万元 — every occurrence is tried, not only the first.
    for (let at = key.indexOf(prefix); at >= 0; at = key.indexOf(prefix, at + 1)) {
      const rest = key.slice(at + prefix.length);
      const unit = units.find((u) => rest.startsWith(u));
      if (unit) return unit;
    }
  }
  return null;
}

/** The unit word of a `单位：元` cell, or null when the cell is not a unit statement. */
export function unitStatement(text: string, labels: LabelIndex): string | null {
  const key = labelKey(text);
  const prefix = labels.unitPrefixes.find((p) => key.startsWith(p));
  return prefix === undefined ? null : key.slice(prefix.length);
}
