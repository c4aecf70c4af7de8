import { parseWith } from "../_internal/zod.js";
import { compareCodePoints } from "../_internal/codePoints.js";
import { reduce } from "../_internal/fraction.js";
import { TierPolicy } from "../model/policy.js";
import { Quota } from "../model/quota.js";
import type { RiskTier } from "../model/tier.js";
import { fail, type Issue, type Message, type Result, settle } from "../result.js";
import { allocate, type AllocationRow } from "./allocate.js";
import { sampleSize, type SampleSizeOptions } from "./sampleSize.js";
import { issue } from "./_sizingIssue.js";

/**
 * One stratum to size: its label (a draw stratum label such as `140525` or `["B","140525"]`), its size N after the
 * exclusions and, for `tier×…` strata, its tier (`untiered` when none).
 * @public
 */
export interface StrataCount {
  readonly label: string;
  readonly N: number;
  readonly tier?: RiskTier | "untiered";
}

/**
 * How {@link allocateStrata} sizes strata: the total (from a quota over the whole pool, or given), a minimum per
 * stratum, and for `tier×…` strata the tier policy that sizes each tier first.
 * @public
 */
export interface StrataRule {
  /** The task's quota ("不低于5%；不少于20户"): the total is its {@link sampleSize} for Σ N (or per tier with `policy`). */
  readonly quota?: Quota;
  /** The total to draw, instead of (or, with `policy`, apportioned over the tiers by) the quota. */
  readonly total?: number;
  /** At least this many per stratum (每个县（市、区）不少于3户); a smaller stratum is taken whole. Default 0. */
  readonly minPerStratum?: number;
  /** For strata with a `tier`: each tier's total is the existing `allocate` of this policy over the tiers' sizes. */
  readonly policy?: TierPolicy;
  /** Rounding and minimumOne of the quota's sample size. */
  readonly sampleSize?: Omit<SampleSizeOptions, "segment">;
}

/**
 * The sizes of {@link allocateStrata}: one row per stratum (input order, `key` = label), their total and the method in
 * words.
 * @public
 */
export interface StrataAllocation {
  readonly rows: AllocationRow[];
  readonly total: number;
  readonly explanation: Message;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

// The stratum that deserves the next unit: the larger N/(n + ½) (Sainte-Laguë/Webster), then the label first in code
// point order. Exact: 2N_a(2n_b + 1) against 2N_b(2n_a + 1), in Numbers while below 2^53, else BigInt.
function ahead(Na: number, na: number, la: string, Nb: number, nb: number, lb: string, exactInNumbers: boolean): boolean {
  const l = exactInNumbers ? Na * (2 * nb + 1) : BigInt(Na) * BigInt(2 * nb + 1);
  const r = exactInNumbers ? Nb * (2 * na + 1) : BigInt(Nb) * BigInt(2 * na + 1);
  return l !== r ? l > r : compareCodePoints(la, lb) < 0;
}

/**
 * Splits `total` over strata: each gets min(m, N) first, then one unit at a time to the stratum with the largest
 * N/(n + ½) that is not full. Returns n per stratum, in input order. Adding one to the total adds one unit to the
 * same allocation (never takes one away).
 */
function split(strata: readonly StrataCount[], total: number, m: number): number[] {
  const n = strata.map((s) => Math.min(m, s.N));
  let left = total - n.reduce((a, b) => a + b, 0);
  const exact = strata.every((s) => s.N < 47_000_000); // N·(2N + 1) < 2^53
  // A binary heap of stratum positions, best first.
  const heap: number[] = [];
  const better = (a: number, b: number) => {
    const x = strata[a] as StrataCount;
    const y = strata[b] as StrataCount;
    return ahead(x.N, n[a] as number, x.label, y.N, n[b] as number, y.label, exact);
  };
  const up = (k: number) => {
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!better(heap[k] as number, heap[p] as number)) break;
      [heap[k], heap[p]] = [heap[p] as number, heap[k] as number];
      k = p;
    }
  };
  const down = (k: number) => {
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let best = k;
      if (l < heap.length && better(heap[l] as number, heap[best] as number)) best = l;
      if (r < heap.length && better(heap[r] as number, heap[best] as number)) best = r;
      if (best === k) return;
      [heap[k], heap[best]] = [heap[best] as number, heap[k] as number];
      k = best;
    }
  };
  strata.forEach((s, k) => {
    if ((n[k] as number) < s.N) {
      heap.push(k);
      up(heap.length - 1);
    }
  });
  while (left > 0 && heap.length > 0) {
    const k = heap[0] as number;
    n[k] = (n[k] as number) + 1;
    left--;
    if ((n[k] as number) >= (strata[k] as StrataCount).N) {
      heap[0] = heap[heap.length - 1] as number;
      heap.pop();
    }
    down(0);
  }
  return n;
}

function row(s: StrataCount, n: number, m: number, group: Message | undefined): AllocationRow {
  const base = Math.min(m, s.N);
  const extra = n - base;
  const f = s.N === 0 ? { n: 0n, d: 1n } : reduce(BigInt(n), BigInt(s.N));
  const rule = s.N > 0 && n === s.N ? "strata_whole" : extra > 0 ? "strata_proportional" : base > 0 ? "strata_minimum" : "strata_none";
  const within = group ? { zh: `（${group.zh}）`, en: ` (${group.en})` } : { zh: "", en: "" };
  const zh = `分层${s.label}${within.zh}：${s.N}户，` + (base > 0 ? `保底${base}户，` : "") + (extra > 0 ? `按规模再分${extra}户，` : "") + `共抽${n}户`;
  const en = `stratum ${s.label}${within.en}: N = ${s.N}, ` + (base > 0 ? `${base} as the minimum, ` : "") + (extra > 0 ? `${extra} more by size, ` : "") + `${n} drawn`;
  return { key: s.label, N: s.N, n, probability: { numerator: Number(f.n), denominator: Number(f.d) }, rule, explanation: { zh, en } };
}

/**
 * Sizes the strata of a draw (by region, industry, or tier × region) in exact integer arithmetic: the total from the
 * task's quota over the whole pool ({@link sampleSize}) or as given; each stratum first gets min(m, N_s)
 * (`minPerStratum`, e.g. 每个县（市、区）不少于3户; a smaller stratum is taken whole); the rest goes one unit at a time
 * to the stratum with the largest N_s/(n_s + ½) that is not yet full (Sainte-Laguë/Webster highest averages:
 * proportional to size, and a larger total never gives a stratum fewer), ties to the label first in code point order.
 * With `policy`, each tier's total is the existing `allocate` of the policy over the tiers (Σ N per tier), then split
 * over that tier's strata the same way. When the minimums need more than the total, the minimums win (warning).
 *
 * Issue codes: `allocation_duplicate_key`, `allocation_invalid_size`, `allocation_invalid_total`,
 * `allocation_invalid_minimum`, `allocation_total_exceeds_pool`, `invalid_argument` (neither quota nor total), any
 * {@link sampleSize} or `allocate` code (errors); `allocation_minimum_raises_total` (warning).
 * @example
 * ```ts
 * const r = allocateStrata([{ label: "140502", N: 60 }, { label: "140521", N: 30 }, { label: "140525", N: 4 }], { total: 12, minPerStratum: 3 });
 * r.ok && r.value.rows.map((x) => [x.key, x.n])
 * //=> [["140502", 6], ["140521", 3], ["140525", 3]]
 * ```
 * @public
 */
export function allocateStrata(strata: readonly StrataCount[], rule: StrataRule): Result<StrataAllocation> {
  if (!Array.isArray(strata as unknown)) return fail([issue("invalid_argument", { detail: "strata must be an array" })]);
  if (typeof rule !== "object" || rule === null) return fail([issue("invalid_argument", { detail: "rule must be an object" })]);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  strata.forEach((s, i) => {
    if (typeof s?.label !== "string") {
      issues.push(issue("invalid_argument", { detail: `strata[${i}].label must be a string` }, { path: ["strata", i, "label"] }));
      return;
    }
    if (seen.has(s.label)) issues.push(issue("allocation_duplicate_key", { key: s.label }, { path: ["strata", i, "label"] }));
    seen.add(s.label);
    if (!isCount(s.N)) issues.push(issue("allocation_invalid_size", { key: s.label, value: String(s.N) }, { path: ["strata", i, "N"] }));
  });
  const m = rule.minPerStratum ?? 0;
  if (!isCount(m)) issues.push(issue("allocation_invalid_minimum", { value: String(m) }, { path: ["minPerStratum"] }));
  if (rule.total !== undefined && !isCount(rule.total)) issues.push(issue("allocation_invalid_total", { value: String(rule.total) }, { path: ["total"] }));
  if (rule.quota === undefined && rule.total === undefined) issues.push(issue("invalid_argument", { detail: "give a quota or a total" }));
  if (rule.quota !== undefined) {
    const q = parseWith(Quota, rule.quota, { path: ["quota"] });
    if (!q.ok) for (const i of q.issues) issues.push(i);
  }
  if (rule.policy !== undefined) {
    const p = parseWith(TierPolicy, rule.policy, { path: ["policy"] });
    if (!p.ok) for (const i of p.issues) issues.push(i);
  }
  if (issues.length > 0) return fail(issues);
  const pool = strata.reduce((a, s) => a + s.N, 0);
  if (rule.total !== undefined && rule.total > pool) return fail([issue("allocation_total_exceeds_pool", { total: rule.total, pool })]);

  const warnings: Issue[] = [];
  const n = new Array<number>(strata.length).fill(0);
  const rows = new Array<AllocationRow>(strata.length);
  const minimumText = m > 0 ? { zh: `每层不少于${m}户（不足${m}户的层全抽），`, en: `at least ${m} per stratum (a smaller stratum whole), ` } : { zh: "", en: "" };
  const method = { zh: "其余按各层户数比例分配（圣拉格/韦伯斯特法：每次分给 N/(n+½) 最大且未抽满的层，并列时按标签码位顺序）", en: "the rest in proportion to size (Sainte-Laguë/Webster: each unit to the stratum with the largest N/(n + ½) not yet full, ties by label in code point order)" };
  let totalText: Message;
  // Groups of strata sharing one total: one group, or one per tier with a policy.
  const groups: { readonly total: number; readonly members: number[]; readonly name?: Message }[] = [];
  if (rule.policy !== undefined) {
    const tiers = [...new Set(strata.map((s) => s.tier ?? "untiered"))].sort(compareCodePoints);
    const tierStrata = tiers.map((t) => ({ key: t, size: strata.filter((s) => (s.tier ?? "untiered") === t).reduce((a, s) => a + s.N, 0), ...(t === "untiered" ? {} : { tier: t as RiskTier }) }));
    const byTier = allocate(tierStrata, rule.policy, { ...(rule.quota ? { base: rule.quota } : {}), ...(rule.total !== undefined ? { total: rule.total } : {}), ...(rule.sampleSize ? { sampleSize: rule.sampleSize } : {}) });
    if (!byTier.ok) return byTier;
    for (const w of byTier.warnings) warnings.push(w);
    for (const r of byTier.value.rows) {
      const members = strata.flatMap((s, k) => ((s.tier ?? "untiered") === r.key ? [k] : []));
      groups.push({ total: r.n, members, name: { zh: `${r.key === "untiered" ? "未分级" : `${r.key}类`}`, en: `tier ${r.key}` } });
    }
    totalText = { zh: `各信用风险分类的抽取数按分类监管策略计算（${byTier.value.rows.map((r) => `${r.key} ${r.n}户`).join("，")}），每类再分到该类各层`, en: `each tier's total from the tier policy (${byTier.value.rows.map((r) => `${r.key} ${r.n}`).join(", ")}), then split over its strata` };
  } else {
    let total: number;
    if (rule.total !== undefined) {
      total = rule.total;
      totalText = { zh: `给定总数${total}户`, en: `a given total of ${total}` };
    } else {
      const size = sampleSize(rule.quota as Quota, pool, rule.sampleSize ?? {});
      if (!size.ok) return size;
      for (const w of size.warnings) warnings.push(w);
      total = size.value.size;
      totalText = size.value.explanation;
    }
    groups.push({ total, members: strata.map((_, k) => k) });
  }
  for (const g of groups) {
    const members = g.members.map((k) => strata[k] as StrataCount);
    const needed = members.reduce((a, s) => a + Math.min(m, s.N), 0);
    if (needed > g.total) warnings.push(issue("allocation_minimum_raises_total", { minimum: m, needed, total: g.total }));
    const sizes = split(members, Math.max(g.total, needed), m);
    g.members.forEach((k, j) => {
      n[k] = sizes[j] as number;
      rows[k] = row(strata[k] as StrataCount, n[k] as number, m, g.name);
    });
  }
  const total = n.reduce((a, b) => a + b, 0);
  const explanation = { zh: `${totalText.zh}；${minimumText.zh}${method.zh}；合计${total}户`, en: `${totalText.en}; ${minimumText.en}${method.en}; ${total} in all` };
  return settle({ rows, total, explanation }, warnings);
}
