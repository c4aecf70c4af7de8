import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const quotaUndecided: LintRule = {
  id: "quota-undecided",
  severity: "error",
  codes: ["quota_undecided"],
  description: { zh: "抽查比例“待定”等尚未确定", en: "The ratio is not decided (待定)" },
  rationale: {
    zh: "年度抽查计划应在公布前确定抽查比例（国发〔2019〕5号：制定并公布年度抽查计划）。",
    en: "An annual plan is published with its ratios decided (国发〔2019〕5号: annual plans are drawn up and made public).",
  },
  check: (ctx) => parserIssues(ctx, "quota", (code) => code === "quota_undecided"),
};
