import * as z from "zod";
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
    z.object({ kind: z.literal("quota"), quota: Quota }).strict(),
    z.object({ kind: z.literal("multiplier"), numerator: z.number().int().min(0), denominator: z.number().int().min(1) }).strict(),
    z.object({ kind: z.literal("all") }).strict(),
    z.object({ kind: z.literal("exempt") }).strict(),
  ])
  .meta({ id: "TierRule" });
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
  .object({
    name: z.string().optional(),
    rules: z
      .object({
        A: TierRule.optional(),
        B: TierRule.optional(),
        C: TierRule.optional(),
        D: TierRule.optional(),
        untiered: TierRule.optional(),
      })
      .strict(),
  })
  .strict()
  .meta({ id: "TierPolicy", description: "信用风险分类抽查策略" });
/**
 * A credit-risk tier policy: `{ name?, rules: { A?, B?, C?, D?, untiered? } }`, each a {@link TierRule}.
 * Build one by hand or with `parseTierPolicy("A类3%，B类5%，C类10%，D类30%")`.
 * @public
 */
export type TierPolicy = z.infer<typeof TierPolicy>;
