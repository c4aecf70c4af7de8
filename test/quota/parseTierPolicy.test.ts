import { describe, expect, it } from "vitest";
import { parseTierPolicy } from "../../src/quota/index.js";

describe("parseTierPolicy", () => {
  it("reads per-tier quotas", () => {
    const r = parseTierPolicy("A类3%，B类5%，C类10%，D类30%");
    expect(r.ok && r.value.rules.D).toEqual({ kind: "quota", quota: { ratio: { numerator: 3, denominator: 10, bound: "exact" }, text: "30%" } });
    expect(r.ok && Object.keys(r.value.rules)).toEqual(["A", "B", "C", "D"]);
  });

  it("reads multipliers, all, exempt, labels and untiered", () => {
    const r = parseTierPolicy("低风险×0.5；一般风险×1；较高风险2倍；高风险全部；未分类不低于5%");
    expect(r.ok && r.value.rules).toEqual({
      A: { kind: "multiplier", numerator: 1, denominator: 2 },
      B: { kind: "multiplier", numerator: 1, denominator: 1 },
      C: { kind: "multiplier", numerator: 2, denominator: 1 },
      D: { kind: "all" },
      untiered: { kind: "quota", quota: { ratio: { numerator: 1, denominator: 20, bound: "atLeast" }, text: "不低于5%" } },
    });
  });

  it("reads exemption and fractions", () => {
    const r = parseTierPolicy("A类免查、B类×1/3、D级企业:全覆盖");
    expect(r.ok && r.value.rules).toEqual({ A: { kind: "exempt" }, B: { kind: "multiplier", numerator: 1, denominator: 3 }, D: { kind: "all" } });
  });

  it("reports unreadable parts, duplicate tiers and bad quotas", () => {
    const codes = (t: string) => {
      const r = parseTierPolicy(t);
      return r.ok ? r.warnings.map((w) => w.code) : r.issues.map((i) => i.code);
    };
    expect(codes("E类5%")).toEqual(["tier_policy_unrecognized"]);
    expect(codes("A类5%，A类10%")).toEqual(["tier_policy_duplicate_tier"]);
    expect(codes("A类0.1")).toEqual(["quota_bare_number"]);
    expect(codes("")).toEqual(["tier_policy_unrecognized"]);
  });
});

describe("parseTierPolicy on arbitrary text", () => {
  it("never throws", async () => {
    const fc = (await import("fast-check")).default;
    const alphabet = fc.constantFrom(..."ABCDabcd类级×x*/0123456789.%倍全部免查无事不扰低一般较高风险未分类，；、 :".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 30 })), (text) => {
        const r = parseTierPolicy(text);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
});
