import { parse } from "yaml";
import { z } from "zod";
import { type Severity, SeveritySchema } from "../model/schema.js";
import { RULES, type RuleId } from "../reconcile/messages.js";
import { defaultRuleSettings, RULE_OPTIONS, type RuleSetting, type RuleSettings } from "../reconcile/settings.js";
import { type BuiltinFile, builtinText } from "./builtin.js";
import { ConfigError } from "./load.js";

/** The named rule sets shipped with the package; a user file starts from one of them (`extends`). */
export const RULE_PRESETS = {
  /** Every rule, at its default severity: config/rules.yaml. */
  default: "../../config/rules.yaml",
  /** The Ministry of Finance's 2021 framework (财预〔2021〕101号): 成本指标 a 一级指标 of its own. */
  "central-2021": "../../config/presets/central-2021.yaml",
} as const;
export type RulePreset = keyof typeof RULE_PRESETS;

/** One rule in a file: `off`/`on` (or false/true), a severity, or any of enabled, severity and params. */
const RuleEntrySchema = z.union([
  z.boolean(),
  z.enum(["off", "on"]),
  SeveritySchema,
  z
    .object({
      enabled: z.boolean().optional(),
      severity: SeveritySchema.optional(),
      params: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);
type RuleEntry = z.infer<typeof RuleEntrySchema>;

/** A rule file: the preset it starts from and the rules it changes. */
export const RuleFileSchema = z
  .object({
    extends: z
      .enum(Object.keys(RULE_PRESETS) as [RulePreset, ...RulePreset[]])
      .optional()
      .describe("The preset this file changes; 'default' when absent."),
    rules: z.record(z.string(), RuleEntrySchema).default({}),
  })
  .strict();
export type RuleFile = z.infer<typeof RuleFileSchema>;

function entrySetting(entry: RuleEntry): {
  enabled?: boolean | undefined;
  severity?: Severity | undefined;
  params?: Record<string, unknown> | undefined;
} {
  if (typeof entry === "boolean") return { enabled: entry };
  if (entry === "off" || entry === "on") return { enabled: entry === "on" };
  if (typeof entry === "string") return { severity: entry, enabled: true };
  return entry;
}

/** Edit distance, for suggesting the rule id a misspelt one meant. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** `basis-emty` → ` (basis-empty?)`; nothing when no rule id is close. */
function suggestion(id: string): string {
  const [best] = Object.keys(RULES)
    .map((known) => ({ known, d: distance(id, known) }))
    .sort((x, y) => x.d - y.d);
  return best && best.d <= Math.max(2, Math.floor(id.length / 4)) ? `（${best.known}?）` : "";
}

/** The rule ids a file names that do not exist, in its order. */
function unknownIds(file: RuleFile): string[] {
  return Object.keys(file.rules).filter((id) => !(id in RULES));
}

/** Applies a parsed rule file over a rule set; parameters are merged key by key and checked by the rule's schema. */
export function applyRuleFile(base: RuleSettings, file: RuleFile, origin: string): RuleSettings {
  const unknown = unknownIds(file);
  if (unknown.length > 0)
    throw new ConfigError(
      `${origin}: 未知的规则 ${unknown.map((id) => `${id}${suggestion(id)}`).join("、")}；运行 jixiao rules 查看全部规则 ` +
        `(unknown rule ids: ${unknown.join(", ")}; run jixiao rules to list them)`,
    );
  const out: Record<string, RuleSetting> = { ...base };
  const problems: string[] = [];
  for (const [id, entry] of Object.entries(file.rules) as [RuleId, RuleEntry][]) {
    const change = entrySetting(entry);
    const params = RULE_OPTIONS[id].safeParse({ ...base[id].params, ...change.params });
    if (!params.success) {
      problems.push(`${id}: ${z.prettifyError(params.error).replaceAll("\n", "\n  ")}`);
      continue;
    }
    out[id] = {
      enabled: change.enabled ?? base[id].enabled,
      severity: change.severity ?? base[id].severity,
      params: params.data,
    };
  }
  if (problems.length > 0)
    throw new ConfigError(`${origin}: 规则参数有误 (invalid rule parameters):\n${problems.join("\n")}`);
  return out as unknown as RuleSettings;
}

function parseRuleFile(text: string, origin: string): RuleFile {
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw new ConfigError(`${origin}: 不是有效的 YAML (not valid YAML): ${(error as Error).message}`);
  }
  const parsed = RuleFileSchema.safeParse(data);
  if (!parsed.success) throw new ConfigError(`${origin}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const presets = new Map<RulePreset, RuleSettings>();

/** A preset's rule set. `default` is config/rules.yaml over the built-in settings; the others extend a preset. */
export function presetRuleSettings(name: RulePreset): RuleSettings {
  const cached = presets.get(name);
  if (cached) return cached;
  const path = RULE_PRESETS[name].replace("../../config/", "") as BuiltinFile;
  const origin = `config/${path}`;
  const file = parseRuleFile(builtinText(path), origin);
  const base = name === "default" ? defaultRuleSettings() : presetRuleSettings(file.extends ?? "default");
  const settings = applyRuleFile(base, file, origin);
  presets.set(name, settings);
  return settings;
}

/** Parses a user's rule file (YAML text) over the preset it extends (default: `default`). */
export function parseRuleSettings(yamlText: string, origin = "rules"): RuleSettings {
  const file = parseRuleFile(yamlText, origin);
  return applyRuleFile(presetRuleSettings(file.extends ?? "default"), file, origin);
}

/** Whether a name is one of the shipped presets. */
export function isRulePreset(name: string): name is RulePreset {
  return Object.hasOwn(RULE_PRESETS, name);
}
