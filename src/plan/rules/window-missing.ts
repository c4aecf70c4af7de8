import { parserIssues } from "../_context.js";
import type { LintRule } from "../rule.js";

/**
 * A lint rule over the readings of parseQuota / parseWindow (see its description).
 * @public
 */
export const windowMissing: LintRule = {
  id: "window-missing",
  severity: "error",
  codes: ["window_empty"],
  description: { zh: "抽查时间为空", en: "The inspection window is empty" },
  rationale: {
    zh: "年度抽查计划应明确抽查时间（国发〔2019〕5号）；没有时间就无法安排批次和公示期限。",
    en: "An annual plan states when each task runs (国发〔2019〕5号); without it no batch or publication deadline can be set.",
  },
  check: (ctx) => parserIssues(ctx, "window", (code) => code === "window_empty"),
};
