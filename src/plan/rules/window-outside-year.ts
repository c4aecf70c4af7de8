import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const windowOutsideYear: LintRule = {
  id: "window-outside-year",
  severity: "error",
  codes: ["window_outside_year"],
  description: { zh: "抽查时间不在计划年度内", en: "The window lies outside the plan year" },
  rationale: {
    zh: "年度计划只安排本年度的抽查；其他年度的时间多为沿用旧表未改。",
    en: "An annual plan schedules that year only; another year is usually a leftover from an old table.",
  },
  check: (ctx) => parserIssues(ctx, "window", (code) => code === "window_outside_year"),
};
