// The pool-source contract, checked the same way for every source: the draw-v1 vectors reproduced byte for byte
// (announce, draw, chained replacements), the chunk-boundary vector, verification (and its failures) from the source.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import {
  announceFromSource, buildManifestFromSource, diceEntropy, drawFromSource, type DrawEntity, type DrawRecord, lotteryEntropy,
  type PoolSource, replaceFromSource, unwrap, verifyDrawFromSource, verifyDrawManifestFromSource,
} from "../../src/index.js";

interface Vector { salt: string; pool: DrawEntity[]; eligible: Record<string, string>; record: DrawRecord }
export const vectors = JSON.parse(readFileSync(new URL("../draw/draw-v1-vectors.json", import.meta.url), "utf8")) as {
  unstratified: Vector; stratified: Vector; chained: { salt: string; record: DrawRecord }; chunked: { salt: string; count: number; stratumDigest: string; manifestDigest: string };
};
export const chunkedIds = Array.from({ length: vectors.chunked.count }, (_, k) => `E${String(k).padStart(6, "0")}`);

/**
 * Registers the conformance tests. `load(name, pool)` puts the pool in the source's store under a name and returns a
 * source over it (for a database: a table); `manifestOnly` gives a source over eligible entities (a manifest table).
 */
export function conformance(load: (name: string, pool: readonly DrawEntity[]) => Promise<PoolSource>): void {
  it("reproduces vector 1 byte for byte (unstratified, astral and fullwidth ids)", async () => {
    const v = vectors.unstratified;
    const source = await load("v1", v.pool);
    const a = unwrap(await announceFromSource({ taskId: "VEC-1", source, stratify: "none", salt: v.salt, sizes: 3, entropySource: { kind: "dice", description: "vector 1" } }));
    expect(JSON.stringify(a.announcement)).toBe(JSON.stringify(v.record.announcement));
    const r = unwrap(await drawFromSource(a.announcement, source, unwrap(diceEntropy("31415926535897932384")), { salt: v.salt }));
    expect(JSON.stringify(r)).toBe(JSON.stringify(v.record));
    expect((await verifyDrawFromSource(r, source, { salt: v.salt })).ok).toBe(true);
  });

  it("reproduces vector 2 byte for byte (tiers, exclusions, a whole stratum, chained replacements) and verifies it", async () => {
    const v = vectors.stratified;
    const source = await load("v2", v.pool);
    const a = unwrap(await announceFromSource({
      taskId: "VEC-2", taskName: "娱乐场所治安管理监督检查", source, stratify: "tier", salt: v.salt,
      sizes: { A: 1, B: 4, C: 2, D: 2, untiered: 1 },
      exclusions: { recentInspection: { itemId: "娱乐场所治安管理监督检查", asOf: "2023-06-30", withinDays: 365, withoutItem: false } },
      entropySource: { kind: "lottery", description: "中国福利彩票双色球 2023-06-01 开奖号码（红球、蓝球）" },
    }));
    expect(JSON.stringify(a.announcement)).toBe(JSON.stringify(v.record.announcement));
    const e = unwrap(lotteryEntropy([{ name: "红球", numbers: [33, 7, 1, 20, 15, 9] }, { name: "蓝球", numbers: [12] }]));
    const d = unwrap(await drawFromSource(a.announcement, source, e, { salt: v.salt }));
    expect(JSON.stringify(d)).toBe(JSON.stringify({ ...v.record, replacements: [] }));
    const bKey = v.record.replacements[0]!.stratum;
    const firstB = d.selections.find((s) => s.stratum === bKey)!;
    // The replacements as draw-v1 §7.2 logs them: vector 4 (vector 2 itself predates the chain).
    const by = "治安管理支队 分管负责人";
    const rep1 = unwrap(await replaceFromSource(d, source, [{ id: firstB.id, reason: "已注销", decision: { by, date: "2023-07-03" } }], { salt: v.salt }));
    const rep2 = unwrap(await replaceFromSource(rep1, source, [{ id: rep1.replacements[0]!.id, reason: "无法联系", decision: { by, date: "2023-07-05" }, note: "经营场所已关闭" }], { salt: v.salt }));
    expect(JSON.stringify(rep2)).toBe(JSON.stringify(vectors.chained.record));
    expect(unwrap(await verifyDrawFromSource(vectors.chained.record, source, { salt: v.salt }))).toEqual(vectors.chained.record);

    expect(unwrap(await verifyDrawFromSource(v.record, source, { salt: v.salt }))).toEqual(v.record);
    // A changed id, a wrong salt, a changed exclusion count: each is found.
    const k = v.record.selections.findIndex((s) => s.counter !== null);
    const forged = { ...v.record, selections: v.record.selections.map((s, j) => (j === k ? { ...s, id: "91410800MA001000X" } : s)) };
    const f1 = await verifyDrawFromSource(forged, source, { salt: v.salt });
    expect(!f1.ok && f1.issues.map((i) => `${i.code}:${String(i.message.en.includes("id"))}`)).toContain("selection_mismatch:true");
    const f2 = await verifyDrawFromSource(v.record, source, { salt: `${v.salt}-wrong` });
    expect(!f2.ok && f2.issues.some((i) => i.code === "manifest_digest_mismatch")).toBe(true);
    const changed = { ...v.record, exclusions: { ...v.record.exclusions, inactive: 0 } };
    const f3 = await verifyDrawFromSource(changed, source, { salt: v.salt });
    expect(!f3.ok && f3.issues.map((i) => i.code)).toContain("exclusion_count_mismatch");
    const badRep = { ...v.record, replacements: v.record.replacements.map((r, j) => (j === 1 ? { ...r, id: "91410800MA001000X" } : r)) };
    const f4 = await verifyDrawFromSource(badRep, source, { salt: v.salt });
    expect(!f4.ok && f4.issues.map((i) => i.code)).toContain("replacement_mismatch");
  });

  it("verifies vector 2 from a source that holds the manifest (eligible entities only)", async () => {
    const v = vectors.stratified;
    const manifestPool = Object.entries(v.eligible).map(([id, label]) => ({ id, ...(label === "untiered" ? {} : { tier: label as "A" }) }));
    const source = await load("v2m", manifestPool);
    const r = await verifyDrawManifestFromSource(v.record, source, { salt: v.salt });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["replacement_log_unchained", "replacement_unaccountable", "exclusions_not_checked"]);
    const early = [v.record.selections[0]!.id];
    const f = await verifyDrawManifestFromSource(v.record, source, { salt: v.salt, drawnEarlier: early });
    expect(!f.ok && f.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["drawn_earlier_mismatch", "drawn_earlier_in_manifest", "exclusions_not_checked"]));
  });

  it("gives vector 3's digests across the 65,536-line chunk boundary", async () => {
    const source = await load("v3", chunkedIds.map((id) => ({ id })));
    const m = unwrap(await buildManifestFromSource(source, { stratify: "none", salt: vectors.chunked.salt }));
    expect([m.strata[0]!.digest, m.digest]).toEqual([vectors.chunked.stratumDigest, vectors.chunked.manifestDigest]);
  }, 60_000);

  it("applies every exclusion rule as the array path does (first matching reason, drawn earlier)", async () => {
    const pool: DrawEntity[] = [
      { id: "X1", tier: "A" }, { id: "X2", tier: "B", status: "revoked" }, { id: "X3", tier: "A", status: "suspended" },
      { id: "X4", tier: "C" }, { id: "X5", tier: "C", inspections: [{ date: "2024-03-01", itemId: "I" }] },
      { id: "X6", tier: "D", inspections: [{ date: "2023-03-01", itemId: "I" }, { date: "2024-03-01", itemId: "J" }] },
      { id: "X7" }, { id: "X8", tier: "B" }, { id: "X9", tier: "B", inspections: [{ date: "2024-06-30", itemId: "I" }] },
    ];
    const source = await load("rules", pool);
    const input = {
      taskId: "R", stratify: "tier" as const, salt: "rules-salt-0123456789", sizes: { C: 1, D: 1, untiered: 1 },
      exclusions: { exemptTiers: ["A" as const], drawnEarlier: ["X8", "X1"], recentInspection: { itemId: "I", asOf: "2024-06-30", withinDays: 180 } },
      entropySource: { kind: "dice" as const, description: "d" },
    };
    const a = unwrap(await announceFromSource({ ...input, source }));
    expect(a.announcement.exclusions.counts).toEqual({ inactive: 2, tier_exempt: 1, drawn_earlier: 1, recently_inspected: 2 });
    expect(a.manifest.strata.map((s) => [s.label, s.N]).sort()).toEqual([["C", 1], ["D", 1], ["untiered", 1]]);
    const r = unwrap(await drawFromSource(a.announcement, source, unwrap(diceEntropy("12345678901234567890")), { salt: input.salt, drawnEarlier: ["X1", "X8"] }));
    expect(r.selections.map((s) => s.id).sort()).toEqual(["X4", "X6", "X7"]);
    const wrong = await drawFromSource(a.announcement, source, unwrap(diceEntropy("12345678901234567890")), { salt: input.salt });
    expect(!wrong.ok && wrong.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["drawn_earlier_mismatch"]));
  });
}
