import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const quotaParse: LintRule = {
  id: "quota-parse",
  severity: "error",
  codes: ["quota_unrecognized", "quota_unrecognized_text", "quota_words_unused", "quota_ratio_without_number", "unsupported_structure", "quota_number_too_long", "quota_frequency_incomplete", "quota_frequency_bound_ignored", "quota_base_described", "quota_zero"],
  description: { zh: "抽查比例无法识别或不完整", en: "The ratio cannot be read or is incomplete" },
  rationale: {
    zh: "抽查比例及频次须写得明确，才能据以计算抽取数量和分批。",
    en: "The ratio and frequency must be explicit to compute sample sizes and batches.",
  },
  check: (ctx) => parserIssues(ctx, "quota", (code) => !["quota_empty", "quota_undecided", "quota_negative", "quota_over_100", "quota_bare_number", "quota_approx_ratio", "quota_column_shift"].includes(code)),
};
