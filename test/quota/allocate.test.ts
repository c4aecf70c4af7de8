import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TierPolicy } from "../../src/index.js";
import { allocate, type AllocationStratum, parseQuota, parseTierPolicy } from "../../src/quota/index.js";
import { unwrap } from "../../src/result.js";

const policy = (text: string): TierPolicy => unwrap(parseTierPolicy(text));
const base = unwrap(parseQuota("不低于10%"));
const strata: AllocationStratum[] = [
  { key: "A", size: 300, tier: "A" },
  { key: "B", size: 500, tier: "B" },
  { key: "C", size: 80, tier: "C" },
  { key: "D", size: 7, tier: "D" },
];

describe("allocate", () => {
  it("sizes each tier by its own quota", () => {
    const r = unwrap(allocate([{ key: "A", size: 120, tier: "A" }, { key: "D", size: 9, tier: "D" }], policy("A类3%，B类5%，C类10%，D类30%")));
    expect(r.rows.map((x) => [x.key, x.N, x.n, x.probability, x.rule])).toEqual([
      ["A", 120, 4, { numerator: 1, denominator: 30 }, "tier_quota:ratio_ceil"],
      ["D", 9, 3, { numerator: 1, denominator: 3 }, "tier_quota:ratio_ceil"],
    ]);
    expect(r.total).toBe(7);
    expect(r.rows[0]?.explanation.zh).toBe("A类（低风险）按“3%”：名录库120户 × 3% = 3.6，向上取整为4户");
  });

  it("applies multipliers of the base quota, all, and the base for tiers without a rule", () => {
    const r = unwrap(allocate(strata, policy("A类×1/2，C类×2，D类全部"), { base }));
    expect(r.rows.map((x) => [x.key, x.n, x.rule])).toEqual([
      ["A", 15, "multiplier:ratio_ceil"],
      ["B", 50, "base:ratio_ceil"],
      ["C", 16, "multiplier:ratio_ceil"],
      ["D", 7, "all"],
    ]);
    expect(r.total).toBe(88);
  });

  it("exempts tier A only when the policy says so", () => {
    const withExempt = unwrap(allocate(strata, policy("A类免查"), { base }));
    expect(withExempt.rows[0]).toMatchObject({ key: "A", n: 0, rule: "exempt", probability: { numerator: 0, denominator: 1 } });
    const without = unwrap(allocate(strata, policy("B类5%"), { base }));
    expect(without.rows[0]).toMatchObject({ key: "A", n: 30, rule: "base:ratio_ceil" });
  });

  it("caps a multiplied ratio at 100% with a warning", () => {
    const r = allocate([{ key: "D", size: 10, tier: "D" }], policy("D类×3"), { base: unwrap(parseQuota("50%")) });
    expect(r.ok && r.value.rows[0]?.n).toBe(10);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["allocation_multiplier_capped"]);
  });

  it("uses the untiered rule for strata without a tier", () => {
    const r = unwrap(allocate([{ key: "x", size: 40 }], policy("未分类5%")));
    expect(r.rows[0]).toMatchObject({ n: 2, rule: "tier_quota:ratio_ceil" });
  });

  it("apportions a total by largest remainder, with minimums", () => {
    const r = unwrap(allocate(strata, policy("A类×1/2，C类×2，D类全部"), { base, total: 60, minimums: { D: 7 } }));
    // weights 15, 50, 16, 7; D fixed at 7, λ = 53/81: A 265/27≈9.81, B 2650/81≈32.7, C 848/81≈10.5.
    expect(r.rows.map((x) => [x.key, x.n, x.rule])).toEqual([
      ["A", 10, "apportioned"],
      ["B", 33, "apportioned"],
      ["C", 10, "apportioned"],
      ["D", 7, "minimum"],
    ]);
    expect(r.total).toBe(60);
  });

  it("holds capped strata at their caps and gives the rest to the others", () => {
    const r = unwrap(allocate(strata, policy("A类×1/2，C类×2，D类全部"), { base, total: 80, caps: { B: 20 } }));
    expect(r.rows.find((x) => x.key === "B")).toMatchObject({ n: 20, rule: "cap" });
    expect(r.total).toBe(80);
  });

  it("breaks ties by larger N, then key in code-point order (not UTF-16 order)", () => {
    const equal = policy("未分类10%");
    const byN = unwrap(allocate([{ key: "a", size: 10 }, { key: "b", size: 20 }, { key: "c", size: 10 }], equal, { total: 1, caps: { b: 1 } }));
    // Weights 1, 2, 1 → quotas 1/4, 1/2, 1/4: b has the largest remainder.
    expect(byN.rows.map((x) => x.n)).toEqual([0, 1, 0]);
    const sameN = unwrap(allocate([{ key: "b", size: 10 }, { key: "a", size: 10 }], equal, { total: 1 }));
    expect(sameN.rows.map((x) => [x.key, x.n])).toEqual([["b", 0], ["a", 1]]);
    // U+FF5E sorts before U+20000 by code point, after it by UTF-16 code unit.
    const astral = unwrap(allocate([{ key: "\u{20000}", size: 10 }, { key: "\uFF5E", size: 10 }], equal, { total: 1 }));
    expect(astral.rows.map((x) => x.n)).toEqual([0, 1]);
    const largerN = unwrap(allocate([{ key: "a", size: 10 }, { key: "z", size: 11 }], policy("未分类×1"), { base: unwrap(parseQuota("100%")), total: 1 }));
    expect(largerN.rows.map((x) => x.n)).toEqual([0, 1]);
  });

  it("names the clashing strata when bounds are infeasible", () => {
    const low = allocate(strata, policy("D类全部"), { base, total: 5, minimums: { C: 4, D: 7 } });
    expect(!low.ok && low.issues[0]?.code).toBe("allocation_infeasible");
    expect(!low.ok && low.issues[0]?.message.zh).toContain("C(≥4)、D(≥7)");
    const high = allocate(strata, policy("A类免查"), { base, total: 900 });
    expect(!high.ok && high.issues[0]?.message.en).toContain("A(≤0)");
    const clash = allocate(strata, policy("A类免查"), { base, total: 10, minimums: { A: 1 } });
    expect(!clash.ok && clash.issues[0]?.message.zh).toContain("A(1 > 0)");
  });

  it("reports bad input as issues", () => {
    const codes = (r: ReturnType<typeof allocate>) => (r.ok ? [] : r.issues.filter((i) => i.severity === "error").map((i) => i.code));
    expect(codes(allocate([{ key: "A", size: 1 }, { key: "A", size: 2 }], policy("未分类5%")))).toEqual(["allocation_duplicate_key"]);
    expect(codes(allocate([{ key: "A", size: -1 }], policy("未分类5%")))).toEqual(["allocation_invalid_size"]);
    expect(codes(allocate([{ key: "A", size: 1 }], policy("未分类5%"), { minimums: { Z: 1 } }))).toEqual(["allocation_unknown_key"]);
    expect(codes(allocate([{ key: "A", size: 1, tier: "A" }], policy("B类5%")))).toEqual(["allocation_no_quota"]);
    expect(codes(allocate([{ key: "A", size: 1, tier: "A" }], policy("A类×2"), { base: unwrap(parseQuota("约6家")) }))).toEqual(["allocation_multiplier_needs_ratio"]);
    expect(codes(allocate([{ key: "A", size: 1 }], policy("未分类5%"), { total: 1.5 }))).toEqual(["allocation_invalid_total"]);
    expect(codes(allocate([{ key: "A", size: 5, tier: "A" }], policy("A类免查"), { total: 0 }))).toEqual([]);
  });

  it("validates the base quota and says when its count cannot be applied per stratum", () => {
    const bad = { ratio: { numerator: 1, denominator: 0, bound: "exact" }, text: "x" } as unknown as ReturnType<typeof parseQuota> extends { value: infer V } ? V : never;
    expect(allocate([{ key: "A", size: 1 }], policy("B类5%"), { base: bad }).ok).toBe(false);
    const r = allocate([{ key: "A", size: 50 }], policy("B类5%"), { base: unwrap(parseQuota("不低于10%；不少于4户")) });
    expect(r.ok && r.value.rows[0]?.n).toBe(5);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["allocation_base_count_ignored"]);
  });

  it("does not mutate its inputs", () => {
    const s = structuredClone(strata);
    const p = policy("A类×1/2，C类×2，D类全部");
    const pc = structuredClone(p);
    const opts = { base, total: 60, minimums: { D: 7 } };
    const oc = structuredClone(opts);
    allocate(s, p, opts);
    expect(s).toEqual(strata);
    expect(p).toEqual(pc);
    expect(opts).toEqual(oc);
  });
});

describe("allocate properties", () => {
  const stratumArb = fc.record({ size: fc.integer({ min: 0, max: 500 }), tier: fc.constantFrom("A" as const, "B" as const, "C" as const, "D" as const) });
  const setup = fc
    .array(stratumArb, { minLength: 1, maxLength: 6 })
    .map((xs) => xs.map((x, i) => ({ key: `s${i}`, ...x })))
    .chain((xs) =>
      fc.record({
        strata: fc.constant(xs),
        mins: fc.tuple(...xs.map((x) => fc.integer({ min: 0, max: Math.min(3, x.size) }))),
        caps: fc.tuple(...xs.map((x) => fc.integer({ min: 0, max: x.size }))),
        total: fc.integer({ min: 0, max: 2000 }),
      }),
    );
  const pol = policy("A类×1/2，B类×1，C类×2，D类全部");
  const baseQ = unwrap(parseQuota("10%"));

  it("without a total, every n_h is the rule's size and never exceeds N_h", () => {
    fc.assert(
      fc.property(setup, ({ strata: xs }) => {
        const r = unwrap(allocate(xs, pol, { base: baseQ }));
        r.rows.forEach((row, h) => {
          expect(row.N).toBe(xs[h]?.size);
          expect(row.n).toBeLessThanOrEqual(row.N);
          expect(row.n === 0).toBe(row.N === 0);
        });
        expect(r.total).toBe(r.rows.reduce((a, x) => a + x.n, 0));
      }),
      { numRuns: 300 },
    );
  });

  it("with a total, the sizes sum to it and stay within [minimum, cap] — or the bounds are reported infeasible", () => {
    fc.assert(
      fc.property(setup, ({ strata: xs, mins, caps, total }) => {
        const minimums = Object.fromEntries(xs.map((x, i) => [x.key, Math.min(mins[i] as number, caps[i] as number)]));
        const capsBy = Object.fromEntries(xs.map((x, i) => [x.key, caps[i] as number]));
        const r = allocate(xs, pol, { base: baseQ, total, minimums, caps: capsBy });
        const sumMin = Object.values(minimums).reduce((a, b) => a + b, 0);
        const sumCap = Object.values(capsBy).reduce((a, b) => a + b, 0);
        if (total < sumMin || total > sumCap) {
          expect(r.ok).toBe(false);
          return;
        }
        if (!r.ok) {
          // Only possible when every stratum that could take more has zero weight.
          expect(r.issues[0]?.code).toBe("allocation_no_weight");
          return;
        }
        expect(r.value.total).toBe(total);
        r.value.rows.forEach((row) => {
          expect(row.n).toBeGreaterThanOrEqual(minimums[row.key] as number);
          expect(row.n).toBeLessThanOrEqual(capsBy[row.key] as number);
          expect(row.n).toBeLessThanOrEqual(row.N);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and independent of nothing but its inputs", () => {
    fc.assert(
      fc.property(setup, ({ strata: xs, total }) => {
        const a = allocate(xs, pol, { base: baseQ, total: Math.min(total, xs.reduce((s, x) => s + x.size, 0)) });
        const b = allocate(structuredClone(xs), pol, { base: baseQ, total: Math.min(total, xs.reduce((s, x) => s + x.size, 0)) });
        expect(a).toEqual(b);
      }),
      { numRuns: 100 },
    );
  });
});
