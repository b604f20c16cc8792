export { ConfigError, defaultConfig, mergeConfig, parseConfig } from "./load.js";
export {
  applyRuleFile,
  isRulePreset,
  parseRuleSettings,
  presetRuleSettings,
  RULE_PRESETS,
  type RuleFile,
  RuleFileSchema,
  type RulePreset,
} from "./rules.js";
export {
  COLUMN_ROLES,
  type ColumnRole,
  DUTY_ROLES,
  type DutyRole,
  HEADER_FIELDS,
  type HeaderField,
  INDICATOR_SETS,
  type IndicatorSet,
  type LabelConfig,
  LabelConfigSchema,
  type UserConfig,
  UserConfigSchema,
  VALUE_OPS,
  type ValueOp,
  type ValueWords,
} from "./schema.js";
