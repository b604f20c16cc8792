import type { DocumentTask } from "./document-files.js";
import { processDocument } from "./process.js";

/** The worker thread's entry: one document per task. */
export default function run(task: DocumentTask) {
  return processDocument(task);
}
