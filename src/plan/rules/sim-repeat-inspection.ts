import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { simIssue, whereTask } from "./sim-shared.js";

/** Expected entities inspected by both tasks in the year from which the rule warns. */
const LIKELY = 1;

/**
 * Lint rule "sim-repeat-inspection" (needs `simulation`): two tasks whose scopes overlap are expected to inspect at
 * least one entity twice in the year (多头检查、重复检查).
 * @public
 */
export const simRepeatInspection: LintRule = {
  id: "sim-repeat-inspection",
  severity: "warning",
  codes: ["sim_repeat_inspection"],
  description: {
    zh: "按计划模拟（simulation），两项任务的抽查范围重叠，预计每年至少有1户被两项任务重复检查",
    en: "By the plan simulation (simulation), two tasks' scopes overlap so that at least one entity a year is expected to be inspected by both",
  },
  rationale: {
    zh: "国发〔2019〕5号：同一市场主体的多个检查事项原则上一次完成；部门规定同一年度内对同一检查对象的抽查原则上不超过1次，不同处室同一季度应联合抽查、一次查完。",
    en: "国发〔2019〕5号: inspections of one entity are combined; ministries' rules allow one inspection of an entity per year for one matter, and offices inspecting in one quarter should go together.",
  },
  check(ctx) {
    const sim = ctx.options.simulation;
    if (!sim) return [];
    const out: Issue[] = [];
    for (const o of sim.overlaps) {
      if (o.both.exact < LIKELY) continue;
      out.push(simIssue("sim_repeat_inspection", {
        task: o.taskNames[0], other: o.taskNames[1], shared: o.shared, expected: o.both.exact.toFixed(2),
        simulated: `${o.both.simulated.mean.toFixed(2)} ± ${(2 * o.both.simulated.se).toFixed(2)}`,
      }, whereTask(ctx, o.taskIds[0], "scope")));
    }
    return out;
  },
};
