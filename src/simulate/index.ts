/**
 * double-random/simulate: plan simulation (计划模拟) on a fast seeded stream (seedrandom). Kept apart from the
 * main entry so that the verifiable draw never loads seedrandom.
 *
 * @packageDocumentation
 */
export { simulatePlan } from "./simulatePlan.js";
export { renderLoadChart, type LoadChartOptions } from "./renderLoadChart.js";
export type {
  SimulationPools, SimulateOptions, Estimate, Percentile, InspectorMonthLoad, DepartmentMonthLoad, WindowFeasibility,
  EntityGroupStats, TaskOverlap, SimulatedTask, SimulationReport,
} from "./types.js";
