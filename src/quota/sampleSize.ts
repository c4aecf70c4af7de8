import { parseWith } from "../_internal/zod.js";
import { Quota, type QuotaCount } from "../model/quota.js";
import { fail, type Message, type Result } from "../result.js";
import { sizeOfQuota } from "./_sizeOfQuota.js";
import { issue } from "./_sizingIssue.js";

/**
 * How an `exact` ratio ("20%") is rounded: `up` (ceiling, the default), `halfUp` (0.5 → 1) or `down` (floor).
 * `atLeast` ratios always round up and `atMost` ratios always round down.
 * @public
 */
export type Rounding = "up" | "halfUp" | "down";

/**
 * Options of {@link sampleSize}.
 * @public
 */
export interface SampleSizeOptions {
  /** Rounding of an `exact` ratio. Default `"up"`. */
  readonly rounding?: Rounding;
  /** A non-empty pool gets at least one entity even when the ratio gives 0. Default `true`. */
  readonly minimumOne?: boolean;
  /** For a quota with `segments`: the `scope` of the segment to size. */
  readonly segment?: string;
}

/**
 * Stable id of the rule that fixed a {@link SampleSize}: `empty_pool`; `ratio_ceil`, `ratio_floor`,
 * `ratio_half_up` (the ratio, rounded); `count_exact`, `count_at_least`, `count_at_most`, `count_approx`
 * (a count decided it); `minimum_one` (raised to 1); `pool_cap` (cut to the pool size).
 * @public
 */
export type SampleSizeRule =
  | "empty_pool"
  | "ratio_ceil"
  | "ratio_floor"
  | "ratio_half_up"
  | "count_exact"
  | "count_at_least"
  | "count_at_most"
  | "count_approx"
  | "minimum_one"
  | "pool_cap";

/**
 * The number of entities to draw for one draw of a quota, with the rule that fixed it and an explanation
 * in zh and en.
 * @public
 */
export interface SampleSize {
  /** Entities to draw (per draw: a frequency of "每半年" means this many each half year). */
  readonly size: number;
  /** The rule that fixed `size`. */
  readonly rule: SampleSizeRule;
  /** The computation in words, e.g. "名录库21户 × 不低于10% = 2.1，向上取整为3户". */
  readonly explanation: Message;
  /** The size the ratio alone gives (after rounding), when the quota has a ratio. */
  readonly ratioSize?: number;
  /** The count of the quota that took part, when it has one. */
  readonly countBound?: QuotaCount;
}

/**
 * The sample size of a quota for a pool of `poolSize` entities, in exact integer arithmetic (BigInt; never
 * floats, since `Math.ceil(0.07 * 100)` is 8).
 *
 * @remarks
 * Ratios: `atLeast` rounds up, `atMost` rounds down, `exact` follows `options.rounding` (up by default).
 * Counts combine with the ratio: "不少于4户" raises it, "不超过5家" lowers it, "约6家" is a cross-check
 * (a warning when it differs; the ratio decides). A count alone is the size. An empty pool gets 0; a
 * non-empty pool at least 1 unless `minimumOne: false` (an explicit 0% stays 0); never more than the pool. The size is per draw;
 * the calendar splits the year by `frequency`, and a `cumulative` quota's size is the year's total.
 *
 * Issue codes: `quota_invalid_pool_size`, `quota_no_size`, `quota_segments_need_choice`,
 * `quota_segment_unknown`, `quota_bounds_conflict`, schema codes for a malformed quota (errors);
 * `quota_count_exceeds_pool`, `quota_count_mismatch`, `quota_minimum_one_exceeds_bound` (warnings).
 *
 * @param quota - a quota from {@link parseQuota} (or built by hand; it is validated).
 * @param poolSize - the number of entities in the pool (a non-negative integer).
 * @param options - rounding, minimumOne, segment.
 * @returns the size, the rule id and an explanation.
 * @example
 * ```ts
 * const q = unwrap(parseQuota("不低于10%；不少于4户；1次/年"));
 * sampleSize(q, 20)
 * //=> { ok: true, value: { size: 4, rule: "count_at_least", ratioSize: 2, countBound: { value: 4, bound: "atLeast" },
 * //     explanation: { zh: "名录库20户 × 不低于10% = 2，向上取整为2户；不少于4户，取4户", en: "…" } }, warnings: [] }
 * sampleSize(unwrap(parseQuota("7%")), 100).ok && sampleSize(unwrap(parseQuota("7%")), 100).value.size
 * //=> 7
 * ```
 * @public
 */
export function sampleSize(quota: Quota, poolSize: number, options: SampleSizeOptions = {}): Result<SampleSize> {
  if (typeof poolSize !== "number" || !Number.isSafeInteger(poolSize) || poolSize < 0) {
    return fail([issue("quota_invalid_pool_size", { value: String(poolSize) })]);
  }
  const checked = parseWith(Quota, quota, { path: ["quota"] });
  if (!checked.ok) return checked;
  return sizeOfQuota(checked.value, poolSize, options);
}
