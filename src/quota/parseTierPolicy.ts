import type { TierPolicy, TierRule } from "../model/policy.js";
import { fail, type Result, settle } from "../result.js";
import { cellIssues } from "../_internal/capIssues.js";
import { quotaMessages } from "../messages/quota.js";
import { reduce } from "../_internal/fraction.js";
import { parseQuota } from "./parseQuota.js";
import { issue } from "./_issue.js";

type TierKey = keyof TierPolicy["rules"];

const TIER_PREFIXES: ReadonlyArray<readonly [string, TierKey]> = [
  ["较高风险", "C"], ["一般风险", "B"], ["低风险", "A"], ["高风险", "D"], ["未分类", "untiered"], ["无分类", "untiered"],
  ["A", "A"], ["B", "B"], ["C", "C"], ["D", "D"],
];
const EXEMPT = new Set(["免查", "免于抽查", "不抽查", "无事不扰", "豁免", "exempt"]);
const ALL = new Set(["全部", "全覆盖", "全部抽查", "all"]);
const MULTIPLIER = /^(?:[×xX*]([0-9]{1,6}(?:\.[0-9]{1,6})?)(?:\/([0-9]{1,6}))?|([0-9]{1,6}(?:\.[0-9]{1,6})?)倍)$/;

function decimalFraction(text: string): { n: bigint; d: bigint } {
  const [int = "0", frac = ""] = text.split(".");
  return { n: BigInt(int + frac), d: 10n ** BigInt(frac.length) };
}

/**
 * Reads a tier policy as plans write it: "A类3%，B类5%，C类10%，D类30%", multipliers of the task's base
 * quota ("A类×0.5；B类×1；C类×2；D类全部"), exemption ("A类免查" / "无事不扰") and "未分类5%".
 *
 * @remarks
 * Parts are separated by "，；、" or spaces; each starts with a tier (A–D, "A类", "低风险"…, "未分类").
 * The rest is `全部` → `all`, `免查`/`无事不扰` → `exempt`, `×0.5` / `×1/2` / `2倍` → `multiplier`,
 * anything else → a quota read by {@link parseQuota} (its issues are passed on).
 *
 * Issue codes: `tier_policy_unrecognized`, `tier_policy_duplicate_tier`, any {@link parseQuota} code.
 *
 * @param text - the policy wording.
 * @returns the {@link TierPolicy}.
 * @example
 * ```ts
 * parseTierPolicy("A类×1/2，D类全部")
 * //=> { ok: true, value: { rules: { A: { kind: "multiplier", numerator: 1, denominator: 2 }, D: { kind: "all" } } }, warnings: [] }
 * ```
 * @public
 */
export function parseTierPolicy(text: string): Result<TierPolicy> {
  const original = typeof text === "string" ? text : String(text);
  const s = original.normalize("NFKC").toUpperCase();
  const parts = s.split(/[,;、，；\s]+/).filter((p) => p !== "");
  if (parts.length === 0) return fail([issue("tier_policy_unrecognized", { text: original })]);
  const rules: { -readonly [K in TierKey]?: TierRule } = {};
  // A hostile cell reports its first issues and counts the rest, without building them.
  const issues = cellIssues(issue);
  const unrecognized = (text: string) => issues.add(quotaMessages.tier_policy_unrecognized.severity, () => issue("tier_policy_unrecognized", { text }));
  for (const part of parts) {
    const prefix = TIER_PREFIXES.find(([p]) => part.startsWith(p));
    if (!prefix) {
      unrecognized(part);
      continue;
    }
    const tier = prefix[1];
    let rest = part.slice(prefix[0].length);
    for (const filler of ["类企业", "级企业", "类", "级", "企业"]) {
      if (rest.startsWith(filler)) {
        rest = rest.slice(filler.length);
        break;
      }
    }
    if (rest.startsWith(":") || rest.startsWith("=")) rest = rest.slice(1);
    if (rules[tier]) {
      issues.add(quotaMessages.tier_policy_duplicate_tier.severity, () => issue("tier_policy_duplicate_tier", { tier }));
      continue;
    }
    const lower = rest.toLowerCase();
    if (EXEMPT.has(lower)) {
      rules[tier] = { kind: "exempt" };
      continue;
    }
    if (ALL.has(lower)) {
      rules[tier] = { kind: "all" };
      continue;
    }
    const m = MULTIPLIER.exec(rest);
    if (m) {
      const num = decimalFraction((m[1] ?? m[3]) as string);
      const den = m[2] ? BigInt(m[2]) : 1n;
      if (den === 0n) {
        unrecognized(part);
        continue;
      }
      const f = reduce(num.n, num.d * den);
      rules[tier] = { kind: "multiplier", numerator: Number(f.n), denominator: Number(f.d) };
      continue;
    }
    const q = parseQuota(rest);
    if (!q.ok) {
      for (const i of q.issues) issues.push(i);
      continue;
    }
    for (const i of q.warnings) issues.push(i);
    rules[tier] = { kind: "quota", quota: q.value };
  }
  if (Object.keys(rules).length === 0 && issues.count === 0) unrecognized(original);
  return settle({ rules }, issues.done());
}
