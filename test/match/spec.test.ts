// docs/spec/match-v1.md is normative: an independent Python implementation written from it must agree with
// the library on every case, counters included.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchInspectors, recuseInspector } from "../../src/index.js";
import { record, SPEC_VECTOR, scenarioArb, DECIDED } from "./_fixtures.js";

const python = "/usr/bin/python3";
const script = join(new URL(".", import.meta.url).pathname, "reference", "match_v1.py");

describe("match-v1 spec", () => {
  it("an independent Python implementation of the spec gives the same teams and counters", () => {
    const scenarios = fc.sample(scenarioArb, { numRuns: 500, seed: 4242 });
    const cases = scenarios.map((sc, k) => ({
      record: record(sc.targets, `spec-${k}`),
      inspectors: sc.inspectors,
      experts: sc.experts,
      rules: sc.rules,
      regions: sc.regionOf,
    }));
    const out = spawnSync(python, [script], { input: JSON.stringify(cases), encoding: "utf8" });
    expect(out.status, out.stderr).toBe(0);
    const expected = JSON.parse(out.stdout) as ({ teams: { targetId: string; ids: string[]; leaderId?: string }[]; counter: number } | "infeasible")[];
    let feasible = 0;
    cases.forEach((c, k) => {
      const r = matchInspectors({ ...c, entities: c.record.selections.map((s) => ({ id: s.id, name: s.id, regionCode: c.regions?.[s.id] })) });
      const want = expected[k]!;
      if (want === "infeasible") {
        expect(r.ok, `case ${k}`).toBe(false);
        return;
      }
      feasible++;
      expect(r.ok, `case ${k}`).toBe(true);
      if (!r.ok) return;
      const got = r.value.teams.map((t) => ({ targetId: t.targetId, ids: [...t.members, ...t.experts].map((m) => m.id), ...(t.leaderId === undefined ? {} : { leaderId: t.leaderId }) }));
      expect({ teams: got, counter: r.value.record.match.counter }, `case ${k}`).toEqual(want);
    });
    expect(feasible).toBeGreaterThan(40);
  });

  it("reproduces the test vector of §9", () => {
    const out = spawnSync(python, [script], {
      input: JSON.stringify([SPEC_VECTOR]),
      encoding: "utf8",
    });
    expect(JSON.parse(out.stdout)).toEqual([{ teams: [{ targetId: "E1", ids: ["F", "D"], leaderId: "D" }, { targetId: "E2", ids: ["B", "D"], leaderId: "D" }], counter: 11 }]);
  });

  it("late recusals (§8): the Python implementation picks the same refill, moves, leaders and counter", () => {
    const scenarios = fc.sample(scenarioArb, { numRuns: 600, seed: 99 });
    const cases: object[] = [];
    const ours: unknown[] = [];
    scenarios.forEach((sc, k) => {
      const base = { record: record(sc.targets, `late-${k}`), inspectors: sc.inspectors, experts: sc.experts, rules: sc.rules };
      const entities = sc.targets.map((id) => ({ id, name: id, regionCode: sc.regionOf?.[id] }));
      const m = matchInspectors({ ...base, entities });
      if (!m.ok) return;
      const team = m.value.teams[k % m.value.teams.length]!;
      const everyone = [...team.members, ...team.experts];
      if (everyone.length === 0) return;
      const who = everyone[(k * 7) % everyone.length]!;
      const recusal = { targetId: team.targetId, inspectorId: who.id, reason: "other_relationship" as const, decision: DECIDED };
      const r = recuseInspector({ record: m.value.record, inspectors: sc.inspectors, experts: sc.experts, entities, recusal });
      cases.push({ ...base, regions: sc.regionOf, recusal: { log: [], new: recusal, teams: m.value.teams, counter: m.value.record.match.counter } });
      ours.push(
        r.ok
          ? {
              replacementId: r.value.entry.replacementId,
              counter: r.value.entry.counter,
              moved: r.value.entry.moves.map((x) => x.inspectorId).sort(),
              leaders: r.value.entry.leaders,
              teams: r.value.record.match.teams.map((t) => ({ targetId: t.targetId, ids: [...t.members, ...t.experts].map((x) => x.id), ...(t.leaderId === undefined ? {} : { leaderId: t.leaderId }) })),
              lastCounter: r.value.record.match.counter,
            }
          : "impossible",
      );
    });
    const out = spawnSync(python, [script], { input: JSON.stringify(cases), encoding: "utf8" });
    expect(out.status, out.stderr).toBe(0);
    const theirs = JSON.parse(out.stdout) as unknown[];
    expect(theirs).toHaveLength(ours.length);
    ours.forEach((o, k) => expect(o, `case ${k}`).toEqual(theirs[k]));
    expect(ours.filter((o) => o !== "impossible").length).toBeGreaterThan(20);
    expect(ours.some((o) => o !== "impossible" && (o as { moved: string[] }).moved.length > 0)).toBe(true);
  });

  it("the legal floor (§3.1): the Python implementation refuses exactly the rules the library refuses", () => {
    const inspectors = ["A", "B", "C"].map((id) => ({ id, name: id, department: "市场监管局" })).concat([{ id: "Y", name: "Y", department: "应急管理局" }]);
    const exception = { basis: "law_otherwise_provides", citation: "《行政处罚法》第五十一条", decidedBy: "局长", decidedAt: "2026-03-01" };
    const ruleSets: object[] = [
      {}, { minCredentialed: 1 }, { minCredentialed: 0 }, { minCredentialed: 0, legalException: exception }, { minCredentialed: 1, legalException: exception },
      { minCredentialed: 1, departments: ["市场监管局", "应急管理局"] }, { departments: { 市场监管局: 2, 应急管理局: 0 } }, { departments: { 市场监管局: 1 }, minCredentialed: 1 },
      { departments: ["市场监管局"], initiator: "应急管理局" }, { minCredentialed: 1, initiator: "应急管理局", legalException: exception },
    ];
    const cases = ruleSets.map((rules, k) => ({ record: record(["E1", "E2"], `floor-${k}`), inspectors, rules }));
    const out = spawnSync(python, [script], { input: JSON.stringify(cases), encoding: "utf8" });
    expect(out.status, out.stderr).toBe(0);
    const theirs = JSON.parse(out.stdout) as unknown[];
    const ours = cases.map((c) => {
      const r = matchInspectors(c as never);
      if (r.ok) return { teams: r.value.teams.map((t) => ({ targetId: t.targetId, ids: [...t.members, ...t.experts].map((m) => m.id), ...(t.leaderId === undefined ? {} : { leaderId: t.leaderId }) })), counter: r.value.record.match.counter };
      return r.issues.some((i) => ["match_below_legal_minimum", "match_department_count_zero"].includes(i.code)) ? "refused" : "infeasible";
    });
    expect(ours).toEqual(theirs);
    expect(ours.filter((o) => o === "refused")).toHaveLength(5);
  });
});
