import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateStrata, parseQuota, parseTierPolicy, type StrataCount } from "../../src/quota/index.js";
import { unwrap } from "../../src/result.js";

const sizesOf = (strata: readonly StrataCount[], total: number, m: number) => unwrap(allocateStrata(strata, { total, minPerStratum: m })).rows.map((r) => r.n);

describe("allocateStrata", () => {
  it("gives each county its minimum, then the rest by size (the guide's worked example)", () => {
    const strata = [{ label: "140502", N: 412 }, { label: "140521", N: 95 }, { label: "140522", N: 60 }, { label: "140524", N: 38 }, { label: "140525", N: 133 }, { label: "140581", N: 2 }];
    const r = allocateStrata(strata, { quota: unwrap(parseQuota("不低于5%")), minPerStratum: 3 });
    expect(r.ok && r.value.rows.map((x) => [x.key, x.n, x.rule])).toEqual([
      ["140502", 19, "strata_proportional"], ["140521", 4, "strata_proportional"], ["140522", 3, "strata_minimum"],
      ["140524", 3, "strata_minimum"], ["140525", 6, "strata_proportional"], ["140581", 2, "strata_whole"],
    ]);
    expect(r.ok && r.value.total).toBe(37);
    expect(r.ok && r.value.explanation.zh).toContain("名录库740户 × 不低于5% = 37，向上取整为37户");
    expect(r.ok && r.value.rows[0]!.explanation).toEqual({ zh: "分层140502：412户，保底3户，按规模再分16户，共抽19户", en: "stratum 140502: N = 412, 3 as the minimum, 16 more by size, 19 drawn" });
  });

  it("splits proportionally by Sainte-Laguë without a minimum, ties to the label first in code point order", () => {
    expect(sizesOf([{ label: "a", N: 50 }, { label: "b", N: 30 }, { label: "c", N: 20 }], 10, 0)).toEqual([5, 3, 2]);
    // 3 units over two equal strata: the tie goes to the label first in code point order ("Ｅ" U+FF25 before "😀").
    expect(sizesOf([{ label: "😀", N: 10 }, { label: "\u{FF25}", N: 10 }], 3, 0)).toEqual([1, 2]);
    expect(sizesOf([{ label: "big", N: 10 }, { label: "small", N: 1 }], 11, 0)).toEqual([10, 1]);
  });

  it("lets the minimums win over a smaller total, with a warning", () => {
    const r = allocateStrata([{ label: "a", N: 100 }, { label: "b", N: 100 }, { label: "c", N: 1 }], { total: 4, minPerStratum: 3 });
    expect(r.ok && r.value.rows.map((x) => x.n)).toEqual([3, 3, 1]);
    expect(r.ok && r.warnings.map((w) => [w.code, w.params])).toEqual([["allocation_minimum_raises_total", { minimum: 3, needed: 7, total: 4 }]]);
    expect(r.ok && r.warnings[0]!.message.zh).toBe("每层不少于3户，共需7户，多于按比例计算的4户：按7户抽取");
  });

  it("sizes each tier by the policy first, then splits it over the tier's strata", () => {
    const strata: StrataCount[] = [
      { label: '["B","140502"]', N: 100, tier: "B" }, { label: '["B","140525"]', N: 50, tier: "B" },
      { label: '["D","140502"]', N: 9, tier: "D" }, { label: '["untiered","140525"]', N: 4 },
    ];
    const r = unwrap(allocateStrata(strata, { quota: unwrap(parseQuota("5%")), minPerStratum: 2, policy: unwrap(parseTierPolicy("B类5%，D类30%")) }));
    // B: ⌈150 × 5%⌉ = 8 → 2 + 2 first, 4 more by size (3 to 100, 1 to 50); D: ⌈9 × 30%⌉ = 3; untiered by the base 5%: 1, raised to 2.
    expect(r.rows.map((x) => x.n)).toEqual([5, 3, 3, 2]);
    expect(r.rows[0]!.explanation.zh).toBe('分层["B","140502"]（B类）：100户，保底2户，按规模再分3户，共抽5户');
    expect(r.total).toBe(13);
  });

  it("reports bad input with codes", () => {
    const codes = (r: ReturnType<typeof allocateStrata>) => (r.ok ? [] : r.issues.map((i) => i.code));
    expect(codes(allocateStrata([{ label: "a", N: 1 }, { label: "a", N: 2 }], { total: 1 }))).toEqual(["allocation_duplicate_key"]);
    expect(codes(allocateStrata([{ label: "a", N: -1 }], { total: 1 }))).toEqual(["allocation_invalid_size"]);
    expect(codes(allocateStrata([{ label: "a", N: 5 }], { total: 1, minPerStratum: 1.5 }))).toEqual(["allocation_invalid_minimum"]);
    expect(codes(allocateStrata([{ label: "a", N: 5 }], {}))).toEqual(["invalid_argument"]);
    expect(codes(allocateStrata([{ label: "a", N: 5 }], { total: 6 }))).toEqual(["allocation_total_exceeds_pool"]);
  });

  it("compares exactly beyond 2^53 (strata of 10^8)", () => {
    // 2N(2n+1) products above 2^53: BigInt decides, 10^8 + 1 against 10^8 gets the extra unit.
    expect(sizesOf([{ label: "b", N: 100_000_000 }, { label: "a", N: 100_000_001 }], 3, 0)).toEqual([1, 2]);
  });

  const strataArb = fc.uniqueArray(fc.record({ label: fc.string({ minLength: 1, maxLength: 3 }), N: fc.nat(60) }), { selector: (s) => s.label, minLength: 1, maxLength: 8 });
  it("properties: Σ n = max(total, Σ min(m, N)); m ≤ n ≤ N; every stratum kept; monotone in the total", () => {
    fc.assert(
      fc.property(strataArb, fc.nat(5), fc.double({ min: 0, max: 1, noNaN: true }), (strata, m, share) => {
        const pool = strata.reduce((a, s) => a + s.N, 0);
        const total = Math.min(pool, Math.floor(share * (pool + 1)));
        const n = sizesOf(strata, total, m);
        const floor = strata.reduce((a, s) => a + Math.min(m, s.N), 0);
        expect(n.reduce((a, b) => a + b, 0)).toBe(Math.max(total, floor));
        expect(unwrap(allocateStrata(strata, { total, minPerStratum: m })).rows.map((r) => r.key)).toEqual(strata.map((s) => s.label));
        strata.forEach((s, k) => {
          expect(n[k]).toBeLessThanOrEqual(s.N);
          expect(n[k]).toBeGreaterThanOrEqual(Math.min(m, s.N));
        });
        if (total < pool) {
          const more = sizesOf(strata, total + 1, m);
          strata.forEach((_, k) => expect(more[k]).toBeGreaterThanOrEqual(n[k]!));
        }
      }),
    );
  });
});
