import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const windowParse: LintRule = {
  id: "window-parse",
  severity: "error",
  codes: ["window_unparseable", "window_end_before_start", "window_invalid_date", "window_overlap", "window_ambiguous", "window_unit_inferred", "window_duplicate", "window_half_mismatch"],
  description: { zh: "抽查时间无法识别、有歧义或自相矛盾", en: "The window cannot be read, is ambiguous or contradicts itself" },
  rationale: {
    zh: "抽查时间须能换算为确定日期，才能分批并计算公示期限（20个工作日内公示）。",
    en: "The window must resolve to dates to schedule batches and the 20-working-day publication deadline.",
  },
  check: (ctx) => parserIssues(ctx, "window", (code) => code !== "window_empty" && code !== "window_outside_year"),
};
