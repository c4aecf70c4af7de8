import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const quotaNegative: LintRule = {
  id: "quota-negative",
  severity: "error",
  codes: ["quota_negative"],
  description: { zh: "抽查比例为负数", en: "The ratio is negative" },
  rationale: {
    zh: "比例是名录库的一部分，不可能为负。",
    en: "A ratio is a share of the pool and cannot be negative.",
  },
  check: (ctx) => parserIssues(ctx, "quota", (code) => code === "quota_negative"),
};
