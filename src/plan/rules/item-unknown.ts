import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { refersTo } from "./_items.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "item-unknown": each task's check items are in the item list (needs items).
 * @public
 */
export const itemUnknown: LintRule = {
  id: "item-unknown",
  severity: "warning",
  codes: ["item_not_in_list"],
  description: { zh: "任务的抽查事项不在抽查事项清单中", en: "The task's check item is not in the item list" },
  rationale: {
    zh: "“清单之外无检查”：抽查只能针对事项清单内的事项（国办发〔2015〕58号：制定随机抽查事项清单）。",
    en: "Nothing is inspected outside the list: draws cover listed items only (国办发〔2015〕58号: the random-inspection item list).",
  },
  check(ctx) {
    const items = ctx.options.items;
    if (!items || items.length === 0) return [];
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      if (t.items.length === 0 || items.some((i) => refersTo(t, i))) continue;
      out.push(issue("item_not_in_list", { text: t.items.join("；") }, ctx.where(t, "items")));
    }
    return out;
  },
};
