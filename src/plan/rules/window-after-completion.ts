import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "window-after-completion": no task runs past the plan's completion date.
 * @public
 */
export const windowAfterCompletion: LintRule = {
  id: "window-after-completion",
  severity: "warning",
  codes: ["window_after_completion"],
  description: { zh: "抽查时间晚于计划完成日期", en: "The window ends after the plan's completion date" },
  rationale: {
    zh: "计划通知规定的完成日期（如晋市双随机办〔2023〕2号“12月15日前全部完成”）之后的抽查无法按时总结、公示。",
    en: "Inspections after the completion date set by the notice (e.g. 晋市双随机办〔2023〕2号: all done by 15 December) cannot be reported in time.",
  },
  check(ctx) {
    const completion = ctx.plan.completionDate;
    if (completion === undefined) return [];
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const w = ctx.window(t);
      if (w.ok && w.value.end > completion) {
        out.push(issue("window_after_completion", { text: t.windowText.trim(), end: w.value.end, completion }, ctx.where(t, "window")));
      }
    }
    return out;
  },
};
