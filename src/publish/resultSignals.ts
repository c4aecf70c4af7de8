import type { EntityStatus, InspectionRecord } from "../model/entity.js";
import { type InspectionResult, parseInspectionResult, type ResultCategory, resultCategoryLabels } from "../model/result.js";
import { compareCodePoints } from "../draw/order.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue } from "./_issue.js";
import { requireArray } from "../_internal/argument.js";

/**
 * What next year's plan should know about one entity from this year's results (结果运用).
 * @public
 */
export interface ResultSignal {
  readonly entityId: string;
  readonly entityName: string;
  /** Tasks that inspected it (more than one: 多头/重复检查). */
  readonly taskIds: readonly string[];
  /** Categories found, one per result, in date order. */
  readonly categories: readonly ResultCategory[];
  /** A problem was found: the credit-risk classification should weigh it (a higher tier next year). */
  readonly problemFound: boolean;
  /** Listed, or due to be listed, in the 经营异常名录 (无法联系, 弄虚作假, or a recorded listing). */
  readonly abnormalList: boolean;
  /** The registration status the results show (已注销/已吊销/已迁出/停业): next year's pool excludes it as inactive. */
  readonly status: EntityStatus | null;
  /** A case was filed or the matter transferred: follow-up is still open. */
  readonly openFollowUp: boolean;
  /** The inspections as pool records (date, items, inspectors), for 避免重复检查 and recusal of the last inspectors. */
  readonly inspections: readonly InspectionRecord[];
}

const STATUS_OF: Partial<Record<ResultCategory, EntityStatus>> = { deregistered: "deregistered", revoked: "revoked", moved_out: "moved_out", closed: "suspended" };

/**
 * Turns a year's inspection results into signals per entity (结果运用 as data): problems found (for next year's
 * credit-risk tiers), 经营异常名录 (无法联系 and 弄虚作假 are listed, 《企业经营异常名录管理暂行办法》第四条), the status to
 * exclude it by (已注销…), open follow-ups, and its inspections as pool records — so the next plan's pool, exclusions
 * (`recentInspection`, inactive) and tiers can consume them ({@link applyResultSignals}).
 *
 * @returns one signal per entity, sorted by id; `invalid_argument` or the model's issues for bad results.
 * @example
 * ```ts
 * const r = resultSignals([{ taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"], category: "无法联系" },
 *   { taskId: "T2", entityId: "E1", entityName: "甲", inspectionDates: ["2023-09-01"], category: "已注销" }]);
 * r.ok && [r.value[0].taskIds, r.value[0].abnormalList, r.value[0].status]
 * //=> [["T1", "T2"], true, "deregistered"]
 * ```
 * @public
 */
export function resultSignals(results: readonly unknown[]): Result<ResultSignal[]> {
  if (!Array.isArray(results)) return fail([issue("invalid_argument", { detail: "results must be an array" })]);
  const issues: Issue[] = [];
  const byId = new Map<string, InspectionResult[]>();
  results.forEach((input, k) => {
    const r = parseInspectionResult(input, ["results", k]);
    if (!r.ok) {
      for (const i of r.issues) issues.push(i);
      return;
    }
    byId.set(r.value.entityId, [...(byId.get(r.value.entityId) ?? []), r.value]);
  });
  if (issues.length > 0) return fail(issues);
  const out: ResultSignal[] = [...byId.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([entityId, rs]) => {
    const sorted = [...rs].sort((a, b) => compareCodePoints(a.inspectionDates.at(-1) ?? "", b.inspectionDates.at(-1) ?? ""));
    const categories = sorted.map((r) => r.category);
    const status = [...categories].reverse().map((c) => STATUS_OF[c]).find((s) => s !== undefined) ?? null;
    return {
      entityId,
      entityName: sorted.at(-1)!.entityName,
      taskIds: [...new Set(sorted.map((r) => r.taskId))].sort(compareCodePoints),
      categories,
      problemFound: categories.some((c) => resultCategoryLabels[c].problem),
      abnormalList: sorted.some((r) => r.category === "unreachable" || r.category === "false_disclosure" || r.followUps.some((f) => f.kind === "abnormal_list")),
      status,
      openFollowUp: sorted.some((r) => r.category === "pending" || r.followUps.some((f) => f.kind === "case" || f.kind === "transfer")),
      inspections: sorted.flatMap((r) => {
        const items = r.findings.length > 0 ? r.findings.map((f) => f.itemId) : [undefined];
        const date = [...r.inspectionDates].sort().at(-1)!;
        return items.map((itemId) => ({ date, ...(itemId ? { itemId } : {}), ...(r.teamIds.length > 0 ? { inspectorIds: [...r.teamIds] } : {}) }));
      }),
    };
  });
  return settle(out, []);
}

/**
 * Applies result signals to next year's entity pool without mutating it: an entity found 已注销/已吊销/已迁出/停业 takes
 * that status (so the draw excludes it as inactive), its inspections are appended to `inspections` (for the
 * `recentInspection` exclusion and recusal of the last inspectors), and tags record 经营异常名录 and 发现问题 for the
 * department's credit-risk classification (the tier itself is the department's decision, never the SDK's).
 * @example
 * ```ts
 * const signals = unwrap(resultSignals([{ taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"], category: "已吊销" }]));
 * applyResultSignals([{ id: "E1", name: "甲" }, { id: "E2", name: "乙" }], signals).map((e) => e.status ?? "active")
 * //=> ["revoked", "active"]
 * ```
 * @public
 */
export function applyResultSignals<E extends { readonly id: string; readonly status?: string; readonly tags?: readonly string[]; readonly inspections?: readonly InspectionRecord[] }>(
  pool: readonly E[],
  signals: readonly ResultSignal[],
): E[] {
  requireArray(pool, "applyResultSignals", "the pool");
  requireArray(signals, "applyResultSignals", "the signals");
  const byId = new Map(signals.map((s) => [s.entityId, s]));
  return pool.map((e) => {
    const s = byId.get(e.id);
    if (!s) return e;
    const tags = [...(e.tags ?? [])];
    if (s.abnormalList && !tags.includes("经营异常名录")) tags.push("经营异常名录");
    if (s.problemFound && !tags.includes("抽查发现问题")) tags.push("抽查发现问题");
    return { ...e, ...(s.status ? { status: s.status } : {}), tags, inspections: [...(e.inspections ?? []), ...s.inspections] };
  });
}
