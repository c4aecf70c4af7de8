// The simulation staffs a batch as matchInspectors does: greedy picks, then the augmenting-path repair, and experts
// on their own slots. Its P(infeasible) must be the real matcher's, checked by running matchInspectors on every
// possible set of drawn targets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InspectorInput, matchInspectors, type MatchRules, type Plan } from "../../src/index.js";
import { type Estimate, simulatePlan, type SimulationPools, type SimulationReport } from "../../src/simulate/index.js";

const agrees = (sim: Estimate, exact: number) => Math.abs(sim.mean - exact) <= 4 * sim.se + 1e-9;

function run(plan: Plan, pools: SimulationPools, runs: number, seed = "matching"): SimulationReport {
  const r = simulatePlan(plan, pools, { runs, seed });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const onePlan = (quotaText: string, windowText = "2023年3月"): Plan => ({
  year: 2023,
  issuer: "",
  tasks: [{ id: "T", name: "特种设备抽查", items: [], scope: "", targeting: "undirected", quotaText, windowText, initiator: "市场监管局", cooperators: [] }],
});

/** Every k-subset of 0 … n−1. */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k), ...subsets(n - 1, k - 1).map((s) => [...s, n - 1])];
}

describe("simulatePlan: the matching's repair step", () => {
  // Two targets of four entities (two in 410802, two in 410803), two officers each. A may take two targets, B one,
  // C one and only in 410802. When the greedy picks give the first target B and C, the second is left with A alone
  // and the repair moves B over; when both targets lie in 410803, C can go nowhere and no assignment exists.
  const entities = [
    { id: "E1", name: "甲", regionCode: "410802" }, { id: "E2", name: "乙", regionCode: "410802" },
    { id: "E3", name: "丙", regionCode: "410803" }, { id: "E4", name: "丁", regionCode: "410803" },
  ];
  const inspectors: InspectorInput[] = [
    { id: "A", name: "A", department: "市场监管局", loadCap: 2 },
    { id: "B", name: "B", department: "市场监管局", loadCap: 1 },
    { id: "C", name: "C", department: "市场监管局", loadCap: 1, regions: ["410802"] },
  ];
  const plan = onePlan("2户");
  const report = run(plan, { entities, inspectors }, 3000);
  const w = report.windows[0]!;

  // The real matcher on every possible draw: the share of draws it cannot staff.
  const draws = subsets(4, 2);
  const refused = draws.filter((d, k) => {
    const r = matchInspectors({
      record: { taskId: "T", seed: `every-${k}`, selections: d.map((e) => ({ id: entities[e]!.id, stratum: "all" })) },
      inspectors, entities,
    });
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain("match_infeasible");
    return !r.ok;
  });

  it("counts a batch infeasible exactly when matchInspectors refuses the same targets", () => {
    expect(refused.length).toBe(1);
    expect(w.targets).toBe(2);
    expect(agrees(w.infeasible, refused.length / draws.length)).toBe(true);
    expect(w.short).toEqual([{ department: "市场监管局", probability: w.infeasible.mean }]);
  });

  it("exercises the repair: greedy picks alone would fail far more often", () => {
    // Greedy fails whenever the first target takes B and C (1/3 of its picks when C may go there): those runs
    // are repaired, so counting greedy failures would put P(infeasible) outside the error bars.
    expect(w.repaired).toBeGreaterThan(0.1);
    expect(agrees(w.infeasible, refused.length / draws.length + w.repaired)).toBe(false);
  });

  it("loads follow the repaired teams: nobody exceeds a per-batch cap", () => {
    for (const c of report.inspectors.filter((x) => x.month === 3)) {
      const cap = inspectors.find((i) => i.id === c.inspectorId)!.loadCap!;
      expect(c.percentiles.every((p) => p.value <= cap && p.interval[1] <= cap), c.inspectorId).toBe(true);
      expect(c.overCap!.mean).toBe(0);
    }
    // A is in every staffed team that needs him: both targets in a feasible draw whenever C is short.
    const a = report.inspectors.find((c) => c.inspectorId === "A" && c.month === 3)!;
    expect(a.load.mean).toBeGreaterThan(1.5);
  });
});

describe("simulatePlan: P(infeasible) is the matching's on random joint rosters", () => {
  it("property: for caps, regions and department slots, the simulated share equals matchInspectors' over every draw", () => {
    const person = fc.record({ department: fc.constantFrom("甲局", "乙局"), loadCap: fc.integer({ min: 1, max: 3 }), region: fc.constantFrom(undefined, "410802", "410803") });
    fc.assert(
      fc.property(fc.array(person, { minLength: 2, maxLength: 6 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 3 }), (people, size, draw) => {
        const entities = Array.from({ length: 5 }, (_, k) => ({ id: `E${k}`, name: `对象${k}`, regionCode: k < 2 ? "410802" : "410803" }));
        const inspectors: InspectorInput[] = people.map((p, k) => ({
          id: `P${k}`, name: `人${k}`, department: p.department, loadCap: p.loadCap, ...(p.region ? { regions: [p.region] } : {}),
        }));
        const rules: MatchRules = { departments: { 甲局: 1, 乙局: 1 }, minCredentialed: size };
        if (!inspectors.some((i) => i.department === "甲局") || !inspectors.some((i) => i.department === "乙局")) return;
        const draws = subsets(5, draw);
        const refused = draws.filter((d, k) => !matchInspectors({
          record: { taskId: "T", seed: `every-${k}`, selections: d.map((e) => ({ id: entities[e]!.id, stratum: "all" })) },
          inspectors, entities, rules,
        }).ok).length;
        const plan: Plan = { ...onePlan(`${draw}户`), tasks: [{ ...onePlan("").tasks[0]!, quotaText: `${draw}户`, cooperators: ["乙局"], initiator: "甲局" }] };
        const w = run(plan, { entities, inspectors, rules: { T: rules } }, 1500, `prop-${draw}-${size}`).windows[0]!;
        expect(agrees(w.infeasible, refused / draws.length), `${refused}/${draws.length} refused, simulated ${w.infeasible.mean}`).toBe(true);
      }),
      { numRuns: 25, seed: 20261202 },
    );
  });
});

describe("simulatePlan: regions and recusals as the matching reads them", () => {
  it("with checkRegions false a recusal still binds and regions do not", () => {
    const entities = [{ id: "E1", name: "甲", regionCode: "410803" }];
    const inspectors: InspectorInput[] = [
      { id: "A", name: "A", department: "市场监管局", regions: ["410802"] },
      { id: "B", name: "B", department: "市场监管局" },
      { id: "C", name: "C", department: "市场监管局" },
    ];
    const rules: MatchRules = { checkRegions: false, relationships: [{ inspectorId: "C", entityId: "E1", reason: "relative" }] };
    const real = matchInspectors({ record: { taskId: "T", seed: "s", selections: [{ id: "E1", stratum: "all" }] }, inspectors, entities, rules });
    expect(real.ok && real.value.teams[0]!.members.map((m) => m.id).sort()).toEqual(["A", "B"]);
    const report = run(onePlan("1户"), { entities, inspectors, rules: { T: rules } }, 200);
    const load = (id: string) => report.inspectors.find((c) => c.inspectorId === id && c.month === 3)!.load.mean;
    expect([load("A"), load("B"), load("C")]).toEqual([1, 1, 0]);
    // Regions checked (the default): A may not go to 410803, C is recused, so the team cannot be filled.
    const checked = run(onePlan("1户"), { entities, inspectors, rules: { T: { relationships: rules.relationships! } } }, 50);
    expect(checked.windows[0]!.infeasible.mean).toBe(1);
    expect(matchInspectors({ record: { taskId: "T", seed: "s", selections: [{ id: "E1", stratum: "all" }] }, inspectors, entities, rules: { relationships: rules.relationships! } }).ok).toBe(false);
  });
});

describe("simulatePlan: experts (专家)", () => {
  const entities = Array.from({ length: 40 }, (_, k) => ({ id: `E${k}`, name: `锅炉${k}` }));
  const inspectors: InspectorInput[] = Array.from({ length: 6 }, (_, k) => ({ id: `I${k}`, name: `执法${k}`, department: "市场监管局" }));
  const experts: InspectorInput[] = [
    { id: "X1", name: "专家1", department: "特检院", qualifications: ["锅炉"] },
    { id: "X2", name: "专家2", department: "特检院", qualifications: ["锅炉"] },
    { id: "X3", name: "专家3", department: "特检院", qualifications: ["电梯"] },
  ];
  const rules: MatchRules = { experts: 1, expertQualifications: ["锅炉"] };

  it("sends one qualified expert per target and reports the experts' loads apart from the inspectors'", () => {
    const report = run(onePlan("10户"), { entities, inspectors, experts, rules: { T: rules } }, 2000);
    const x1 = report.inspectors.find((c) => c.inspectorId === "X1" && c.month === 3)!;
    expect(x1.expert).toBe(true);
    expect(x1.expected).toBeCloseTo(5, 6);
    expect(x1.exact).toBe(true);
    expect(agrees(x1.load, x1.expected)).toBe(true);
    // Without the qualification an expert is never sent.
    expect(report.inspectors.some((c) => c.inspectorId === "X3")).toBe(false);
    const officers = report.inspectors.filter((c) => !c.expert && c.month === 3);
    expect(officers.reduce((s, c) => s + c.expected, 0)).toBeCloseTo(20, 4);
    const groups = report.departments.filter((d) => d.month === 3).map((d) => [d.department, d.experts, d.inspectors]);
    expect(groups).toEqual([["市场监管局", false, 6], ["特检院", true, 2]]);
    expect(report.windows[0]!.infeasible.mean).toBe(0);
  });

  it("finds a planted expert shortage, as matchInspectors does", () => {
    // Two qualified experts who may each take 3 targets cannot cover 10.
    const capped = experts.map((x) => ({ ...x, loadCap: 3 }));
    const report = run(onePlan("10户"), { entities, inspectors, experts: capped, rules: { T: rules } }, 200);
    const w = report.windows[0]!;
    expect(w.infeasible.mean).toBe(1);
    expect(w.expertsShort).toBe(1);
    expect(w.short).toEqual([]);
    const real = matchInspectors({
      record: { taskId: "T", seed: "s", selections: entities.slice(0, 10).map((e) => ({ id: e.id, stratum: "all" })) },
      inspectors, experts: capped, rules,
    });
    expect(real.ok).toBe(false);
    // With caps of 5 the experts just suffice, in the simulation and in the matching.
    const enough = experts.map((x) => ({ ...x, loadCap: 5 }));
    expect(run(onePlan("10户"), { entities, inspectors, experts: enough, rules: { T: rules } }, 200).windows[0]!.infeasible.mean).toBe(0);
    expect(matchInspectors({
      record: { taskId: "T", seed: "s", selections: entities.slice(0, 10).map((e) => ({ id: e.id, stratum: "all" })) },
      inspectors, experts: enough, rules,
    }).ok).toBe(true);
  });

  it("an inspector marked expert in the inspector pool is an expert, as the matching reads it", () => {
    const pool = [...inspectors, { ...experts[0]!, expert: true }, { ...experts[1]!, expert: true }];
    const report = run(onePlan("10户"), { entities, inspectors: pool, rules: { T: rules } }, 300);
    expect(report.inspectors.find((c) => c.inspectorId === "X2" && c.month === 3)!.expert).toBe(true);
    expect(report.inspectors.filter((c) => !c.expert && c.month === 3).length).toBe(6);
  });
});
