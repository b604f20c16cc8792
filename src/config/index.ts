export { defaultConfig, mergeConfig, parseConfig, ConfigError } from "./load.js";
export { LabelConfigSchema, UserConfigSchema, HEADER_FIELDS, COLUMN_ROLES, DUTY_ROLES, INDICATOR_SETS, type DutyRole, type IndicatorSet, type LabelConfig, type UserConfig, type HeaderField, type ColumnRole } from "./schema.js";
