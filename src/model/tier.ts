import * as z from "zod/mini";
import { ok, fail, type Message, type Result } from "../result.js";
import { issue } from "./_issue.js";
import { labelLimit, longerThanLabel } from "../_internal/labels.js";

/**
 * Credit-risk tier (信用风险分类): A 低风险, B 一般风险, C 较高风险, D 高风险.
 * An entity's tier is confidential: published records never carry it.
 * @example
 * ```ts
 * RiskTier.parse("C")
 * //=> "C"
 * ```
 * @public
 */
export const RiskTier = z.enum(["A", "B", "C", "D"]).register(z.globalRegistry, { id: "RiskTier", description: "信用风险分类 A 低风险 / B 一般风险 / C 较高风险 / D 高风险" });
/** The value of a valid {@link RiskTier} (defaults applied). @public */
export type RiskTier = z.infer<typeof RiskTier>;

/**
 * zh and en labels of each {@link RiskTier}.
 * @example
 * ```ts
 * riskTierLabels.D.zh
 * //=> "高风险"
 * ```
 * @public
 */
export const riskTierLabels: Readonly<Record<RiskTier, Message>> = {
  A: { zh: "低风险", en: "Low risk" },
  B: { zh: "一般风险", en: "Ordinary risk" },
  C: { zh: "较高风险", en: "Elevated risk" },
  D: { zh: "高风险", en: "High risk" },
};

// Without a prototype: "constructor" or "__proto__" in a cell is no tier.
const tierAliases: Readonly<Record<string, RiskTier>> = Object.assign(Object.create(null) as Record<string, RiskTier>, {
  a: "A", b: "B", c: "C", d: "D",
  低风险: "A", 一般风险: "B", 较高风险: "C", 高风险: "D",
  "low risk": "A", "ordinary risk": "B", "elevated risk": "C", "high risk": "D",
  低: "A", 一般: "B", 较高: "C", 高: "D",
  a类: "A", b类: "B", c类: "C", d类: "D", a级: "A", b级: "B", c级: "C", d级: "D",
});

/**
 * Reads a tier as planners write it: a letter (half- or full-width, any case, "A类"), or a zh/en label.
 *
 * @returns the tier, or an `invalid_value` issue listing what is accepted (`invalid_type` when it is not text).
 * @example
 * ```ts
 * parseRiskTier("较高风险")
 * //=> { ok: true, value: "C", warnings: [] }
 * ```
 * @public
 */
export function parseRiskTier(text: string): Result<RiskTier> {
  if (typeof text !== "string") {
    // Not text at all (String() of some objects throws): say what came instead of guessing.
    const received = text === null ? "null" : Array.isArray(text) ? "array" : typeof text;
    return fail([issue("invalid_type", { path: "tier", expected: "string", received })]);
  }
  // A long cell is no tier: not normalised (a million characters, three copies) to find that out.
  if (longerThanLabel(text, labelLimit(tierAliases))) return invalidTier(text);
  const key = text
    .normalize("NFKC")
    .trim()
    .toLowerCase();
  const tier = tierAliases[key];
  if (tier) return ok(tier);
  return invalidTier(text);
}

function invalidTier(text: string): Result<RiskTier> {
  return fail([
    issue("invalid_value", {
      path: "tier",
      expected: "A | B | C | D | 低风险 | 一般风险 | 较高风险 | 高风险",
      received: text,
    }),
  ]);
}
