import type { LabelConfig } from "../config/index.js";
import { labelKey } from "../text.js";

/** The indicator category vocabulary of a configuration: which names are 一级/二级指标 and how they relate. */
export interface Categories {
  /** The canonical name of a category, or null when the text names none. */
  canonical(name: string | null): string | null;
  isLevel1(name: string): boolean;
  isLevel2(name: string): boolean;
  /** The 一级指标 a 二级指标 belongs to. */
  parentOf(level2: string): string | null;
  /** The only 二级指标 of a 一级指标 that has exactly one (满意度指标 → 服务对象满意度指标). */
  soleChildOf(level1: string): string | null;
}

/** Builds the category vocabulary from the configuration's `categories` and `categoryAliases`. */
export function buildCategories(config: LabelConfig): Categories {
  const names = new Map<string, string>();
  const parents = new Map<string, string>();
  const level1 = new Set<string>();
  for (const [parent, children] of Object.entries(config.categories)) {
    names.set(labelKey(parent), parent);
    level1.add(parent);
    for (const child of children) {
      names.set(labelKey(child), child);
      if (!parents.has(child)) parents.set(child, parent);
    }
  }
  for (const [alias, target] of Object.entries(config.categoryAliases))
    names.set(labelKey(alias), names.get(labelKey(target)) ?? target);
  const canonical = (name: string | null) => (name === null ? null : (names.get(labelKey(name)) ?? null));
  return {
    canonical,
    isLevel1: (name) => {
      const c = canonical(name);
      return c !== null && level1.has(c);
    },
    isLevel2: (name) => {
      const c = canonical(name);
      return c !== null && parents.has(c);
    },
    parentOf: (level2) => parents.get(canonical(level2) ?? "") ?? null,
    soleChildOf: (name) => {
      const children = config.categories[canonical(name) ?? ""];
      return children?.length === 1 ? children[0]! : null;
    },
  };
}
