import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "credit-requirement-missing": where the plan has a credit-risk column, every task fills it.
 * @public
 */
export const creditRequirementMissing: LintRule = {
  id: "credit-requirement-missing",
  severity: "warning",
  codes: ["credit_requirement_missing"],
  description: { zh: "计划要求按信用风险分类确定比例（表中有该列），但此任务未填写", en: "The plan asks for tier-based ratios (it has the column) but this task leaves it blank" },
  rationale: {
    zh: "国发〔2019〕5号：对信用风险低的市场主体降低抽查比例和频次，对信用风险高的提高；计划要求时每项任务都应写明。",
    en: "国发〔2019〕5号: lower ratio and frequency for low credit risk, higher for high risk; where the plan asks for it, every task states it.",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const cell = ctx.cell(t, "creditRequirement");
      if (t.source !== undefined && cell !== undefined && cell.trim() === "") out.push(issue("credit_requirement_missing", {}, ctx.where(t, "creditRequirement")));
    }
    return out;
  },
};
