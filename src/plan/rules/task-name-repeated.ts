import { type Issue } from "../../result.js";
import { filledFrom } from "../_filled.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { ISSUE12 } from "./_source.js";

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/**
 * Lint rule "task-name-repeated": two tasks of one plan (and one region) do not share a name.
 * @public
 */
export const taskNameRepeated: LintRule = {
  id: "task-name-repeated",
  severity: "warning",
  codes: ["task_name_repeated"],
  description: { zh: "同一计划（同一地区）中两项任务名称相同", en: "Two tasks of one plan (one region) have the same name" },
  rationale: {
    zh: `任务名称是公示、结果录入和“一次检查、全面体检”核对的标识（国发〔2019〕5号：抽查计划、任务和结果向社会公开）；两项同名任务的结果无法区分。续行（合并的名称）不算。${ISSUE12.zh}。`,
    en: `The task name identifies the task in publications and result records (国发〔2019〕5号); results of two tasks with one name cannot be told apart. Continuation rows (a merged name) do not count. ${ISSUE12.en}.`,
  },
  check(ctx) {
    const out: Issue[] = [];
    const first = new Map<string, { row: number; whole: string; index: string }>();
    // Rows equal in name, items, scope, initiator and window are task_duplicate's finding, not this one's.
    const whole = (t: (typeof ctx.plan.tasks)[number]) => [t.name, t.items.join("；"), t.scope, t.initiator, t.windowText].map(norm).join("\u0000");
    for (const t of ctx.plan.tasks) {
      // A name merged over (or filled into) this row continues the task above: it is the same task.
      if (filledFrom(t, "name") !== undefined) continue;
      const name = norm(ctx.cell(t, "name") ?? t.name);
      if (name === "") continue;
      const key = `${norm(t.region ?? "")}\u0000${name}`;
      const row = t.source?.row ?? ctx.plan.tasks.indexOf(t) + 1;
      const seen = first.get(key);
      const index = norm(ctx.cell(t, "index") ?? "");
      // The same 序号 on both rows: one task written on two rows (a hand-filled merge), not two tasks.
      if (seen === undefined) first.set(key, { row, whole: whole(t), index });
      else if (seen.whole !== whole(t) && (index === "" || index !== seen.index)) out.push(issue("task_name_repeated", { first: seen.row, name: t.name }, ctx.where(t, "name")));
    }
    return out;
  },
};
