import { compareCodePoints } from "../draw/order.js";
import type { MatchSection } from "../match/types.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue } from "./_issue.js";
import { percent } from "./publicationPackage.js";
import { type ReconcileOptions, reconcileResults, type ResultsRecord, targetsOf } from "./reconcileResults.js";

/**
 * One task (or batch) of the year: its record, its results, and its window (which fixes its 公示 deadline).
 * @public
 */
export interface YearTask {
  readonly record: ResultsRecord;
  readonly results: readonly unknown[];
  readonly window?: ReconcileOptions["window"];
  /** Whether the task is joint (部门联合); by default, read from the record's matching rules (more than one department). */
  readonly joint?: boolean;
}

/**
 * Options of {@link yearStatistics}.
 * @public
 */
export interface YearStatisticsOptions extends Omit<ReconcileOptions, "window"> {
  /** Size of the pool the year's tasks drew from (distinct entities), for coverage. */
  readonly poolSize?: number;
}

/**
 * Plan-level figures over a year of records and results.
 * @public
 */
export interface YearStatistics {
  /** Per task: targets, results, entered on time, and whether it was complete by its deadline. */
  readonly tasks: readonly {
    readonly taskId: string;
    readonly targets: number;
    readonly inspected: number;
    /** Results entered by the deadline (null when the task does not reconcile: see `mismatches`). */
    readonly enteredOnTime: number | null;
    /** Every target has a result entered by the deadline (false when any is missing, late or undated). */
    readonly completeByDeadline: boolean;
    readonly joint: boolean;
    /** Error codes the reconciliation found for this task (empty when it reconciles). */
    readonly mismatches: readonly string[];
  }[];
  /** Distinct entities inspected over the year. */
  readonly entitiesInspected: number;
  /** entitiesInspected / poolSize as a percentage ("" without a pool size). */
  readonly coverage: string;
  readonly jointTasks: number;
  /** jointTasks / tasks as a percentage. */
  readonly jointShare: string;
  /** Entities inspected by more than one task in the year (多头/重复检查), with the tasks. */
  readonly repeated: readonly { readonly entityId: string; readonly taskIds: readonly string[] }[];
}

function jointOf(t: YearTask): boolean {
  if (t.joint !== undefined) return t.joint;
  const departments = (t.record.match as Partial<MatchSection> | undefined)?.rules?.departments;
  if (!departments) return false;
  return (Array.isArray(departments) ? departments.length : Object.keys(departments).length) > 1;
}

/**
 * Year statistics over the tasks' records and results: completion of each task by its 公示 deadline, coverage of the
 * pool, the share of joint tasks (部门联合), and entities inspected by more than one task (多头/重复检查, which the
 * plans ask to avoid). Each task is reconciled; its mismatches are listed rather than failing the whole year.
 * @returns the statistics; `invalid_argument` when `tasks` is not an array.
 * @example
 * ```ts
 * const rec = (taskId, id) => ({ taskId, announcement: { digest: "a".repeat(64) }, selections: [{ id, stratum: "all" }], replacements: [] });
 * const res = (taskId, id) => ({ taskId, entityId: id, entityName: id, inspectionDates: ["2023-06-01"], enteredOn: "2023-06-02", category: "未发现问题" });
 * const s = unwrap(yearStatistics([{ record: rec("T1", "E1"), results: [res("T1", "E1")], window: { start: "2023-06-01", end: "2023-06-30" } },
 *   { record: rec("T2", "E1"), results: [], window: { start: "2023-09-01", end: "2023-09-30" }, joint: true }], { poolSize: 4 }));
 * [s.tasks.map((t) => t.completeByDeadline), s.coverage, s.jointShare, s.repeated.length]
 * //=> [[true, false], "25.00%", "50.00%", 0]
 * ```
 * @public
 */
export function yearStatistics(tasks: readonly YearTask[], options: YearStatisticsOptions = {}): Result<YearStatistics> {
  if (!Array.isArray(tasks)) return fail([issue("invalid_argument", { detail: "tasks must be an array" })]);
  const warnings: Issue[] = [];
  const inspectedBy = new Map<string, Set<string>>();
  const rows = tasks.map((t) => {
    const r = reconcileResults(t.record, t.results, { ...options, ...(t.window ? { window: t.window } : {}) });
    const joint = jointOf(t);
    const targets = r.ok ? r.value.targets : null;
    const mismatches = r.ok ? [] : [...new Set(r.issues.filter((i) => i.severity === "error").map((i) => i.code))];
    // Who was inspected is read from the results themselves, reconciled or not: a repeat inspection is a fact either way.
    for (const x of t.results as readonly { entityId?: unknown; taskId?: unknown }[]) {
      if (typeof x?.entityId !== "string") continue;
      const set = inspectedBy.get(x.entityId) ?? new Set<string>();
      set.add(typeof x.taskId === "string" ? x.taskId : t.record.taskId);
      inspectedBy.set(x.entityId, set);
    }
    const all = targetsOf(t.record);
    const withResult = new Set((t.results as readonly { entityId?: unknown }[]).map((x) => x?.entityId));
    const inspected = all.filter((x) => withResult.has(x.id)).length;
    const enteredOnTime = targets ? targets.filter((x) => x.onTime === true).length : null;
    return {
      taskId: t.record.taskId,
      targets: all.length,
      inspected,
      enteredOnTime,
      completeByDeadline: targets !== null && enteredOnTime === targets.length,
      joint,
      mismatches,
    };
  });
  const jointTasks = rows.filter((r) => r.joint).length;
  const repeated = [...inspectedBy.entries()]
    .filter(([, s]) => s.size > 1)
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([entityId, s]) => ({ entityId, taskIds: [...s].sort(compareCodePoints) }));
  return settle({
    tasks: rows,
    entitiesInspected: inspectedBy.size,
    coverage: options.poolSize ? percent(inspectedBy.size, options.poolSize) : "",
    jointTasks,
    jointShare: percent(jointTasks, rows.length),
    repeated,
  }, warnings);
}
