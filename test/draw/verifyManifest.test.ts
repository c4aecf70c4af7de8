import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stratumDigest, manifestDigest } from "../../src/draw/digest.js";
import { buildManifest } from "../../src/draw/manifest.js";
import type { DrawEntity } from "../../src/draw/pool.js";
import type { Manifest } from "../../src/draw/prepare.js";
import type { DrawOptions } from "../../src/draw/_checks.js";
import { verifyDrawManifest } from "../../src/draw/verifyManifest.js";
import type { DrawRecord } from "../../src/model/record.js";
import { unwrap } from "../../src/result.js";
import { announce } from "../../src/draw/announce.js";
import { draw } from "../../src/draw/draw.js";
import { diceEntropy } from "../../src/draw/entropy.js";
import { baseInput, drawn, SALT, tieredPool } from "./_fixtures.js";
import vectors from "./draw-v1-vectors.json" with { type: "json" };

const pool = tieredPool(70);
const { record, manifest } = drawn(pool);
/** A manifest as read from its JSON file: plain, mutable data. */
interface ManifestFile {
  stratification: string;
  chunkLines: number;
  digest: string;
  strata: { key: string; label: string; N: number; digest: string; ids: string[] }[];
}
// As an auditor gets it: a JSON file.
const file = (): ManifestFile => JSON.parse(JSON.stringify(manifest));
// The manifest comes from a JSON file: the tests pass plain (and broken) data as it is.
const check = (r: DrawRecord, m: unknown, options: unknown) => verifyDrawManifest(r, m as Manifest, options as DrawOptions);
const codes = (r: ReturnType<typeof verifyDrawManifest>) => (r.ok ? [] : r.issues.map((i) => i.code));
const errorCodes = (r: ReturnType<typeof verifyDrawManifest>) => (r.ok ? [] : r.issues.filter((i) => i.severity === "error").map((i) => i.code));

/** Recomputes a manifest's digests from its ids, as someone holding the salt could after editing it. */
function redigest(m: ManifestFile, salt = SALT) {
  for (const s of m.strata) {
    s.N = s.ids.length;
    s.digest = stratumDigest(s.ids, s.key, salt);
  }
  m.digest = manifestDigest(m.strata);
  return m;
}

describe("verifyDrawManifest", () => {
  it("accepts a genuine record against its manifest file, and says the exclusion counts were not re-checked", () => {
    const r = check(record, file(), { salt: SALT });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(record);
    expect(r.warnings.map((w) => [w.code, w.severity])).toEqual([["exclusions_not_checked", "info"]]);
  });

  it("re-checks the stratified vector (exclusions, a whole stratum, two chained replacements) and names its counts", () => {
    const v = vectors.stratified as unknown as { salt: string; pool: DrawEntity[]; record: DrawRecord };
    const rules = v.record.announcement.exclusions.rules;
    const m = unwrap(buildManifest(v.pool, { stratify: "tier", salt: v.salt, exclusions: { recentInspection: rules.recentInspection! } }));
    const r = check(v.record, JSON.parse(JSON.stringify(m)), { salt: v.salt });
    expect(r.ok).toBe(true);
    const info = r.ok ? r.warnings.find((w) => w.code === "exclusions_not_checked") : undefined;
    expect(info?.params).toEqual({ inactive: 1, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 1 });
    expect(info?.message.zh).toContain("未复核");
    // A replacement whose id was changed.
    const tampered = structuredClone(v.record);
    tampered.replacements[1] = { ...tampered.replacements[1]!, id: "91410800MA001000X" };
    expect(codes(check(tampered, m, { salt: v.salt }))).toContain("replacement_mismatch");
  });

  it("re-checks the unstratified vector with astral ids (code point order)", () => {
    const v = vectors.unstratified as unknown as { salt: string; pool: DrawEntity[]; record: DrawRecord };
    const m = unwrap(buildManifest(v.pool, { stratify: "none", salt: v.salt }));
    expect(check(v.record, JSON.parse(JSON.stringify(m)), { salt: v.salt }).ok).toBe(true);
  });

  it("names a tampered pick: stratum, position, expected and found", () => {
    const r = structuredClone(record);
    const first = r.selections[0]!;
    const other = manifest.strata.find((s) => s.key === first.stratum)!.ids.find((id) => !r.selections.some((s) => s.id === id))!;
    r.selections[0] = { ...first, id: other };
    const v = check(r, file(), { salt: SALT });
    expect(v.ok).toBe(false);
    const mismatch = v.ok ? undefined : v.issues.find((i) => i.code === "selection_mismatch");
    expect(mismatch?.params).toMatchObject({ stratum: first.stratum, position: 1, field: "id", expected: first.id, found: other });
    // What a manifest cannot check is said on failure too.
    expect(codes(v)).toContain("exclusions_not_checked");
  });

  it("reports a manifest whose ids were edited: its digest does not recompute, and it is not the announced one", () => {
    const m = file();
    const s = m.strata[1]!;
    s.ids[0] = `${s.ids[0]}0`; // still in order, still unique
    const c = codes(check(record, m, { salt: SALT }));
    expect(c).toContain("manifest_inconsistent");
    expect(c).toContain("stratum_mismatch");
    expect(c).toContain("manifest_digest_mismatch");
  });

  it("still catches edited ids when whoever edited them recomputed the digests (the announcement commits to them)", () => {
    const m = file();
    const s = m.strata[0]!;
    s.ids.push("E9999");
    const c = codes(check(record, redigest(m), { salt: SALT }));
    expect(c).not.toContain("manifest_inconsistent");
    expect(c).toContain("stratum_mismatch");
    expect(c).toContain("manifest_digest_mismatch");
  });

  it("refuses ids out of code point order, and duplicate ids within and across strata", () => {
    const unordered = file();
    const ids = unordered.strata[0]!.ids;
    [ids[0], ids[1]] = [ids[1]!, ids[0]!];
    const v = check(record, redigest(unordered), { salt: SALT });
    expect(errorCodes(v)).toEqual(["manifest_order_invalid"]);
    expect(v.ok ? undefined : v.issues[0]!.params).toMatchObject({ previous: ids[0], found: ids[1] });

    const duplicate = file();
    duplicate.strata[2]!.ids.splice(1, 0, duplicate.strata[2]!.ids[0]!);
    expect(errorCodes(check(record, redigest(duplicate), { salt: SALT }))).toEqual(["manifest_duplicate_id"]);

    const across = file();
    const moved = across.strata[0]!.ids[0]!;
    across.strata[1]!.ids.push(moved);
    across.strata[1]!.ids.sort();
    const a = check(record, redigest(across), { salt: SALT });
    expect(errorCodes(a)).toEqual(["manifest_duplicate_id"]);
    expect(a.ok ? undefined : a.issues[0]!.params?.id).toBe(moved);
  });

  it("the astral order is code point order, not JavaScript's default sort", () => {
    const v = vectors.unstratified as unknown as { salt: string; pool: DrawEntity[]; record: DrawRecord };
    const m = JSON.parse(JSON.stringify(unwrap(buildManifest(v.pool, { stratify: "none", salt: v.salt })))) as ManifestFile;
    m.strata[0]!.ids.sort(); // UTF-16 order puts 😀08 before Ｅ09
    expect(codes(check(v.record, m, { salt: v.salt }))).toContain("manifest_order_invalid");
  });

  it("says the salt is wrong (or the manifest altered) once, when no stratum recomputes", () => {
    const v = check(record, file(), { salt: "not-the-salt-0123456789" });
    const c = codes(v);
    expect(c.filter((x) => x === "manifest_salt_mismatch")).toHaveLength(1);
    expect(c).not.toContain("manifest_inconsistent");
    expect(codes(check(record, file(), { salt: "" }))).toContain("salt_empty");
  });

  it("checks the rest of the manifest's shape: chunkLines, N, strata order, tier keys", () => {
    const cases: Array<[string, (m: ManifestFile) => void, string]> = [
      ["chunkLines", (m) => void (m.chunkLines = 1000), "manifest_invalid"],
      ["N", (m) => void (m.strata[0]!.N += 1), "manifest_inconsistent"],
      ["manifest digest", (m) => void (m.digest = "0".repeat(64)), "manifest_inconsistent"],
      ["strata order", (m) => void m.strata.reverse(), "manifest_order_invalid"],
      ["label", (m) => void (m.strata[0]!.label = m.strata[0]!.label === "A" ? "B" : "A"), "manifest_inconsistent"],
      ["unknown label", (m) => void (m.strata[0]!.label = "E"), "manifest_invalid"],
      ["stratification", (m) => void (m.stratification = "none"), "manifest_invalid"],
      ["id type", (m) => void ((m.strata[0]!.ids as unknown[])[0] = 7), "manifest_invalid"],
      ["control character", (m) => void (m.strata[0]!.ids[0] = `${m.strata[0]!.ids[0]}\n`), "manifest_invalid"],
      ["no strata", (m) => void (m.strata = []), "manifest_invalid"],
      ["an array", (m) => void Object.assign(m, { strata: "all" }), "manifest_invalid"],
    ];
    for (const [name, edit, code] of cases) {
      const m = file();
      edit(m);
      expect(codes(check(record, m, { salt: SALT })), name).toContain(code);
    }
    expect(codes(check(record, [], { salt: SALT }))).toContain("manifest_invalid");
  });

  it("does every record check that needs no pool: seed, entropy, announced sizes, exclusion counts, order", () => {
    const cases: Array<[string, (r: DrawRecord) => void, string]> = [
      ["seed", (r) => void (r.seed = "0".repeat(64)), "seed_mismatch"],
      ["entropy", (r) => void (r.entropy = { kind: "dice", value: "dice:11111111111111111111" }), "seed_mismatch"],
      ["announced size", (r) => void (r.announcement.strata[0]!.n += 1), "announcement_altered"],
      ["record digest", (r) => void (r.manifestDigest = "f".repeat(64)), "manifest_digest_mismatch"],
      ["exclusions", (r) => void (r.exclusions.inactive = 3), "exclusion_count_mismatch"],
      ["dropped pick", (r) => void r.selections.pop(), "selection_count_mismatch"],
      ["stratum seed", (r) => void (r.strata[1]!.seed = "x"), "stratum_mismatch"],
      ["strata interleaved", (r) => void r.selections.reverse(), "selection_mismatch"],
    ];
    for (const [name, tamper, code] of cases) {
      const r = structuredClone(record);
      tamper(r);
      expect(codes(check(r, file(), { salt: SALT })), name).toContain(code);
    }
  });

  it("with the earlier-batch ids: checks their commitment, and that none of them is left in the manifest", () => {
    const first = record.selections.map((s) => s.id);
    const options = { salt: SALT, drawnEarlier: first };
    const a = unwrap(announce(baseInput(pool, { exclusions: { drawnEarlier: first } })));
    const second = { manifest: a.manifest, record: unwrap(draw(a.announcement, pool, unwrap(diceEntropy("27182818284590452353")), options)) };
    expect(check(second.record, JSON.parse(JSON.stringify(second.manifest)), options).ok).toBe(true);
    expect(codes(check(second.record, JSON.parse(JSON.stringify(second.manifest)), { salt: SALT, drawnEarlier: first.slice(1) }))).toContain("drawn_earlier_mismatch");
    // A manifest that quietly kept the earlier batch in.
    const kept = unwrap(buildManifest(pool, { stratify: "tier", salt: SALT }));
    const c = codes(check(second.record, kept, options));
    expect(c.filter((x) => x === "drawn_earlier_in_manifest")).toHaveLength(first.length);
  });

  it("handles a manifest across the 65,536-line chunk boundary", () => {
    const big = Array.from({ length: 65_539 }, (_, k) => ({ id: `E${String(k).padStart(6, "0")}` }));
    const salt = vectors.chunked.salt;
    const m = unwrap(buildManifest(big, { stratify: "none", salt }));
    expect(m.digest).toBe(vectors.chunked.manifestDigest);
    const r = drawn(big, { stratify: "none", salt, sizes: 5 });
    expect(check(r.record, JSON.parse(JSON.stringify(m)), { salt }).ok).toBe(true);
  });

  it("never throws on garbage record, manifest or options (fast-check)", () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true });
    fc.assert(
      fc.property(anything, anything, anything, (x, y, z) => {
        for (const r of [
          check(x as DrawRecord, manifest, { salt: SALT }),
          check(record, y, { salt: SALT }),
          check(record, manifest, z),
          check(record, manifest, { salt: z }),
          check(record, manifest, { salt: SALT, drawnEarlier: z }),
          check(record, { ...file(), strata: y }, { salt: SALT }),
          check(record, { ...file(), strata: [{ ...file().strata[0], ids: y }] }, { salt: SALT }),
        ]) {
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("any change to one field of a genuine manifest fails, and nothing throws (fast-check)", () => {
    const original = file();
    const fields = ["stratification", "chunkLines", "manifestDigest", "key", "label", "N", "digest", "ids", "id"] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.nat(original.strata.length - 1), fc.nat(), fc.anything({ withNullPrototype: true, withBigInt: true }), (field, k, j, value) => {
        const m = file() as unknown as Record<string, unknown> & { strata: Record<string, unknown>[] };
        const s = m.strata[k]!;
        if (field === "stratification" || field === "chunkLines") m[field] = value;
        else if (field === "manifestDigest") m.digest = value;
        else if (field === "id") (s.ids as unknown[])[j % (s.ids as unknown[]).length] = value;
        else s[field] = value;
        const r = check(record, m, { salt: SALT });
        expect(r.ok).toBe(isDeepStrictEqual(m, original));
      }),
      { numRuns: 300 },
    );
  });
});
