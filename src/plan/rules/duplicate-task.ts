import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/**
 * Lint rule "duplicate-task": the same task is not listed twice.
 * @public
 */
export const duplicateTask: LintRule = {
  id: "duplicate-task",
  severity: "warning",
  codes: ["task_duplicate"],
  description: { zh: "两行任务的名称、事项、对象范围、发起部门和抽查时间完全相同", en: "Two rows have the same name, items, scope, initiator and window" },
  rationale: {
    zh: "重复任务会让同一对象被重复抽查，增加企业负担（国发〔2019〕5号：避免多头执法、重复检查）。",
    en: "A duplicated task inspects the same entities twice (国发〔2019〕5号: avoid repeated and overlapping inspections).",
  },
  check(ctx) {
    const out: Issue[] = [];
    const seen = new Map<string, number>();
    for (const t of ctx.plan.tasks) {
      const key = [t.name, t.items.join("；"), t.scope, t.initiator, t.windowText].map(norm).join("\u0000");
      const first = seen.get(key);
      if (first === undefined) seen.set(key, t.source?.row ?? ctx.plan.tasks.indexOf(t) + 1);
      else out.push(issue("task_duplicate", { first }, ctx.where(t, "name")));
    }
    return out;
  },
};
