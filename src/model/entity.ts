import * as z from "zod/mini";
import { aliasesOf, normalizeLabel } from "../_internal/labels.js";
import { parseWith } from "../_internal/zod.js";
import { type Issue, type Result } from "../result.js";
import { Identifier, IsoDate, Text } from "./common.js";
import { entityKindLabels, entityStatusLabels } from "../messages/model.js";
import { RiskTier, riskTierLabels } from "./tier.js";
import { looksLikeUscc, validateUscc } from "./uscc.js";
import { issue } from "./_issue.js";

export { entityKindLabels, entityStatusLabels };

/**
 * What an entity is: 企业, 个体工商户, 农民专业合作社, 产品, 项目, 行为, 其他.
 * @example
 * ```ts
 * EntityKind.parse("cooperative")
 * //=> "cooperative"
 * ```
 * @public
 */
export const EntityKind = z.enum(["enterprise", "individual", "cooperative", "product", "project", "behavior", "other"]).register(z.globalRegistry, { id: "EntityKind" });
/** The value of a valid {@link EntityKind} (defaults applied). @public */
export type EntityKind = z.infer<typeof EntityKind>;

/**
 * Registration status. Only `active` (存续) entities can be drawn.
 * @example
 * ```ts
 * EntityStatus.options.includes("revoked")
 * //=> true
 * ```
 * @public
 */
export const EntityStatus = z.enum(["active", "deregistered", "revoked", "moved_out", "suspended", "other"]).register(z.globalRegistry, { id: "EntityStatus" });
/** The value of a valid {@link EntityStatus} (defaults applied). @public */
export type EntityStatus = z.infer<typeof EntityStatus>;

/**
 * What kind of identifier an entity's `id` is. `uscc` claims a 统一社会信用代码 and is validated,
 * check character included.
 * @example
 * ```ts
 * EntityIdKind.parse("uscc")
 * //=> "uscc"
 * ```
 * @public
 */
export const EntityIdKind = z.enum(["uscc", "registration", "product", "project", "behavior", "other"]).register(z.globalRegistry, { id: "EntityIdKind" });
/** The value of a valid {@link EntityIdKind} (defaults applied). @public */
export type EntityIdKind = z.infer<typeof EntityIdKind>;

/**
 * A past inspection of an entity, for 避免重复检查 and recusal of the last inspectors.
 * @example
 * ```ts
 * InspectionRecord.parse({ date: "2022-05-10", itemId: "WG-1" }).date
 * //=> "2022-05-10"
 * ```
 * @public
 */
export const InspectionRecord = z
  .object({
    date: IsoDate,
    itemId: z.optional(Identifier).check(z.describe("抽查事项编号")),
    inspectorIds: z.optional(z.array(Identifier)).check(z.describe("执法人员")),
  })
  .register(z.globalRegistry, { id: "InspectionRecord" });
/** The value of a valid {@link InspectionRecord} (defaults applied). @public */
export type InspectionRecord = z.infer<typeof InspectionRecord>;

/**
 * An entity that may be drawn (检查对象): an enterprise, an individual business, a product, a project…
 *
 * @remarks `tier` is confidential; it decides the stratum but is never published.
 * @example
 * ```ts
 * Entity.parse({ id: "91350100M000100Y43", idKind: "uscc", name: "某某公司", kind: "enterprise", tier: "B" }).status
 * //=> "active"
 * ```
 * @public
 */
export const Entity = z
  .strictObject({
    id: Identifier.check(z.describe("唯一编号（统一社会信用代码或其他编号）")),
    idKind: z.optional(EntityIdKind),
    name: Text.check(z.describe("名称")),
    kind: z._default(EntityKind, "enterprise"),
    regionCode: z.optional(z.string().check(z.regex(/^\d{6}$/))).check(z.describe("行政区划代码")),
    industry: z.optional(z.string()).check(z.describe("行业")),
    tier: z.optional(RiskTier),
    status: z._default(EntityStatus, "active"),
    tags: z._default(z.array(z.string()), []),
    inspections: z._default(z.array(InspectionRecord), []).check(z.describe("以往检查记录")),
    attributes: z._default(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), {}),
  })
  .check(
    z.superRefine((e, ctx) => {
      if (e.idKind === "uscc") {
        for (const issue of validateUscc(e.id)) ctx.addIssue({ code: "custom", path: ["id"], message: issue.message.en, params: { code: issue.code, ...issue.params } });
      }
    }),
  )
  .register(z.globalRegistry, { id: "Entity", description: "检查对象" });
/** The value of a valid {@link Entity} (defaults applied). @public */
export type Entity = z.output<typeof Entity>;
/** An entity as written by a caller: defaults not yet applied. @public */
export type EntityInput = z.input<typeof Entity>;

const kindAliases = aliasesOf(entityKindLabels, { 个体户: "individual", 合作社: "cooperative", 专业合作社: "cooperative", 公司: "enterprise" });
const statusAliases = aliasesOf(entityStatusLabels, { 在业: "active", 开业: "active", 正常: "active", 歇业: "suspended", 已注销: "deregistered", 已吊销: "revoked", 已迁出: "moved_out" });
const tierAliases = aliasesOf(riskTierLabels);

/** Accepts zh/en labels for the enum fields, as planners' spreadsheets write them. */
export function normalizeEntityLabels(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const o = { ...(input as Record<string, unknown>) };
  if ("kind" in o) o.kind = normalizeLabel(o.kind, kindAliases);
  if ("status" in o) o.status = normalizeLabel(o.status, statusAliases);
  if ("tier" in o) o.tier = normalizeLabel(o.tier, tierAliases);
  return o;
}

function entityWarnings(e: Entity, base: readonly (string | number)[]): Issue[] {
  // An id that looks like a USCC but was not declared one: a wrong check character is most likely a typo.
  if (e.idKind === undefined && looksLikeUscc(e.id)) {
    return validateUscc(e.id).map((i) => ({ ...i, severity: "warning" as const, path: [...base, "id"] }));
  }
  return [];
}

/**
 * Validates one entity. Enum fields accept zh and en labels ("企业", "存续", "高风险").
 *
 * @returns the typed entity with defaults applied; issues `invalid_type`, `invalid_value`, `too_small`,
 * `uscc_invalid_*`, `region_code_invalid`; warning `uscc_invalid_check` when an undeclared id looks like a
 * USCC with a wrong check character.
 * @example
 * ```ts
 * parseEntity({ id: "E1", name: "某超市", kind: "个体工商户", tier: "高风险" }).ok
 * //=> true
 * ```
 * @public
 */
export function parseEntity(input: unknown, options: { path?: readonly (string | number)[] } = {}): Result<Entity> {
  const r = parseWith(Entity, normalizeEntityLabels(input), { ...options, warningsOf: (e) => entityWarnings(e, options.path ?? []) });
  if (!r.ok) {
    return {
      ok: false,
      issues: r.issues.map((i) =>
        i.path?.at(-1) === "regionCode" && i.code === "invalid_format"
          ? issue("region_code_invalid", { value: String((input as { regionCode?: unknown }).regionCode) }, { path: i.path })
          : i,
      ),
    };
  }
  return r;
}
