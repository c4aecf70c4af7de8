import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

const NOT_APPLICABLE = /不涉及|不适用|^\s*(无|否|\/|—)\s*$/;
const TIER_WORDS = /[ABCD]\s*[类级]|低风险|一般风险|较高风险|高风险|信用风险/;

/**
 * Lint rule "credit-requirement-contradictory": "不涉及" next to tier-based ratios.
 * @public
 */
export const creditRequirementContradictory: LintRule = {
  id: "credit-requirement-contradictory",
  severity: "error",
  codes: ["credit_requirement_contradictory"],
  description: { zh: "信用风险分类要求写“不涉及”，抽查比例却按风险等级区分", en: "The credit-risk requirement says 不涉及 (not applicable) while the ratio differs by risk tier" },
  rationale: {
    zh: "两栏互相矛盾时无法确定按哪一栏抽取（国发〔2019〕5号：依据信用风险分类结果确定比例和频次）。",
    en: "Two cells that contradict each other leave the draw undetermined (国发〔2019〕5号: ratios follow the credit-risk tiers).",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const credit = (ctx.cell(t, "creditRequirement") ?? "").trim();
      if (!NOT_APPLICABLE.test(credit)) continue;
      const q = ctx.quota(t);
      const tiered = TIER_WORDS.test(t.quotaText) || (q.ok && (q.value.segments ?? []).some((s) => TIER_WORDS.test(s.scope)));
      if (tiered) out.push(issue("credit_requirement_contradictory", { credit, quota: t.quotaText.trim() }, ctx.where(t, "creditRequirement")));
    }
    return out;
  },
};
