
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

const NOT_APPLICABLE = /不涉及|不适用|^\s*(无|否|\/|—)\s*$/;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * Lint rule "credit-share": enough tasks use credit-risk classification.
 * @public
 */
export const creditShare: LintRule = {
  id: "credit-share",
  severity: "warning",
  codes: ["credit_share_low"],
  description: { zh: "运用信用风险分类的任务占比低于目标（默认95%，caps.creditRiskShare）", en: "The share of tasks using credit-risk classification is below the target (default 95%, caps.creditRiskShare)" },
  rationale: {
    zh: "国发〔2019〕5号：将信用风险分类结果与双随机抽查相结合，实现差异化精准监管；各地考核多以任务占比衡量。",
    en: "国发〔2019〕5号: combine credit-risk tiers with random inspections; provinces assess it as the share of tasks that do.",
  },
  check(ctx) {
    const total = ctx.plan.tasks.length;
    if (total === 0) return [];
    const used = ctx.plan.tasks.filter((t) => {
      const c = (t.creditRequirement ?? "").trim();
      return c !== "" && !NOT_APPLICABLE.test(c);
    }).length;
    const share = used / total;
    if (share >= ctx.caps.creditRiskShare) return [];
    return [issue("credit_share_low", { share: pct(share), used, total, target: pct(ctx.caps.creditRiskShare) })];
  },
};
