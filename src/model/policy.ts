import * as z from "zod/mini";
import { Quota } from "./quota.js";

/**
 * How one credit-risk tier is sampled, relative to the task's base quota:
 * `quota` (its own quota, e.g. D 30%), `multiplier` (× the base ratio, e.g. A ×1/2),
 * `all` (100%), or `exempt` (无事不扰: not drawn at all; only when a policy says so explicitly).
 * @example
 * ```ts
 * TierRule.parse({ kind: "multiplier", numerator: 1, denominator: 2 }).kind
 * //=> "multiplier"
 * ```
 * @public
 */
export const TierRule = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("quota"), quota: Quota }),
    z.strictObject({ kind: z.literal("multiplier"), numerator: z.int().check(z.minimum(0)), denominator: z.int().check(z.minimum(1)) }),
    z.strictObject({ kind: z.literal("all") }),
    z.strictObject({ kind: z.literal("exempt") }),
  ])
  .register(z.globalRegistry, { id: "TierRule" });
/**
 * One tier's rule: `{ kind: "quota", quota }`, `{ kind: "multiplier", numerator, denominator }`,
 * `{ kind: "all" }` or `{ kind: "exempt" }`. See the {@link TierRule} schema.
 * @public
 */
export type TierRule = z.infer<typeof TierRule>;

/**
 * A credit-risk tier policy (信用风险分类监管): one rule per tier A–D and one for entities without a tier.
 * A tier without a rule gets the task's base quota (multiplier 1).
 * @example
 * ```ts
 * TierPolicy.parse({ rules: { A: { kind: "multiplier", numerator: 1, denominator: 2 }, D: { kind: "all" } } }).rules.D
 * //=> { kind: "all" }
 * ```
 * @public
 */
export const TierPolicy = z
  .strictObject({
    name: z.optional(z.string()),
    rules: z.strictObject({
      A: z.optional(TierRule),
      B: z.optional(TierRule),
      C: z.optional(TierRule),
      D: z.optional(TierRule),
      untiered: z.optional(TierRule),
    }),
  })
  .register(z.globalRegistry, { id: "TierPolicy", description: "信用风险分类抽查策略" });
/**
 * A credit-risk tier policy: `{ name?, rules: { A?, B?, C?, D?, untiered? } }`, each a {@link TierRule}.
 * Build one by hand or with `parseTierPolicy("A类3%，B类5%，C类10%，D类30%")`.
 * @public
 */
export type TierPolicy = z.infer<typeof TierPolicy>;
