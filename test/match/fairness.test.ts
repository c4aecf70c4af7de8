import { describe, expect, it } from "vitest";
import { type InspectorInput, matchInspectors, type MatchRules } from "../../src/index.js";
import { buildProblem } from "../../src/match/_internals/problem.js";
import { Stream } from "../../src/match/_internals/stream.js";
import { runMatching } from "../../src/match/matchInspectors.js";
import { LEGAL_EXCEPTION, record } from "./_fixtures.js";

/** Replays a fixed list of choices instead of hashes, recording how wide each choice was. */
class ScriptedStream extends Stream {
  readonly widths: number[] = [];
  constructor(private readonly choices: readonly number[]) {
    super("scripted");
  }
  override next(m: number): number {
    const c = this.choices[this.widths.length] ?? 0;
    this.widths.push(m);
    this.counter += 1;
    return c;
  }
}

/**
 * Exact distribution of the algorithm under an ideal uniform stream: enumerate every sequence of choices,
 * each path weighing the product of 1/width. Returns probability per (target, inspector) and per outcome.
 */
function exactMarginals(targets: string[], inspectors: InspectorInput[], rules: MatchRules): Map<string, number> {
  const problem = buildProblem({ record: record(targets), inspectors, rules }, [], []);
  if (!problem) throw new Error("bad fixture");
  const marginals = new Map<string, number>();
  let choices: number[] = [];
  let total = 0;
  for (;;) {
    const stream = new ScriptedStream(choices);
    const run = runMatching(problem, stream);
    const used = stream.widths.map((_, k) => choices[k] ?? 0);
    const p = stream.widths.reduce((acc, w) => acc / w, 1);
    total += p;
    expect(run.failures).toEqual([]);
    for (const team of run.state.teams([])) for (const m of team.members) marginals.set(`${team.targetId}/${m.id}`, (marginals.get(`${team.targetId}/${m.id}`) ?? 0) + p);
    // Odometer: bump the last choice that can still grow, drop what follows.
    let k = used.length - 1;
    while (k >= 0 && used[k]! + 1 >= stream.widths[k]!) k--;
    if (k < 0) break;
    choices = [...used.slice(0, k), used[k]! + 1];
  }
  expect(total).toBeCloseTo(1, 12);
  return marginals;
}

function frequencies(targets: string[], inspectors: InspectorInput[], rules: MatchRules, runs: number, tag: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = 0; k < runs; k++) {
    const r = matchInspectors({ record: record(targets, `${tag}-${k}`), inspectors, rules });
    if (!r.ok) throw new Error("infeasible");
    for (const team of r.value.teams) for (const m of team.members) counts.set(`${team.targetId}/${m.id}`, (counts.get(`${team.targetId}/${m.id}`) ?? 0) + 1);
  }
  return counts;
}

const person = (id: string, extra: Partial<InspectorInput> = {}): InspectorInput => ({ id, name: id, department: "市场监管局", ...extra });

describe("fairness", () => {
  it("gives interchangeable inspectors exactly equal chances, repairs included (exact enumeration)", () => {
    // b and c are interchangeable; a is barred from E0, d from E2; caps force the repair on some paths.
    const targets = ["E0", "E1", "E2"];
    const inspectors = [
      person("a", { loadCap: 1, conflicts: [{ entityId: "E0" }] }),
      person("b", { loadCap: 1 }),
      person("c", { loadCap: 1 }),
      person("d", { loadCap: 2, conflicts: [{ entityId: "E2" }] }),
    ];
    const rules = { minCredentialed: 1, legalException: LEGAL_EXCEPTION };
    const exact = exactMarginals(targets, inspectors, rules);
    for (const t of targets) expect(exact.get(`${t}/b`)).toBeCloseTo(exact.get(`${t}/c`)!, 12);
    expect(exact.get("E0/a") ?? 0).toBe(0);

    // Here the repair must choose which of b and c moves to E0 whenever greedy gave them E1 and E2.
    const moving = [person("b", { loadCap: 1 }), person("c", { loadCap: 1 }), person("d", { loadCap: 2, conflicts: [{ entityId: "E0" }] })];
    const viaRepair = exactMarginals(targets, moving, rules);
    expect(viaRepair.get("E0/b")).toBeCloseTo(0.5, 12);
    expect(viaRepair.get("E0/c")).toBeCloseTo(0.5, 12);
    for (const t of ["E1", "E2"]) expect(viaRepair.get(`${t}/b`)).toBeCloseTo(viaRepair.get(`${t}/c`)!, 12);

    // The real stream, fixed seeds: each frequency within 5 binomial standard deviations of the exact value.
    const runs = 2000;
    const seen = frequencies(targets, inspectors, rules, runs, "exact");
    for (const [key, p] of exact) {
      const sd = Math.sqrt(runs * p * (1 - p));
      expect(Math.abs((seen.get(key) ?? 0) - runs * p)).toBeLessThanOrEqual(5 * sd + 1e-9);
    }
  });

  it("draws every pair equally often (chi-square, α = 1e-6)", () => {
    const inspectors = ["p1", "p2", "p3", "p4", "p5"].map((id) => person(id));
    const pairs = new Map<string, number>();
    const runs = 3000;
    for (let k = 0; k < runs; k++) {
      const r = matchInspectors({ record: record(["E1"], `pairs-${k}`), inspectors });
      if (!r.ok) throw new Error("infeasible");
      const key = r.value.teams[0]!.members.map((m) => m.id).sort().join("+");
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    expect(pairs.size).toBe(10);
    const expected = runs / 10;
    const chi2 = [...pairs.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(44.81); // df 9
  });

  it("forms no fixed pairings across a batch with workload caps (chi-square on pairs, α = 1e-6)", () => {
    const ids = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"];
    const inspectors = ids.map((id) => person(id, { loadCap: 2 }));
    const targets = ["E1", "E2", "E3", "E4", "E5", "E6"];
    const pairs = new Map<string, number>();
    const runs = 1000;
    for (let k = 0; k < runs; k++) {
      const r = matchInspectors({ record: record(targets, `batch-${k}`), inspectors });
      if (!r.ok) throw new Error("infeasible");
      for (const team of r.value.teams) {
        const key = team.members.map((m) => m.id).sort().join("+");
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
    expect(pairs.size).toBe(28);
    const expected = (runs * targets.length) / 28;
    const chi2 = [...pairs.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(77.19); // df 27
  });

  it("favours no inspector by its position in the list (chi-square, α = 1e-6)", () => {
    // Ids in reverse code point order of their list position: a position bias would show either way.
    const inspectors = ["z5", "y4", "x3", "w2", "v1"].map((id) => person(id));
    const counts = new Map<string, number>();
    const runs = 2000;
    for (let k = 0; k < runs; k++) {
      const r = matchInspectors({ record: record(["E1"], `pos-${k}`), inspectors, rules: { minCredentialed: 1, legalException: LEGAL_EXCEPTION } });
      if (!r.ok) throw new Error("infeasible");
      const id = r.value.teams[0]!.members[0]!.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const expected = runs / 5;
    const chi2 = [...counts.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    expect(counts.size).toBe(5);
    expect(chi2).toBeLessThan(33.38); // df 4
  });
});
