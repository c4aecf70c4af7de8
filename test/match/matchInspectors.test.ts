import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchInspectors, verifyMatch } from "../../src/index.js";
import { feasible, LEGAL_EXCEPTION, record, ruleBreaks, type Scenario, SPEC_VECTOR, scenarioArb } from "./_fixtures.js";

const run = (sc: Scenario, seed = "seed-0") =>
  matchInspectors({
    record: record(sc.targets, seed),
    inspectors: sc.inspectors,
    experts: sc.experts,
    entities: sc.targets.map((id) => ({ id, name: id, regionCode: sc.regionOf?.[id] })),
    rules: sc.rules,
  });

describe("matchInspectors", () => {
  it("gives each target two credentialed inspectors by default", () => {
    const r = matchInspectors({
      record: record(["E1", "E2"]),
      inspectors: ["A", "B", "C"].map((id) => ({ id, name: id, department: "市场监管局" })),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.teams.map((t) => t.members.length)).toEqual([2, 2]);
    expect(r.value.record.match.seed).toBe("seed-0/inspectors");
    expect(r.value.record.match.protocol).toBe("double-random/match-v1");
  });

  it("reproduces a pinned vector (a change here is a protocol change)", () => {
    const r = matchInspectors(SPEC_VECTOR);
    expect(r.ok && r.value.teams.map((t) => [t.targetId, t.members.map((m) => m.id), t.leaderId])).toEqual([
      ["E1", ["F", "D"], "D"],
      ["E2", ["B", "D"], "D"],
    ]);
    expect(r.ok && r.value.record.match.counter).toBe(11);
  });

  it("never counts experts or uncredentialed officers and draws experts on top", () => {
    const r = matchInspectors({
      record: record(["E1"]),
      inspectors: [
        { id: "A", name: "A", department: "D" },
        { id: "B", name: "B", department: "D" },
        { id: "N", name: "N", department: "D", credential: false },
        { id: "S", name: "S", department: "D", expert: true },
      ],
      rules: { experts: 1 },
    });
    expect(r.ok && r.value.teams[0]!.members.map((m) => m.id).sort()).toEqual(["A", "B"]);
    expect(r.ok && r.value.teams[0]!.experts.map((m) => m.id)).toEqual(["S"]);
  });

  it("does not mutate its input", () => {
    const input = {
      record: record(["E1", "E2"]),
      inspectors: ["A", "B", "C", "D"].map((id) => ({ id, name: id, department: "D", conflicts: [{ entityId: "E1" }].slice(0, id === "A" ? 1 : 0) })),
      rules: { loadCap: 1, relationships: [{ inspectorId: "B", entityId: "E2", reason: "relative" as const }] },
    };
    const copy = structuredClone(input);
    const r = matchInspectors(input);
    expect(r.ok).toBe(true);
    expect(input).toEqual(copy);
  });

  it("satisfies every rule, and fails exactly when an independent max-flow says no assignment exists", () => {
    let feasibleSeen = 0;
    let infeasibleSeen = 0;
    fc.assert(
      fc.property(scenarioArb, fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim().length > 0), (sc, seed) => {
        const r = run(sc, seed);
        const expected = feasible(sc);
        expect(r.ok).toBe(expected);
        if (r.ok) {
          feasibleSeen++;
          expect(ruleBreaks(sc, r.value.teams)).toEqual([]);
          expect(verifyMatch({ record: r.value.record, inspectors: sc.inspectors, experts: sc.experts, entities: sc.targets.map((id) => ({ id, name: id, regionCode: sc.regionOf?.[id] })) }).ok).toBe(true);
        } else {
          infeasibleSeen++;
          expect(r.issues.filter((i) => i.severity === "error").every((i) => ["match_infeasible", "match_no_eligible", "match_group_empty"].includes(i.code))).toBe(true);
          expect(r.issues[0]!.message.zh.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 500, seed: 20230315 },
    );
    // The generator must exercise both outcomes, or the property above proves little.
    expect(feasibleSeen).toBeGreaterThan(40);
    expect(infeasibleSeen).toBeGreaterThan(40);
  });

  it("ignores the order of the inspector list", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (sc, salt) => {
        const shuffled = [...sc.inspectors].sort((a, b) => ((a.id.charCodeAt(1) * 7919 + salt) % 13) - ((b.id.charCodeAt(1) * 7919 + salt) % 13));
        const a = run(sc);
        const b = run({ ...sc, inspectors: shuffled });
        expect(b).toEqual(a);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("finds the assignment a greedy pass misses (augmenting-path repair)", () => {
    // Target E0 can only take A; A is free only if E1 gets B. Greedy on E1 first picks A half the time.
    const sc: Scenario = {
      targets: ["E0", "E1"],
      inspectors: [
        { id: "A", name: "A", department: "D", loadCap: 1 },
        { id: "B", name: "B", department: "D", loadCap: 1, conflicts: [{ entityId: "E0" }] },
      ],
      experts: [],
      rules: { minCredentialed: 1, legalException: LEGAL_EXCEPTION },
    };
    let repaired = 0;
    for (let k = 0; k < 40; k++) {
      const r = run(sc, `s${k}`);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.value.teams.map((t) => t.members[0]!.id)).toEqual(["A", "B"]);
      repaired += r.value.record.match.repairs;
    }
    expect(repaired).toBeGreaterThan(5);
  });

  it("explains infeasibility in department terms (min-cut)", () => {
    const inspectors = [
      ...["A", "B", "C"].map((id) => ({ id, name: id, department: "市场监管局", qualifications: ["特种设备"], loadCap: 2 })),
      ...["P", "Q"].map((id) => ({ id, name: id, department: "应急管理局", loadCap: 5 })),
    ];
    const r = matchInspectors({
      record: record(["E1", "E2", "E3", "E4"]),
      inspectors,
      rules: { departments: { 市场监管局: 2 }, qualifications: ["特种设备"] },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.code === "match_infeasible")!;
    expect(issue.params).toMatchObject({ targets: 4, slots: 8, people: 3, capacity: 6, missing: 2 });
    expect(issue.message.zh).toContain("市场监管局执法人员（特种设备）×8");
  });

  it("names why nobody qualifies for a target", () => {
    const r = matchInspectors({
      record: record(["E1"]),
      inspectors: [
        { id: "A", name: "A", department: "税务局", conflicts: [{ entityId: "E1" }] },
        { id: "B", name: "B", department: "税务局", credential: false },
        { id: "C", name: "C", department: "市场监管局" },
      ],
      rules: { departments: ["税务局", "市场监管局"] },
    });
    expect(!r.ok && r.issues[0]!.code).toBe("match_no_eligible");
    expect(!r.ok && r.issues[0]!.params).toMatchObject({ target: "E1", pool: 2, conflicts: 1, credential: 1 });
  });

  it("applies regions, relationships and last-inspection recusal", () => {
    const r = matchInspectors({
      record: record(["E1"]),
      inspectors: [
        { id: "A", name: "A", department: "D", regions: ["140500"] },
        { id: "B", name: "B", department: "D", regions: ["140600"] },
        { id: "C", name: "C", department: "D" },
        { id: "L", name: "L", department: "D" },
        { id: "R", name: "R", department: "D" },
      ],
      entities: [{ id: "E1", name: "某公司", regionCode: "140502", inspections: [{ date: "2021-05-01", inspectorIds: ["C"] }, { date: "2022-05-01", inspectorIds: ["L"] }] }],
      rules: { avoidLastInspectors: true, relationships: [{ inspectorId: "R", entityId: "E1", reason: "relative" }] },
    });
    expect(r.ok && r.value.teams[0]!.members.map((m) => m.id).sort()).toEqual(["A", "C"]);
  });
});

describe("matchInspectors bad input", () => {
  const base = { record: record(["E1"]), inspectors: [{ id: "A", name: "A", department: "D" }, { id: "B", name: "B", department: "D" }] };
  const codes = (r: ReturnType<typeof matchInspectors>) => (r.ok ? [] : r.issues.map((i) => i.code));

  it("reports an inspector in two departments", () => {
    expect(codes(matchInspectors({ ...base, inspectors: [...base.inspectors, { id: "A", name: "A", department: "E" }] }))).toEqual(["match_two_departments"]);
    expect(codes(matchInspectors({ ...base, experts: [{ id: "B", name: "B", department: "D" }] }))).toEqual(["match_duplicate_person"]);
  });
  it("reports negative caps", () => {
    expect(codes(matchInspectors({ ...base, inspectors: [{ id: "A", name: "A", department: "D", loadCap: -1 }] }))).toEqual(["match_negative_cap"]);
    expect(codes(matchInspectors({ ...base, rules: { loadCap: -2 } }))).toEqual(["match_negative_cap"]);
  });
  it("reports unknown ids", () => {
    const r = matchInspectors({ ...base, rules: { relationships: [{ inspectorId: "Z", entityId: "E1", reason: "relative" }] } });
    expect(codes(r)).toEqual(["match_unknown_inspector"]);
    expect(!r.ok && r.issues[0]!.path).toEqual(["rules", "relationships", 0, "inspectorId"]);
    expect(codes(matchInspectors({ ...base, record: { ...record(["E1"]), replacements: [{ replaces: "E9", id: "E2", stratum: "all" }] } }))).toEqual(["match_unknown_target"]);
  });
  it("reports a target without a drawn entity", () => {
    expect(codes(matchInspectors({ ...base, entities: [{ id: "E2", name: "x" }] }))).toEqual(["match_target_without_entity"]);
    expect(codes(matchInspectors({ ...base, record: { taskId: "T", seed: "s", selections: [{ id: "", stratum: "all" }] } }))).toEqual(["match_target_without_entity"]);
    expect(codes(matchInspectors({ ...base, record: record(["E1", "E1"]) }))).toEqual(["match_duplicate_target"]);
  });
  it("reports bad rules and records with zh and en messages", () => {
    const r = matchInspectors({ ...base, rules: { minCredentialed: 1.5, departments: { D: -1 }, leader: { department: "X" } } });
    expect(codes(r)).toEqual(["match_invalid_rule", "match_invalid_rule", "match_leader_department"]);
    expect(!r.ok && r.issues.every((i) => i.message.zh && i.message.en)).toBe(true);
    expect(codes(matchInspectors({ ...base, record: { taskId: "", seed: "s", selections: [] } }))).toEqual(["match_record_invalid"]);
    expect(codes(matchInspectors({ ...base, rules: { avoidLastInspectors: true } }))).toEqual(["match_entities_required"]);
  });
  it("uses replacement draws in place of the entity they replace", () => {
    const r = matchInspectors({ ...base, record: { ...record(["E1", "E2"]), replacements: [{ replaces: "E1", id: "E9", stratum: "all" }] } });
    expect(r.ok && r.value.teams.map((t) => t.targetId)).toEqual(["E9", "E2"]);
  });
});

describe("matchInspectors explanations", () => {
  it("says once that a department has nobody in the pools", () => {
    const r = matchInspectors({
      record: record(["E1", "E2", "E3"]),
      inspectors: [{ id: "A", name: "A", department: "市商务局" }, { id: "B", name: "B", department: "市商务局" }],
      rules: { departments: ["市商务局", "市税务局"] },
    });
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["match_group_empty"]);
    expect(!r.ok && r.issues[0]!.message.zh).toBe("名录库中没有市税务局执法人员，3个检查对象都无法派出");
  });
});
