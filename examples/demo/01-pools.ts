// Demo section 1: a real seed-plan task, and the two pools (两库) it draws from, validated.
import { readFileSync } from "node:fs";
import {
  entityStatusLabels, type Issue, parseEntityPoolCsv, parseInspectorPoolCsv, parseTask, riskTierLabels, type Task,
} from "../../src/index.js";
import { type Lang, show, t } from "./_lang.js";

const data = (file: string) => readFileSync(new URL(`../data/${file}`, import.meta.url), "utf8");

/** Loads the demo task (焦作市公安局 2023, 娱乐场所治安管理监督检查). */
export function loadTask(): Task {
  const json = JSON.parse(data("jiaozuo-2023-task.json")) as { task: unknown };
  const r = parseTask(json.task);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join("\n"));
  return r.value;
}

export async function run(lang: Lang): Promise<void> {
  console.log(t(lang, "\n一、任务与两库", "\n1. The task and the two pools"));
  const task = loadTask();
  console.log(t(lang, `  任务：${task.name}（${task.initiator}，${task.scope}，${task.targeting === "directed" ? "定向" : "不定向"}）`, `  Task: ${task.name} (${task.initiator}, ${task.scope}, ${task.targeting})`));
  console.log(t(lang, `  抽查比例原文：“${task.quotaText}”；抽取日期原文：“${task.windowText}”`, `  Quota as written: "${task.quotaText}"; window as written: "${task.windowText}"`));

  const pool = parseEntityPoolCsv(data("jiaozuo-entertainment-pool.csv"));
  if (!pool.ok) {
    for (const i of pool.issues) console.log(show(lang, i, "  "));
    throw new Error("sample entity pool is invalid");
  }
  const entities = pool.value;
  const byStatus = new Map<string, number>();
  const byTier = new Map<string, number>();
  for (const e of entities) {
    byStatus.set(e.status, (byStatus.get(e.status) ?? 0) + 1);
    byTier.set(e.tier ?? "-", (byTier.get(e.tier ?? "-") ?? 0) + 1);
  }
  console.log(t(lang, `  检查对象名录库：${entities.length} 户`, `  Entity pool: ${entities.length} entities`));
  console.log(`    ${[...byStatus].map(([s, n]) => `${entityStatusLabels[s as keyof typeof entityStatusLabels][lang]} ${n}`).join(t(lang, "，", ", "))}`);
  console.log(`    ${(["A", "B", "C", "D"] as const).map((k) => `${k} ${riskTierLabels[k][lang]} ${byTier.get(k) ?? 0}`).join(t(lang, "，", ", "))}`);
  for (const w of pool.warnings) console.log(show(lang, w, "  "));

  const inspectors = parseInspectorPoolCsv(data("jiaozuo-inspectors.csv"));
  if (!inspectors.ok) throw new Error("sample inspector pool is invalid");
  const depts = new Map<string, number>();
  for (const p of inspectors.value) depts.set(p.department, (depts.get(p.department) ?? 0) + 1);
  console.log(t(lang, `  执法检查人员名录库：${inspectors.value.length} 人`, `  Inspector pool: ${inspectors.value.length} people`));
  console.log(`    ${[...depts].map(([d, n]) => `${d} ${n}`).join(t(lang, "，", ", "))}`);
  console.log(t(lang, `    其中专家 ${inspectors.value.filter((p) => p.expert).length} 人，无执法资格 ${inspectors.value.filter((p) => !p.credential && !p.expert).length} 人`, `    experts ${inspectors.value.filter((p) => p.expert).length}, without credential ${inspectors.value.filter((p) => !p.credential && !p.expert).length}`));
  for (const w of inspectors.warnings) console.log(show(lang, w, "  "));

  // What a planner's broken export looks like, and what the SDK says about it.
  const broken = "统一社会信用代码,名称,信用风险分类\n91410802MA0000000X,焦作市某KTV,E\n91410802MA0000000X,焦作市某KTV（重复）,B\n";
  const r = parseEntityPoolCsv(broken);
  console.log(t(lang, "  一份有问题的导出：", "  A broken export:"));
  if (!r.ok) for (const i of r.issues) console.log(show(lang, i, "  "));
}
