export { extractProjects } from "./projects.js";
export { labelKey, indexLabels, type LabelIndex } from "./labels.js";
export type { RawField, RawIndicatorRow, RawProject } from "./types.js";
export { inspectTables, type TableInspection } from "./inspect.js";
