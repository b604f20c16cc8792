// A runnable example of the library API: node examples/summary.mjs <file.docx>…
// (after `npm install`, which builds dist/; in your own project, `npm install jixiao` and the same import.)
import { extractFile } from "jixiao";

for (const path of process.argv.slice(2)) {
  const doc = await extractFile(path);
  console.log(`${path}: ${doc.department?.name ?? "（未知单位）"}，${doc.projects.length} 个项目`);
  for (const project of doc.projects) {
    const errors = doc.findings.filter((f) => f.severity === "error" && f.project?.code === project.code);
    console.log(
      `  ${project.name}  预算 ${project.budget.total} 元  指标 ${project.indicators.length} 条  错误 ${errors.length} 条`,
    );
  }
}
