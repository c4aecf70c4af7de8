import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { ISSUE12 } from "./_source.js";

const TIERED_INCREASE = /递加|递增|逐级(增加|提高)|(增加|提高)(抽查)?比例/;

/**
 * Lint rule "credit-tiers-full-quota": a 100% quota does not come with a credit requirement asking to raise the ratio
 * by tier (there is nothing left to raise).
 * @public
 */
export const creditTiersFullQuota: LintRule = {
  id: "credit-tiers-full-quota",
  severity: "warning",
  codes: ["credit_increase_on_full_quota"],
  description: { zh: "抽查比例已是100%，信用风险分类要求却要按等级递加或提高比例", en: "The ratio is already 100% while the credit requirement raises it by tier" },
  rationale: {
    zh: `100%已抽取全部对象，按风险等级“递加抽查比例”无从执行；差异化只能体现在频次或检查深度上，应写明（国发〔2019〕5号：依据信用风险分类结果确定比例和频次）。${ISSUE12.zh}。`,
    en: `At 100% every entity is drawn: raising the ratio by tier cannot be carried out; differentiation must be in frequency or depth, and say so (国发〔2019〕5号). ${ISSUE12.en}.`,
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const q = ctx.quota(t);
      const credit = (ctx.cell(t, "creditRequirement") ?? "").trim();
      if (!q.ok || !q.value.ratio || credit === "") continue;
      if (q.value.ratio.numerator !== q.value.ratio.denominator) continue;
      const m = TIERED_INCREASE.exec(credit.normalize("NFKC"));
      if (m) out.push(issue("credit_increase_on_full_quota", { quota: t.quotaText.trim(), words: m[0] }, ctx.where(t, "creditRequirement")));
    }
    return out;
  },
};
