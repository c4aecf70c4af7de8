import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { percent, simIssue, whereTask } from "./sim-shared.js";

/** P(a batch cannot be staffed) from which the rule warns. */
const LIKELY = 0.1;

/**
 * Lint rule "sim-joint-shortage" (needs `simulation`): a joint task's departments often lack enough qualified
 * members for a batch (regions, recusal, caps, qualifications).
 * @public
 */
export const simJointShortage: LintRule = {
  id: "sim-joint-shortage",
  severity: "warning",
  codes: ["sim_joint_shortage"],
  description: {
    zh: "按计划模拟（simulation），联合抽查任务某批次有不低于10%的概率配不齐各部门有资格的人员",
    en: "By the plan simulation (simulation), a joint task's batch cannot be staffed with qualified members of every department in 10% of the simulated years or more",
  },
  rationale: {
    zh: "部门联合抽查须由各部门执法人员共同组成检查组，每个检查对象不少于2名执法人员（《行政处罚法》第四十二条）。",
    en: "A joint inspection sends members of every department, at least two officers per target (Administrative Penalty Law art. 42).",
  },
  check(ctx) {
    const sim = ctx.options.simulation;
    if (!sim) return [];
    const out: Issue[] = [];
    for (const w of sim.windows) {
      if (!w.joint || w.infeasible.mean < LIKELY) continue;
      out.push(simIssue("sim_joint_shortage", {
        task: w.taskName, batch: w.batch, start: w.start, end: w.end, probability: percent(w.infeasible.mean),
        departments: w.short.map((s) => s.department).join("、") || w.departments.join("、"),
      }, whereTask(ctx, w.taskId, "cooperators")));
    }
    return out;
  },
};
