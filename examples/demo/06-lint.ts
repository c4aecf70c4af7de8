// Demo section 6: lint a real seed plan (晋城 2023 joint plan: 市本级, 城区, 泽州, 高平, 陵川) before it is
// filed, and show what is wrong, grouped by row, in the terms of the plan.
import { readFileSync } from "node:fs";
import { type Diagnostic, formatDiagnosticsText, lintPlanTable, lintRules } from "../../src/index.js";
import { type Lang, t } from "./_lang.js";


export async function run(lang: Lang): Promise<void> {
  console.log(t(lang, "\n六、抽查计划检查（lint）", "\n6. Linting an annual plan"));
  const csv = readFileSync(new URL("../../test/fixtures/plans/jincheng-2023.csv", import.meta.url), "utf8");
  // The notice (晋市双随机办〔2023〕2号) says every inspection ends by 15 December.
  const r = lintPlanTable(csv, { year: 2023, fillMerged: true, completionDate: "2023-12-15" });
  if (!r.ok) {
    for (const i of r.issues) console.log(`  ✗ [${i.code}] ${i.message[lang]}`);
    return;
  }
  const { plan, diagnostics } = r.value;
  const count = (s: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === s).length;
  console.log(t(lang,
    `  晋城市2023年度部门联合双随机抽查工作计划（节选）：${plan.tasks.length}项任务，${lintRules.length}条规则；${count("error")}个错误，${count("warning")}个警告，${count("info")}条导入提示`,
    `  晋城 2023 joint plan (excerpt): ${plan.tasks.length} tasks, ${lintRules.length} rules; ${count("error")} errors, ${count("warning")} warnings, ${count("info")} import notes`));

  console.log(t(lang, "\n  警告按规则汇总：", "\n  Warnings by rule:"));
  const byRule = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === "warning") byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) {
    const desc = lintRules.find((x) => x.id === rule)?.description[lang] ?? rule;
    console.log(`    ${String(n).padStart(3)} × ${rule}: ${desc}`);
  }

  console.log(t(lang, "\n  错误（按行）：", "\n  Errors, by row:"));
  const report = formatDiagnosticsText(diagnostics.filter((d) => d.severity === "error"), { lang, plan });
  console.log(report.replace(/^/gm, "  ").trimEnd());
}
