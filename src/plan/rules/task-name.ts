import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { fillHint } from "../_hints.js";


/**
 * Lint rule "task-name": every task has a name of its own.
 * @public
 */
export const taskName: LintRule = {
  id: "task-name",
  severity: "error",
  codes: ["task_name_missing", "task_name_from_plan"],
  description: { zh: "抽查任务名称为空", en: "The task name is blank" },
  rationale: {
    zh: "抽查任务名称是公示和检查结果录入的标识（国发〔2019〕5号：抽查计划、任务和结果向社会公开）。",
    en: "The task name identifies the task in publications and result records (国发〔2019〕5号: plans, tasks and results are public).",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const name = ctx.cell(t, "name");
      if (name === undefined ? t.name.trim() !== "" : name.trim() !== "") continue;
      const planName = (ctx.cell(t, "planName") ?? "").trim();
      out.push(planName !== "" ? issue("task_name_from_plan", { name: planName }, ctx.where(t, "name")) : issue("task_name_missing", {}, { ...ctx.where(t, "name"), hint: fillHint(ctx.where(t, "name").field ?? "抽查任务名称", ctx.options.hintsFor ?? "library") }));
    }
    return out;
  },
};
