import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { ISSUE12 } from "./_source.js";
import { onlyNamesTier } from "./_credit.js";

/**
 * Lint rule "credit-tier-only": the 信用风险分类要求 cell states a requirement, not just a tier ("一般风险").
 * @public
 */
export const creditTierOnly: LintRule = {
  id: "credit-tier-only",
  severity: "warning",
  codes: ["credit_requirement_tier_only"],
  description: { zh: "信用风险分类要求只写了一个风险等级（如“一般风险”），没有写按等级怎样调整比例或频次", en: "The credit-risk requirement only names a tier (一般风险) and says nothing about how ratio or frequency follow the tiers" },
  rationale: {
    zh: `国发〔2019〕5号：对信用风险高的市场主体提高抽查比例和频次，对信用风险低的降低；只写等级的格子不是要求，也不应计入“运用信用风险分类”的任务。${ISSUE12.zh}。`,
    en: `国发〔2019〕5号: raise ratio and frequency for high credit risk, lower them for low risk; a cell naming a tier is no requirement and does not count as applying the classification. ${ISSUE12.en}.`,
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const c = (ctx.cell(t, "creditRequirement") ?? "").trim();
      if (onlyNamesTier(c)) out.push(issue("credit_requirement_tier_only", { text: c }, ctx.where(t, "creditRequirement")));
    }
    return out;
  },
};
