import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Quota } from "../../src/index.js";
import { parseQuota, sampleSize } from "../../src/quota/index.js";
import { unwrap } from "../../src/result.js";

const q = (text: string): Quota => unwrap(parseQuota(text));
const size = (text: string, pool: number, options = {}) => {
  const r = sampleSize(q(text), pool, options);
  if (!r.ok) throw new Error(r.issues.map((i) => i.code).join());
  return r.value;
};

describe("sampleSize", () => {
  it("is exact where floats are not: 7% of 100 is 7 (Math.ceil(0.07*100) is 8)", () => {
    expect(Math.ceil(0.07 * 100)).toBe(8);
    expect(size("7%", 100)).toMatchObject({ size: 7, rule: "ratio_ceil", ratioSize: 7 });
    expect(size("不低于7%", 100).size).toBe(7);
  });

  it("rounds atLeast up, atMost down, exact up by default", () => {
    expect(size("不低于10%", 21)).toMatchObject({ size: 3, rule: "ratio_ceil" });
    expect(size("不超过10%", 29)).toMatchObject({ size: 2, rule: "ratio_floor" });
    expect(size("20%", 21)).toMatchObject({ size: 5, rule: "ratio_ceil" });
  });

  it("rounds exact ratios half up or down when asked", () => {
    expect(size("20%", 21, { rounding: "halfUp" })).toMatchObject({ size: 4, rule: "ratio_half_up" });
    expect(size("10%", 25, { rounding: "halfUp" }).size).toBe(3);
    expect(size("20%", 24, { rounding: "down" })).toMatchObject({ size: 4, rule: "ratio_floor" });
    // atLeast ignores the option: the plan says "at least".
    expect(size("不低于20%", 21, { rounding: "down" }).size).toBe(5);
  });

  it("combines count bounds: 不低于10%；不少于4户 of 20 is 4", () => {
    const v = size("不低于10%；不少于4户；1次/年", 20);
    expect(v).toMatchObject({ size: 4, rule: "count_at_least", ratioSize: 2, countBound: { value: 4, bound: "atLeast" } });
    expect(v.explanation.zh).toBe("名录库20户 × 不低于10% = 2，向上取整为2户；不少于4户，取4户");
    expect(size("不低于10%；不少于4户", 60)).toMatchObject({ size: 6, rule: "ratio_ceil" });
    expect(size("20%；不超过5家", 100)).toMatchObject({ size: 5, rule: "count_at_most", ratioSize: 20 });
  });

  it("reports conflicting bounds", () => {
    const r = sampleSize(q("不低于50%；不超过3家"), 10);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["quota_bounds_conflict"]);
  });

  it("cross-checks an approximate count against the ratio", () => {
    const r = sampleSize(q("100%,1次/年 (约6家)"), 7);
    expect(r.ok && r.value.size).toBe(7);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["quota_count_mismatch"]);
    const same = sampleSize(q("100%,1次/年 (约6家)"), 6);
    expect(same.ok && same.warnings).toEqual([]);
  });

  it("uses a count alone, capped by the pool with a warning", () => {
    expect(size("约6家", 30)).toMatchObject({ size: 6, rule: "count_approx" });
    expect(size("1家", 30)).toMatchObject({ size: 1, rule: "count_exact" });
    const r = sampleSize(q("不少于4户"), 3);
    expect(r.ok && r.value).toMatchObject({ size: 3, rule: "pool_cap" });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["quota_count_exceeds_pool"]);
  });

  it("gives an empty pool 0 and a non-empty pool at least 1 (configurable)", () => {
    expect(size("1‰", 0)).toMatchObject({ size: 0, rule: "empty_pool" });
    expect(size("1‰", 10)).toMatchObject({ size: 1, rule: "ratio_ceil" });
    expect(size("1%", 10, { rounding: "down" })).toMatchObject({ size: 1, rule: "minimum_one" });
    expect(size("1%", 10, { rounding: "down", minimumOne: false })).toMatchObject({ size: 0, rule: "ratio_floor" });
    const r = sampleSize(q("不超过10%"), 5);
    expect(r.ok && r.value.size).toBe(1);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["quota_minimum_one_exceeds_bound"]);
  });

  it("keeps an explicit 0% at 0 even with minimumOne", () => {
    const r = sampleSize(q("0%"), 50);
    expect(r.ok && r.value).toMatchObject({ size: 0, rule: "ratio_ceil" });
  });

  it("sizes 1‰ of a large pool and 100% of any pool", () => {
    expect(size("1‰", 123_456).size).toBe(124);
    expect(size("100%", 9_007_199_254_740_991).size).toBe(9_007_199_254_740_991);
  });

  it("asks which segment to size, and sizes one when told", () => {
    const seg = q("三级定点医疗机构≥50%，二级定点医疗机构≥30%");
    const r = sampleSize(seg, 10);
    expect(!r.ok && r.issues[0]?.code).toBe("quota_segments_need_choice");
    expect(unwrap(sampleSize(seg, 10, { segment: "二级定点医疗机构" })).size).toBe(3);
    const u = sampleSize(seg, 10, { segment: "一级" });
    expect(!u.ok && u.issues[0]?.code).toBe("quota_segment_unknown");
  });

  it("rejects a quota without a ratio or count, bad pool sizes and malformed quotas", () => {
    const none = sampleSize(q("3次/年"), 10);
    expect(!none.ok && none.issues[0]?.code).toBe("quota_no_size");
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 53]) {
      const r = sampleSize(q("10%"), bad);
      expect(!r.ok && r.issues[0]?.code).toBe("quota_invalid_pool_size");
    }
    const malformed = { ratio: { numerator: 1, denominator: 0, bound: "exact" }, text: "x" } as unknown as Quota;
    expect(sampleSize(malformed, 10).ok).toBe(false);
  });

  it("does not mutate the quota", () => {
    const quota = q("不低于10%；不少于4户；1次/年");
    const copy = structuredClone(quota);
    Object.freeze(quota);
    sampleSize(quota, 20);
    expect(quota).toEqual(copy);
  });
});

// Reference: the textbook formulas in BigInt, written independently of the implementation.
function reference(n: bigint, d: bigint, bound: "exact" | "atLeast" | "atMost", pool: bigint): bigint {
  const x = pool * n;
  const raw = bound === "atMost" ? x / d : x % d === 0n ? x / d : x / d + 1n;
  if (pool > 0n && raw === 0n && n > 0n) return 1n;
  return raw;
}

const ratioArb = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom("exact", "atLeast", "atMost"))
  .map(([d, n, bound]) => ({ numerator: Math.min(n, d), denominator: d, bound: bound as "exact" | "atLeast" | "atMost" }));
const poolArb = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

describe("sampleSize properties", () => {
  it("agrees with BigInt reference arithmetic and never exceeds the pool", () => {
    fc.assert(
      fc.property(ratioArb, poolArb, (ratio, pool) => {
        const r = sampleSize({ ratio, text: "p" }, pool);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(BigInt(r.value.size)).toBe(reference(BigInt(ratio.numerator), BigInt(ratio.denominator), ratio.bound, BigInt(pool)));
        expect(r.value.size).toBeLessThanOrEqual(pool);
        expect(r.value.size === 0).toBe(pool === 0 || ratio.numerator === 0);
      }),
      { numRuns: 500 },
    );
  });

  it("is monotone in the pool size", () => {
    fc.assert(
      fc.property(ratioArb, fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), (ratio, pool, extra, one) => {
        const a = unwrap(sampleSize({ ratio, text: "p" }, pool, { minimumOne: one })).size;
        const b = unwrap(sampleSize({ ratio, text: "p" }, pool + extra, { minimumOne: one })).size;
        expect(b).toBeGreaterThanOrEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it("respects the bounds: atLeast covers the ratio, atMost stays within it, counts bind", () => {
    fc.assert(
      fc.property(
        ratioArb,
        fc.integer({ min: 1, max: 100_000 }),
        fc.option(fc.record({ value: fc.integer({ min: 0, max: 500 }), bound: fc.constantFrom("atLeast" as const, "exact" as const, "approx" as const) }), { nil: undefined }),
        (ratio, pool, count) => {
          const quota: Quota = count ? { ratio, count, text: "p" } : { ratio, text: "p" };
          const r = sampleSize(quota, pool, { minimumOne: false });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const s = BigInt(r.value.size);
          const target = BigInt(pool) * BigInt(ratio.numerator);
          const den = BigInt(ratio.denominator);
          if (ratio.bound !== "atMost") expect(s * den >= target).toBe(true);
          if (ratio.bound === "atMost" && !count) expect(s * den <= target).toBe(true);
          if (count?.bound === "atLeast") expect(r.value.size).toBeGreaterThanOrEqual(Math.min(count.value, pool));
          expect(r.value.size).toBeLessThanOrEqual(pool);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("sampleSize on every readable seed quota", () => {
  it("sizes pools of 0, 1, 7, 100 and 12345 within the pool", async () => {
    const { readFileSync } = await import("node:fs");
    const seed = JSON.parse(readFileSync(new URL("../fixtures/quota/seed-quotas.json", import.meta.url), "utf8")) as { cases: { text: string }[] };
    let sized = 0;
    for (const { text } of seed.cases) {
      const parsed = parseQuota(text);
      if (!parsed.ok || (!parsed.value.ratio && !parsed.value.count)) continue;
      for (const pool of [0, 1, 7, 100, 12345]) {
        const r = sampleSize(parsed.value, pool);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.value.size).toBeLessThanOrEqual(pool);
          expect(r.value.explanation.zh).toContain(`${r.value.size}户`);
        }
        sized++;
      }
    }
    expect(sized).toBeGreaterThan(2000);
  });
});
