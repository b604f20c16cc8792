import { z } from "zod";
import { CompletenessSchema, SeveritySchema } from "../model/schema.js";

/** How processing one input ended. */
export const DocumentStatusSchema = z.enum(["ok", "failed", "timeout"]);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/** The per-document outputs, as paths relative to the output folder. */
export const DocumentOutputsSchema = z.object({
  json: z.string(),
  markdown: z.string(),
  html: z.string(),
});

/** What the batch keeps of one processed input: enough for the batch page and summary without re-reading it. */
export const DocumentSummarySchema = z.object({
  /** The input's path relative to the input folder it was found in (or its file name): the document's name in reports. */
  source: z.string(),
  sha256: z.string(),
  status: DocumentStatusSchema,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  department: z.string().nullable(),
  projects: z.number().int().nonnegative(),
  indicators: z.number().int().nonnegative(),
  findings: z.record(SeveritySchema, z.number().int().nonnegative()),
  warnings: z.number().int().nonnegative(),
  /** Why Part 1 and Part 2 could not be compared (Chinese); empty when they were, or when the input failed. */
  unchecked: z.array(z.string()),
  /** How completely the document was read, and the messages saying why not. */
  completeness: CompletenessSchema.shape.status,
  completenessReasons: z.array(z.string()),
  outputs: DocumentOutputsSchema.nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/** The order of documents in every batch output: by source name, so sharded and unsharded runs agree. */
export function compareSource(a: { source: string }, b: { source: string }): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}
