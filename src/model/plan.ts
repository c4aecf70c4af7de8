import * as z from "zod/mini";
import { parseWith } from "../_internal/zod.js";
import type { Result } from "../result.js";
import { Identifier, IsoDate, Text } from "./common.js";
import { EntityKind } from "./entity.js";
import { Quota } from "./quota.js";
import { RiskTier } from "./tier.js";

/**
 * 定向 (`directed`: draw from a filtered subset) or 不定向 (`undirected`: the whole pool).
 * @example
 * ```ts
 * Targeting.parse("directed")
 * //=> "directed"
 * ```
 * @public
 */
export const Targeting = z.enum(["directed", "undirected"]).register(z.globalRegistry, { id: "Targeting" });
/** The value of a valid {@link Targeting} (defaults applied). @public */
export type Targeting = z.infer<typeof Targeting>;

/**
 * The subset a 定向 task draws from. Every listed condition must hold; an empty filter selects all.
 * @example
 * ```ts
 * TargetFilter.parse({ tiers: ["C", "D"] }).tiers
 * //=> ["C", "D"]
 * ```
 * @public
 */
export const TargetFilter = z
  .strictObject({
    kinds: z.optional(z.array(EntityKind)),
    regionCodes: z.optional(z.array(z.string().check(z.regex(/^\d{2,6}$/)))).check(z.describe("行政区划代码或其前缀")),
    industries: z.optional(z.array(z.string())),
    tags: z.optional(z.array(z.string())).check(z.describe("须同时具有的标签")),
    tiers: z.optional(z.array(RiskTier)),
  })
  .register(z.globalRegistry, { id: "TargetFilter" });
/** The value of a valid {@link TargetFilter} (defaults applied). @public */
export type TargetFilter = z.infer<typeof TargetFilter>;

/**
 * An inclusive date range, ISO `YYYY-MM-DD`.
 * @example
 * ```ts
 * DateRange.safeParse({ start: "2023-03-01", end: "2023-02-30" }).success
 * //=> false
 * ```
 * @public
 */
export const DateRange = z.strictObject({ start: IsoDate, end: IsoDate }).register(z.globalRegistry, { id: "DateRange" });
/** The value of a valid {@link DateRange} (defaults applied). @public */
export type DateRange = z.infer<typeof DateRange>;

/**
 * Where a task came from in the planner's table (provenance).
 * @example
 * ```ts
 * SourceRow.parse({ row: 7, cells: { "抽查比例": "每半年3%" } }).row
 * //=> 7
 * ```
 * @public
 */
export const SourceRow = z
  .strictObject({
    row: z.int().check(z.minimum(1)),
    cells: z.record(z.string(), z.string()).check(z.describe("原表格各列文字，按表头")),
    sheet: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: "SourceRow" });
/** The value of a valid {@link SourceRow} (defaults applied). @public */
export type SourceRow = z.infer<typeof SourceRow>;

/**
 * One task (抽查任务) of an annual plan.
 * @example
 * ```ts
 * Task.parse({ id: "JZ-GA-7", name: "娱乐场所治安管理监督检查", targeting: "undirected", quotaText: "每半年3%", windowText: "2023年1月1日—12月31日", initiator: "焦作市公安局" }).cooperators
 * //=> []
 * ```
 * @public
 */
export const Task = z
  .strictObject({
    id: Identifier,
    name: Text.check(z.describe("抽查任务名称")),
    planName: z.optional(z.string()).check(z.describe("抽查计划名称")),
    items: z._default(z.array(z.string().check(z.minLength(1))), []).check(z.describe("抽查事项（编号或名称）")),
    scope: z._default(z.string(), "").check(z.describe("抽查对象范围")),
    targeting: Targeting.check(z.describe("抽查类型")),
    filter: z.optional(TargetFilter),
    quotaText: z.string().check(z.describe("抽查比例及频次原文")),
    quota: z.optional(Quota),
    windowText: z.string().check(z.describe("抽查时间原文")),
    windows: z.optional(z.array(DateRange)).check(z.describe("解析后的抽查时间段")),
    initiator: z._default(z.string(), "").check(z.describe("发起部门")),
    cooperators: z._default(z.array(z.string().check(z.minLength(1))), []).check(z.describe("配合部门")),
    mode: z.optional(z.string()).check(z.describe("抽查检查模式，如 市抽市查、市抽县查、县抽县查")),
    creditRequirement: z.optional(z.string()).check(z.describe("智慧监管（信用风险分类）要求")),
    region: z.optional(z.string()).check(z.describe("地市/县区")),
    responsible: z.optional(z.string()).check(z.describe("责任单位")),
    source: z.optional(SourceRow),
  })
  .register(z.globalRegistry, { id: "Task", description: "抽查任务" });
/** The value of a valid {@link Task} (defaults applied). @public */
export type Task = z.output<typeof Task>;
/** A task as written by a caller: defaults not yet applied. @public */
export type TaskInput = z.input<typeof Task>;

/**
 * An annual plan (年度抽查计划).
 * @example
 * ```ts
 * Plan.parse({ year: 2023, issuer: "焦作市公安局", tasks: [] }).tasks.length
 * //=> 0
 * ```
 * @public
 */
export const Plan = z
  .strictObject({
    year: z.int().check(z.minimum(2000), z.maximum(2100)),
    issuer: z._default(z.string(), "").check(z.describe("制定单位")),
    name: z.optional(z.string()),
    completionDate: z.optional(IsoDate).check(z.describe("计划完成日期")),
    tasks: z.array(Task),
  })
  .register(z.globalRegistry, { id: "Plan", description: "年度抽查计划" });
/** The value of a valid {@link Plan} (defaults applied). @public */
export type Plan = z.output<typeof Plan>;

/**
 * Validates one task.
 * @example
 * ```ts
 * parseTask({ id: "T1", name: "x", targeting: "sideways", quotaText: "", windowText: "" }).ok
 * //=> false
 * ```
 * @public
 */
export function parseTask(input: unknown, options: { path?: readonly (string | number)[] } = {}): Result<Task> {
  return parseWith(Task, input, options);
}

/**
 * Validates a whole plan.
 * @example
 * ```ts
 * parsePlan({ year: 2023, tasks: [] }).ok
 * //=> true
 * ```
 * @public
 */
export function parsePlan(input: unknown): Result<Plan> {
  return parseWith(Plan, input);
}
