import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const quotaMissing: LintRule = {
  id: "quota-missing",
  severity: "error",
  codes: ["quota_empty"],
  description: { zh: "抽查比例为空", en: "The sampling ratio is empty" },
  rationale: {
    zh: "没有抽查比例就无法确定抽取数量；国发〔2019〕5号要求合理确定、动态调整抽查比例和频次。",
    en: "Without a ratio no sample size can be fixed; 国发〔2019〕5号 requires the ratio and frequency of every task to be set.",
  },
  check: (ctx) => parserIssues(ctx, "quota", (code) => code === "quota_empty"),
};
