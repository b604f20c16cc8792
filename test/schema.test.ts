import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { documentJsonSchema } from "../src/model/json-schema.js";

it("the committed schema/document.schema.json is the one the zod schemas generate (run `npm run schema` after a change)", () => {
  const committed = JSON.parse(
    readFileSync(new URL("../schema/document.schema.json", import.meta.url), "utf8"),
  ) as unknown;
  expect(committed).toEqual(documentJsonSchema());
});
