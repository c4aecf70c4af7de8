import * as z from "zod/mini";
import { parseWith } from "../_internal/zod.js";
import type { Result } from "../result.js";
import { Identifier, Text } from "./common.js";

/**
 * 重点检查事项 (`key`) or 一般检查事项 (`general`).
 * @example
 * ```ts
 * CheckItemCategory.options
 * //=> ["key", "general"]
 * ```
 * @public
 */
export const CheckItemCategory = z.enum(["key", "general"]).register(z.globalRegistry, { id: "CheckItemCategory" });
/** The value of a valid {@link CheckItemCategory} (defaults applied). @public */
export type CheckItemCategory = z.infer<typeof CheckItemCategory>;

/**
 * How an item is checked (检查方式).
 * @example
 * ```ts
 * CheckMethod.safeParse("现场检查").success
 * //=> false
 * ```
 * @public
 */
export const CheckMethod = z.enum(["on_site", "documentary", "online_monitoring", "sampling_test", "other"]).register(z.globalRegistry, { id: "CheckMethod" });
/** The value of a valid {@link CheckMethod} (defaults applied). @public */
export type CheckMethod = z.infer<typeof CheckMethod>;

/**
 * One entry of the 抽查事项清单: what may be checked, by whom, on what legal basis.
 * @example
 * ```ts
 * CheckItem.parse({ id: "WG-1", name: "民爆企业安全生产工作监督检查", legalBasis: "《民用爆炸物品安全管理条例》第四条", department: "县级以上工信主管部门", category: "general", methods: ["on_site", "documentary"] }).category
 * //=> "general"
 * ```
 * @public
 */
export const CheckItem = z
  .strictObject({
    id: Identifier,
    name: Text.check(z.describe("抽查事项名称")),
    legalBasis: Text.check(z.describe("抽查依据")),
    department: Text.check(z.describe("抽查主体")),
    category: z._default(CheckItemCategory, "general").check(z.describe("事项类别")),
    methods: z._default(z.array(CheckMethod), ["on_site"]).check(z.describe("检查方式")),
    targets: z.optional(z.string()).check(z.describe("检查对象")),
  })
  .register(z.globalRegistry, { id: "CheckItem", description: "抽查事项" });
/** The value of a valid {@link CheckItem} (defaults applied). @public */
export type CheckItem = z.output<typeof CheckItem>;

/**
 * Validates one check item.
 * @example
 * ```ts
 * parseCheckItem({ id: "1", name: "x" }).ok
 * //=> false
 * ```
 * @public
 */
export function parseCheckItem(input: unknown, options: { path?: readonly (string | number)[] } = {}): Result<CheckItem> {
  return parseWith(CheckItem, input, options);
}
