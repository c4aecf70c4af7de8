// Shared by the sim-* lint rules: their issue builder and where their findings go in the plan table.
import { coreMessages } from "../../messages/core.js";
import { simulateMessages } from "../../messages/simulate.js";
import { type IssueOptions, issueFactory } from "../../result.js";
import { sameDepartment } from "../_columns.js";
import type { PlanField } from "../_columns.js";
import type { LintContext } from "../rule.js";

/** Builds an issue of the sim-* rules. */
export const simIssue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...simulateMessages });

/** "0.734" → "73%". */
export const percent = (p: number): string => `${Math.round(p * 100)}%`;

/** Where a task's cell is, by task id (plan-level when the task is not in the plan). */
export function whereTask(ctx: LintContext, taskId: string, field: PlanField): IssueOptions {
  const task = ctx.plan.tasks.find((t) => t.id === taskId);
  return task ? ctx.where(task, field) : {};
}

/** The 发起部门 cell of the department's first task. */
export function whereDepartment(ctx: LintContext, department: string): IssueOptions {
  const task = ctx.plan.tasks.find((t) => sameDepartment(t.initiator, department));
  return task ? ctx.where(task, "initiator") : {};
}

