import { parse } from "yaml";
import { z } from "zod";
import { builtinText } from "./builtin.js";
import { type LabelConfig, LabelConfigSchema, type UserConfig, UserConfigSchema, type ValueWords } from "./schema.js";

/** A configuration file that is not valid YAML or does not fit the schema. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

function parseYaml<T>(text: string, schema: z.ZodType<T>, origin: string): T {
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw new ConfigError(`${origin}：不是有效的 YAML (not valid YAML): ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new ConfigError(
      `${origin}：配置文件不符合格式 (the configuration does not match its schema):\n${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}

/**
 * The built-in configuration as JSON, parsed and checked against its schema when the bin was bundled
 * (scripts/build.mjs): a start of the CLI then skips the YAML parser and the schema (about 60 ms). Undefined in
 * the library and under tsx, which parse config/default.yaml on first use.
 */
declare const __JIXIAO_DEFAULT_CONFIG__: string | undefined;

let builtIn: LabelConfig | undefined;

/** The configuration shipped with the package (config/default.yaml). */
export function defaultConfig(): LabelConfig {
  builtIn ??=
    typeof __JIXIAO_DEFAULT_CONFIG__ === "string"
      ? (JSON.parse(__JIXIAO_DEFAULT_CONFIG__) as LabelConfig)
      : parseYaml(builtinText("default.yaml"), LabelConfigSchema, "config/default.yaml");
  return builtIn;
}

function mergeList(base: string[], user: string[] | undefined, replace: boolean): string[] {
  if (!user) return base;
  return replace ? user : [...new Set([...user, ...base])];
}

function mergeLists<K extends string, B extends Partial<Record<K, string[]>>>(
  base: B,
  user: Partial<Record<K, string[] | undefined>> | undefined,
  replace: boolean,
): B {
  const out: Partial<Record<K, string[]>> = { ...base };
  for (const key of Object.keys({ ...base, ...user }) as K[])
    out[key] = mergeList(base[key] ?? [], user?.[key], replace);
  return out as B;
}

function mergeValueWords(base: ValueWords, user: UserConfig["values"], replace: boolean): ValueWords {
  const { operators, suffixOperators, leadWords, ...lists } = user ?? {};
  return {
    ...mergeLists(
      {
        percent: base.percent,
        units: base.units,
        unitPrefixes: base.unitPrefixes,
        notUnits: base.notUnits,
      },
      lists,
      replace,
    ),
    operators: mergeLists(base.operators, operators, replace),
    suffixOperators: mergeLists(base.suffixOperators, suffixOperators, replace),
    leadWords: mergeLists(base.leadWords, leadWords, replace),
  };
}

/** Applies a user's configuration over the built-in one: lists extend the built-in ones unless `extends: none`. */
export function mergeConfig(base: LabelConfig, user: UserConfig): LabelConfig {
  const replace = user.extends === "none";
  return LabelConfigSchema.parse({
    header: mergeLists(base.header, user.header, replace),
    unitPrefixes: mergeList(base.unitPrefixes, user.unitPrefixes, replace),
    moneyUnits: { ...base.moneyUnits, ...user.moneyUnits },
    indicatorColumns: mergeLists(base.indicatorColumns, user.indicatorColumns, replace),
    extraColumns: mergeList(base.extraColumns, user.extraColumns, replace),
    blockEnd: mergeList(base.blockEnd, user.blockEnd, replace),
    otherLabels: mergeList(base.otherLabels, user.otherLabels, replace),
    indicatorHeaderRequires: user.indicatorHeaderRequires ?? base.indicatorHeaderRequires,
    indicatorHeaderRequiresAnyOf: user.indicatorHeaderRequiresAnyOf ?? base.indicatorHeaderRequiresAnyOf,
    categories: replace && user.categories ? user.categories : mergeLists(base.categories, user.categories, false),
    categoryAliases: { ...(replace ? {} : base.categoryAliases), ...user.categoryAliases },
    dutyColumns: mergeLists(base.dutyColumns, user.dutyColumns, replace),
    indicatorSets: mergeLists(base.indicatorSets, user.indicatorSets, replace),
    values: mergeValueWords(base.values, user.values, replace),
    narrative: mergeLists(base.narrative, user.narrative, replace),
    trends: Object.fromEntries(
      Object.entries(base.trends).map(([id, setting]) => [
        id,
        { ...setting, ...user.trends?.[id as keyof typeof base.trends] },
      ]),
    ),
    ...(base.rules ? { rules: base.rules } : {}),
  });
}

/** Parses a user's YAML configuration text and merges it over the built-in one. */
export function parseConfig(yamlText: string, origin = "config"): LabelConfig {
  return mergeConfig(defaultConfig(), parseYaml(yamlText, UserConfigSchema, origin));
}
