export { inspectTables, type TableInspection } from "./inspect.js";
export { indexLabels, type LabelIndex, labelKey } from "./labels.js";
export { extractProjects } from "./projects.js";
export type { RawField, RawIndicatorRow, RawProject } from "./types.js";
