import { z } from "zod";
import { DocumentSchema } from "./schema.js";

/** The JSON Schema of the document JSON, generated from the zod schema (the single source). */
export function documentJsonSchema(): Record<string, unknown> {
  return {
    title: "jixiao document",
    ...z.toJSONSchema(DocumentSchema, { target: "draft-2020-12" }),
  };
}
