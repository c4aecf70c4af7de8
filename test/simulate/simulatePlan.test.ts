import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchInspectors, type Plan } from "../../src/index.js";
import { type Estimate, simulatePlan, type SimulationReport } from "../../src/simulate/index.js";
import { exactScenario, jiaozuoScenario } from "./scenario.js";

/** Simulated and exact agree when they are within 4 standard errors (fixed seeds: the test never flakes). */
const agrees = (sim: Estimate, exact: number) => Math.abs(sim.mean - exact) <= 4 * sim.se + 1e-9;

function run(plan: Plan, pools: Parameters<typeof simulatePlan>[1], runs: number, seed = "test-seed", extra = {}): SimulationReport {
  const r = simulatePlan(plan, pools, { runs, seed, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("simulatePlan: exact and simulated expectations agree", () => {
  const { plan, pools } = exactScenario();
  const report = run(plan, pools, 4000);

  it("lays the tasks out with the calendar's batches and allocate's sizes", () => {
    const f1 = report.tasks.find((t) => t.taskId === "F1")!;
    expect(f1.batches.map((b) => [b.start, b.end, b.size])).toEqual([
      ["2023-01-01", "2023-03-31", 27], ["2023-04-01", "2023-06-30", 27], ["2023-07-01", "2023-09-30", 27], ["2023-10-01", "2023-12-31", 27],
    ]);
    expect(f1.eligible).toBe(267);
    // F3: A 3%, B 5%, C 10%, D 30% of each tier, rounded up per stratum.
    expect(report.tasks.find((t) => t.taskId === "F3")!.batches[0]!.size).toBeGreaterThan(20);
    expect(report.notes).toEqual([]);
  });

  it("per entity group: inspections per year, their distribution and repeats across tasks", () => {
    expect(report.groups.length).toBeGreaterThanOrEqual(4 + 4 + 3);
    for (const g of report.groups) {
      expect(agrees(g.inspections.simulated, g.inspections.exact), `${g.dimension}=${g.value} mean`).toBe(true);
      expect(agrees(g.repeatedAcrossTasks.simulated, g.repeatedAcrossTasks.exact), `${g.dimension}=${g.value} repeated`).toBe(true);
      for (const d of g.distribution) expect(agrees(d.simulated, d.exact), `${g.dimension}=${g.value} k=${d.k}`).toBe(true);
      expect(g.distribution.reduce((s, d) => s + d.exact, 0)).toBeCloseTo(1, 5);
    }
    const drugs = report.groups.find((g) => g.dimension === "industry" && g.value === "药品")!;
    // 药品 is only in F3's scope: never inspected by two tasks.
    expect(drugs.repeatedAcrossTasks.exact).toBe(0);
    expect(drugs.anyRepeated.mean).toBe(0);
  });

  it("per task pair: entities inspected by both", () => {
    const ids = report.overlaps.map((o) => o.taskIds.join("+")).sort();
    expect(ids).toEqual(["F1+F2", "F1+F3", "F2+F3"]);
    for (const o of report.overlaps) expect(agrees(o.both.simulated, o.both.exact), o.taskIds.join("+")).toBe(true);
    const f1f2 = report.overlaps.find((o) => o.taskIds.join("+") === "F1+F2")!;
    expect(f1f2.shared).toBe(133);
    expect(f1f2.sameQuarter).toBe(true);
  });

  it("per inspector and month: loads (exact when members are uniform picks)", () => {
    const cells = report.inspectors.filter((c) => c.exact);
    expect(cells.length).toBe(8 * 12);
    for (const c of cells) expect(agrees(c.load, c.expected), `${c.inspectorId} month ${c.month}`).toBe(true);
    const busy = report.inspectors.filter((c) => c.expected > 0);
    expect(busy.length).toBeGreaterThan(50);
    for (const d of report.departments) expect(agrees(d.meanLoad, d.expectedMeanLoad), `${d.department} ${d.month}`).toBe(true);
  });

  it("the agreement check has power: a 10% error in an exact figure is caught", () => {
    const g = report.groups.find((x) => x.dimension === "industry" && x.value === "餐饮")!;
    expect(agrees(g.inspections.simulated, g.inspections.exact * 1.1)).toBe(false);
    const o = report.overlaps[0]!;
    expect(agrees(o.both.simulated, o.both.exact * 1.1)).toBe(false);
  });
});

describe("simulatePlan: the team model is the matching's", () => {
  it("P(in team) for a joint task with open slots matches matchInspectors' frequencies", () => {
    const inspectors = [
      { id: "A1", name: "甲1", department: "甲局" }, { id: "A2", name: "甲2", department: "甲局" },
      ...[1, 2, 3, 4].map((k) => ({ id: `B${k}`, name: `乙${k}`, department: "乙局" })),
    ];
    const rules = { departments: { 甲局: 1, 乙局: 1 }, minCredentialed: 3 };
    const seeds = 1500;
    const hits = new Map<string, number>();
    for (let s = 0; s < seeds; s++) {
      const r = matchInspectors({ record: { taskId: "T", seed: `seed-${s}`, selections: [{ id: "E1", stratum: "all" }] }, inspectors, rules });
      if (!r.ok) throw new Error("match failed");
      for (const m of r.value.teams[0]!.members) hits.set(m.id, (hits.get(m.id) ?? 0) + 1);
    }
    const plan: Plan = { year: 2023, issuer: "", tasks: [{ id: "T", name: "联合", items: [], scope: "", targeting: "undirected", quotaText: "1户", windowText: "2023年3月1日", initiator: "甲局", cooperators: ["乙局"] }] };
    const report = run(plan, { entities: [{ id: "E1", name: "对象" }], inspectors, rules: { T: rules } }, 100);
    for (const i of inspectors) {
      const expected = report.inspectors.find((c) => c.inspectorId === i.id && c.month === 3)!.expected;
      const p = (hits.get(i.id) ?? 0) / seeds;
      // 甲 members 1/2 + 1/2·1/4 = 0.625, 乙 members 1/4 + 3/4·1/4 = 0.4375.
      expect(expected).toBeCloseTo(i.department === "甲局" ? 0.625 : 0.4375, 6);
      expect(Math.abs(p - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / seeds));
    }
  });
});

describe("simulatePlan on the 焦作 2023 seed plan with a constructed roster", () => {
  const { plan, pools, planted, monthlyCap } = jiaozuoScenario();
  const report = run(plan, pools, 2000, "jiaozuo", { monthlyCap });

  it("simulates the tasks whose quota and window can be read, and says why the others were left out", () => {
    expect(report.tasks.length).toBeGreaterThan(25);
    const skipped = report.notes.filter((n) => n.code === "simulate_task_skipped");
    expect(skipped.length).toBe(plan.tasks.length - report.tasks.length);
    expect(skipped.some((n) => n.message.zh.includes("对商标使用行为"))).toBe(true);
  });

  it("finds the planted overload: the department whose few inspectors are over their cap", () => {
    const months = report.departments.filter((d) => (d.anyOverCap?.mean ?? 0) >= 0.5);
    expect(months.length).toBeGreaterThan(0);
    expect(new Set(months.map((d) => d.department))).toEqual(new Set([planted.overloaded]));
    const april = report.departments.find((d) => d.department === planted.overloaded && d.month === 4)!;
    expect(april.busiest.find((p) => p.p === 0.5)!.value).toBeGreaterThan(4);
  });

  it("finds the planted overlap: the two tasks on the same 建设工程 entities", () => {
    const top = report.overlaps[0]!;
    expect([...top.taskIds]).toEqual(planted.overlap);
    // 200 shared, 4 and 74 drawn: 200 · 4/200 · 74/200 = 1.48 expected in both.
    expect(top.both.exact).toBeCloseTo(1.48, 5);
    expect(agrees(top.both.simulated, top.both.exact)).toBe(true);
    expect(report.overlaps.slice(1).every((o) => o.both.exact < 1)).toBe(true);
  });

  it("is reproducible from its seed and changes with it", () => {
    const again = run(plan, pools, 100, "again");
    expect(run(plan, pools, 100, "again")).toEqual(again);
    expect(again.overlaps[0]!.both.simulated).not.toEqual(run(plan, pools, 100, "other").overlaps[0]!.both.simulated);
  });
});

describe("simulatePlan: windows that cannot be staffed", () => {
  it("a joint task whose cooperating department can only go to one district is rarely staffed", () => {
    const plan: Plan = { year: 2023, issuer: "", tasks: [{ id: "J", name: "印刷单位联合抽查", items: [], scope: "", targeting: "undirected", quotaText: "10%", windowText: "2023年3月—12月", initiator: "新闻出版局", cooperators: ["文旅局"] }] };
    const entities = Array.from({ length: 200 }, (_, k) => ({ id: `E${k}`, name: `印刷${k}`, regionCode: k % 4 === 0 ? "140502" : "140525" }));
    const inspectors = [
      ...[1, 2, 3].map((k) => ({ id: `P${k}`, name: `出版${k}`, department: "新闻出版局" })),
      { id: "W1", name: "文旅1", department: "文旅局", regions: ["140502"] },
    ];
    const report = run(plan, { entities, inspectors }, 1000);
    const w = report.windows[0]!;
    // Staffed only when all 20 targets fall in 140502 (a quarter of the pool): practically never.
    expect(w.joint).toBe(true);
    expect(w.infeasible.mean).toBe(1);
    expect(w.short).toEqual([{ department: "文旅局", probability: 1 }]);
    const uncapped = run(plan, { entities, inspectors: inspectors.map((i) => ({ ...i, regions: [] })) }, 200);
    expect(uncapped.windows[0]!.infeasible.mean).toBe(0);
  });
});

describe("simulatePlan: contracts", () => {
  const { plan, pools } = exactScenario();

  it("rejects bad options with a coded issue", () => {
    for (const options of [{ runs: 0, seed: "s" }, { runs: 1.5, seed: "s" }, { runs: 10, seed: "" }, { runs: 10, seed: "s", percentiles: [1] }]) {
      const r = simulatePlan(plan, pools, options);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.code).toBe("simulate_invalid_options");
    }
  });

  it("does not mutate its inputs", () => {
    const before = JSON.stringify({ plan, pools });
    run(plan, pools, 50);
    expect(JSON.stringify({ plan, pools })).toBe(before);
  });

  it("reports progress up to the last run", () => {
    const seen: number[] = [];
    run(plan, pools, 250, "p", { onProgress: (done: number) => seen.push(done) });
    expect(seen.at(-1)).toBe(250);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("property: for any pool size and ratio, every entity's exact inspections equal the batch sizes over the pool, and the simulation agrees", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 4 }), (N, percent, quarters) => {
        const quota = quarters === 1 ? `${percent}%` : `每季度${percent}%`;
        const p: Plan = { year: 2023, issuer: "", tasks: [{ id: "T", name: "t", items: [], scope: "", targeting: "undirected", quotaText: quota, windowText: "2023年1月1日—12月31日", initiator: "局", cooperators: [] }] };
        const r = run(p, { entities: Array.from({ length: N }, (_, k) => ({ id: `E${k}`, name: `e${k}` })), inspectors: [] }, 200, `prop-${N}-${percent}`);
        const total = r.tasks[0]!.batches.reduce((s, b) => s + b.size, 0);
        const g = r.groups.find((x) => x.dimension === "tier")!;
        expect(g.inspections.exact).toBeCloseTo(total / N, 5);
        // Every run draws exactly the batch sizes: the simulated mean has no spread at all.
        expect(g.inspections.simulated.mean).toBeCloseTo(total / N, 5);
        expect(g.inspections.simulated.se).toBe(0);
      }),
      { numRuns: 40, seed: 20231202 },
    );
  });
});
