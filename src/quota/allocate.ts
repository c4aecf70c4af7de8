import { parseWith } from "../_internal/zod.js";
import { TierPolicy, type TierRule } from "../model/policy.js";
import { Quota } from "../model/quota.js";
import { RiskTier, riskTierLabels } from "../model/tier.js";
import { fail, type Issue, type Message, type Result, settle } from "../result.js";
import { compareCodePoints } from "../_internal/codePoints.js";
import { compareFractions, fadd, fclamp, fdiv, fint, fmul, fsub, type Fraction, reduce } from "../_internal/fraction.js";
import { sampleSize, type SampleSizeOptions } from "./sampleSize.js";
import { issue } from "./_sizingIssue.js";

/**
 * One stratum of the pool to allocate: a unique key, its size N_h and, optionally, its credit-risk tier
 * (without a tier the policy's `untiered` rule applies).
 * @public
 */
export interface AllocationStratum {
  /** Unique key, e.g. "A", "D", "孟州市/C". */
  readonly key: string;
  /** N_h: entities in the stratum (a non-negative integer). */
  readonly size: number;
  /** The stratum's tier; selects the policy rule. */
  readonly tier?: RiskTier;
}

/**
 * Options of {@link allocate}.
 * @public
 */
export interface AllocateOptions {
  /** The task's quota: used by `multiplier` rules and by strata whose tier has no rule. Only its ratio is used. */
  readonly base?: Quota;
  /** A fixed overall sample size, apportioned over the strata by the policy's weights (largest remainder). */
  readonly total?: number;
  /** With `total`: per-key minimum n_h. */
  readonly minimums?: Readonly<Record<string, number>>;
  /** With `total`: per-key maximum n_h (never above N_h; an exempt stratum's cap is 0). */
  readonly caps?: Readonly<Record<string, number>>;
  /** Passed to {@link sampleSize} for each stratum (rounding, minimumOne). */
  readonly sampleSize?: Omit<SampleSizeOptions, "segment">;
}

/**
 * One row of an {@link Allocation}: stratum key, N_h, n_h, the inclusion probability n_h/N_h as a reduced
 * fraction (0/1 for an empty stratum), the id of the rule that bound n_h, and the computation in words.
 * @public
 */
export interface AllocationRow {
  readonly key: string;
  readonly N: number;
  readonly n: number;
  readonly probability: { readonly numerator: number; readonly denominator: number };
  /**
   * `exempt`, `all`, `tier_quota:<sampleSize rule>`, `multiplier:<rule>`, `base:<rule>`; with a `total`:
   * `apportioned`, `minimum`, `cap`, `exempt`.
   */
  readonly rule: string;
  readonly explanation: Message;
}

/**
 * The per-stratum table of {@link allocate} and its total Σ n_h.
 * @public
 */
export interface Allocation {
  readonly rows: AllocationRow[];
  readonly total: number;
}

interface Planned {
  key: string;
  N: number;
  n: number;
  rule: string;
  weight: Fraction;
  exempt: boolean;
  explanation: Message;
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

function tierName(s: AllocationStratum): Message {
  return s.tier ? { zh: `${s.tier}类（${riskTierLabels[s.tier].zh}）`, en: `tier ${s.tier} (${riskTierLabels[s.tier].en})` } : { zh: "未分类", en: "untiered" };
}

function fracText(f: Fraction): string {
  return f.d === 1n ? String(f.n) : `${f.n}/${f.d}`;
}

/**
 * Sizes each stratum of a pool by a credit-risk {@link TierPolicy} (信用风险分类监管): per-tier quotas,
 * multipliers of the task's base quota, `all` (100%) and `exempt` (无事不扰, only when the policy says so).
 *
 * @remarks
 * Without `total`, n_h is {@link sampleSize} of the stratum's rule for N_h. With `total`, the total is
 * apportioned in proportion to each stratum's exact target N_h × ratio_h (the rule's size for a count),
 * clamped into [minimum_h, cap_h] by one exact common factor, then rounded by largest remainder. Ties go
 * to the larger remainder, then the larger N_h, then the key in Unicode code-point order, so the result is
 * deterministic. Infeasible bounds are an issue naming the clashing strata. Pure: inputs are not mutated.
 *
 * Issue codes: `allocation_duplicate_key`, `allocation_invalid_size`, `allocation_unknown_key`,
 * `allocation_no_quota`, `allocation_multiplier_needs_ratio`, `allocation_infeasible`,
 * `allocation_no_weight`, `allocation_invalid_total`, any {@link sampleSize} code, schema codes for a
 * malformed policy or base quota (errors); `allocation_multiplier_capped`, `allocation_base_count_ignored` (warnings).
 *
 * @param strata - the strata, each with a unique key.
 * @param policy - one rule per tier (and `untiered`).
 * @param options - base quota, total with minimums/caps, sampleSize options.
 * @returns the rows in input order and their total.
 * @example
 * ```ts
 * const policy = unwrap(parseTierPolicy("A类3%，B类5%，C类10%，D类30%"));
 * allocate([{ key: "A", size: 120, tier: "A" }, { key: "D", size: 9, tier: "D" }], policy)
 * //=> { ok: true, value: { total: 7, rows: [
 * //     { key: "A", N: 120, n: 4, probability: { numerator: 1, denominator: 30 }, rule: "tier_quota:ratio_ceil", … },
 * //     { key: "D", N: 9, n: 3, probability: { numerator: 1, denominator: 3 }, rule: "tier_quota:ratio_ceil", … }] }, warnings: [] }
 * ```
 * @public
 */
export function allocate(
  strata: readonly AllocationStratum[],
  policy: TierPolicy,
  options: AllocateOptions = {},
): Result<Allocation> {
  const issues: Issue[] = [];
  const list: readonly AllocationStratum[] = strata;
  if (!Array.isArray(list as unknown)) return fail([issue("invalid_argument", { detail: "strata must be an array" })]);
  const checkedPolicy = parseWith(TierPolicy, policy, { path: ["policy"] });
  if (!checkedPolicy.ok) return checkedPolicy;
  const rules = checkedPolicy.value.rules;

  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (typeof s?.key !== "string") {
      issues.push(issue("invalid_argument", { detail: `strata[${i}].key must be a string` }, { path: ["strata", i, "key"] }));
      return;
    }
    if (seen.has(s.key)) issues.push(issue("allocation_duplicate_key", { key: s.key }, { path: ["strata", i, "key"] }));
    seen.add(s.key);
    if (!isCount(s.size)) issues.push(issue("allocation_invalid_size", { key: s.key, value: String(s.size) }, { path: ["strata", i, "size"] }));
    if (s.tier !== undefined && !RiskTier.safeParse(s.tier).success) {
      issues.push(issue("invalid_value", { path: `strata.${i}.tier`, expected: "A | B | C | D", received: String(s.tier) }, { path: ["strata", i, "tier"] }));
    }
  });
  for (const [option, map] of [["minimums", options.minimums], ["caps", options.caps]] as const) {
    for (const [key, v] of Object.entries(map ?? {})) {
      if (!seen.has(key)) issues.push(issue("allocation_unknown_key", { key, option }, { path: [option, key] }));
      else if (!isCount(v)) issues.push(issue("allocation_invalid_size", { key, value: String(v) }, { path: [option, key] }));
    }
  }
  if (options.total !== undefined && !isCount(options.total)) {
    issues.push(issue("allocation_invalid_total", { value: String(options.total) }, { path: ["total"] }));
  }
  if (options.base !== undefined) {
    const checkedBase = parseWith(Quota, options.base, { path: ["base"] });
    if (!checkedBase.ok) for (const i of checkedBase.issues) issues.push(i);
  }
  if (issues.length > 0) return fail(issues);

  const warnings: Issue[] = [];
  if (options.base?.count && options.total === undefined) {
    // A count such as "不少于4户" binds the whole task, not each stratum: say so rather than drop it quietly.
    warnings.push(issue("allocation_base_count_ignored", { text: options.base.text }, { path: ["base", "count"] }));
  }
  const planned: Planned[] = [];
  for (const [i, s] of list.entries()) {
    const rule: TierRule | undefined = s.tier ? rules[s.tier] : rules.untiered;
    const who = tierName(s);
    const N = s.size;
    if (rule?.kind === "exempt") {
      planned.push({ key: s.key, N, n: 0, rule: "exempt", weight: fint(0), exempt: true, explanation: { zh: `${who.zh}：按策略免于抽查（无事不扰），抽取0户`, en: `${who.en}: exempt by the policy, 0 drawn` } });
      continue;
    }
    if (rule?.kind === "all") {
      planned.push({ key: s.key, N, n: N, rule: "all", weight: fint(N), exempt: false, explanation: { zh: `${who.zh}：全部抽查，${N}户`, en: `${who.en}: all ${N} are drawn` } });
      continue;
    }
    let quota: Quota;
    let prefix: string;
    let label: Message;
    if (rule?.kind === "quota") {
      quota = rule.quota;
      prefix = "tier_quota";
      label = { zh: `${who.zh}按“${quota.text}”`, en: `${who.en} by "${quota.text}"` };
    } else {
      const base = options.base;
      if (!base) {
        issues.push(issue("allocation_no_quota", { key: s.key }, { path: ["strata", i] }));
        continue;
      }
      if (!base.ratio) {
        issues.push(issue("allocation_multiplier_needs_ratio", { key: s.key, text: base.text }, { path: ["strata", i] }));
        continue;
      }
      const m = rule?.kind === "multiplier" ? reduce(BigInt(rule.numerator), BigInt(rule.denominator)) : fint(1);
      let r = fmul({ n: BigInt(base.ratio.numerator), d: BigInt(base.ratio.denominator) }, m);
      if (r.n > r.d) {
        warnings.push(issue("allocation_multiplier_capped", { key: s.key }, { path: ["strata", i] }));
        r = fint(1);
      }
      quota = {
        ratio: { numerator: Number(r.n), denominator: Number(r.d), bound: base.ratio.bound },
        text: rule ? `${base.text} × ${fracText(m)}` : base.text,
      };
      prefix = rule ? "multiplier" : "base";
      label = rule
        ? { zh: `${who.zh}按基础比例“${base.text}”的${fracText(m)}倍`, en: `${who.en} by ${fracText(m)} × the base quota "${base.text}"` }
        : { zh: `${who.zh}按基础比例“${base.text}”`, en: `${who.en} by the base quota "${base.text}"` };
    }
    const size = sampleSize(quota, N, options.sampleSize ?? {});
    if (!size.ok) {
      for (const x of size.issues) issues.push({ ...x, path: ["strata", i, ...(x.path ?? [])] });
      continue;
    }
    for (const x of size.warnings) warnings.push({ ...x, path: ["strata", i, ...(x.path ?? [])] });
    const weight = quota.ratio
      ? fmul(fint(N), { n: BigInt(quota.ratio.numerator), d: BigInt(quota.ratio.denominator) })
      : fint(size.value.size);
    planned.push({
      key: s.key,
      N,
      n: size.value.size,
      rule: `${prefix}:${size.value.rule}`,
      weight,
      exempt: false,
      explanation: { zh: `${label.zh}：${size.value.explanation.zh}`, en: `${label.en}: ${size.value.explanation.en}` },
    });
  }
  if (issues.length > 0) return fail([...issues, ...warnings]);

  if (options.total !== undefined) {
    const apportioned = apportion(planned, options.total, options.minimums ?? {}, options.caps ?? {});
    if (!apportioned.ok) return fail([...apportioned.issues, ...warnings]);
  }
  const rows: AllocationRow[] = planned.map((p) => {
    const prob = p.N === 0 ? { n: 0n, d: 1n } : reduce(BigInt(p.n), BigInt(p.N));
    return { key: p.key, N: p.N, n: p.n, probability: { numerator: Number(prob.n), denominator: Number(prob.d) }, rule: p.rule, explanation: p.explanation };
  });
  return settle({ rows, total: rows.reduce((a, r) => a + r.n, 0) }, warnings);
}

/** Largest-remainder apportionment of `total` over the planned strata, in place on `planned[].n/rule`. */
function apportion(
  planned: Planned[],
  total: number,
  minimums: Readonly<Record<string, number>>,
  caps: Readonly<Record<string, number>>,
): Result<true> {
  const lo = planned.map((p) => minimums[p.key] ?? 0);
  const hi = planned.map((p) => (p.exempt ? 0 : Math.min(caps[p.key] ?? p.N, p.N)));
  const clash = planned.filter((_, h) => (lo[h] as number) > (hi[h] as number));
  if (clash.length > 0) {
    return fail([
      issue("allocation_infeasible", {
        detail: { zh: "下限高于上限（上限不超过分层数量，免查分层为0）", en: "a minimum is above its cap (a cap never exceeds N_h; an exempt stratum's is 0)" },
        strata: clash.map((p) => `${p.key}(${minimums[p.key]} > ${hi[planned.indexOf(p)]})`).join("、"),
      }),
    ]);
  }
  const sumLo = lo.reduce((a, b) => a + b, 0);
  const sumHi = hi.reduce((a, b) => a + b, 0);
  if (total < sumLo) {
    return fail([
      issue("allocation_infeasible", {
        detail: { zh: `总数${total}小于各分层下限之和${sumLo}`, en: `the total ${total} is below the sum of minimums ${sumLo}` },
        strata: planned.filter((_, h) => (lo[h] as number) > 0).map((p, _i) => `${p.key}(≥${minimums[p.key]})`).join("、"),
      }),
    ]);
  }
  if (total > sumHi) {
    return fail([
      issue("allocation_infeasible", {
        detail: { zh: `总数${total}大于各分层上限之和${sumHi}`, en: `the total ${total} is above the sum of caps ${sumHi}` },
        strata: planned.map((p, h) => `${p.key}(≤${hi[h]})`).join("、"),
      }),
    ]);
  }
  const T = fint(total);
  const loF = lo.map((v) => fint(v));
  const hiF = hi.map((v) => fint(v));
  // S(λ) = Σ clamp(λ·w_h, lo_h, hi_h) is non-decreasing and piecewise linear in λ; find λ with S(λ) = total exactly.
  const S = (lambda: Fraction): Fraction =>
    planned.reduce((acc, p, h) => fadd(acc, fclamp(fmul(lambda, p.weight), loF[h] as Fraction, hiF[h] as Fraction)), fint(0));
  const breakpoints: Fraction[] = [];
  planned.forEach((p, h) => {
    if (p.weight.n === 0n) return;
    breakpoints.push(fdiv(loF[h] as Fraction, p.weight), fdiv(hiF[h] as Fraction, p.weight));
  });
  breakpoints.sort(compareFractions);
  let prev = fint(0);
  let sPrev = S(prev);
  let lambda: Fraction | undefined = compareFractions(sPrev, T) === 0 ? prev : undefined;
  for (const bp of breakpoints) {
    if (lambda) break;
    const sBp = S(bp);
    if (compareFractions(sBp, T) >= 0) {
      lambda = compareFractions(sBp, sPrev) === 0 ? bp : fadd(prev, fdiv(fmul(fsub(T, sPrev), fsub(bp, prev)), fsub(sBp, sPrev)));
      break;
    }
    prev = bp;
    sPrev = sBp;
  }
  if (!lambda) {
    // Only strata without weight could take the rest; there is nothing to apportion it by.
    return fail([issue("allocation_no_weight", { total })]);
  }
  const quotas = planned.map((p, h) => fclamp(fmul(lambda, p.weight), loF[h] as Fraction, hiF[h] as Fraction));
  const floors = quotas.map((q) => q.n / q.d);
  let left = BigInt(total) - floors.reduce((a, b) => a + b, 0n);
  const order = planned
    .map((p, h) => ({ h, p, rem: fsub(quotas[h] as Fraction, fint(floors[h] as bigint)) }))
    .filter((x) => x.rem.n > 0n)
    .sort((a, b) => compareFractions(b.rem, a.rem) || b.p.N - a.p.N || compareCodePoints(a.p.key, b.p.key));
  const bumped = new Set<number>();
  for (const x of order) {
    if (left <= 0n) break;
    bumped.add(x.h);
    left--;
  }
  planned.forEach((p, h) => {
    const n = Number(floors[h] as bigint) + (bumped.has(h) ? 1 : 0);
    const q = quotas[h] as Fraction;
    const atLo = compareFractions(q, loF[h] as Fraction) === 0 && (lo[h] as number) > 0;
    const atHi = compareFractions(q, hiF[h] as Fraction) === 0 && compareFractions(fmul(lambda, p.weight), hiF[h] as Fraction) > 0;
    p.rule = p.exempt ? "exempt" : atLo ? "minimum" : atHi ? "cap" : "apportioned";
    const why = p.exempt
      ? { zh: "免于抽查", en: "exempt" }
      : atLo
        ? { zh: `按下限${lo[h]}`, en: `held at its minimum ${lo[h]}` }
        : atHi
          ? { zh: `按上限${hi[h]}`, en: `held at its cap ${hi[h]}` }
          : { zh: `按权重${fracText(p.weight)}分得${fracText(q)}，最大余数法取${n}`, en: `weight ${fracText(p.weight)} gives ${fracText(q)}, largest remainder gives ${n}` };
    p.explanation = {
      zh: `总数${total}分配：${why.zh}（策略：${p.explanation.zh}）`,
      en: `total ${total} apportioned: ${why.en} (policy: ${p.explanation.en})`,
    };
    p.n = n;
  });
  return settle(true as const, []);
}
