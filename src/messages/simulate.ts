import type { Catalog } from "./types.js";

/** Issue codes of plan simulation (simulatePlan) and of the lint rules that read its report (sim-*). */
export const simulateMessages = {
  simulate_invalid_options: {
    severity: "error",
    zh: "模拟参数无效：{detail}",
    en: "Invalid simulation options: {detail}",
  },
  simulate_task_skipped: {
    severity: "warning",
    zh: "任务“{task}”未参与模拟：{reason}",
    en: "Task \"{task}\" was left out of the simulation: {reason}",
  },
  simulate_no_inspectors: {
    severity: "warning",
    zh: "任务“{task}”没有可选派的执法人员（部门：{departments}），其检查对象不计入人员工作量",
    en: "Task \"{task}\" has no inspector to send (departments: {departments}); its targets add no inspector load",
  },
  sim_inspector_overload: {
    severity: "warning",
    zh: "{department}在{months}很可能超出人员工作量上限（每人每月{cap}户）：{runs}次模拟中，至少一人超过上限的概率最高为{probability}（{month}月：最忙者中位数{p50}户，95%分位{p95}户）",
    en: "{department} is likely over capacity in {months} (cap {cap} a month per inspector): in {runs} simulated years, at least one inspector exceeds it with a probability of up to {probability} (month {month}: busiest inspector median {p50}, 95th percentile {p95})",
  },
  sim_repeat_inspection: {
    severity: "warning",
    zh: "任务“{task}”与“{other}”的抽查范围重叠（共同对象{shared}户）：预计每年约{expected}户被两项任务重复检查（模拟{simulated}），应联合抽查、一次查完",
    en: "Tasks \"{task}\" and \"{other}\" overlap ({shared} entities in both scopes): about {expected} entities a year are expected to be inspected by both (simulated {simulated}); run them as one joint inspection",
  },
  sim_joint_shortage: {
    severity: "warning",
    zh: "联合抽查任务“{task}”第{batch}批（{start}至{end}）在{probability}的模拟中配不齐有资格的人员（短缺部门：{departments}）",
    en: "Joint task \"{task}\" batch {batch} ({start} to {end}) cannot be staffed with qualified members in {probability} of the simulated years (short: {departments})",
  },
} as const satisfies Catalog;
