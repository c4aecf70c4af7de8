import { type Issue } from "../../result.js";
import type { DepartmentMonthLoad } from "../../simulate/types.js";
import type { LintRule } from "../rule.js";
import { percent, simIssue, whereDepartment } from "./sim-shared.js";

/** P(anyone over the cap in the month) from which the rule warns. */
const LIKELY = 0.5;

/**
 * Lint rule "sim-inspector-overload" (needs `simulation`): a department's inspectors are likely over their monthly
 * cap in a month of the plan year, by the simulated busiest member.
 * @public
 */
export const simInspectorOverload: LintRule = {
  id: "sim-inspector-overload",
  severity: "warning",
  codes: ["sim_inspector_overload"],
  description: {
    zh: "按计划模拟（simulation），某部门某月至少一名执法人员超过工作量上限的概率不低于50%",
    en: "By the plan simulation (simulation), the chance that at least one inspector of a department exceeds the monthly cap in a month is 50% or more",
  },
  rationale: {
    zh: "随机选派须兼顾执法力量（国办发〔2015〕58号）；超负荷的月份应错开任务、调整比例或补充人员。",
    en: "Random assignment must fit the enforcement staff (国办发〔2015〕58号); overloaded months call for moving tasks, lower ratios or more staff.",
  },
  check(ctx) {
    const sim = ctx.options.simulation;
    if (!sim) return [];
    // One finding per department: its likely-overloaded months and the worst of them.
    const byDepartment = new Map<string, DepartmentMonthLoad[]>();
    for (const d of sim.departments) {
      if (d.anyOverCap === undefined || d.cap === undefined || d.anyOverCap.mean < LIKELY) continue;
      let list = byDepartment.get(d.department);
      if (!list) byDepartment.set(d.department, (list = []));
      list.push(d);
    }
    const out: Issue[] = [];
    for (const [department, months] of byDepartment) {
      const worst = months.reduce((a, b) => ((b.anyOverCap?.mean ?? 0) > (a.anyOverCap?.mean ?? 0) ? b : a));
      const at = (p: number) => worst.busiest.find((x) => x.p === p)?.value ?? worst.busiest.reduce((m, x) => Math.max(m, x.value), Number.NEGATIVE_INFINITY);
      out.push(simIssue("sim_inspector_overload", {
        department, months: monthList(months.map((m) => m.month)), runs: sim.runs,
        probability: percent(worst.anyOverCap?.mean ?? 0), cap: worst.cap ?? 0, month: worst.month, p50: at(0.5), p95: at(0.95),
      }, whereDepartment(ctx, department)));
    }
    return out;
  },
};

/** [3, 4, 5, 9] → "3—5月、9月" (months written as the plans write them). */
function monthList(months: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const m of [...months].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && m === last[1] + 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}月` : `${a}—${b}月`)).join("、");
}
