import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWindow, scheduleBatches, type BatchSchedule } from "../../src/index.js";
import type { Quota } from "../../src/index.js";

const run = (input: Parameters<typeof scheduleBatches>[0]): BatchSchedule => {
  const r = scheduleBatches(input);
  if (!r.ok) throw new Error(r.issues.map((i) => i.code).join());
  return r.value;
};
const spans = (s: BatchSchedule) => s.batches.map((b) => [b.start, b.end, b.size]);

describe("scheduleBatches on real seed tasks", () => {
  it("焦作公安 民爆物品: 每半年 20% over 2023年1月1日—12月31日 → one batch per half year", () => {
    const s = run({ quota: "每半年 20%", window: "2023年1月1日—12月31日", year: 2023, poolSize: 12 });
    expect(spans(s)).toEqual([["2023-01-01", "2023-06-30", 3], ["2023-07-01", "2023-12-31", 3]]);
    // 1 − (9/12)² = 7/16
    expect(s.chanceAtLeastOnce).toEqual({ numerator: "7", denominator: "16", approx: 0.4375 });
    expect(s.totalDraws).toBe(6);
  });

  it("焦作发改 用能单位节能监察: 20% in 2023年6月、11月 → a batch in each month", () => {
    const r = scheduleBatches({ quota: "20%", window: "2023年6月、11月", year: 2023, poolSize: 30 });
    expect(r.ok && spans(r.value)).toEqual([["2023-06-01", "2023-06-30", 6], ["2023-11-01", "2023-11-30", 6]]);
  });

  it("焦作生态环境 自动监控基站: 不少于15% 每季度结束前5个工作日 → four batches of the quarter-end working days", () => {
    const s = run({ quota: "不少于15%", window: "每季度结束前5个工作日", year: 2023, poolSize: 40 });
    expect(spans(s)).toEqual([
      ["2023-03-27", "2023-03-31", 6],
      ["2023-06-26", "2023-06-30", 6],
      ["2023-09-22", "2023-09-28", 6],
      ["2023-12-25", "2023-12-29", 6],
    ]);
  });

  it("晋城 10%; 2次/年 over 3月-7月 → the window cut in two", () => {
    const s = run({ quota: "10%; 2次/年", window: "3月-7月", year: 2023, poolSize: 25 });
    // 153 days: 77 + 76.
    expect(spans(s)).toEqual([["2023-03-01", "2023-05-16", 3], ["2023-05-17", "2023-07-31", 3]]);
  });

  it("每季度 over 3月-11月 warns about the partial first and last quarter", () => {
    const r = scheduleBatches({ quota: "每季度 20%", window: "3月-11月", year: 2023, poolSize: 10 });
    expect(r.ok && spans(r.value)).toEqual([
      ["2023-03-01", "2023-03-31", 2],
      ["2023-04-01", "2023-06-30", 2],
      ["2023-07-01", "2023-09-30", 2],
      ["2023-10-01", "2023-11-30", 2],
    ]);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["batch_period_outside_window", "batch_period_outside_window"]);
  });

  it("a cumulative quota is the year's total, shared between batches", () => {
    const s = run({ quota: "抽查比例之和≥20%", window: "每季度一次", year: 2023, poolSize: 33 });
    // ceil(33 × 20%) = 7 → 2, 2, 2, 1
    expect(s.batches.map((b) => b.size)).toEqual([2, 2, 2, 1]);
    expect(s.totalDraws).toBe(7);
  });
});

describe("避免重复检查", () => {
  it("later batches draw from what is left, and the chance is Σn/N", () => {
    const s = run({ quota: "每季度 20%", window: "全年", year: 2023, poolSize: 10, avoidRepeats: true });
    expect(s.batches.map((b) => [b.size, b.eligible])).toEqual([[2, 10], [2, 8], [2, 6], [2, 4]]);
    expect(s.chanceAtLeastOnce).toEqual({ numerator: "4", denominator: "5", approx: 0.8 });
  });

  it("caps a batch at the entities left, with a warning", () => {
    const r = scheduleBatches({ quota: "50%", window: "每半年一次", year: 2023, poolSize: 7, avoidRepeats: true });
    expect(r.ok && r.value.batches.map((b) => [b.size, b.rule])).toEqual([[4, "ratio_ceil"], [3, "pool_left"]]);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["batch_pool_exhausted"]);
    expect(r.ok && r.value.chanceAtLeastOnce.numerator).toBe("1");
  });
});

/** Exact chance by enumerating every possible sequence of draws (each equally likely within a batch). */
function enumerate(N: number, sizes: number[], avoid: boolean): [number, number] {
  const subsets = (items: number[], k: number): number[][] => {
    if (k === 0) return [[]];
    if (items.length < k) return [];
    const [h, ...t] = items as [number, ...number[]];
    return [...subsets(t, k - 1).map((s) => [h, ...s]), ...subsets(t, k)];
  };
  let hit = 0;
  let all = 0;
  // Weighted by 1/(number of choices) along the path: use a common denominator via recursion on fractions.
  const walk = (i: number, left: number[], seen: boolean, weight: number, scale: number): void => {
    if (i === sizes.length) {
      all += weight / scale;
      if (seen) hit += weight / scale;
      return;
    }
    const pool = avoid ? left : [...Array(N).keys()];
    const choices = subsets(pool, Math.min(sizes[i]!, pool.length));
    for (const c of choices) walk(i + 1, left.filter((x) => !c.includes(x)), seen || c.includes(0), weight, scale * choices.length);
  };
  walk(0, [...Array(N).keys()], false, 1, 1);
  return [hit, all];
}

describe("chance of being drawn at least once", () => {
  it("matches an exact enumeration on tiny cases", () => {
    for (const avoid of [false, true]) {
      for (const [N, q] of [[4, "每半年 25%"], [5, "每季度 20%"], [6, "40%; 2次/年"], [3, "每半年 50%"]] as const) {
        const s = run({ quota: q, window: "全年", year: 2023, poolSize: N, avoidRepeats: avoid });
        const [hit, all] = enumerate(N, s.batches.map((b) => b.size), avoid);
        expect(all).toBeCloseTo(1, 12);
        expect(Number(s.chanceAtLeastOnce.numerator) / Number(s.chanceAtLeastOnce.denominator)).toBeCloseTo(hit, 12);
      }
    }
  });

  it("stays exact when N^k is far beyond 2^53", () => {
    const s = run({ quota: "每月 1%", window: "全年", year: 2023, poolSize: 1_000_003 });
    expect(BigInt(s.chanceAtLeastOnce.denominator) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(s.chanceAtLeastOnce.approx).toBeGreaterThan(0.11);
    expect(s.chanceAtLeastOnce.approx).toBeLessThan(0.12);
  });
});

describe("scheduleBatches properties", () => {
  const windowTexts = fc.constantFrom("全年", "3月-11月", "2023年6月、11月", "上半年（1-4月）；下半年（11-12月）", "每季度结束前5个工作日", "5—6月", "7-12月份", "2023年3月、6月、9月、11月", "月初");
  const quotaTexts = fc.constantFrom("20%", "每半年 20%", "每季度 20%", "10%; 2次/年", "3次/年 5%", "每月 1%", "不低于10%；1次/年", "抽查比例之和≥20%", "不少于4户");

  it("batches tile the window without overlap and sizes sum to the total", () => {
    fc.assert(
      fc.property(windowTexts, quotaTexts, fc.integer({ min: 0, max: 500 }), fc.boolean(), (wt, qt, N, avoid) => {
        const w = parseWindow(wt, { year: 2023 });
        if (!w.ok) return false;
        const r = scheduleBatches({ quota: qt, window: w.value, poolSize: N, avoidRepeats: avoid });
        if (!r.ok) return r.issues.every((i) => i.code === "batch_window_too_short");
        const days = (rs: readonly { start: string; end: string }[]) =>
          rs.flatMap((x) => {
            const out: string[] = [];
            for (let t = Date.parse(x.start); t <= Date.parse(x.end); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
            return out;
          });
        const windowDays = days(w.value.windows);
        const batchDays = r.value.batches.flatMap((b) => days(b.windows));
        const ordered = r.value.batches.every((b, i, a) => i === 0 || a[i - 1]!.end < b.start);
        const sum = r.value.batches.reduce((a, b) => a + b.size, 0);
        const drawnOk = avoid ? sum <= N : r.value.batches.every((b) => b.size <= N);
        return JSON.stringify(batchDays) === JSON.stringify(windowDays) && ordered && sum === r.value.totalDraws && drawnOk;
      }),
      { numRuns: 400, seed: 2023 },
    );
  });

  it("the chance is a probability and grows with the pool share drawn", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.boolean(), (N, avoid) => {
        const s = run({ quota: "每季度 10%", window: "全年", year: 2023, poolSize: N, avoidRepeats: avoid });
        const p = s.chanceAtLeastOnce;
        const one = run({ quota: "10%", window: "全年", year: 2023, poolSize: N }).chanceAtLeastOnce;
        return BigInt(p.numerator) <= BigInt(p.denominator) && p.approx >= one.approx - 1e-12;
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});

describe("scheduleBatches issues", () => {
  it("rejects a bad pool size and passes on parse failures", () => {
    expect(scheduleBatches({ quota: "20%", window: "全年", year: 2023, poolSize: -1 }).ok).toBe(false);
    const w = scheduleBatches({ quota: "20%", window: "2022年4月", year: 2023, poolSize: 5 });
    expect(!w.ok && w.issues[0]?.code).toBe("window_outside_year");
    const q = scheduleBatches({ quota: "待定", window: "全年", year: 2023, poolSize: 5 });
    expect(q.ok).toBe(false);
    const y = scheduleBatches({ quota: "20%", window: "全年", poolSize: 5 });
    expect(!y.ok && y.issues[0]?.code).toBe("invalid_argument");
  });

  it("refuses more batches than days", () => {
    const r = scheduleBatches({ quota: "3次/年 5%", window: "2023. 02. 10", year: 2023, poolSize: 50 });
    expect(!r.ok && r.issues[0]?.code).toBe("batch_window_too_short");
  });

  it("does not mutate its input", () => {
    const quota: Quota = { ratio: { numerator: 1, denominator: 5, bound: "exact" }, frequency: { times: 1, per: "halfYear" }, text: "每半年20%" };
    const w = parseWindow("全年", { year: 2023 });
    if (!w.ok) throw new Error();
    const input = { quota, window: w.value, poolSize: 9, avoidRepeats: true };
    const before = JSON.stringify(input);
    expect(scheduleBatches(input).ok).toBe(true);
    expect(JSON.stringify(input)).toBe(before);
  });
});
