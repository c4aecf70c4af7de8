import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "directed-scope": a directed (定向) task says whom it draws from.
 * @public
 */
export const directedScope: LintRule = {
  id: "directed-scope",
  severity: "error",
  codes: ["directed_without_scope"],
  description: { zh: "定向抽查任务既没有抽查对象范围也没有筛选条件", en: "A directed task has neither a scope nor a filter" },
  rationale: {
    zh: "定向抽查是按特定条件（地域、行业、风险等）筛选对象后再随机抽取（国办发〔2015〕58号）；没有范围就无法确定名录库。",
    en: "A directed draw filters the pool by conditions (region, industry, risk) before drawing (国办发〔2015〕58号); without a scope the pool is undefined.",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      if (t.targeting === "directed" && t.scope.trim() === "" && t.filter === undefined) {
        out.push(issue("directed_without_scope", {}, ctx.where(t, "scope")));
      }
    }
    return out;
  },
};
