import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));

it("the README's library example runs against the built package", async () => {
  const { stdout } = await run(process.execPath, ["examples/summary.mjs", "fixtures/yutian-commerce-2025.docx"], {
    cwd: ROOT,
  });
  expect(stdout).toContain("玉田县商务和投资促进局本级，4 个项目");
  expect(stdout).toContain("招商经费  预算 250000 元  指标 9 条  错误 2 条");
});
