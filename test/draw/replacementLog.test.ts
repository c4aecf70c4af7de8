// draw-v1 §7.2 (issue 15): replacements carry a reason from a closed list, who decided and when, and form an
// append-only hash chain whose head the record publishes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { announce, diceEntropy, draw, type DrawRecord, replaceSelections, unwrap } from "../../src/index.js";
import { chainReplacements, replacementAccountability, replacementLimit, replacementLogIssues, REPLACEMENT_REASONS } from "../../src/draw/replacementLog.js";

const salt = "replacement-log-salt-01";
const pool = Array.from({ length: 30 }, (_, k) => ({ id: `E${String(k).padStart(2, "0")}` }));
const decision = { by: "科长 赵六", date: "2026-03-03" };

/** A record with three replacements, chained by replaceSelections (draw-v1 §7.2), and the heads published at each step. */
function chainedRecord(): { record: DrawRecord; heads: { length: number; head: string }[] } {
  const a = unwrap(announce({ taskId: "T-R", pool, stratify: "none", salt, sizes: 5, entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
  let record = unwrap(draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt }));
  const heads = [{ length: 0, head: chainReplacements(record, []).head }];
  for (const reason of ["已注销", "无法联系", "已迁出"] as const) {
    const target = record.replacements.length > 0 ? record.replacements.at(-1)!.id : record.selections[0]!.id;
    record = unwrap(replaceSelections(record, pool, [{ id: target, reason, decision, note: "经营场所已关闭" }], { salt }));
    heads.push({ length: record.replacements.length, head: record.replacementsHead! });
  }
  return { record, heads };
}

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe("replacement log", () => {
  it("a chained, accountable log extends every copy published before; three replacements of five drawn are warned", () => {
    const { record, heads } = chainedRecord();
    expect(codes(replacementLogIssues(record, heads))).toEqual(["replacements_many"]);
  });

  it("a free-text reason, or no decision, is refused; the note is free", () => {
    expect(codes(replacementAccountability({ reason: "因为", decision }, 1))).toEqual(["replacement_reason"]);
    expect(codes(replacementAccountability({ reason: "无法联系（经营场所已关闭）", decision }, 1))).toEqual(["replacement_reason"]);
    expect(codes(replacementAccountability({ reason: "已注销" }, 1))).toEqual(["replacement_undecided"]);
    expect(codes(replacementAccountability({ reason: "已注销", decision: { by: "", date: "2026-3-3" } }, 1))).toEqual(["replacement_undecided"]);
    for (const reason of REPLACEMENT_REASONS) expect(replacementAccountability({ reason, decision }, 1)).toEqual([]);
  });

  it("dropping the last replacement or changing its reason is detected (the steering attempt of issue 15)", () => {
    const { record, heads } = chainedRecord();
    const dropped = { ...record, replacements: record.replacements.slice(0, 2) };
    expect(codes(replacementLogIssues(dropped))).toEqual(["replacement_log_broken"]);
    expect(codes(replacementLogIssues(record))).not.toContain("replacement_log_broken");
    // Even with the head rolled back, a copy published earlier gives it away.
    const rolled = { ...dropped, replacementsHead: heads[2]!.head };
    expect(codes(replacementLogIssues(rolled))).toEqual([]);
    expect(codes(replacementLogIssues(rolled, [heads[3]!]))).toEqual(["replacement_log_rewritten"]);
    const edited = structuredClone(record);
    (edited.replacements[2] as { reason: string }).reason = "停业";
    expect(codes(replacementLogIssues(edited))).toContain("replacement_log_broken");
  });

  it("any single edit or drop of an entry is detected (property)", () => {
    const { record, heads } = chainedRecord();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.constantFrom("drop", "reason", "note", "decision", "id"), (k, how) => {
        const copy = structuredClone(record) as unknown as { replacements: Record<string, unknown>[] };
        if (how === "drop") copy.replacements.splice(k, 1);
        else if (how === "reason") copy.replacements[k]!.reason = "不属于本次抽查对象";
        else if (how === "note") copy.replacements[k]!.note = "改过";
        else if (how === "decision") copy.replacements[k]!.decision = { ...decision, by: "别人" };
        else copy.replacements[k]!.id = "E99";
        const found = codes(replacementLogIssues(copy as unknown as DrawRecord, heads));
        expect(found.some((c) => c === "replacement_log_broken" || c === "replacement_log_rewritten")).toBe(true);
      }),
      { numRuns: 50, seed: 72 },
    );
  });

  it("an older record (no chain, free-text reasons) is reported, not refused", () => {
    const { record } = chainedRecord();
    const { replacementsHead: _h, ...rest } = record;
    const legacy = { ...rest, replacements: record.replacements.map(({ prev: _p, decision: _d, note: _n, ...e }) => ({ ...e, reason: "经营场所已关闭" })) };
    expect(codes(replacementLogIssues(legacy as DrawRecord))).toEqual(["replacement_log_unchained", "replacement_unaccountable", "replacements_many"]);
  });

  it("warns above the published threshold max(2, ⌈drawn/10⌉)", () => {
    expect([replacementLimit(5), replacementLimit(45)]).toEqual([2, 5]);
    const { record } = chainedRecord();
    expect(codes(replacementLogIssues({ ...record, replacements: record.replacements.slice(0, 2), replacementsHead: chainReplacements({ ...record, replacements: [], replacementsHead: undefined } as DrawRecord, []).head }))).not.toContain("replacements_many");
  });
});
