import { type Issue } from "../../result.js";
import type { Task } from "../../model/plan.js";
import { sameDepartment } from "../_columns.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { ISSUE12 } from "./_source.js";

const norm = (s: string) => s.normalize("NFKC").replace(/[\s，,。；;、]+/g, "");
// Scopes too general to say two tasks draw the same entities ("全市企业" is everyone).
const GENERIC = /^(全[市县区省]|辖区内?|本辖区)?(各类)?(企业|市场主体|经营主体|单位|行政相对人)$/;
const MAX_TASKS = 5000;

function joined(a: Task, b: Task): boolean {
  return a.cooperators.some((c) => sameDepartment(c, b.initiator)) || b.cooperators.some((c) => sameDepartment(c, a.initiator));
}

/**
 * Lint rule "scope-overlap": two departments do not draw from the same entities in separate tasks (多头检查) when
 * the scopes visibly overlap and neither task is joint with the other.
 * @public
 */
export const scopeOverlap: LintRule = {
  id: "scope-overlap",
  severity: "warning",
  codes: ["scope_overlap_not_joint"],
  description: { zh: "两个部门的任务抽查对象范围相同或包含，却各自抽查、互不配合（多头检查）", en: "Two departments' tasks draw from the same (or contained) scope separately, neither joint with the other" },
  rationale: {
    zh: `国发〔2019〕5号：同一部门对同一对象的多个检查事项原则上一次完成，不同部门对同一对象的检查应联合实施，避免多头执法、重复检查。仅在对象范围写法相同或一方包含另一方时报告。${ISSUE12.zh}。`,
    en: `国发〔2019〕5号: inspections of the same entities by different departments are carried out jointly, to avoid repeated inspections. Reported only where one scope equals or contains the other. ${ISSUE12.en}.`,
  },
  check(ctx) {
    const out: Issue[] = [];
    const tasks = ctx.plan.tasks.filter((t) => t.initiator.trim() !== "" && norm(t.scope).length >= 4 && !GENERIC.test(norm(t.scope)));
    if (tasks.length > MAX_TASKS) return out;
    const reported = new Set<Task>();
    for (let j = 1; j < tasks.length; j++) {
      const b = tasks[j] as Task;
      const sb = norm(b.scope);
      for (let i = 0; i < j; i++) {
        const a = tasks[i] as Task;
        if (reported.has(b) || sameDepartment(a.initiator, b.initiator) || (a.region ?? "") !== (b.region ?? "")) continue;
        const sa = norm(a.scope);
        if (!(sa === sb || sa.includes(sb) || sb.includes(sa))) continue;
        if (joined(a, b)) continue;
        reported.add(b);
        out.push(issue("scope_overlap_not_joint", { scope: b.scope.trim(), other: a.scope.trim(), first: a.source?.row ?? 0, initiator: b.initiator, otherInitiator: a.initiator }, ctx.where(b, "scope")));
      }
    }
    return out;
  },
};
