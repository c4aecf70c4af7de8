import { type Issue } from "../../result.js";
import { departmentKey } from "../_columns.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";

/**
 * Lint rule "self-cooperator": the initiator is not its own cooperator.
 * @public
 */
export const selfCooperator: LintRule = {
  id: "self-cooperator",
  severity: "error",
  codes: ["cooperator_is_initiator"],
  description: { zh: "配合部门就是发起部门本身", en: "The cooperating department is the initiator itself" },
  rationale: {
    zh: "部门联合抽查须由两个以上部门共同实施（国发〔2019〕5号）；发起部门自己“配合”自己，任务实为单部门抽查。",
    en: "A joint inspection involves two or more departments (国发〔2019〕5号); an initiator cooperating with itself makes it a single-department task.",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      // The initiator normalized once per task, not once per cooperator (a long cell made that quadratic).
      const initiator = departmentKey(t.initiator);
      if (initiator === "") continue;
      for (const c of t.cooperators) {
        if (departmentKey(c) === initiator) out.push(issue("cooperator_is_initiator", { department: c }, ctx.where(t, "cooperators")));
      }
    }
    return out;
  },
};
