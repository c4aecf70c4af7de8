import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const quotaAbove100: LintRule = {
  id: "quota-above-100",
  severity: "error",
  codes: ["quota_over_100"],
  description: { zh: "抽查比例超过100%", en: "The ratio is above 100%" },
  rationale: {
    zh: "一次抽查不能抽取多于名录库全部对象；需多次检查应写明频次。",
    en: "One draw cannot take more than the whole pool; repeated inspections are a frequency.",
  },
  check: (ctx) => parserIssues(ctx, "quota", (code) => code === "quota_over_100"),
};
