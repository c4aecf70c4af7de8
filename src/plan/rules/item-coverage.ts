
import type { LintRule } from "../rule.js";
import { refersTo } from "./_items.js";
import { issue } from "../_issue.js";

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * Lint rule "item-coverage": the plan covers enough of the item list (needs items).
 * @public
 */
export const itemCoverage: LintRule = {
  id: "item-coverage",
  severity: "warning",
  codes: ["item_coverage_low"],
  description: { zh: "计划覆盖的抽查事项占事项清单的比例低于目标（默认80%，caps.itemCoverage）", en: "The share of the item list the plan covers is below the target (default 80%, caps.itemCoverage)" },
  rationale: {
    zh: "国发〔2019〕5号：抽查事项清单应全覆盖，清单内事项均应纳入年度抽查计划。",
    en: "国发〔2019〕5号: the item list is to be covered in full by the annual plans.",
  },
  check(ctx) {
    const items = ctx.options.items;
    if (!items || items.length === 0) return [];
    const missing = items.filter((i) => !ctx.plan.tasks.some((t) => refersTo(t, i)));
    const coverage = (items.length - missing.length) / items.length;
    if (coverage >= ctx.caps.itemCoverage) return [];
    const names = missing.slice(0, 5).map((i) => i.name).join("、") + (missing.length > 5 ? `等${missing.length}项` : "");
    return [issue("item_coverage_low", { coverage: pct(coverage), target: pct(ctx.caps.itemCoverage), missing: names })];
  },
};
