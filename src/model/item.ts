import * as z from "zod";
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
export const CheckItemCategory = z.enum(["key", "general"]).meta({ id: "CheckItemCategory" });
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
export const CheckMethod = z.enum(["on_site", "documentary", "online_monitoring", "sampling_test", "other"]).meta({ id: "CheckMethod" });
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
  .object({
    id: Identifier,
    name: Text.describe("抽查事项名称"),
    legalBasis: Text.describe("抽查依据"),
    department: Text.describe("抽查主体"),
    category: CheckItemCategory.default("general").describe("事项类别"),
    methods: z.array(CheckMethod).default(["on_site"]).describe("检查方式"),
    targets: z.string().optional().describe("检查对象"),
  })
  .strict()
  .meta({ id: "CheckItem", description: "抽查事项" });
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
