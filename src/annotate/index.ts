export { type AnnotateOptions, type Annotation, annotateDocx, type UnplacedComment } from "./annotate.js";
export type { WrittenComment } from "./comments-part.js";
