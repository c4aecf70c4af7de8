import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

const YEAR = /(20\d{2})\s*年/g;

/**
 * Lint rule "task-year": a year written in the task or plan name is the plan year.
 * @public
 */
export const taskYear: LintRule = {
  id: "task-year",
  severity: "error",
  codes: ["task_year_mismatch"],
  description: { zh: "任务名称或计划名称中的年份与计划年度不符（如2023年计划中的“2021年第一季度…”）", en: "A year in the task or plan name differs from the plan year (\"2021年第一季度…\" in a 2023 plan)" },
  rationale: {
    zh: "年度抽查计划只安排本年度任务；名称中的其他年份多为沿用旧表未改，公示后会误导被检查对象和公众。",
    en: "An annual plan holds that year's tasks; another year in a name is usually a leftover from an old table and misleads once published.",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      for (const [field, zh, en] of [["name", "抽查任务名称", "task name"], ["planName", "抽查计划名称", "plan name"]] as const) {
        const text = ctx.cell(t, field) ?? "";
        const found = new Set<string>();
        for (const m of text.normalize("NFKC").matchAll(YEAR)) if (Number(m[1]) !== ctx.year) found.add(m[1] as string);
        for (const y of found) out.push(issue("task_year_mismatch", { where: { zh, en }, found: y, year: ctx.year }, ctx.where(t, field)));
      }
    }
    return out;
  },
};
