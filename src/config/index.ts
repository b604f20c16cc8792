export { defaultConfig, mergeConfig, parseConfig, ConfigError } from "./load.js";
export { LabelConfigSchema, UserConfigSchema, HEADER_FIELDS, COLUMN_ROLES, type LabelConfig, type UserConfig, type HeaderField, type ColumnRole } from "./schema.js";
