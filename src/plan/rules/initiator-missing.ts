import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "initiator-missing": every task has an initiating department.
 * @public
 */
export const initiatorMissing: LintRule = {
  id: "initiator-missing",
  severity: "error",
  codes: ["initiator_missing"],
  description: { zh: "没有发起部门（表中无此列时使用计划的制定单位）", en: "No initiating department (the plan's issuer is used when the table has no such column)" },
  rationale: {
    zh: "“谁审批、谁监管，谁主管、谁监管”：每项抽查须有负责发起和公示结果的部门（国发〔2019〕5号）。",
    en: "\"Who approves supervises\": every task needs a department that starts it and publishes its results (国发〔2019〕5号).",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      if (t.initiator.trim() === "" && ctx.plan.issuer.trim() === "") out.push(issue("initiator_missing", {}, ctx.where(t, "initiator")));
    }
    return out;
  },
};
