export { type Inspection, inspectTables, type TableInspection } from "./inspect.js";
export { indexLabels, type LabelIndex } from "./labels.js";
export { extractProjects } from "./projects.js";
export type { RawField, RawIndicatorRow, RawProject } from "./types.js";
