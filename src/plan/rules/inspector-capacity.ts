import type { Inspector } from "../../model/inspector.js";
import { plainSize } from "../../quota/_size.js";
import { type Issue } from "../../result.js";
import { sameDepartment } from "../_columns.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "inspector-capacity": the inspector pool can staff the task (two inspectors per entity).
 * @public
 */
export const inspectorCapacity: LintRule = {
  id: "inspector-capacity",
  severity: "error",
  codes: ["inspectors_insufficient"],
  description: {
    zh: "执法人员名录库不足以完成任务：少于2名有执法资格的人员，或按每人每批上限（loadCap）不够每户2人（需 inspectors）",
    en: "The inspector pool cannot staff the task: fewer than two credentialed inspectors, or not enough capacity (loadCap) for two per entity (needs inspectors)",
  },
  rationale: {
    zh: "《行政处罚法》第四十二条：执法人员不得少于两人；专家和无执法资格人员不计入（国办发〔2015〕58号随机选派执法检查人员）。",
    en: "Administrative Penalty Law art. 42: at least two law-enforcement officers; experts and officers without credentials do not count (国办发〔2015〕58号).",
  },
  check(ctx) {
    const all = ctx.options.inspectors;
    if (!all) return [];
    const officers = all.filter((i) => i.credential && !i.expert);
    // A pool given for one department whose name differs from the table's wording is still that pool.
    const anyMatches = ctx.plan.tasks.some((t) => officers.some((i) => sameDepartment(i.department, t.initiator)));
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const pool: Inspector[] = anyMatches ? officers.filter((i) => sameDepartment(i.department, t.initiator)) : officers;
      const department = t.initiator || ctx.plan.issuer;
      if (pool.length < 2) {
        out.push(issue("inspectors_insufficient", { needed: 2, available: pool.length, department }, ctx.where(t, "initiator")));
        continue;
      }
      const q = ctx.quota(t);
      const size = ctx.poolSize(t);
      if (!q.ok || size === undefined) continue;
      const k = plainSize(q.value, size, "up", true);
      if (k === undefined) continue;
      const available = pool.reduce((sum, i) => sum + Math.min(i.loadCap ?? k, k), 0);
      if (available < 2 * k) out.push(issue("inspectors_insufficient", { needed: 2 * k, available, department }, ctx.where(t, "initiator")));
    }
    return out;
  },
};
