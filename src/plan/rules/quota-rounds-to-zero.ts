import { plainSize } from "../../quota/_size.js";
import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "quota-rounds-to-zero": for a known pool size, the ratio draws at least one entity.
 * @public
 */
export const quotaRoundsToZero: LintRule = {
  id: "quota-rounds-to-zero",
  severity: "error",
  codes: ["quota_rounds_to_zero"],
  description: { zh: "按已知名录库数量，抽查比例四舍五入后为0户，只靠“至少抽1户”才有检查（需 poolSizes）", en: "For the known pool size the ratio rounds to zero entities; only the one-entity minimum makes a draw (needs poolSizes)" },
  rationale: {
    zh: "比例过小时任务实际不抽查任何对象，等于未执行（国发〔2019〕5号：合理确定抽查比例）。",
    en: "A ratio that rounds to zero inspects nobody: the task is not carried out (国发〔2019〕5号: set ratios soundly).",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const pool = ctx.poolSize(t);
      const q = ctx.quota(t);
      if (pool === undefined || pool <= 0 || !q.ok) continue;
      // What the ratio itself gives, rounded to the nearest entity and without the "at least one" floor; a
      // "不低于" ratio always rounds up, so only exact and "不超过" ratios can come to nothing.
      if (plainSize(q.value, pool, "halfUp", false) === 0) out.push(issue("quota_rounds_to_zero", { text: t.quotaText.trim(), pool }, ctx.where(t, "quota")));
    }
    return out;
  },
};
