import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "cooperator-ambiguous": the cooperating departments are decided ("市市场监管局 或市人社局" is not).
 * @public
 */
export const cooperatorAmbiguous: LintRule = {
  id: "cooperator-ambiguous",
  severity: "warning",
  codes: ["cooperator_ambiguous"],
  description: { zh: "配合部门写成“甲或乙”，没有确定", en: "The cooperating department reads \"A or B\" (或): undecided" },
  rationale: {
    zh: "联合抽查的配合部门须在计划中确定，才能从各部门执法人员名录库中随机选派人员（国发〔2019〕5号）。",
    en: "Cooperating departments are fixed in the plan so that inspectors can be drawn from each department's pool (国发〔2019〕5号).",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const text = ctx.cell(t, "cooperators") ?? "";
      if (/(^|[\s、，,；;])或/.test(text)) out.push(issue("cooperator_ambiguous", { text: text.trim() }, ctx.where(t, "cooperators")));
    }
    return out;
  },
};
