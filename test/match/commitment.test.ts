// match-v1 §8.1: the announcement commits to the inspector pools and matching rules before the entropy exists.
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  announce, diceEntropy, draw, type InspectorInput, matchCommitment, matchInspectors, type MatchRules, recuseInspector,
  unwrap, verifyDraw, verifyMatch,
} from "../../src/index.js";
import { scenarioArb, DECIDED } from "./_fixtures.js";

const salt = "commitment-test-salt-0001";
const pool = ["E1", "E2", "E3", "E4", "E5", "E6"].map((id) => ({ id }));
const inspectors: InspectorInput[] = [
  { id: "A", name: "甲", department: "市场监管局" },
  { id: "B", name: "乙", department: "市场监管局", qualifications: ["食品"] },
  { id: "C", name: "丙", department: "应急管理局", regions: ["410800"] },
  { id: "D", name: "丁", department: "应急管理局", loadCap: 3 },
  { id: "F", name: "戊", department: "市场监管局", conflicts: [{ entityId: "E2" }] },
  { id: "G", name: "己", department: "应急管理局" },
];
const rules: MatchRules = { departments: ["市场监管局", "应急管理局"] };

function committedRecord(withMatch = true) {
  const match = unwrap(matchCommitment({ inspectors, rules }));
  const a = unwrap(announce({ taskId: "T-C", pool, stratify: "none", salt, sizes: 3, entropySource: { kind: "dice", description: "公开掷骰" }, ...(withMatch ? { match } : {}) })).announcement;
  return unwrap(draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt }));
}

const digestOf = (ins: InspectorInput[], r: MatchRules = rules, experts?: InspectorInput[]) =>
  unwrap(matchCommitment({ inspectors: ins, rules: r, ...(experts ? { experts } : {}) }));

describe("matchCommitment", () => {
  it("ignores list order and spelled-out defaults", () => {
    const base = digestOf(inspectors);
    expect(digestOf([...inspectors].reverse())).toEqual(base);
    expect(digestOf(inspectors.map((i) => ({ ...i, credential: true, expert: false, qualifications: [...(i.qualifications ?? [])] })))).toEqual(base);
    expect(digestOf(inspectors, { departments: ["应急管理局", "市场监管局"], checkRegions: true, minCredentialed: 2 })).toEqual(base);
    // "410800" and "4108" are the same region prefix (§4).
    expect(digestOf(inspectors.map((i) => (i.id === "C" ? { ...i, regions: ["4108"] } : i)))).toEqual(base);
  });

  it("changes with anything matching could see", () => {
    const base = digestOf(inspectors);
    const changed: [string, InspectorInput[], MatchRules?, InspectorInput[]?][] = [
      ["a person removed", inspectors.slice(1)],
      ["a person added", [...inspectors, { id: "H", name: "庚", department: "市场监管局" }]],
      ["a department", inspectors.map((i) => (i.id === "A" ? { ...i, department: "应急管理局" } : i))],
      ["a qualification", inspectors.map((i) => (i.id === "A" ? { ...i, qualifications: ["特种设备"] } : i))],
      ["a region", inspectors.map((i) => (i.id === "C" ? { ...i, regions: ["410900"] } : i))],
      ["a cap", inspectors.map((i) => (i.id === "D" ? { ...i, loadCap: 4 } : i))],
      ["a conflict", inspectors.map((i) => (i.id === "A" ? { ...i, conflicts: [{ entityId: "E1" }] } : i))],
      ["a credential", inspectors.map((i) => (i.id === "G" ? { ...i, credential: false } : i))],
      ["a person moved to the expert pool", inspectors.slice(0, 5), rules, inspectors.slice(5)],
    ];
    for (const [what, ins, r, ex] of changed) expect(digestOf(ins, r, ex).inspectors, what).not.toBe(base.inspectors);
    for (const r of [{ departments: ["市场监管局"] }, { ...rules, qualifications: ["食品"] }, { ...rules, relationships: [{ inspectorId: "A", entityId: "E1", reason: "relative" as const }] }, { ...rules, leader: true }, { ...rules, loadCap: 2 }]) {
      expect(digestOf(inspectors, r).rules, JSON.stringify(r)).not.toBe(base.rules);
    }
  });

  it("agrees with a Python implementation written from the spec (§8.1), on 200 generated pools and rules", () => {
    const cases = fc.sample(scenarioArb, { numRuns: 200, seed: 81 }).map((sc, k) => ({
      inspectors: sc.inspectors,
      experts: sc.experts,
      // Every other case also commits to the entity attributes (regions and past inspections).
      rules: k % 3 === 0 ? { ...sc.rules, initiator: "应急管理局" } : sc.rules,
      ...(k % 2 === 0 ? {} : {
        salt: "0123456789abcdef",
        entities: sc.targets.map((id, j) => ({ id, name: id, ...(sc.regionOf?.[id] ? { regionCode: sc.regionOf[id] } : {}), inspections: j % 2 ? [{ date: "2025-05-0" + String(j), inspectorIds: ["I1", "I0", "I1"] }, { date: "2024-01-01", inspectorIds: [] }] : [] })),
      }),
    }));
    const ours = cases.map((c) => matchCommitment(c));
    const valid = cases.filter((_, k) => ours[k]!.ok);
    // The rest are refused because a department of the rules has no credentialed officer in the roster.
    expect(ours.filter((r) => !r.ok).every((r) => !r.ok && r.issues.every((i) => i.code === "match_department_not_in_roster"))).toBe(true);
    expect(valid.length).toBeGreaterThan(80);
    const out = spawnSync("/usr/bin/python3", [new URL("./reference/commitment_v1.py", import.meta.url).pathname], { input: JSON.stringify(valid), encoding: "utf8" });
    expect(out.stderr).toBe("");
    const theirs = JSON.parse(out.stdout) as { rules: string; inspectors: string; entities?: string }[];
    expect(theirs).toEqual(ours.filter((r) => r.ok).map((r) => r.ok && { rules: r.value.rules, inspectors: r.value.inspectors, ...(r.value.entities ? { entities: r.value.entities } : {}) }));
    expect(theirs.filter((t) => t.entities).length).toBeGreaterThan(30);
  });

  it("never throws on garbage and reports coded issues", () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (ins, r) => { matchCommitment({ inspectors: ins, rules: r } as never); }), { numRuns: 300 });
    const bad = matchCommitment({ inspectors: [{ id: "A", name: "甲", department: "市场监管局" }, { id: "A", name: "甲", department: "应急管理局" }] });
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(["match_two_departments"]);
  });
});

describe("an announcement that commits to the matching", () => {
  it("is covered by the announcement digest and the draw verifies as before", () => {
    const record = committedRecord();
    expect(record.announcement.match?.protocol).toBe("double-random/match-v1");
    expect(record.announcement.digest).not.toBe(committedRecord(false).announcement.digest);
    expect(verifyDraw(record, pool, { salt }).ok).toBe(true);
    const altered = structuredClone(record);
    (altered.announcement.match as { inspectors: string }).inspectors = "0".repeat(64);
    expect(verifyDraw(altered, pool, { salt }).ok).toBe(false);
  });

  it("announce refuses a malformed commitment with a coded issue", () => {
    const r = announce({ taskId: "T", pool, stratify: "none", salt, sizes: 1, entropySource: { kind: "dice", description: "x" }, match: { protocol: "double-random/match-v1", rules: "xyz" } as never });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path?.join(".")])).toContainEqual(["invalid_format", "match.rules"]);
  });

  it("lets matching use the announced pools only, and verification names a doctored roster", () => {
    const record = committedRecord();
    const m = matchInspectors({ record, inspectors, rules });
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const v = verifyMatch({ record: m.value.record, inspectors });
    expect(v.ok && v.warnings.map((w) => w.code)).not.toContain("match_not_committed");

    // After the seed is known, the portal drops 甲 and adds a friendlier 庚: matching refuses it.
    const doctored = [...inspectors.slice(1), { id: "H", name: "庚", department: "市场监管局" }];
    const refused = matchInspectors({ record, inspectors: doctored, rules });
    expect(refused.ok ? [] : refused.issues.map((i) => [i.code, i.message.en])).toEqual([
      ["match_commitment_mismatch", expect.stringContaining("inspector pools")],
    ]);
    expect(matchInspectors({ record, inspectors, rules: { departments: ["市场监管局"] } }).ok).toBe(false);

    // Teams computed elsewhere with the doctored roster and pasted into the record are caught by the verifier.
    const unannounced = unwrap(matchInspectors({ record: committedRecord(false), inspectors: doctored, rules })).record;
    const pasted = { ...unannounced, announcement: record.announcement };
    const caught = verifyMatch({ record: pasted, inspectors: doctored });
    expect(caught.ok ? [] : caught.issues.map((i) => i.code)).toEqual(["match_commitment_mismatch"]);

    // A 递补 also draws from the announced pools only.
    const team = m.value.record.match.teams[0]!;
    const late = recuseInspector({ record: m.value.record, inspectors: doctored, recusal: { targetId: team.targetId, inspectorId: team.members[0]!.id, reason: "close_relative", decision: DECIDED } });
    expect(late.ok ? [] : late.issues.map((i) => i.code)).toEqual(["match_commitment_mismatch"]);
  });

  it("without a commitment, verification says what it could not prove", () => {
    const m = unwrap(matchInspectors({ record: committedRecord(false), inspectors, rules })).record;
    const v = verifyMatch({ record: m, inspectors });
    expect(v.ok && v.warnings.map((w) => [w.code, w.severity])).toContainEqual(["match_not_committed", "warning"]);
  });
});
