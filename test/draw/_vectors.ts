// Builds the draw-v1 test vectors published in docs/spec/draw-v1.md and frozen in draw-v1-vectors.json.
import { announce } from "../../src/draw/announce.js";
import { draw } from "../../src/draw/draw.js";
import { diceEntropy, lotteryEntropy } from "../../src/draw/entropy.js";
import { buildManifest } from "../../src/draw/manifest.js";
import type { DrawEntity } from "../../src/draw/pool.js";
import { replaceSelections } from "../../src/draw/replace.js";
import { compareCodePoints } from "../../src/draw/order.js";
import { unwrap } from "../../src/result.js";

export function makeVectors() {
  // 1. Unstratified, ids with CJK and an astral character (code point order ≠ UTF-16 order).
  const salt1 = "salt-0123456789abcdef";
  const pool1: DrawEntity[] = ["E07", "E02", "E10", "E01", "E05", "\u{FF25}09", "E03", "\u{1F600}08", "E06", "甲04"].map((id) => ({ id }));
  const a1 = unwrap(announce({ taskId: "VEC-1", pool: pool1, stratify: "none", salt: salt1, sizes: 3, entropySource: { kind: "dice", description: "vector 1" } }));
  const r1 = unwrap(draw(a1.announcement, pool1, unwrap(diceEntropy("31415926535897932384")), { salt: salt1 }));

  // 2. Stratified by tier with exclusions, a whole stratum (n = N), lottery entropy and two replacements (one chained).
  const salt2 = "焦作-vector-salt-2023";
  const tiers = ["B", "C", "B", "A", "D", "B", "C", "B", "A", "B"] as const;
  const pool2: DrawEntity[] = Array.from({ length: 30 }, (_, k) => ({
    id: `91410800MA${String(1000 + k * 37).padStart(6, "0")}X`,
    tier: tiers[k % tiers.length],
    ...(k === 4 ? { status: "deregistered" as const } : {}),
    ...(k === 11 ? { inspections: [{ date: "2023-02-10", itemId: "娱乐场所治安管理监督检查" }] } : {}),
  }));
  pool2.push({ id: "91410800MA009999Z" });
  const a2 = unwrap(announce({
    taskId: "VEC-2", taskName: "娱乐场所治安管理监督检查", pool: pool2, stratify: "tier", salt: salt2,
    sizes: { A: 1, B: 4, C: 2, D: 2, untiered: 1 },
    // Made before draw-v1 §4.1 counted inspections naming no item (`withoutItem`): the vector keeps its bytes.
    exclusions: { recentInspection: { itemId: "娱乐场所治安管理监督检查", asOf: "2023-06-30", withinDays: 365, withoutItem: false } },
    entropySource: { kind: "lottery", description: "中国福利彩票双色球 2023-06-01 开奖号码（红球、蓝球）" },
  }));
  const e2 = unwrap(lotteryEntropy([{ name: "红球", numbers: [33, 7, 1, 20, 15, 9] }, { name: "蓝球", numbers: [12] }]));
  const d2 = unwrap(draw(a2.announcement, pool2, e2, { salt: salt2 }));
  const bStratum = a2.manifest.strata.find((s) => s.label === "B")!.key;
  const firstB = d2.selections.find((s) => s.stratum === bStratum)!;
  const rep1 = unwrap(replaceSelections(d2, pool2, [{ id: firstB.id, reason: "已注销", decision: { by: "治安管理支队 分管负责人", date: "2023-07-03" } }], { salt: salt2 }));
  const chained2 = unwrap(replaceSelections(rep1, pool2, [{ id: rep1.replacements[0]!.id, reason: "无法联系", decision: { by: "治安管理支队 分管负责人", date: "2023-07-05" }, note: "经营场所已关闭" }], { salt: salt2 }));
  // Vector 2 as published before draw-v1 §7.2 chained the replacements (no decision, prev or head): still verifiable.
  const { replacementsHead: _head, ...unchained } = chained2;
  const r2 = { ...unchained, replacements: chained2.replacements.map(({ replaces, reason, id, stratum, counter, hash, index }) => ({ replaces, reason, id, stratum, counter, hash, index })) };

  // 3. Manifest digest across a chunk boundary: 65,539 ids E000000…E065538, unstratified.
  const salt3 = "chunk-salt-000000";
  const pool3 = Array.from({ length: 65_539 }, (_, k) => ({ id: `E${String(k).padStart(6, "0")}` }));
  const m3 = unwrap(buildManifest(pool3, { stratify: "none", salt: salt3 }));

  // 5–7. Strata as data (draw-v1 §4.2): by county, tier × county (one pool of 晋城 entities), and two attributes.
  const salt5 = "晋城-vector-salt-2024";
  const counties = ["140502", "140525", "140521", "140581", "140502", "140522", "140525", "140524"];
  const tiers5 = ["B", "C", "B", "A", "D", "B", "C"] as const;
  const pool5: DrawEntity[] = Array.from({ length: 24 }, (_, k) => ({
    id: `91140500MA${String(2000 + k * 41).padStart(6, "0")}Y`,
    ...(k % 11 === 10 ? {} : { tier: tiers5[k % tiers5.length] }),
    ...(k === 5 ? {} : { regionCode: counties[k % counties.length] }),
    ...(k === 9 ? { status: "revoked" as const } : {}),
  }));
  const byCounty = unwrap(buildManifest(pool5, { stratify: "region:county", salt: salt5 }));
  const sizes5 = Object.fromEntries(byCounty.strata.map((s) => [s.label, s.N >= 3 ? 2 : s.N]).sort(([a], [b]) => compareCodePoints(a as string, b as string)));
  const a5 = unwrap(announce({ taskId: "VEC-5", taskName: "食品经营许可后监督检查", pool: pool5, stratify: "region:county", salt: salt5, sizes: sizes5, entropySource: { kind: "dice", description: "vector 5", digits: 20 } }));
  const r5 = unwrap(draw(a5.announcement, pool5, unwrap(diceEntropy("27182818284590452353")), { salt: salt5 }));
  const byCell = unwrap(buildManifest(pool5, { stratify: "tier×region:county", salt: salt5 }));
  const sizes6 = Object.fromEntries(byCell.strata.map((s) => [s.label, s.label.startsWith('["D"') ? s.N : Math.min(1, s.N - 1)]).sort(([a], [b]) => compareCodePoints(a as string, b as string)));
  const a6 = unwrap(announce({ taskId: "VEC-6", pool: pool5, stratify: "tier×region:county", salt: salt5, sizes: sizes6, entropySource: { kind: "dice", description: "vector 6", digits: 20 } }));
  const r6 = unwrap(draw(a6.announcement, pool5, unwrap(diceEntropy("16180339887498948482")), { salt: salt5 }));
  const salt7 = "attribute-vector-salt-7";
  const pool7: DrawEntity[] = [
    { id: "A01", industry: " 餐饮服务", attributes: { 规模: 3 } },
    { id: "A02", industry: "餐饮服务\u3000", attributes: { 规模: 12.5 } },
    { id: "A03", attributes: { 行业: "餐饮服务", 规模: 3 } },
    { id: "A04", industry: "零售", attributes: { 规模: 1e21 } },
    { id: "A05", industry: "零售", attributes: { 规模: 0.30000000000000004 } },
    { id: "A06", industry: "零售", attributes: { 规模: true } },
    { id: "A07", industry: "", attributes: { 规模: "大" } },
    { id: "A08", attributes: { 规模: null } },
    { id: "A09", industry: "零售", attributes: { 规模: 1.5e-7 } },
    { id: "A10", industry: "餐饮服务", attributes: { 规模: 3 } },
  ];
  const byAttribute = unwrap(buildManifest(pool7, { stratify: "attribute:行业×attribute:规模", salt: salt7 }));
  const sizes7 = Object.fromEntries(byAttribute.strata.map((s) => [s.label, s.N > 1 ? 2 : 1]).sort(([a], [b]) => compareCodePoints(a as string, b as string)));
  const a7 = unwrap(announce({ taskId: "VEC-7", pool: pool7, stratify: "attribute:行业×attribute:规模", salt: salt7, sizes: sizes7, entropySource: { kind: "dice", description: "vector 7", digits: 20 } }));
  const r7 = unwrap(draw(a7.announcement, pool7, unwrap(diceEntropy("14142135623730950488")), { salt: salt7 }));
  const eligibleOf = (m: typeof byCounty) => Object.fromEntries(m.strata.flatMap((s) => s.ids.map((id) => [id, s.label])));

  return {
    about: "double-random draw-v1 test vectors (docs/spec/draw-v1.md §10). Pools list every entity after nothing was removed; 'eligible' maps each id left after the exclusions to its stratum label (confidential) for re-checkers.",
    unstratified: { salt: salt1, pool: pool1, eligible: Object.fromEntries(a1.manifest.strata.flatMap((s) => s.ids.map((id) => [id, s.label]))), record: r1 },
    stratified: { salt: salt2, pool: pool2, eligible: Object.fromEntries(a2.manifest.strata.flatMap((s) => s.ids.map((id) => [id, s.label]))), record: r2 },
    // 4. Vector 2's draw with the same two replacements as draw-v1 §7.2 logs them: decision, note, prev, replacementsHead.
    chained: { salt: salt2, record: chained2, heads: [{ length: 1, head: rep1.replacementsHead! }, { length: 2, head: chained2.replacementsHead! }] },
    region: { salt: salt5, pool: pool5, sizes: sizes5, entropy: "dice:27182818284590452353", eligible: eligibleOf(byCounty), record: r5 },
    tierRegion: { salt: salt5, pool: pool5, sizes: sizes6, entropy: "dice:16180339887498948482", eligible: eligibleOf(byCell), record: r6 },
    attributes: { salt: salt7, pool: pool7, sizes: sizes7, entropy: "dice:14142135623730950488", eligible: eligibleOf(byAttribute), record: r7 },
    chunked: { salt: salt3, ids: "E000000…E065538 (65,539 ids, E + 6 digits)", count: 65_539, stratumDigest: m3.strata[0]!.digest, manifestDigest: m3.digest },
  };
}
