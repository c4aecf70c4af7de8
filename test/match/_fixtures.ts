// Independent helpers for the match tests: an eligibility rule and a max-flow written from the issue text,
// without the engine's code.
import fc from "fast-check";
import type { InspectorInput, MatchRules, Team } from "../../src/index.js";

export interface Scenario {
  readonly targets: readonly string[];
  readonly inspectors: readonly InspectorInput[];
  readonly experts: readonly InspectorInput[];
  readonly rules: MatchRules;
  readonly regionOf?: Readonly<Record<string, string>>;
}

function deptCounts(rules: MatchRules): Map<string, number> | null {
  if (!rules.departments) return null;
  if (Array.isArray(rules.departments)) return new Map((rules.departments as string[]).map((d) => [d, 1]));
  return new Map(Object.entries(rules.departments as Record<string, number>));
}

export function teamSize(rules: MatchRules): number {
  const c = deptCounts(rules);
  const sum = c ? [...c.values()].reduce((a, b) => a + b, 0) : 0;
  return Math.max(rules.minCredentialed ?? 2, sum);
}

/** May inspector i (counted pool unless expert) go to target t? */
export function mayGo(i: InspectorInput, expert: boolean, t: string, sc: Scenario): boolean {
  const rules = sc.rules;
  if (!expert) {
    if (i.credential === false || i.expert === true) return false;
    const c = deptCounts(rules);
    if (c && !c.has(i.department)) return false;
  }
  if ((i.conflicts ?? []).some((c) => c.entityId === t)) return false;
  if ((rules.relationships ?? []).some((r) => r.inspectorId === i.id && r.entityId === t)) return false;
  const need = expert ? (rules.expertQualifications ?? []) : (rules.qualifications ?? []);
  if (!need.every((q) => (i.qualifications ?? []).includes(q))) return false;
  const region = sc.regionOf?.[t];
  if (region && (i.regions ?? []).length > 0 && !(i.regions ?? []).some((r) => region.startsWith(r.replace(/(00)+$/, "")))) return false;
  return true;
}

/** A published exception to 第42条's two-officer floor (法律另有规定), for tests of one-officer teams. */
export const LEGAL_EXCEPTION = {
  basis: "law_otherwise_provides",
  citation: "《行政处罚法》第五十一条（简易程序）",
  decidedBy: "局长 王五",
  decidedAt: "2026-03-01",
} as const;

/** Plain Edmonds–Karp on an adjacency matrix. */
function maxFlow(cap: number[][], s: number, t: number): number {
  const n = cap.length;
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(n).fill(-1);
    prev[s] = s;
    const q = [s];
    for (let h = 0; h < q.length && prev[t] === -1; h++) {
      const u = q[h]!;
      for (let v = 0; v < n; v++) if (prev[v] === -1 && cap[u]![v]! > 0) { prev[v] = u; q.push(v); }
    }
    if (prev[t] === -1) return flow;
    let b = Infinity;
    for (let v = t; v !== s; v = prev[v]!) b = Math.min(b, cap[prev[v]!]![v]!);
    for (let v = t; v !== s; v = prev[v]!) { cap[prev[v]!]![v]! -= b; cap[v]![prev[v]!]! += b; }
    flow += b;
  }
}

/**
 * Feasibility by max-flow: source → person (cap) → (target, department) (1 per person and target) →
 * sink through the department's guaranteed slots or through the target's open slots; experts likewise.
 */
export function feasible(sc: Scenario): boolean {
  const counts = deptCounts(sc.rules);
  const size = teamSize(sc.rules);
  const experts = sc.rules.experts ?? 0;
  const depts = [...new Set(sc.inspectors.map((i) => i.department))];
  const people = [...sc.inspectors.map((i) => ({ i, expert: i.expert === true })), ...sc.experts.map((i) => ({ i, expert: true }))];
  // nodes: 0 source, 1 sink, people, (t,d) for each dept, (t,open), (t,expert)
  const P = people.length;
  const T = sc.targets.length;
  const D = depts.length;
  const idP = (k: number) => 2 + k;
  const idTD = (t: number, d: number) => 2 + P + t * (D + 2) + d;
  const idOpen = (t: number) => idTD(t, D);
  const idExp = (t: number) => idTD(t, D + 1);
  const n = 2 + P + T * (D + 2);
  const cap = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const big = 1e9;
  let demand = 0;
  people.forEach(({ i }, k) => (cap[0]![idP(k)] = i.loadCap ?? sc.rules.loadCap ?? big));
  sc.targets.forEach((t, ti) => {
    let guaranteed = 0;
    depts.forEach((d, di) => {
      const c = counts?.get(d) ?? 0;
      guaranteed += c;
      cap[idTD(ti, di)]![1] = c;
      cap[idTD(ti, di)]![idOpen(ti)] = big;
    });
    for (const [d, c] of counts ?? []) if (!depts.includes(d)) { guaranteed += c; demand += c; } // nobody of d at all
    cap[idOpen(ti)]![1] = size - guaranteed;
    cap[idExp(ti)]![1] = experts;
    demand += size - guaranteed + experts + depts.reduce((s, d) => s + (counts?.get(d) ?? 0), 0);
    people.forEach(({ i, expert }, k) => {
      if (!mayGo(i, expert, t, sc)) return;
      if (expert) cap[idP(k)]![idExp(ti)] = 1;
      else cap[idP(k)]![idTD(ti, depts.indexOf(i.department))] = 1;
    });
  });
  return maxFlow(cap, 0, 1) === demand;
}

/** Every rule, checked from the issue text on the engine's output. */
export function ruleBreaks(sc: Scenario, teams: readonly Team[]): string[] {
  const out: string[] = [];
  const size = teamSize(sc.rules);
  const counts = deptCounts(sc.rules);
  const byId = new Map([...sc.inspectors, ...sc.experts].map((i) => [i.id, i]));
  const load = new Map<string, number>();
  if (teams.length !== sc.targets.length) out.push("team count");
  teams.forEach((team, k) => {
    if (team.targetId !== sc.targets[k]) out.push(`order ${k}`);
    if (team.members.length !== size) out.push(`${team.targetId}: size`);
    if (team.experts.length !== (sc.rules.experts ?? 0)) out.push(`${team.targetId}: experts`);
    const ids = [...team.members, ...team.experts].map((m) => m.id);
    if (new Set(ids).size !== ids.length) out.push(`${team.targetId}: duplicate`);
    for (const [d, c] of counts ?? []) if (team.members.filter((m) => byId.get(m.id)?.department === d).length < c) out.push(`${team.targetId}: dept ${d}`);
    for (const m of team.members) {
      const i = byId.get(m.id);
      if (!i || sc.experts.includes(i) || !mayGo(i, false, team.targetId, sc)) out.push(`${team.targetId}: member ${m.id}`);
      load.set(m.id, (load.get(m.id) ?? 0) + 1);
    }
    for (const m of team.experts) {
      const i = byId.get(m.id);
      if (!i || !(sc.experts.includes(i) || i.expert) || !mayGo(i, true, team.targetId, sc)) out.push(`${team.targetId}: expert ${m.id}`);
      load.set(m.id, (load.get(m.id) ?? 0) + 1);
    }
    if (sc.rules.leader) {
      if (!team.members.some((m) => m.id === team.leaderId)) out.push(`${team.targetId}: leader`);
      const ld = typeof sc.rules.leader === "object" ? sc.rules.leader.department : null;
      if (ld && byId.get(team.leaderId ?? "")?.department !== ld) out.push(`${team.targetId}: leader dept`);
    }
  });
  for (const [id, n] of load) if (n > (byId.get(id)?.loadCap ?? sc.rules.loadCap ?? Infinity)) out.push(`${id}: cap`);
  return out;
}

export function record(targets: readonly string[], seed = "seed-0") {
  return { taskId: "T-1", seed, selections: targets.map((id) => ({ id, stratum: "all" })) };
}

const DEPTS = ["市场监管局", "应急管理局", "税务局"];
const QUALS = ["特种设备", "食品"];

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    nTargets: fc.integer({ min: 1, max: 5 }),
    people: fc.array(
      fc.record({
        dept: fc.integer({ min: 0, max: 2 }),
        cap: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        quals: fc.subarray(QUALS, { minLength: 1 }),
        credential: fc.integer({ min: 0, max: 9 }).map((x) => x > 0),
        conflicts: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 2 }),
        region: fc.option(fc.constantFrom("140500", "140500", "140502", "140581"), { nil: undefined, freq: 2 }),
      }),
      { minLength: 0, maxLength: 10 },
    ),
    experts: fc.array(fc.record({ cap: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), conflicts: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 1 }) }), { maxLength: 3 }),
    minCredentialed: fc.integer({ min: 0, max: 3 }),
    departments: fc.option(fc.oneof(fc.subarray(DEPTS, { minLength: 1 }), fc.dictionary(fc.constantFrom(...DEPTS), fc.integer({ min: 0, max: 2 }), { minKeys: 1 })), { nil: undefined }),
    quals: fc.subarray(QUALS, { maxLength: 1 }),
    nExperts: fc.constantFrom(0, 0, 1),
    loadCap: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    leader: fc.boolean(),
    regions: fc.array(fc.constantFrom("140502", "140581", "140525"), { minLength: 5, maxLength: 5 }),
  })
  .map((g) => {
    const targets = Array.from({ length: g.nTargets }, (_, k) => `E${k}`);
    const inspectors: InspectorInput[] = g.people.map((p, k) => ({
      id: `I${k}`,
      name: `人员${k}`,
      department: DEPTS[p.dept]!,
      credential: p.credential,
      qualifications: p.quals,
      ...(p.cap === undefined ? {} : { loadCap: p.cap }),
      ...(p.region === undefined ? {} : { regions: [p.region] }),
      conflicts: p.conflicts.map((t) => ({ entityId: `E${t}` })),
    }));
    const experts: InspectorInput[] = g.experts.map((p, k) => ({
      id: `X${k}`,
      name: `专家${k}`,
      department: "专家库",
      expert: true,
      ...(p.cap === undefined ? {} : { loadCap: p.cap }),
      conflicts: p.conflicts.map((t) => ({ entityId: `E${t}` })),
    }));
    // The law's floor (第42条): no team of none and no participating department with a count of 0; a team of one
    // only under a published legal exception.
    const minCredentialed = Math.max(1, g.minCredentialed);
    const departments = g.departments === undefined || Array.isArray(g.departments) ? g.departments : Object.fromEntries(Object.entries(g.departments).map(([d, c]) => [d, Math.max(1, c)]));
    const base: MatchRules = {
      minCredentialed,
      ...(departments === undefined ? {} : { departments }),
      qualifications: g.quals,
      experts: g.nExperts,
      ...(g.loadCap === undefined ? {} : { loadCap: g.loadCap }),
      leader: g.leader,
    };
    const rules: MatchRules = teamSize(base) < 2 ? { ...base, legalException: LEGAL_EXCEPTION } : base;
    const regionOf = Object.fromEntries(targets.map((t, k) => [t, g.regions[k]!]));
    return { targets, inspectors, experts, rules, regionOf };
  });


/** The test vector of docs/spec/match-v1.md §9, shared by the engine test and the Python reference test. */
export const SPEC_VECTOR = {
  record: { taskId: "T1", seed: "abc", selections: [{ id: "E1", stratum: "all" }, { id: "E2", stratum: "all" }] },
  inspectors: [
    { id: "A", name: "甲", department: "市场监管局", loadCap: 1 },
    { id: "B", name: "乙", department: "市场监管局", loadCap: 1 },
    { id: "C", name: "丙", department: "应急管理局", loadCap: 1, conflicts: [{ entityId: "E1" }] },
    { id: "D", name: "丁", department: "应急管理局", loadCap: 2 },
    { id: "F", name: "戊", department: "市场监管局", loadCap: 1 },
  ],
  rules: { departments: ["市场监管局", "应急管理局"], leader: { department: "应急管理局" } },
};

/** A recusal decision (第43条: decided by the agency head), for late recusals in tests. */
export const DECIDED = { basis: "head_decision", by: "局长 王五", date: "2026-03-02" } as const;
