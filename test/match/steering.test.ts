// Issue 15: each way an operator could still steer the second random, by its name in the issue — refused by the
// library, or detected by verifyMatch.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  announce, diceEntropy, draw, type InspectorInput, matchCommitment, matchInspectors, type MatchedRecord, type MatchableRecord,
  type MatchRules, recuseInspector, unwrap, verifyMatch,
} from "../../src/index.js";
import { DECIDED, LEGAL_EXCEPTION, record } from "./_fixtures.js";

const codes = (r: { ok: boolean; issues?: readonly { code: string }[] }) => (r.ok ? [] : (r.issues ?? []).map((i) => i.code));
const warningCodes = (r: { ok: boolean; warnings?: readonly { code: string }[] }) => (r.ok ? (r.warnings ?? []).map((i) => i.code) : []);

const market = (n: number, prefix = "M"): InspectorInput[] => Array.from({ length: n }, (_, k) => ({ id: `${prefix}${k}`, name: `市场${k}`, department: "市场监管局" }));

describe("行政处罚法 第42条 is a floor, not a default", () => {
  const targets = ["E1", "E2"];
  const inspectors: InspectorInput[] = [...market(4), { id: "X1", name: "专家", department: "专家库", expert: true }];

  it("minCredentialed: 1 (one-officer teams) is refused with a code citing 第42条", () => {
    const r = matchInspectors({ record: record(targets), inspectors, rules: { minCredentialed: 1 } });
    expect(codes(r)).toEqual(["match_below_legal_minimum"]);
    expect(!r.ok && r.issues[0]!.message.zh).toContain("第42条");
  });

  it("minCredentialed: 0 with an expert (a team with no officer) is refused, even under a legal exception", () => {
    expect(codes(matchInspectors({ record: record(targets), inspectors, rules: { minCredentialed: 0, experts: 1 } }))).toEqual(["match_below_legal_minimum"]);
    expect(codes(matchInspectors({ record: record(targets), inspectors, rules: { minCredentialed: 0, experts: 1, legalException: LEGAL_EXCEPTION } }))).toEqual(["match_below_legal_minimum"]);
  });

  it("going below two needs an explicit legal exception, which is warned, published in the record and committed", () => {
    const rules: MatchRules = { minCredentialed: 1, legalException: LEGAL_EXCEPTION };
    const r = matchInspectors({ record: record(targets), inspectors, rules });
    expect(r.ok && r.value.teams.map((t) => t.members.length)).toEqual([1, 1]);
    expect(warningCodes(r)).toContain("match_legal_exception");
    expect(r.ok && r.value.record.match.rules.legalException).toEqual(LEGAL_EXCEPTION);
    const v = verifyMatch({ record: unwrap(r).record, inspectors });
    expect(warningCodes(v)).toContain("match_legal_exception");
    // The exception is part of the §8.1 commitment: announcing without it and matching with it is refused.
    expect(unwrap(matchCommitment({ inspectors, rules })).rules).not.toBe(unwrap(matchCommitment({ inspectors, rules: { ...rules, legalException: { ...LEGAL_EXCEPTION, decidedBy: "别人" } } })).rules);
    // A malformed exception (no citation, no date) is no exception.
    expect(codes(matchInspectors({ record: record(targets), inspectors, rules: { minCredentialed: 1, legalException: { ...LEGAL_EXCEPTION, citation: "", decidedAt: "昨天" } } }))).toEqual(["match_invalid_rule"]);
  });

  it("a joint task with a department count of 0 is refused", () => {
    const pool = [...market(3), { id: "Y1", name: "应急", department: "应急管理局" }];
    const r = matchInspectors({ record: record(targets), inspectors: pool, rules: { departments: { 市场监管局: 2, 应急管理局: 0 } } });
    expect(codes(r)).toEqual(["match_department_count_zero"]);
    expect(!r.ok && r.issues[0]!.message.zh).toContain("第42条");
  });

  it("the initiator is a role: every team has a member of the initiating department, and it is committed", () => {
    const pool = [...market(3), ...["Y1", "Y2", "Y3"].map((id) => ({ id, name: id, department: "应急管理局" }))];
    const r = unwrap(matchInspectors({ record: record(["E1", "E2", "E3"]), inspectors: pool, rules: { departments: ["市场监管局"], initiator: "应急管理局" } }));
    for (const team of r.teams) expect(team.members.map((m) => m.department).sort()).toEqual(["市场监管局", "应急管理局"]);
    expect(unwrap(matchCommitment({ inspectors: pool, rules: { departments: ["市场监管局", "应急管理局"] } })).rules)
      .not.toBe(unwrap(matchCommitment({ inspectors: pool, rules: { departments: ["市场监管局"], initiator: "应急管理局" } })).rules);
  });
});

/** A record whose target E1's team the operator wants to steer toward `wanted` by recusing whoever else is drawn. */
function steer(seed: string, wanted: string) {
  const inspectors = market(8);
  let rec: MatchedRecord<MatchableRecord> = unwrap(matchInspectors({ record: record(["E1", "E2", "E3", "E4", "E5"], seed), inspectors })).record;
  let recusals = 0;
  while (!rec.match.teams[0]!.members.some((m) => m.id === wanted) && recusals < 20) {
    const other = rec.match.teams[0]!.members.find((m) => m.id !== wanted)!;
    rec = unwrap(recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: other.id, reason: "other_relationship", decision: DECIDED } })).record;
    recusals++;
  }
  return { rec, inspectors, recusals };
}

describe("late recusals (第43条) are accountable and counted", () => {
  it("a free-text reason is refused: the reason comes from a closed list, the text goes in note", () => {
    const inspectors = market(4);
    const rec = unwrap(matchInspectors({ record: record(["E1"]), inspectors })).record;
    const who = rec.match.teams[0]!.members[0]!.id;
    const r = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: who, reason: "因为" as never, decision: DECIDED } });
    expect(codes(r)).toEqual(["match_recusal_reason"]);
    const legacy = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: who, reason: "declared" as never, decision: DECIDED } });
    expect(codes(legacy)).toEqual(["match_recusal_reason"]);
  });

  it("a recusal without who decided and when is refused", () => {
    const inspectors = market(4);
    const rec = unwrap(matchInspectors({ record: record(["E1"]), inspectors })).record;
    const who = rec.match.teams[0]!.members[0]!.id;
    expect(codes(recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: who, reason: "close_relative" } as never }))).toEqual(["match_recusal_undecided"]);
    const r = recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: who, reason: "close_relative", decision: { basis: "head_decision", by: " ", date: "2026-13-01" } } });
    expect(!r.ok && r.issues[0]!.params?.detail).toBe("decision.by, decision.date");
    const ok = unwrap(recuseInspector({ record: rec, inspectors, recusal: { targetId: "E1", inspectorId: who, reason: "party_application", decision: { basis: "party_application", by: "当事人申请，局长 王五决定", date: "2026-03-02" } } }));
    expect(ok.entry.decision).toEqual({ basis: "party_application", by: "当事人申请，局长 王五决定", date: "2026-03-02" });
  });

  it("recusals repeated until a wanted inspector is on the team are counted and warned in verification", () => {
    // Find, deterministically, a seed where the wanted inspector needs at least two recusals to land at E1.
    const run = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"].map((seed) => steer(seed, "M7")).find((x) => x.recusals >= 2)!;
    expect(run.rec.match.teams[0]!.members.map((m) => m.id)).toContain("M7");
    const v = verifyMatch({ record: run.rec, inspectors: run.inspectors });
    expect(v.ok).toBe(true);
    expect(v.ok && v.value.lateRecusals).toBe(run.recusals);
    expect(v.ok && v.value.lateRecusalsByTarget).toEqual({ E1: run.recusals });
    expect(warningCodes(v)).toContain("match_late_recusals_many");
  });

  it("one recusal in a task stays below the published threshold", () => {
    const inspectors2 = market(8);
    const m = unwrap(matchInspectors({ record: record(["E1", "E2"]), inspectors: inspectors2 })).record;
    const after = unwrap(recuseInspector({ record: m, inspectors: inspectors2, recusal: { targetId: "E1", inspectorId: m.match.teams[0]!.members[0]!.id, reason: "prior_inspection", decision: DECIDED } })).record;
    const v = verifyMatch({ record: after, inspectors: inspectors2 });
    expect(v.ok && v.value.lateRecusals).toBe(1);
    expect(warningCodes(v)).not.toContain("match_late_recusals_many");
  });
});

describe("the recusal log is append-only (hash chain)", () => {
  const inspectors = market(8);
  const build = () => {
    let rec = unwrap(matchInspectors({ record: record(["E1", "E2", "E3"], "chain"), inspectors })).record;
    const heads: { length: number; head: string }[] = [{ length: 0, head: rec.match.logHead! }];
    for (const t of ["E1", "E2", "E3"]) {
      const team = rec.match.teams.find((x) => x.targetId === t)!;
      rec = unwrap(recuseInspector({ record: rec, inspectors, recusal: { targetId: t, inspectorId: team.members[0]!.id, reason: "close_relative", decision: DECIDED, note: `第${t}号` } })).record;
      heads.push({ length: rec.match.log.length, head: rec.match.logHead! });
    }
    return { rec, heads };
  };

  it("every entry carries the digest before it and the record publishes the head", () => {
    const { rec, heads } = build();
    expect(rec.match.log.map((e) => e.prev)).toEqual(heads.slice(0, 3).map((h) => h.head));
    expect(verifyMatch({ record: rec, inspectors, earlier: heads }).ok).toBe(true);
  });

  it("changing a logged reason is detected", () => {
    const { rec } = build();
    const edited = structuredClone(rec);
    (edited.match.log[1] as { reason: string }).reason = "direct_interest";
    expect(codes(verifyMatch({ record: edited, inspectors }))).toContain("match_log_chain_broken");
  });

  it("dropping the last entry, with teams, counter and head rolled back to match, is detected against a copy published earlier", () => {
    const { rec, heads } = build();
    // The operator republishes the record as it was before the last recusal: it verifies on its own…
    const before = { ...rec, match: { ...rec.match } };
    const rolled = unwrap(matchInspectors({ record: record(["E1", "E2", "E3"], "chain"), inspectors })).record;
    let r2 = rolled;
    for (const e of rec.match.log.slice(0, 2)) r2 = unwrap(recuseInspector({ record: r2, inspectors, recusal: { targetId: e.targetId, inspectorId: e.inspectorId, reason: e.reason as "close_relative", decision: e.decision!, note: e.note! } })).record;
    expect(verifyMatch({ record: r2, inspectors }).ok).toBe(true);
    // …but not against the head anyone kept from the copy published before.
    expect(codes(verifyMatch({ record: r2, inspectors, earlier: [heads[3]!] }))).toEqual(["match_log_rewritten"]);
    expect(verifyMatch({ record: before, inspectors, earlier: [heads[3]!] }).ok).toBe(true);
  });

  it("stripping the head to hide a dropped entry is detected", () => {
    const { rec } = build();
    const { logHead: _h, ...rest } = rec.match;
    const stripped = { ...rec, match: { ...rest, log: rec.match.log.slice(0, 2) } };
    expect(codes(verifyMatch({ record: stripped as typeof rec, inspectors }))).toEqual(["match_log_head_mismatch"]);
  });

  it("a record made before the chain and the decisions still verifies, with warnings that say what cannot be checked", () => {
    const { rec } = build();
    const { logHead: _h, ...rest } = rec.match;
    const legacy = { ...rec, match: { ...rest, log: rec.match.log.map(({ prev: _p, decision: _d, ...e }) => ({ ...e, reason: "relative" as const })) } };
    const v = verifyMatch({ record: legacy as typeof rec, inspectors });
    expect(v.ok).toBe(true);
    expect(warningCodes(v)).toEqual(expect.arrayContaining(["match_log_unchained", "match_recusal_unaccountable"]));
  });

  it("any single edit or drop of an entry fails verification (property)", () => {
    const { rec, heads } = build();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.constantFrom("drop", "reason", "note", "decision", "replacement"), (k, how) => {
        const copy = structuredClone(rec) as unknown as { match: { log: Record<string, unknown>[] } };
        if (how === "drop") copy.match.log.splice(k, 1);
        else if (how === "reason") copy.match.log[k]!.reason = "prior_inspection";
        else if (how === "note") copy.match.log[k]!.note = "改过";
        else if (how === "decision") copy.match.log[k]!.decision = { ...DECIDED, by: "别人" };
        else copy.match.log[k]!.replacementId = "M0";
        expect(verifyMatch({ record: copy as unknown as typeof rec, inspectors }).ok).toBe(false);
        expect(verifyMatch({ record: copy as unknown as typeof rec, inspectors, earlier: heads }).ok).toBe(false);
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});

describe("commit what matching reads", () => {
  const salt = "steering-test-salt-0001";
  const pool = ["E1", "E2", "E3", "E4"].map((id, k) => ({ id, name: `企业${k}`, regionCode: k % 2 ? "410802" : "410803", inspections: [{ date: "2025-06-01", itemId: "I1", inspectorIds: [`M${k}`] }] }));
  const inspectors = market(8);
  const rules: MatchRules = { avoidLastInspectors: true };
  const announced = (entities: boolean) => {
    const match = unwrap(matchCommitment({ inspectors, rules, ...(entities ? { entities: pool, salt } : {}) }));
    const a = unwrap(announce({ taskId: "T-E", pool: pool.map(({ id }) => ({ id })), stratify: "none", salt, sizes: 3, entropySource: { kind: "dice", description: "公开掷骰" }, match })).announcement;
    return unwrap(draw(a, pool.map(({ id }) => ({ id })), unwrap(diceEntropy("27182818284590452353")), { salt }));
  };

  it("uncommitted matching verifies with a warning, not an info", () => {
    const m = unwrap(matchInspectors({ record: record(["E1"]), inspectors })).record;
    const v = verifyMatch({ record: m, inspectors });
    expect(v.ok && v.warnings.find((w) => w.code === "match_not_committed")?.severity).toBe("warning");
  });

  it("a fake last inspection added after the seed is refused by matching and detected by verification", () => {
    const record = announced(true);
    const honest = matchInspectors({ record, inspectors, entities: pool, salt, rules });
    expect(honest.ok).toBe(true);
    // Two unwanted inspectors get a made-up "last inspection" of every entity: they would be recused everywhere.
    const fake = pool.map((e) => ({ ...e, inspections: [...e.inspections, { date: "2025-12-01", itemId: "I1", inspectorIds: ["M5", "M6"] }] }));
    expect(codes(matchInspectors({ record, inspectors, entities: fake, salt, rules }))).toEqual(["match_commitment_mismatch"]);
    const pasted = { ...unwrap(matchInspectors({ record: { ...record, announcement: { ...record.announcement, match: undefined } }, inspectors, entities: fake, rules })).record, announcement: record.announcement };
    const v = verifyMatch({ record: pasted, inspectors, entities: fake, salt });
    expect(codes(v)).toEqual(["match_commitment_mismatch"]);
    expect(!v.ok && v.issues[0]!.path).toEqual(["record", "announcement", "match", "entities"]);
    // A changed region code is caught the same way; without the salt nothing can be compared, and verification says so.
    const moved = pool.map((e, k) => (k === 0 ? { ...e, regionCode: "410811" } : e));
    expect(codes(matchInspectors({ record, inspectors, entities: moved, salt, rules }))).toEqual(["match_commitment_mismatch"]);
    expect(codes(verifyMatch({ record: unwrap(honest).record, inspectors, entities: pool }))).toEqual(["match_commitment_mismatch"]);
    expect(verifyMatch({ record: unwrap(honest).record, inspectors, entities: pool, salt }).ok).toBe(true);
  });

  it("a commitment without the entity attributes is warned when matching reads them", () => {
    const record = announced(false);
    const m = matchInspectors({ record, inspectors, entities: pool, rules });
    expect(warningCodes(m)).toContain("match_entities_not_committed");
    expect(warningCodes(verifyMatch({ record: unwrap(m).record, inspectors, entities: pool }))).toContain("match_entities_not_committed");
  });

  it("the entity digest is salted and ignores list order, and needs a salt of 16 characters", () => {
    const a = unwrap(matchCommitment({ inspectors, entities: pool, salt }));
    expect(unwrap(matchCommitment({ inspectors, entities: [...pool].reverse(), salt })).entities).toBe(a.entities);
    expect(unwrap(matchCommitment({ inspectors, entities: pool, salt: `${salt}x` })).entities).not.toBe(a.entities);
    expect(codes(matchCommitment({ inspectors, entities: pool, salt: "short" }))).toEqual(["invalid_argument"]);
    expect(codes(matchCommitment({ inspectors, entities: [...pool, pool[0]!], salt }))).toEqual(["duplicate_entity_id"]);
  });

  it("announce --departments naming a department nobody in the roster belongs to fails before publication", () => {
    expect(codes(matchCommitment({ inspectors, rules: { departments: ["市场监管局", "应急管理局"] } }))).toEqual(["match_department_not_in_roster"]);
    expect(codes(matchCommitment({ inspectors: [...inspectors, { id: "Y", name: "无证", department: "应急管理局", credential: false }], rules: { departments: ["应急管理局"] } }))).toEqual(["match_department_not_in_roster"]);
    // The real command line: announce calls matchCommitment, so nothing is written.
    const root = new URL("../../", import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), "dr-steer-"));
    const out = join(dir, "a.json");
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), "announce", join(root, "examples/data/jiaozuo-entertainment-pool.csv"),
      "--task-id", "T-D", "--salt", salt, "--sizes", "4", "--stratify", "none", "--entropy-source", "dice:公开掷骰",
      "--inspectors", join(root, "examples/data/jiaozuo-inspectors.csv"), "--departments", "焦作市公安局,焦作市不存在局", "-o", out], { encoding: "utf8", cwd: root });
    // An input the command refuses (exit 2 = usage/input, as the CLI documents), before anything is written.
    expect(r.status).toBe(2);
    expect(r.stderr + r.stdout).toContain("match_department_not_in_roster");
    expect(spawnSync("test", ["-e", out]).status).toBe(1);
  }, 30_000);
});

describe("match-v1 §7: a member excluded for several reasons counts once, under the first of credential, recusal, qualifications, region", () => {
  it("match_no_eligible counts follow the published order", () => {
    const inspectors: InspectorInput[] = [
      { id: "P1", name: "1", department: "市场监管局", credential: false, conflicts: [{ entityId: "E1" }], qualifications: [] }, // credential
      { id: "P2", name: "2", department: "市场监管局", conflicts: [{ entityId: "E1" }], qualifications: [], regions: ["410900"] }, // recusal
      { id: "P3", name: "3", department: "市场监管局", qualifications: [], regions: ["410900"] }, // qualifications
      { id: "P4", name: "4", department: "市场监管局", qualifications: ["特种设备"], regions: ["410900"] }, // region
    ];
    const r = matchInspectors({ record: record(["E1"]), inspectors, entities: [{ id: "E1", name: "甲", regionCode: "140502" }], rules: { qualifications: ["特种设备"] } });
    const issue = !r.ok ? r.issues.find((i) => i.code === "match_no_eligible") : undefined;
    expect(issue?.params).toMatchObject({ pool: 4, credential: 1, conflicts: 1, qualifications: 1, regions: 1 });
  });
});
