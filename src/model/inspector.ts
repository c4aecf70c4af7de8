import * as z from "zod/mini";
import { parseWith } from "../_internal/zod.js";
import { type Issue, type Result } from "../result.js";
import { Identifier, Text } from "./common.js";
import { issue } from "./_issue.js";

/**
 * Why an inspector must not inspect an entity (回避事由).
 * @example
 * ```ts
 * ConflictReason.parse("relative")
 * //=> "relative"
 * ```
 * @public
 */
export const ConflictReason = z.enum(["declared", "former_employer", "relative", "shareholding", "prior_inspection", "other"]).register(z.globalRegistry, { id: "ConflictReason" });
/** The value of a valid {@link ConflictReason} (defaults applied). @public */
export type ConflictReason = z.infer<typeof ConflictReason>;

/**
 * A conflict of interest between an inspector and an entity (回避).
 * @example
 * ```ts
 * Conflict.parse({ entityId: "E1" }).reason
 * //=> "declared"
 * ```
 * @public
 */
export const Conflict = z
  .strictObject({
    entityId: Identifier,
    reason: z._default(ConflictReason, "declared"),
    note: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: "Conflict" });
/** The value of a valid {@link Conflict} (defaults applied). @public */
export type Conflict = z.output<typeof Conflict>;

/**
 * A law-enforcement officer (执法检查人员) or an expert (专家) who may be sent on an inspection.
 *
 * @remarks Experts and officers without a credential (执法资格) never count toward the minimum of two
 * inspectors per target.
 * @example
 * ```ts
 * Inspector.parse({ id: "41080001", name: "张三", department: "市场监管局" }).credential
 * //=> true
 * ```
 * @public
 */
export const Inspector = z
  .strictObject({
    id: Identifier.check(z.describe("执法证号或人员编号")),
    name: Text.check(z.describe("姓名")),
    department: Text.check(z.describe("所属部门")),
    credential: z._default(z.boolean(), true).check(z.describe("是否具有执法资格")),
    expert: z._default(z.boolean(), false).check(z.describe("是否为专家")),
    qualifications: z._default(z.array(z.string().check(z.minLength(1))), []).check(z.describe("专业资质，如 特种设备、食品")),
    regions: z._default(z.array(z.string().check(z.minLength(1))), []).check(z.describe("可派往的行政区划代码；空表示不限")),
    loadCap: z.optional(z.int().check(z.minimum(0))).check(z.describe("每批次最多承担的检查对象数")),
    conflicts: z._default(z.array(Conflict), []).check(z.describe("回避")),
  })
  .register(z.globalRegistry, { id: "Inspector", description: "执法检查人员" });
/** The value of a valid {@link Inspector} (defaults applied). @public */
export type Inspector = z.output<typeof Inspector>;
/** An inspector as written by a caller. @public */
export type InspectorInput = z.input<typeof Inspector>;

function inspectorWarnings(i: Inspector, base: readonly (string | number)[]): Issue[] {
  return !i.credential && !i.expert ? [issue("inspector_without_credential", { id: i.id }, { path: base })] : [];
}

/**
 * Validates one inspector.
 *
 * @returns the typed inspector; warning `inspector_without_credential` for a non-expert without 执法资格.
 * @example
 * ```ts
 * parseInspector({ id: "X1", name: "李四", department: "应急管理局", loadCap: -1 }).ok
 * //=> false
 * ```
 * @public
 */
export function parseInspector(input: unknown, options: { path?: readonly (string | number)[] } = {}): Result<Inspector> {
  return parseWith(Inspector, input, { ...options, warningsOf: (i) => inspectorWarnings(i, options.path ?? []) });
}
