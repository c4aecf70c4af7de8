import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InspectorInput, matchInspectors, recuseInspector, unwrap, verifyMatch } from "../../src/index.js";
import { record, ruleBreaks, DECIDED } from "./_fixtures.js";

const targets = ["E1", "E2", "E3"];
const inspectors: InspectorInput[] = [
  ...["A1", "A2", "A3", "A4"].map((id) => ({ id, name: id, department: "市商务局", loadCap: 2 })),
  ...["B1", "B2", "B3"].map((id) => ({ id, name: id, department: "市市场监管局", loadCap: 1 })),
];
const rules = { departments: ["市商务局", "市市场监管局"], leader: { department: "市商务局" } };
const matched = () => unwrap(matchInspectors({ record: record(targets, "joint"), inspectors, rules })).record;

describe("recuseInspector", () => {
  it("refills the slot from the continuing stream and logs it", () => {
    const rec = matched();
    const team = rec.match.teams[0]!;
    const leaving = team.members.find((m) => m.department === "市商务局")!;
    const r = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: leaving.id, reason: "close_relative", decision: DECIDED, note: "配偶任职" } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { entry, record: after } = r.value;
    expect(entry).toMatchObject({ kind: "recusal", targetId: "E1", inspectorId: leaving.id, reason: "close_relative", note: "配偶任职" });
    expect(entry.counter).toBeGreaterThan(rec.match.counter);
    expect(after.match.counter).toBeGreaterThanOrEqual(entry.counter!);
    const newTeam = after.match.teams[0]!;
    expect(newTeam.members.map((m) => m.id)).not.toContain(leaving.id);
    expect(newTeam.members.map((m) => m.id)).toContain(entry.replacementId);
    expect(after.match.log).toEqual([entry]);
    expect(ruleBreaks({ targets, inspectors, experts: [], rules: { ...rules, relationships: [{ inspectorId: leaving.id, entityId: "E1", reason: "relative" }] } }, after.match.teams)).toEqual([]);
    // the leader left? a new one is drawn and logged
    if (team.leaderId === leaving.id) expect(entry.leaders.map((l) => l.targetId)).toContain("E1");
    expect(rec.match.log).toEqual([]); // input untouched
  });

  it("rearranges other teams when no free inspector remains, logging every move", () => {
    // B1..B3 hold one slot each with cap 1: a recused B can only swap places with the B of another team.
    let rec = matched();
    const first = rec.match.teams[0]!.members.find((m) => m.department === "市市场监管局")!;
    const r = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: first.id, reason: "other_relationship", decision: DECIDED } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { entry } = r.value;
    expect(entry.counter).toBeNull();
    expect(entry.moves).toHaveLength(1);
    expect(entry.moves[0]).toMatchObject({ inspectorId: entry.replacementId, toTargetId: "E1" });
    const from = r.value.record.match.teams.find((t) => t.targetId === entry.moves[0]!.fromTargetId)!;
    expect(from.members.map((m) => m.id)).toContain(first.id);
    expect(verifyMatch({ record: r.value.record, inspectors }).ok).toBe(true);

    // Once all three B's are recused from E1, nobody can fill its 市市场监管局 slot: explained, not guessed.
    rec = r.value.record;
    const second = rec.match.teams[0]!.members.find((m) => m.department === "市市场监管局")!;
    rec = unwrap(recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: second.id, reason: "other_relationship", decision: DECIDED } })).record;
    const third = rec.match.teams[0]!.members.find((m) => m.department === "市市场监管局")!;
    const last = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: third.id, reason: "other_relationship", decision: DECIDED } });
    expect(!last.ok && last.issues.map((i) => i.code)).toEqual(["match_refill_impossible", "match_no_eligible"]);
  });

  it("keeps every rule and verifies after any sequence of late recusals", () => {
    const pool: InspectorInput[] = [
      ...Array.from({ length: 8 }, (_, k) => ({ id: `A${k}`, name: `A${k}`, department: "市商务局", loadCap: 2 })),
      ...Array.from({ length: 6 }, (_, k) => ({ id: `B${k}`, name: `B${k}`, department: "市市场监管局", loadCap: 2 })),
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat(1)), { maxLength: 4 }), fc.nat(50), (steps, seed) => {
        let rec = unwrap(matchInspectors({ record: record(targets, `late-${seed}`), inspectors: pool, rules })).record;
        const recused: { inspectorId: string; entityId: string; reason: "declared" }[] = [];
        for (const [t, m] of steps) {
          const team = rec.match.teams[t]!;
          const who = team.members[m]!.id;
          const r = recuseInspector({ record: rec, inspectors: pool, recusal: { targetId: team.targetId, inspectorId: who, reason: "other_relationship", decision: DECIDED } });
          if (!r.ok) return;
          recused.push({ inspectorId: who, entityId: team.targetId, reason: "declared" });
          rec = r.value.record;
        }
        expect(ruleBreaks({ targets, inspectors: pool, experts: [], rules: { ...rules, relationships: recused } }, rec.match.teams)).toEqual([]);
        expect(verifyMatch({ record: rec, inspectors: pool }).ok).toBe(true);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it("reports a recusal of someone not in the team, or of an unknown person", () => {
    const rec = matched();
    const outsider = inspectors.find((i) => !rec.match.teams[0]!.members.some((m) => m.id === i.id))!;
    const r = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: outsider.id, reason: "other_relationship", decision: DECIDED } });
    expect(!r.ok && r.issues[0]!.code).toBe("match_not_in_team");
    const u = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: "ZZ", reason: "other_relationship", decision: DECIDED } });
    expect(!u.ok && u.issues[0]!.code).toBe("match_unknown_inspector");
    const t = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E9", inspectorId: "A1", reason: "other_relationship", decision: DECIDED } });
    expect(!t.ok && t.issues[0]!.code).toBe("match_unknown_target");
    const { match: _m, ...bare } = rec;
    const n = recuseInspector({ record: bare as typeof rec, inspectors, recusal: { targetId: "E1", inspectorId: "A1", reason: "other_relationship", decision: DECIDED } });
    expect(!n.ok && n.issues[0]!.code).toBe("match_record_invalid");
  });
});

describe("verifyMatch", () => {
  it("accepts an honest record and its 递补 log", () => {
    const rec = matched();
    // This record's announcement commits to no pools, and verification says so (match-v1 §8.1).
    expect(verifyMatch({ record: rec, inspectors })).toEqual({
      ok: true,
      value: { teams: 3, logEntries: 0, counter: rec.match.counter, lateRecusals: 0, lateRecusalsByTarget: {}, logHead: rec.match.logHead },
      warnings: [expect.objectContaining({ code: "match_not_committed", severity: "warning" })],
    });
    const member = rec.match.teams[1]!.members[0]!;
    const after = unwrap(recuseInspector({ record: rec, inspectors, recusal: { targetId: "E2", inspectorId: member.id, reason: "direct_interest", decision: DECIDED } })).record;
    const v = verifyMatch({ record: JSON.parse(JSON.stringify(after)), inspectors: [...inspectors].reverse() });
    expect(v.ok && v.value.logEntries).toBe(1);
  });

  it("catches a swapped team member, a forged log entry and a silent change", () => {
    const rec = matched();
    const swapped = structuredClone(rec);
    const a = swapped.match.teams[0]!.members[0]!;
    const other = inspectors.find((i) => i.department === a.department && !swapped.match.teams[0]!.members.some((m) => m.id === i.id))!;
    (a as { id: string }).id = other.id;
    const v1 = verifyMatch({ record: swapped, inspectors });
    expect(!v1.ok && v1.issues.map((i) => i.code)).toContain("match_mismatch");

    const member = rec.match.teams[1]!.members[0]!;
    const after = unwrap(recuseInspector({ record: rec, inspectors, recusal: { targetId: "E2", inspectorId: member.id, reason: "other_relationship", decision: DECIDED } })).record;
    const forged = structuredClone(after);
    (forged.match.log[0] as { counter: number | null }).counter = 999;
    expect(verifyMatch({ record: forged, inspectors }).ok).toBe(false);

    // a change without a log entry: drop the log, keep the changed teams — the chain head gives it away, and with
    // the head reset to the empty log's, the re-run does
    const silent = { ...after, match: { ...after.match, log: [] } };
    const v3 = verifyMatch({ record: silent, inspectors });
    expect(!v3.ok && v3.issues.map((i) => i.code)).toContain("match_log_head_mismatch");
    const reset = { ...silent, match: { ...silent.match, logHead: rec.match.logHead } };
    const v4 = verifyMatch({ record: reset, inspectors });
    expect(!v4.ok && v4.issues.map((i) => i.code)).toContain("match_mismatch");
  });

  it("flags a team that breaks a rule even if re-running agrees", () => {
    const rec = matched();
    // The pool now says the member had a declared conflict all along: the team breaks the recusal rule.
    const member = rec.match.teams[0]!.members[0]!;
    const changed = inspectors.map((i) => (i.id === member.id ? { ...i, conflicts: [{ entityId: "E1" }] } : i));
    const v = verifyMatch({ record: rec, inspectors: changed });
    expect(!v.ok && v.issues.map((i) => i.code)).toContain("match_rule_violated");
  });
});
