import * as z from "zod/mini";

/**
 * How a figure binds: `exact` ("20%"), `atLeast` ("不低于", "以上", "≥"), `atMost` ("不超过", "≤").
 * @example
 * ```ts
 * Bound.parse("atLeast")
 * //=> "atLeast"
 * ```
 * @public
 */
export const Bound = z.enum(["exact", "atLeast", "atMost"]).register(z.globalRegistry, { id: "Bound" });
/** The value of a valid {@link Bound} (defaults applied). @public */
export type Bound = z.infer<typeof Bound>;

/**
 * A reduced fraction of the pool, e.g. 1‰ = 1/1000, "不低于10%" = 1/10 atLeast.
 * @example
 * ```ts
 * QuotaRatio.safeParse({ numerator: 1, denominator: 0, bound: "exact" }).success
 * //=> false
 * ```
 * @public
 */
export const QuotaRatio = z
  .strictObject({
    numerator: z.int().check(z.minimum(0)),
    denominator: z.int().check(z.minimum(1)),
    bound: Bound,
  })
  .register(z.globalRegistry, { id: "QuotaRatio" });
/** The value of a valid {@link QuotaRatio} (defaults applied). @public */
export type QuotaRatio = z.infer<typeof QuotaRatio>;

/**
 * A count of entities: "不少于4户", "约6家", "1家".
 * @example
 * ```ts
 * QuotaCount.parse({ value: 4, bound: "atLeast" }).value
 * //=> 4
 * ```
 * @public
 */
export const QuotaCount = z
  .strictObject({
    value: z.int().check(z.minimum(0)),
    bound: z.enum(["exact", "atLeast", "atMost", "approx"]),
  })
  .register(z.globalRegistry, { id: "QuotaCount" });
/** The value of a valid {@link QuotaCount} (defaults applied). @public */
export type QuotaCount = z.infer<typeof QuotaCount>;

/**
 * How often: "1次/年", "每半年", "每季度", "抽查2次" (per `plan`: the task window).
 * @example
 * ```ts
 * QuotaFrequency.parse({ times: 1, per: "halfYear" }).per
 * //=> "halfYear"
 * ```
 * @public
 */
export const QuotaFrequency = z
  .strictObject({
    times: z.int().check(z.minimum(1)),
    per: z.enum(["year", "halfYear", "quarter", "month", "plan"]),
  })
  .register(z.globalRegistry, { id: "QuotaFrequency" });
/** The value of a valid {@link QuotaFrequency} (defaults applied). @public */
export type QuotaFrequency = z.infer<typeof QuotaFrequency>;

/**
 * A parsed 抽查比例及频次 cell. `text` keeps the original wording.
 * @public
 */
export interface Quota {
  ratio?: QuotaRatio;
  count?: QuotaCount;
  frequency?: QuotaFrequency;
  /** Different quotas for sub-populations named in one cell ("三级…≥50%，二级…≥30%"). */
  segments?: Array<{ scope: string; quota: Quota }>;
  /** "抽查比例之和≥20%": the ratio is summed over the year's batches. */
  cumulative?: boolean;
  text: string;
}

/**
 * Schema of {@link Quota} (recursive through `segments`).
 * @example
 * ```ts
 * Quota.parse({ ratio: { numerator: 1, denominator: 10, bound: "atLeast" }, text: "不低于10%" }).ratio.bound
 * //=> "atLeast"
 * ```
 * @public
 */
export const Quota: z.ZodMiniType<Quota> = z
  .strictObject({
    ratio: z.optional(QuotaRatio),
    count: z.optional(QuotaCount),
    frequency: z.optional(QuotaFrequency),
    get segments() {
      return z.optional(z.array(z.strictObject({ scope: z.string(), quota: Quota })));
    },
    cumulative: z.optional(z.boolean()),
    text: z.string(),
  })
  .register(z.globalRegistry, { id: "Quota", description: "抽查比例及频次" });
