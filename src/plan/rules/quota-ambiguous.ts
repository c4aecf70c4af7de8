import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const quotaAmbiguous: LintRule = {
  id: "quota-ambiguous",
  severity: "error",
  codes: ["quota_bare_number", "quota_approx_ratio"],
  description: { zh: "抽查比例没有单位或为约数（0.2 是20%还是0.2%？）", en: "The ratio has no unit or is approximate (is 0.2 20% or 0.2%?)" },
  rationale: {
    zh: "抽取数量须可由任何人复算（国办发〔2015〕58号：抽查结果公开、可追溯），不能猜测单位。",
    en: "Anyone must be able to recompute the sample size (国办发〔2015〕58号: results are public and traceable); units are never guessed.",
  },
  check: (ctx) => parserIssues(ctx, "quota", (code) => code === "quota_bare_number" || code === "quota_approx_ratio"),
};
