// Strata as data (draw-v1 §4.2): the grammar, the label of each kind, and region / tier × region draws end to end.
import { describe, expect, it } from "vitest";
import { announce } from "../../src/draw/announce.js";
import { draw } from "../../src/draw/draw.js";
import { diceEntropy } from "../../src/draw/entropy.js";
import { buildManifest } from "../../src/draw/manifest.js";
import type { DrawEntity } from "../../src/draw/pool.js";
import { replaceSelections } from "../../src/draw/replace.js";
import { arraySource, announceFromSource, drawFromSource, verifyDrawFromSource } from "../../src/draw/source.js";
import { stratifier, stratumLabel, UNASSIGNED } from "../../src/draw/strata.js";
import { verifyDraw } from "../../src/draw/verify.js";
import { verifyDrawManifest } from "../../src/draw/verifyManifest.js";
import { tierStratumKey } from "../../src/draw/digest.js";
import { jsonSchemas } from "../../src/model/json-schema.js";
import { Announcement, Stratification } from "../../src/model/record.js";
import { parseQuota } from "../../src/quota/index.js";
import { unwrap } from "../../src/result.js";
import { DICE, SALT } from "./_fixtures.js";

// 晋城市: 城区 140502, 沁水县 140521, 阳城县 140522, 陵川县 140524, 泽州县 140525, 高平市 140581.
const COUNTIES = ["140502", "140521", "140522", "140524", "140525", "140581"];
const TIERS = ["B", "C", "B", "A", "D", "B", "C"] as const;
function countyPool(n: number): DrawEntity[] {
  return Array.from({ length: n }, (_, k) => ({ id: `91140500MA${String(k + 1).padStart(6, "0")}X`, tier: TIERS[k % TIERS.length], regionCode: COUNTIES[(k * k) % COUNTIES.length] }));
}
const dice = unwrap(diceEntropy(DICE));
const source = { kind: "dice" as const, description: "2024-04-01 晋城市市场监管局公开掷骰" };

describe("the stratification grammar (draw-v1 §4.2)", () => {
  it("accepts none, the kinds and their products; refuses the rest with stratification_invalid", () => {
    const good = ["none", "tier", "region:province", "region:city", "region:county", "attribute:行业", "attribute:a:b", "tier×region:county", "region:county×tier", "tier×attribute:行业", "attribute:行业×attribute:规模"];
    const bad = ["", "None", "tiers", "tier×", "region", "region:town", "attribute:", "attribute: 行业", "attribute:a\u0001", "none×tier", "tier×tier", "region:city×region:county", "attribute:行业×attribute:行业", "tier*region:county", "tier x region:county"];
    for (const s of good) expect([s, stratifier(s).ok, Stratification.safeParse(s).success]).toEqual([s, true, true]);
    for (const s of bad) {
      const r = stratifier(s);
      expect([s, r.ok, Stratification.safeParse(s).success]).toEqual([s, false, false]);
      expect(!r.ok && r.issues[0]!.code).toBe("stratification_invalid");
    }
    // The JSON Schema a back end validates records with carries the grammar's shape as a pattern.
    const schema = (jsonSchemas().DrawRecord.$defs as Record<string, { pattern: string }>).Stratification!;
    const shape = new RegExp(schema.pattern, "u");
    for (const t of good) expect([t, shape.test(t)]).toEqual([t, true]);
    for (const t of ["", "None", "region:town", "attribute:", "none×tier", "tier*region:county", "attribute:a\u0001"]) expect([t, shape.test(t)]).toEqual([t, false]);
    const r = stratifier("tier×tier");
    expect(!r.ok && r.issues[0]!.message).toEqual({ zh: "分层方式“tier×tier”无效：“tier”重复出现", en: 'Invalid stratification "tier×tier": "tier" appears twice' });
  });

  it("labels regions by level, cut and padded to 6 digits; a missing code is unassigned", () => {
    const e = { id: "E", regionCode: "140525" };
    expect(["province", "city", "county"].map((l) => unwrap(stratifier(`region:${l}`)).labelOf(e))).toEqual(["140000", "140500", "140525"]);
    expect(unwrap(stratifier("region:county")).labelOf({ id: "E" })).toBe(UNASSIGNED);
    expect(unwrap(stratifier("region:county")).labelOf({ id: "E", regionCode: "" })).toBe(UNASSIGNED);
    expect(unwrap(stratifier("region:county")).problemOf({ id: "E", regionCode: "14052" })).toEqual({ field: "regionCode", value: "14052" });
  });

  it("labels attributes: field by name or column name, else attributes; text trimmed, numbers shortest, booleans", () => {
    const e: DrawEntity = { id: "E", industry: " 餐饮服务\u3000", kind: "individual", attributes: { 规模: 12.50, 连锁: true, 备注: "  ", 行业: "被字段覆盖", 大: 1e21, 小: 1.5e-7, 零: -0 } };
    const label = (s: string) => unwrap(stratifier(s)).labelOf(e);
    expect(["attribute:行业", "attribute:所属行业", "attribute:industry", "attribute:类型", "attribute:kind"].map(label)).toEqual(["餐饮服务", "餐饮服务", "餐饮服务", "individual", "individual"]);
    expect(["attribute:规模", "attribute:连锁", "attribute:备注", "attribute:无此列", "attribute:大", "attribute:小", "attribute:零"].map(label)).toEqual(["12.5", "true", UNASSIGNED, UNASSIGNED, "1000000000000000000000", "0.00000015", "0"]);
    // No field: the column kept under its header text is read.
    expect(unwrap(stratifier("attribute:行业")).labelOf({ id: "E", attributes: { 行业: "零售" } })).toBe("零售");
    expect(unwrap(stratifier("attribute:规模")).problemOf({ id: "E", attributes: { 规模: { x: 1 } as never } })).toEqual({ field: "规模", value: "object" });
  });

  it("labels a product as the canonical JSON of its part labels in written order", () => {
    const e = { id: "E", tier: "B" as const, regionCode: "140525", industry: "餐饮" };
    expect(unwrap(stratifier("tier×region:county")).labelOf(e)).toBe('["B","140525"]');
    expect(unwrap(stratifier("region:city×tier×attribute:行业")).labelOf(e)).toBe('["140500","B","餐饮"]');
    expect(stratumLabel(["B", "140525"])).toBe('["B","140525"]');
    expect(stratumLabel(["B"])).toBe("B");
    const s = unwrap(stratifier("tier×region:county"));
    expect([s.isLabel('["B","140525"]'), s.isLabel('["B", "140525"]'), s.isLabel('["E","140525"]'), s.isLabel('["B"]'), s.tierOf('["untiered","140525"]')]).toEqual([true, false, false, false, "untiered"]);
  });
});

describe("region and tier × region draws (in memory and from a source)", () => {
  const pool = countyPool(60);

  it("draws by county: keys are the salted keys of the 6-digit codes, records verify", () => {
    const a = unwrap(announce({ taskId: "JC-2024-01", pool, stratify: "region:county", salt: SALT, allocation: { base: unwrap(parseQuota("不低于10%")), minPerStratum: 2 }, entropySource: source }));
    expect(a.manifest.strata.map((s) => s.label).sort()).toEqual(["140502", "140521", "140524", "140525"]);
    for (const s of a.manifest.strata) expect(s.key).toBe(tierStratumKey(s.label, SALT));
    expect(a.announcement.stratification).toBe("region:county");
    expect(Announcement.safeParse(a.announcement).success).toBe(true);
    // ⌈60 × 10%⌉ = 6, at least 2 in each of the 4 counties present: 8.
    expect(a.announcement.strata.reduce((t, s) => t + s.n, 0)).toBe(8);
    const record = unwrap(draw(a.announcement, pool, dice, { salt: SALT }));
    expect(verifyDraw(record, [...pool].reverse(), { salt: SALT }).ok).toBe(true);
    expect(verifyDrawManifest(record, a.manifest, { salt: SALT }).ok).toBe(true);
    const moved = pool.map((e, k) => (k === 0 ? { ...e, regionCode: "140581" } : e));
    const v = verifyDraw(record, moved, { salt: SALT });
    expect(!v.ok && v.issues.map((i) => i.code)).toContain("manifest_digest_mismatch");
    const first = record.selections[0]!;
    const replaced = unwrap(replaceSelections(record, pool, [{ id: first.id, reason: "已注销", decision: { by: "科长", date: "2024-04-02" } }], { salt: SALT }));
    expect(replaced.replacements[0]!.stratum).toBe(first.stratum);
    expect(verifyDraw(replaced, pool, { salt: SALT }).ok).toBe(true);
  });

  it("draws tier × county with sizes keyed by stratumLabel, and the source path gives the same bytes", async () => {
    const sizes = { [stratumLabel(["B", "140502"])]: 2, [stratumLabel(["C", "140525"])]: 1 };
    const m = unwrap(buildManifest(pool, { stratify: "tier×region:county", salt: SALT }));
    const all = Object.fromEntries(m.strata.map((s) => [s.label, sizes[s.label] ?? 0]));
    const input = { taskId: "JC-2024-02", stratify: "tier×region:county", salt: SALT, sizes: all, entropySource: source };
    const a = unwrap(announce({ ...input, pool }));
    const record = unwrap(draw(a.announcement, pool, dice, { salt: SALT }));
    expect(record.selections.length).toBe(3);
    expect(verifyDraw(record, pool, { salt: SALT }).ok).toBe(true);
    const fromSource = unwrap(await announceFromSource({ ...input, source: arraySource(pool) }));
    expect(fromSource.announcement).toEqual(a.announcement);
    const drawn = unwrap(await drawFromSource(a.announcement, arraySource(pool), dice, { salt: SALT }));
    expect(drawn).toEqual(record);
    expect((await verifyDrawFromSource(record, arraySource(pool), { salt: SALT })).ok).toBe(true);
  });

  it("sizes tier × county by the tier policy and a minimum per stratum", () => {
    const a = announce({ taskId: "JC-2024-03", pool, stratify: "tier×region:county", salt: SALT, allocation: { policy: { rules: { A: { kind: "exempt" }, D: { kind: "all" } } }, base: unwrap(parseQuota("10%")), minPerStratum: 1 }, entropySource: source });
    expect(a.ok).toBe(true);
    const { announcement, manifest, allocation } = unwrap(a);
    expect(manifest.strata.some((s) => s.label.startsWith('["A"'))).toBe(false); // A exempt
    for (const s of manifest.strata) if (s.label.startsWith('["D"')) expect(announcement.strata.find((x) => x.key === s.key)!.n).toBe(s.N);
    expect(allocation!.rows.every((r) => r.n >= 1)).toBe(true);
  });

  it("puts entities without a region in the stratum unassigned, with a warning counting them", () => {
    const holes = pool.map((e, k) => (k % 10 === 0 ? { id: e.id, tier: e.tier } : e));
    const m = buildManifest(holes, { stratify: "region:county", salt: SALT });
    expect(m.ok && m.value.strata.find((s) => s.label === UNASSIGNED)?.N).toBe(6);
    expect(m.ok && m.warnings.map((w) => [w.code, w.params?.count])).toEqual([["stratum_unassigned", 6]]);
    expect(m.ok && m.warnings[0]!.message.zh).toBe("6户的“regionCode”为空，按“region:county”分层时归入“未填写”一层");
  });

  it("refuses a region code that is not 6 digits, and an invalid stratification", () => {
    const bad = buildManifest([{ id: "E1", regionCode: "1405" }], { stratify: "region:county", salt: SALT });
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.params?.field, i.row])).toEqual([["entity_field_invalid", "regionCode", 1]]);
    const wrong = buildManifest(pool, { stratify: "region:town", salt: SALT });
    expect(!wrong.ok && wrong.issues.map((i) => i.code)).toEqual(["stratification_invalid"]);
  });

  it("keeps tier and none exactly as before (a tier label is its plain string)", () => {
    const t = unwrap(buildManifest(pool, { stratify: "tier", salt: SALT }));
    expect(t.strata.map((s) => s.label).sort()).toEqual(["A", "B", "C", "D"]);
    expect(unwrap(buildManifest(pool, { stratify: "none", salt: SALT })).strata.map((s) => [s.key, s.label])).toEqual([["all", "all"]]);
  });

  it("refuses a record whose stratification was changed (altered announcement) or is not of the grammar", () => {
    const a = unwrap(announce({ taskId: "JC-2024-05", pool, stratify: "region:county", salt: SALT, sizes: { "140502": 1, "140521": 1, "140524": 1, "140525": 1 }, entropySource: source }));
    const record = unwrap(draw(a.announcement, pool, dice, { salt: SALT }));
    const swapped = { ...record, announcement: { ...record.announcement, stratification: "region:city" } };
    const v1 = verifyDraw(swapped, pool, { salt: SALT });
    expect(!v1.ok && v1.issues.map((i) => i.code)).toContain("announcement_altered");
    const invalid = { ...record, announcement: { ...record.announcement, stratification: "region:county×region:city" } };
    expect(verifyDraw(invalid, pool, { salt: SALT }).ok).toBe(false);
  });

  it("checks a manifest's labels against its stratification", () => {
    const a = unwrap(announce({ taskId: "JC-2024-04", pool, stratify: "region:city", salt: SALT, sizes: { "140500": 3 }, entropySource: source }));
    const record = unwrap(draw(a.announcement, pool, dice, { salt: SALT }));
    expect(verifyDrawManifest(record, a.manifest, { salt: SALT }).ok).toBe(true);
    const relabelled = { ...a.manifest, strata: a.manifest.strata.map((s) => ({ ...s, label: "140525" })) };
    const v = verifyDrawManifest(record, relabelled, { salt: SALT });
    expect(!v.ok && v.issues.map((i) => i.code)).toContain("manifest_invalid");
  });
});
