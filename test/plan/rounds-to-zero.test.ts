// The rule computes "rounds to zero" itself (so that `double-random lint` does not load the sizing and schema code);
// it must agree with sampleSize(quota, pool, { minimumOne: false, rounding: "halfUp" }) on every quota.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintPlan } from "../../src/plan/lintPlan.js";
import { importPlanTable } from "../../src/plan/importPlanTable.js";
import { parseQuota } from "../../src/quota/parseQuota.js";
import { plainSize } from "../../src/quota/_size.js";
import { sampleSize } from "../../src/quota/sampleSize.js";
import { unwrap } from "../../src/result.js";

describe("quota-rounds-to-zero agrees with sampleSize", () => {
  it("on random ratios, counts and bounds (fixed seed)", () => {
    const text = fc.tuple(
      fc.constantFrom("", "不低于", "不超过"), fc.integer({ min: 0, max: 2000 }), fc.constantFrom("‰", "%"),
      fc.option(fc.tuple(fc.constantFrom("", "不少于", "不超过"), fc.integer({ min: 0, max: 5 })), { nil: undefined }),
    ).map(([b, n, u, c]) => `${b}${n / 10}${u}${c ? `；${c[0]}${c[1]}户` : ""}`);
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 5000 }), (t, pool) => {
      const q = parseQuota(t);
      if (!q.ok) return;
      const s = sampleSize(q.value, pool, { minimumOne: false, rounding: "halfUp" });
      const csv = `抽查任务名称,抽查类型,抽查对象范围,抽查比例,抽取日期,发起部门\n甲,不定向,全市企业,"${t}",3月—11月,某局`;
      const found = lintPlan(unwrap(importPlanTable(csv, { year: 2023 })), { poolSizes: { 甲: pool } }).some((d) => d.code === "quota_rounds_to_zero");
      expect(found, `${t} of ${pool}`).toBe(s.ok && s.value.size === 0);
      // The size the inspector-capacity rule uses: sampleSize's defaults.
      const d = sampleSize(q.value, pool);
      expect(plainSize(q.value, pool, "up", true)).toBe(d.ok ? d.value.size : undefined);
    }), { numRuns: 500, seed: 12 });
  });
});
