import { describe, expect, it } from "vitest";
import { replaceSelections, type ReplacementRequest } from "../../src/draw/replace.js";
import { replacementGenesis } from "../../src/draw/replacementLog.js";
import { drawWithoutReplacement } from "../../src/draw/stream.js";
import { verifyDraw } from "../../src/draw/verify.js";
import { verifyDrawManifest } from "../../src/draw/verifyManifest.js";
import { arraySource, verifyDrawFromSource } from "../../src/draw/source.js";
import { entryDigest } from "../../src/_internal/chain.js";
import type { DrawRecord } from "../../src/model/record.js";
import { type Result, unwrap } from "../../src/result.js";
import { drawn, SALT, tieredPool } from "./_fixtures.js";

const pool = tieredPool(70);
const { record, manifest } = drawn(pool);
const decision = { by: "治安支队 分管负责人", date: "2023-07-03" };
const req = (id: string, reason: ReplacementRequest["reason"] = "已注销", extra: Partial<ReplacementRequest> = {}): ReplacementRequest => ({ id, reason, decision, ...extra });
const codes = (r: Result<unknown>) => (r.ok ? [] : r.issues.map((i) => i.code));
const warnings = (r: Result<unknown>) => (r.ok ? r.warnings.map((i) => i.code) : []);

/** A record with two replacements, as published at each step (the copies a verifier may hold). */
function twice(): { r1: DrawRecord; r2: DrawRecord } {
  const r1 = unwrap(replaceSelections(record, pool, [req(record.selections[2]!.id, "无法联系", { note: "经营场所已关闭" })], { salt: SALT }));
  const r2 = unwrap(replaceSelections(r1, pool, [req(r1.replacements[0]!.id, "已迁出")], { salt: SALT }));
  return { r1, r2 };
}

describe("replaceSelections (补抽)", () => {
  it("continues the same stratum stream: the next unused pick after the original ones, logged with reason, decision and chain", () => {
    const target = record.selections[0]!;
    const r = unwrap(replaceSelections(record, pool, [req(target.id)], { salt: SALT }));
    expect(r.replacements).toHaveLength(1);
    const rep = r.replacements[0]!;
    const s = record.strata.find((x) => x.key === target.stratum)!;
    // The stream of n + 1 picks without replacement: the replacement is its last pick.
    const stream = drawWithoutReplacement(s.seed, s.N, s.n + 1, new Set());
    const last = stream[stream.length - 1]!;
    expect(rep).toEqual({
      replaces: target.id, reason: "已注销", id: manifest.strata.find((m) => m.key === s.key)!.ids[last.index - 1], stratum: s.key,
      counter: last.counter, hash: last.hash, index: last.index, decision, prev: replacementGenesis(record.taskId),
    });
    expect(r.replacementsHead).toBe(entryDigest(rep));
    const v = verifyDraw(r, pool, { salt: SALT });
    expect([v.ok, warnings(v)]).toEqual([true, []]);
  });

  it("chains: a replacement can itself be replaced; the log verifies and extends the copy published before", () => {
    const { r1, r2 } = twice();
    expect(r2.replacements[1]!.counter).toBeGreaterThan(r2.replacements[0]!.counter);
    expect(r2.replacements[1]!.prev).toBe(r1.replacementsHead);
    expect(r2.replacements[0]).toMatchObject({ reason: "无法联系", note: "经营场所已关闭" });
    const v = verifyDraw(r2, [...pool].reverse(), { salt: SALT, earlier: [{ length: 1, head: r1.replacementsHead! }] });
    expect([v.ok, warnings(v)]).toEqual([true, []]);
  });

  it("refuses an id that was not drawn and an exhausted stratum (a stratum taken whole)", () => {
    expect(codes(replaceSelections(record, pool, [req("E9999")], { salt: SALT }))).toEqual(["replacement_invalid"]);
    const whole = drawn(tieredPool(14), { sizes: { A: 2, B: 1, C: 1, D: 2 } });
    const d = whole.record.selections.find((x) => x.counter === null)!;
    expect(codes(replaceSelections(whole.record, tieredPool(14), [req(d.id)], { salt: SALT }))).toEqual(["stratum_exhausted"]);
  });

  it("steering attempt: an unlisted reason is refused (free text goes in note)", () => {
    const id = record.selections[0]!.id;
    for (const reason of ["因为", "经营场所已关闭", " ", "无法联系（经营场所已关闭）"]) {
      const r = replaceSelections(record, pool, [{ id, reason, decision } as unknown as ReplacementRequest], { salt: SALT });
      expect(codes(r), reason).toEqual(["replacement_reason"]);
    }
  });

  it("steering attempt: a replacement nobody decided (no decision, no one, no date) is refused", () => {
    const id = record.selections[0]!.id;
    for (const d of [undefined, { by: "", date: "2023-07-03" }, { by: "科长", date: "2023-7-3" }, { by: "科长" }]) {
      const r = replaceSelections(record, pool, [{ id, reason: "已注销", decision: d } as unknown as ReplacementRequest], { salt: SALT });
      expect(codes(r), JSON.stringify(d)).toEqual(["replacement_undecided"]);
    }
  });

  it("steering attempt: dropping the last replacement is detected by verify (chain head, and any copy published before)", async () => {
    const { r1, r2 } = twice();
    const dropped = { ...r2, replacements: r2.replacements.slice(0, 1) };
    expect(codes(verifyDraw(dropped, pool, { salt: SALT }))).toContain("replacement_log_broken");
    // Rolled back whole, head included, it is a record of one replacement: the copy published with two gives it away.
    const rolledBack = { ...dropped, replacementsHead: r1.replacementsHead };
    expect(verifyDraw(rolledBack, pool, { salt: SALT }).ok).toBe(true);
    expect(codes(verifyDraw(rolledBack, pool, { salt: SALT, earlier: [{ length: 2, head: r2.replacementsHead! }] }))).toEqual(["replacement_log_rewritten"]);
    // The same from the manifest and from a pool source.
    const fromManifest = verifyDrawManifest(rolledBack, JSON.parse(JSON.stringify(manifest)), { salt: SALT, earlier: [{ length: 2, head: r2.replacementsHead! }] });
    expect(codes(fromManifest)).toEqual(["replacement_log_rewritten", "exclusions_not_checked"]);
    const fromSource = await verifyDrawFromSource(rolledBack, arraySource(pool), { salt: SALT, earlier: [{ length: 2, head: r2.replacementsHead! }] });
    expect(codes(fromSource)).toEqual(["replacement_log_rewritten"]);
    // Dropped without a head at all: the entries still carry prev, so the log is known to be chained.
    const { replacementsHead: _h, ...headless } = dropped;
    expect(codes(verifyDraw(headless as DrawRecord, pool, { salt: SALT }))).toContain("replacement_log_broken");
  });

  it("steering attempt: editing the last replacement's reason is detected by verify", () => {
    const { r2 } = twice();
    const edited = structuredClone(r2);
    (edited.replacements[1] as { reason: string }).reason = "已注销";
    expect(codes(verifyDraw(edited, pool, { salt: SALT }))).toEqual(["replacement_log_broken"]);
    // Re-chained by whoever edited it, the head changes: the copy published before gives it away.
    const { replacementsHead: head, ...rest } = edited;
    const rechained = { ...rest, replacementsHead: entryDigest(edited.replacements[1]!) };
    expect(head).toBe(r2.replacementsHead);
    expect(codes(verifyDraw(rechained, pool, { salt: SALT, earlier: [{ length: 2, head: r2.replacementsHead! }] }))).toEqual(["replacement_log_rewritten"]);
  });

  it("steering attempt: an unlisted reason or a missing decision written into the record by hand is reported by verify", () => {
    const { r2 } = twice();
    const { replacementsHead: _h, ...rest } = r2;
    const handMade = { ...rest, replacements: r2.replacements.map(({ prev: _p, decision: _d, ...e }) => ({ ...e, reason: "因为" })) };
    const v = verifyDraw(handMade, pool, { salt: SALT });
    expect([v.ok, warnings(v)]).toEqual([true, ["replacement_log_unchained", "replacement_unaccountable"]]);
    expect(codes(replaceSelections(handMade, pool, [req(handMade.replacements[1]!.id)], { salt: SALT }))).toEqual(["replacement_append_unchained"]);
  });

  it("warns above the published threshold (replacementLimit)", () => {
    let r = record;
    for (let k = 0; k < 3; k++) r = unwrap(replaceSelections(r, pool, [req(r.replacements.at(-1)?.id ?? r.selections[0]!.id)], { salt: SALT }));
    const v = verifyDraw(r, pool, { salt: SALT });
    expect([v.ok, warnings(v)]).toEqual([true, ["replacements_many"]]);
    expect(v.ok && v.warnings[0]!.params).toEqual({ total: 3, limit: 2 });
  });

  it("verifyDraw detects a forged replacement", () => {
    const target = record.selections[0]!;
    const r = unwrap(replaceSelections(record, pool, [req(target.id)], { salt: SALT }));
    const other = manifest.strata.find((m) => m.key === target.stratum)!.ids.find((id) => !r.selections.some((s) => s.id === id) && id !== r.replacements[0]!.id)!;
    const forged = { ...r, replacements: [{ ...r.replacements[0]!, id: other }] };
    expect(codes(verifyDraw(forged, pool, { salt: SALT }))).toEqual(expect.arrayContaining(["replacement_mismatch", "replacement_log_broken"]));
    const bogus = { ...r, replacements: [{ ...r.replacements[0]!, replaces: "E9999" }] };
    expect(codes(verifyDraw(bogus, pool, { salt: SALT }))[0]).toBe("replacement_invalid");
  });

  it("does not mutate the record", () => {
    const before = structuredClone(record);
    replaceSelections(record, pool, [req(record.selections[0]!.id)], { salt: SALT });
    expect(record).toEqual(before);
  });
});
