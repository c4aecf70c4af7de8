import type { Issue } from "../result.js";
import type { MatchRules } from "../match/types.js";
import type { EntityInput, Entity } from "../model/entity.js";
import type { Inspector, InspectorInput } from "../model/inspector.js";
import type { TargetFilter } from "../model/plan.js";
import type { TierPolicy } from "../model/policy.js";

/**
 * The pools a plan is simulated over: the entity pool (检查对象名录库), the inspector pool (执法检查人员名录库)
 * and, per task id, what the plan's text does not say in a structured way.
 *
 * @remarks
 * - `scopes`: the subset a task draws from (a {@link TargetFilter}); default the task's own `filter`, else the
 *   whole pool. Only active (存续) entities are drawn.
 * - `experts`: the 专家库, as `matchInspectors` takes it; a task sends experts when its rules set `experts`.
 * - `rules`: the task's {@link MatchRules}; default: a joint task (配合部门 given) sends at least one member of
 *   the 发起部门 and of each 配合部门, a one-department task sends members of its 发起部门 (when the pool has
 *   any; else anyone), two credentialed members per target.
 * - `policies`: a credit-risk {@link TierPolicy} (分类抽查); default: the task's 智慧监管要求 text when
 *   `parseTierPolicy` reads one, else one unstratified draw.
 * @public
 */
export interface SimulationPools {
  readonly entities: readonly (Entity | EntityInput)[];
  readonly inspectors: readonly (Inspector | InspectorInput)[];
  /** The expert pool (专家库), sent when a task's rules ask for `experts`; an inspector marked `expert` is one too. */
  readonly experts?: readonly (Inspector | InspectorInput)[];
  readonly scopes?: Readonly<Record<string, TargetFilter>>;
  readonly rules?: Readonly<Record<string, MatchRules>>;
  readonly policies?: Readonly<Record<string, TierPolicy>>;
}

/**
 * Options of `simulatePlan`.
 * @public
 */
export interface SimulateOptions {
  /** Simulated years (Monte Carlo runs), 1 … 1,000,000. */
  readonly runs: number;
  /** Seed of the seedrandom stream: same seed, same plan, same pools → the same report. */
  readonly seed: string;
  /** Plan year; defaults to `plan.year`. */
  readonly year?: number;
  /**
   * The monthly workload cap the P(over cap) figures compare against: one number for everyone or one per
   * inspector id. Default: the inspector's own `loadCap` (then no figure for people without one).
   */
  readonly monthlyCap?: number | Readonly<Record<string, number>>;
  /** Load percentiles to report, each in (0, 1). Default [0.5, 0.9, 0.95]. */
  readonly percentiles?: readonly number[];
  /** Inspections per entity are tallied 0, 1, …, `maxCount` (the last bin is "`maxCount` or more"). Default 4. */
  readonly maxCount?: number;
  /** Called after every chunk of runs with (runs done, runs). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * A Monte Carlo estimate: the mean over the runs and its standard error (the error bar; ±2·se is about a 95%
 * interval).
 * @public
 */
export interface Estimate {
  readonly mean: number;
  readonly se: number;
}

/**
 * A load percentile over the runs with a distribution-free 95% interval from the order statistics.
 * @public
 */
export interface Percentile {
  /** The level, e.g. 0.95. */
  readonly p: number;
  readonly value: number;
  /** 95% interval of the percentile (order-statistic ranks ±1.96·√(runs·p·(1−p))). */
  readonly interval: readonly [number, number];
}

/**
 * One inspector in one month of the plan year.
 * @public
 */
export interface InspectorMonthLoad {
  readonly inspectorId: string;
  readonly name: string;
  readonly department: string;
  /** True for a member of the expert pool (专家), sent on a task's expert slots. */
  readonly expert: boolean;
  /** 1 … 12. */
  readonly month: number;
  /** Targets inspected in the month (simulated). */
  readonly load: Estimate;
  /** Expected targets in the month, computed exactly (see `exact`). */
  readonly expected: number;
  /**
   * True when `expected` is exact for this inspector: no per-batch cap, region or recusal restriction applies to
   * the tasks he takes part in, so members are uniform picks. Otherwise it is the unrestricted expectation.
   */
  readonly exact: boolean;
  readonly percentiles: readonly Percentile[];
  /** The monthly cap compared against, when one applies. */
  readonly cap?: number;
  /** P(load > cap), simulated. */
  readonly overCap?: Estimate;
}

/**
 * One department in one month: the load of its busiest member, and the chance that anyone exceeds the cap.
 * @public
 */
export interface DepartmentMonthLoad {
  readonly department: string;
  /** True for the experts (专家) of this organisation, kept apart from its inspectors. */
  readonly experts: boolean;
  readonly month: number;
  /** Members taking part in at least one task. */
  readonly inspectors: number;
  /** Percentiles of the busiest member's load in the month. */
  readonly busiest: readonly Percentile[];
  /** Mean load per member (simulated) and its exact expectation. */
  readonly meanLoad: Estimate;
  readonly expectedMeanLoad: number;
  /** The smallest monthly cap among the members, when one applies. */
  readonly cap?: number;
  /** P(at least one member's load > his cap). */
  readonly anyOverCap?: Estimate;
}

/**
 * One batch of one task (a department's window): the chance that the matching cannot staff every target.
 * @public
 */
export interface WindowFeasibility {
  readonly taskId: string;
  readonly taskName: string;
  /** 1-based batch number of the task. */
  readonly batch: number;
  readonly start: string;
  readonly end: string;
  /** The departments that take part (发起部门 first). */
  readonly departments: readonly string[];
  readonly joint: boolean;
  /** Targets drawn in the batch. */
  readonly targets: number;
  /** P(at least one target cannot get its team even after the matching's repair step), simulated. */
  readonly infeasible: Estimate;
  /** Per department, P(it was the one that ran short), simulated; only departments that ever ran short. */
  readonly short: readonly { readonly department: string; readonly probability: number }[];
  /** P(the expert slots (专家) could not be filled), simulated. */
  readonly expertsShort: number;
  /**
   * P(the greedy picks left a slot empty that the matching's repair then filled by moving people), simulated:
   * these batches are staffed, but only thanks to the repair.
   */
  readonly repaired: number;
}

/**
 * One value of a grouping (tier, region, industry) of the entity pool.
 * @public
 */
export interface EntityGroupStats {
  readonly dimension: "tier" | "region" | "industry";
  /** The tier letter, region code or industry; "" for entities without one. */
  readonly value: string;
  readonly entities: number;
  /** Inspections per entity per year: simulated mean and exact expectation. */
  readonly inspections: { readonly simulated: Estimate; readonly exact: number };
  /** Share of the group's entities inspected k times in the year (the last k means "k or more"). */
  readonly distribution: readonly { readonly k: number; readonly simulated: Estimate; readonly exact: number }[];
  /** Share of the group's entities inspected by two or more different tasks in the year (重复检查). */
  readonly repeatedAcrossTasks: { readonly simulated: Estimate; readonly exact: number };
  /** P(at least one entity of the group is inspected by two or more tasks in the year), simulated. */
  readonly anyRepeated: Estimate;
  /** P(at least one entity of the group is inspected three or more times in the year), simulated. */
  readonly anyThreeTimes: Estimate;
}

/**
 * Two tasks whose scopes share entities: how many entities are expected to be inspected by both in the year.
 * @public
 */
export interface TaskOverlap {
  readonly taskIds: readonly [string, string];
  readonly taskNames: readonly [string, string];
  /** Entities in both scopes. */
  readonly shared: number;
  /** Entities inspected by both tasks in the year: simulated and exact expectation. */
  readonly both: { readonly simulated: Estimate; readonly exact: number };
  /** True when the two tasks have batches in one calendar quarter (then a joint inspection is possible). */
  readonly sameQuarter: boolean;
}

/**
 * How one task was laid out for the simulation: its scope size and its batches with their sizes.
 * @public
 */
export interface SimulatedTask {
  readonly taskId: string;
  readonly taskName: string;
  readonly eligible: number;
  readonly departments: readonly string[];
  readonly batches: readonly { readonly start: string; readonly end: string; readonly size: number }[];
}

/**
 * The result of `simulatePlan`.
 * @public
 */
export interface SimulationReport {
  readonly runs: number;
  readonly seed: string;
  readonly year: number;
  /** The generator: seedrandom's Alea (not the verifiable SHA-256 stream of the draw). */
  readonly generator: "seedrandom.alea";
  readonly tasks: readonly SimulatedTask[];
  readonly inspectors: readonly InspectorMonthLoad[];
  readonly departments: readonly DepartmentMonthLoad[];
  readonly windows: readonly WindowFeasibility[];
  readonly groups: readonly EntityGroupStats[];
  readonly overlaps: readonly TaskOverlap[];
  /** Tasks left out and why (`simulate_task_skipped`, `simulate_no_inspectors`). */
  readonly notes: readonly Issue[];
}
