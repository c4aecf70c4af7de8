// The sizing of a quota already known to be valid (sampleSize checks it with the schema first). The CLI sizes what
// parseQuota returned through this, so that \`double-random quota --pool\` starts without loading zod.
import type { Quota, QuotaCount, QuotaRatio } from "../model/quota.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { ceilDiv, floorDiv, halfUpDiv } from "../_internal/fraction.js";
import { issue } from "./_sizingIssue.js";
import type { Rounding, SampleSize, SampleSizeOptions, SampleSizeRule } from "./sampleSize.js";

/** Exact decimal text of n/d when it terminates within 6 places, else "n/d". */
function decimalText(n: bigint, d: bigint): string {
  const whole = n / d;
  let rest = n % d;
  let frac = "";
  for (let k = 0; k < 6 && rest !== 0n; k++) {
    rest *= 10n;
    frac += String(rest / d);
    rest %= d;
  }
  if (rest !== 0n) return `${n}/${d}`;
  return frac === "" ? String(whole) : `${whole}.${frac}`;
}

/** "10%", "0.5%" style text of a ratio; "1/3" when it has no short percentage. */
function ratioText(r: QuotaRatio): string {
  const n = BigInt(r.numerator);
  const d = BigInt(r.denominator);
  const pct = decimalText(n * 100n, d);
  return pct.includes("/") ? `${r.numerator}/${r.denominator}` : `${pct}%`;
}

const BOUND_ZH = { exact: "", atLeast: "不低于", atMost: "不超过", approx: "约" } as const;
const BOUND_EN = { exact: "", atLeast: "at least ", atMost: "at most ", approx: "about " } as const;

/** {@link sampleSize} of a valid quota (`poolSize` a non-negative safe integer): see its documentation. */
export function sizeOfQuota(q: Quota, poolSize: number, options: SampleSizeOptions = {}): Result<SampleSize> {

  if (q.segments && q.segments.length > 0) {
    const scopes = q.segments.map((s) => s.scope).join("、");
    if (options.segment === undefined) return fail([issue("quota_segments_need_choice", { text: q.text, scopes })]);
    const seg = q.segments.find((s) => s.scope === options.segment);
    if (!seg) return fail([issue("quota_segment_unknown", { segment: options.segment, scopes })]);
    const { segment: _drop, ...rest } = options;
    void _drop;
    return sizeOfQuota(seg.quota, poolSize, rest);
  }
  const ratio = q.ratio;
  const count = q.count;
  if (!ratio && !count) return fail([issue("quota_no_size", { text: q.text })]);

  const N = BigInt(poolSize);
  const zh: string[] = [];
  const en: string[] = [];
  const warnings: Issue[] = [];
  if (poolSize === 0) {
    return settle(
      {
        size: 0,
        rule: "empty_pool",
        explanation: { zh: "名录库为空，抽取0户", en: "The pool is empty: 0 are drawn" },
        ...(count ? { countBound: count } : {}),
      },
      [],
    );
  }

  let size: bigint;
  let rule: SampleSizeRule;
  let ratioSize: bigint | undefined;
  if (ratio) {
    const num = N * BigInt(ratio.numerator);
    const den = BigInt(ratio.denominator);
    const mode: Rounding = ratio.bound === "atLeast" ? "up" : ratio.bound === "atMost" ? "down" : (options.rounding ?? "up");
    ratioSize = mode === "up" ? ceilDiv(num, den) : mode === "down" ? floorDiv(num, den) : halfUpDiv(num, den);
    rule = mode === "up" ? "ratio_ceil" : mode === "down" ? "ratio_floor" : "ratio_half_up";
    size = ratioSize;
    const exactText = decimalText(num, den);
    const roundZh = mode === "up" ? "向上取整" : mode === "down" ? "向下取整" : "四舍五入";
    const roundEn = mode === "up" ? "rounded up" : mode === "down" ? "rounded down" : "rounded half up";
    zh.push(`名录库${poolSize}户 × ${BOUND_ZH[ratio.bound]}${ratioText(ratio)} = ${exactText}，${roundZh}为${ratioSize}户`);
    en.push(`pool of ${poolSize} × ${BOUND_EN[ratio.bound]}${ratioText(ratio)} = ${exactText}, ${roundEn} to ${ratioSize}`);
  } else {
    size = BigInt((count as QuotaCount).value);
    rule = `count_${{ exact: "exact", atLeast: "at_least", atMost: "at_most", approx: "approx" }[(count as QuotaCount).bound]}` as SampleSizeRule;
    zh.push(`按${BOUND_ZH[(count as QuotaCount).bound]}${size}户`);
    en.push(`${BOUND_EN[(count as QuotaCount).bound]}${size} by count`);
  }

  if (ratio && count && ratioSize !== undefined) {
    const c = BigInt(count.value);
    if (count.bound === "atLeast") {
      if (c > size) {
        size = c;
        rule = "count_at_least";
        zh.push(`不少于${c}户，取${c}户`);
        en.push(`at least ${c} by count, so ${c}`);
      }
    } else if (count.bound === "atMost") {
      if (c < size) {
        if (ratio.bound === "atLeast") {
          return fail([issue("quota_bounds_conflict", { ratioSize: Number(ratioSize), count: count.value })]);
        }
        size = c;
        rule = "count_at_most";
        zh.push(`不超过${c}户，取${c}户`);
        en.push(`at most ${c} by count, so ${c}`);
      }
    } else if (c !== size) {
      warnings.push(issue("quota_count_mismatch", { size: Number(size), count: count.value }));
    }
  }

  if (size > N) {
    warnings.push(issue("quota_count_exceeds_pool", { count: Number(size), pool: poolSize }));
    size = N;
    rule = "pool_cap";
    zh.push(`超过名录库数量，取全部${poolSize}户`);
    en.push(`more than the pool, so all ${poolSize}`);
  }
  // An explicit 0% means nobody; minimumOne is for ratios that round down to 0, not for that.
  const explicitZero = ratio?.numerator === 0 && !count;
  if (size === 0n && (options.minimumOne ?? true) && !explicitZero) {
    if (ratio?.bound === "atMost" || count?.bound === "atMost") warnings.push(issue("quota_minimum_one_exceeds_bound"));
    size = 1n;
    rule = "minimum_one";
    zh.push("名录库非空，至少抽取1户");
    en.push("the pool is not empty, so at least 1");
  }

  const value: SampleSize = {
    size: Number(size),
    rule,
    explanation: { zh: zh.join("；"), en: en.join("; ") },
    ...(ratioSize !== undefined ? { ratioSize: Number(ratioSize) } : {}),
    ...(count ? { countBound: count } : {}),
  };
  return settle(value, warnings);
}
