import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expandInputs } from "../../src/batch/inputs.js";
import { tempFolders } from "../helpers/temp.js";

const temp = tempFolders();

describe("expandInputs", () => {
  let root: string;
  beforeAll(async () => {
    root = await temp("jixiao-inputs-");
    await mkdir(join(root, "2024", "商务局"), { recursive: true });
    for (const f of ["2024/a.docx", "2024/商务局/b.DOC", "2024/~$a.docx", "2024/notes.txt", "c.docx"])
      await writeFile(join(root, f), "x");
  });

  it("walks a directory recursively in a stable order, naming files relative to it", async () => {
    const { files, skipped, missing } = await expandInputs([root]);
    expect(files.map((f) => f.outputStem)).toEqual(["2024/a.docx", "2024/商务局/b.DOC", "c.docx"]);
    expect(skipped.map((s) => s.path)).toEqual([join(root, "2024/notes.txt"), join(root, "2024/~$a.docx")]);
    expect(missing).toEqual([]);
  });

  it("takes a named file whatever its extension, but never a lock file", async () => {
    const { files, skipped } = await expandInputs([join(root, "2024/notes.txt"), join(root, "2024/~$a.docx")]);
    expect(files.map((f) => f.outputStem)).toEqual(["notes.txt"]);
    expect(skipped).toHaveLength(1);
  });

  it("expands a quoted glob, naming files relative to its fixed part", async () => {
    const { files, skipped } = await expandInputs([`${root}/2024/**/*.{docx,DOC}`]);
    expect(files.map((f) => f.outputStem)).toEqual(["a.docx", "商务局/b.DOC"]);
    expect(skipped.map((s) => s.reason)).toEqual([expect.stringContaining("lock")]);
  });

  it("reports what names nothing", async () => {
    const { missing } = await expandInputs([join(root, "none.docx"), `${root}/none/*.docx`]);
    expect(missing).toHaveLength(2);
  });
});
