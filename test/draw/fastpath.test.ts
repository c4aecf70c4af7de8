// The fast paths of the draw (issue 16) against the straightforward path, on random pools: ids as UTF-8 in one
// buffer sorted by a byte-wise radix sort, manifest lines spelled from digit tables, node:crypto beside
// @noble/hashes, the stream's midstate SHA-256, and the preparation shared between announce and draw. The
// reference here is the protocol as draw-v1 states it: sort with compareCodePoints, build the lines as strings,
// hash them with node:crypto.
import { createHash } from "node:crypto";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { createSha256, SHA256_BACKEND, sha256Bytes } from "../../src/_internal/sha256.js";
import { announce } from "../../src/draw/announce.js";
import { draw } from "../../src/draw/draw.js";
import { diceEntropy } from "../../src/draw/entropy.js";
import { buildManifest } from "../../src/draw/manifest.js";
import { compareCodePoints, encodeIds, slotOrder, sortCodePointsInPlace, withScratch } from "../../src/draw/order.js";
import type { DrawEntity } from "../../src/draw/pool.js";
import { rivestSample, streamOf, streamPick, stratumPicks } from "../../src/draw/stream.js";
import { stratumSeed } from "../../src/draw/seed.js";
import { verifyDraw } from "../../src/draw/verify.js";
import type { RiskTier } from "../../src/model/tier.js";
import { unwrap } from "../../src/result.js";

const SALT = "fast-path-salt-0123456789";
const hex = (text: string | Uint8Array) => createHash("sha256").update(text).digest("hex");

// ---- the straightforward path -------------------------------------------------------------------------------
function referenceStratumDigest(sorted: readonly string[], key: string, salt: string): string {
  const outer = createHash("sha256").update(`double-random/draw-v1 stratum\n${salt}\n`);
  for (let k = 0; k < sorted.length; k += 65_536) outer.update(createHash("sha256").update(sorted.slice(k, k + 65_536).map((id) => `${id}\t${key}\n`).join("")).digest());
  return outer.digest("hex");
}

function referenceManifest(pool: readonly DrawEntity[], stratify: "none" | "tier", salt: string) {
  const byLabel = new Map<string, string[]>();
  for (const e of pool) {
    if (e.status !== undefined && e.status !== "active") continue;
    const label = stratify === "none" ? "all" : (e.tier ?? "untiered");
    byLabel.set(label, [...(byLabel.get(label) ?? []), e.id]);
  }
  const strata = [...byLabel].map(([label, ids]) => {
    const key = stratify === "none" ? "all" : `S${hex(`double-random/draw-v1 stratum-key\n${salt}\n${label}`).slice(0, 12)}`;
    const sorted = [...ids].sort(compareCodePoints);
    return { key, label, N: sorted.length, digest: referenceStratumDigest(sorted, key, salt), ids: sorted };
  });
  strata.sort((a, b) => compareCodePoints(a.key, b.key));
  const digest = hex(`double-random/draw-v1 manifest\n${strata.map((s) => `${s.key}\t${s.N}\t${s.digest}\n`).join("")}`);
  return { digest, strata };
}

// ---- random pools ---------------------------------------------------------------------------------------------
const KINDS = ["uscc", "ascii", "unicode", "long", "prefix", "tied"] as const;
type Kind = (typeof KINDS)[number];
const UNITS = ["a", "Z", "0", "9", "-", "é", "中", "国", "企", "業", "\u{FF21}", "\u{E000}", "\u{FFFD}", "\u{10000}", "\u{1F600}", "\u{20BB7}"];

function randomId(kind: Kind, random: () => number, prefixes: readonly string[]): string {
  const int = (n: number) => Math.floor(random() * n);
  const ascii = () => String.fromCharCode(0x20 + int(95));
  switch (kind) {
    case "uscc":
      return `9141${String(int(1e6)).padStart(6, "0")}${String(int(1e8)).padStart(8, "0")}`;
    case "ascii":
      return Array.from({ length: 1 + int(12) }, ascii).join("");
    case "unicode":
      return Array.from({ length: 1 + int(8) }, () => UNITS[int(UNITS.length)] as string).join("");
    case "long":
      // Up to 80 varying positions: more than the radix sort's 12 passes, so runs that tie are compared bytewise.
      return Array.from({ length: 30 + int(50) }, ascii).join("");
    case "prefix":
      return `https://registry.example.gov.cn/entities/${"x".repeat(int(3))}${int(100000)}`;
    case "tied":
      // Wide alphabets at every position (so the 12 passes cover only 24 positions) and ten shared 30-character
      // prefixes: ids that tie on the sorted prefix, ordered by their bytes.
      return random() < 0.2 ? Array.from({ length: 40 }, ascii).join("") : `${prefixes[int(prefixes.length)]}${Array.from({ length: int(12) }, ascii).join("")}`;
  }
}

interface PoolSpec {
  readonly seed: number;
  readonly n: number;
  readonly kind: Kind;
  readonly tiers: readonly (RiskTier | undefined)[];
  readonly duplicate: boolean;
  readonly revoked: number;
}

function poolOf(spec: PoolSpec): DrawEntity[] {
  const random = seedrandom.alea(`fast-path/${spec.seed}`);
  const seen = new Set<string>();
  const pool: DrawEntity[] = [];
  const prefixes = Array.from({ length: 10 }, () => Array.from({ length: 30 }, () => String.fromCharCode(0x20 + Math.floor(random() * 95))).join(""));
  while (pool.length < spec.n) {
    const id = randomId(spec.kind, random, prefixes);
    if (seen.has(id)) continue;
    seen.add(id);
    const tier = spec.tiers[Math.floor(random() * spec.tiers.length)];
    const revoked = random() < spec.revoked;
    pool.push({ id, ...(tier ? { tier } : {}), ...(revoked ? { status: "revoked" as const } : {}) });
  }
  if (spec.duplicate && pool.length > 1) pool.push({ id: (pool[Math.floor(random() * pool.length)] as DrawEntity).id, tier: "A" });
  return pool;
}

const specs = (maxN: number): fc.Arbitrary<PoolSpec> =>
  fc.record({
    seed: fc.integer({ min: 0, max: 1e9 }),
    // Small pools take the comparison path; from 2,048 ids the radix sort.
    n: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 2048, max: maxN })),
    kind: fc.constantFrom(...KINDS),
    // Empty tiers: a pool drawn from a subset of the tiers, sometimes without any.
    tiers: fc.subarray(["A", "B", "C", "D", undefined] as (RiskTier | undefined)[], { minLength: 1 }),
    duplicate: fc.boolean(),
    revoked: fc.constantFrom(0, 0.05),
  });

describe("manifest fast path (UTF-8 buffer, byte radix sort, lines from digit tables)", () => {
  it("gives the straightforward manifest byte for byte, or the same duplicate (fast-check)", () => {
    fc.assert(
      fc.property(specs(6000), fc.constantFrom("none" as const, "tier" as const), (spec, stratify) => {
        const pool = poolOf(spec);
        const m = buildManifest(pool, { stratify, salt: SALT });
        const hasDuplicate = new Set(pool.map((e) => e.id)).size < pool.length;
        if (hasDuplicate) {
          expect(m.ok).toBe(false);
          if (!m.ok) expect(m.issues.map((i) => i.code)).toContain("duplicate_entity_id");
          return;
        }
        const expected = referenceManifest(pool, stratify, SALT);
        if (expected.strata.length === 0) {
          expect(m.ok).toBe(false);
          return;
        }
        expect(m.ok).toBe(true);
        if (!m.ok) return;
        expect(m.value.digest).toBe(expected.digest);
        expect(m.value.strata.map((s) => ({ key: s.key, label: s.label, N: s.N, digest: s.digest, ids: s.ids }))).toEqual(expected.strata);
      }),
      { numRuns: 40 },
    );
  });

  it("orders ids like compareCodePoints and finds equal ids, with and without slots (fast-check)", () => {
    fc.assert(
      fc.property(specs(5000), (spec) => {
        const ids = poolOf(spec).map((e) => e.id);
        const sorted = [...ids].sort(compareCodePoints);
        const duplicate = new Set(ids).size < ids.length;
        withScratch(() => {
          const encoded = encodeIds(ids);
          const plain = slotOrder(encoded, new Uint8Array(ids.length), 1);
          expect(plain.hasDuplicate).toBe(duplicate);
          expect(Array.from(plain.order, (k) => ids[k])).toEqual(sorted);
          expect(sortCodePointsInPlace([...ids])).toEqual(sorted);
          // 3 slots: each position carries its slot through the passes; 20: more than its 4 bits hold, slots read apart.
          for (const slotCount of [3, 20]) {
            const slotOf = (id: string) => (id.length + (id.codePointAt(0) ?? 0)) % slotCount;
            const bySlot = slotOrder(encoded, Uint8Array.from(ids, slotOf), slotCount);
            expect(bySlot.hasDuplicate).toBe(duplicate);
            for (let s = 0; s < slotCount; s++) {
              const got = Array.from(bySlot.order.subarray(bySlot.slotStart[s], bySlot.slotStart[s + 1]), (k) => ids[k] as string);
              expect(got).toEqual(sorted.filter((id) => slotOf(id) === s));
            }
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it("spells sorted ids of one length from the sort's digits: constant and varying bytes, multi-byte characters, strata over one chunk", () => {
    const random = seedrandom.alea("fast-path/spelled");
    const CJK = ["中", "国", "企", "業"];
    for (const [n, make] of [
      [140_000, () => `9141${String(Math.floor(random() * 1e6)).padStart(6, "0")}${String(Math.floor(random() * 1e8)).padStart(8, "0")}`],
      [70_000, () => `企${CJK[Math.floor(random() * 4)]}-${String(Math.floor(random() * 1e7)).padStart(7, "0")}${CJK[Math.floor(random() * 4)]}`],
      [3, () => "x".repeat(5) + String.fromCharCode(0x41 + Math.floor(random() * 3))],
    ] as const) {
      const seen = new Set<string>();
      const pool: DrawEntity[] = [];
      while (pool.length < n) {
        const id = make();
        if (seen.has(id)) continue;
        seen.add(id);
        pool.push({ id, tier: n === 3 ? "A" : random() < 0.5 ? "B" : "C" });
      }
      // (referenceManifest copies a list per entity: too slow here.)
      const all = pool.map((e) => e.id).sort(compareCodePoints);
      expect(unwrap(buildManifest(pool, { stratify: "none", salt: SALT })).strata[0]?.digest).toBe(referenceStratumDigest(all, "all", SALT));
      const tiered = unwrap(buildManifest(pool, { stratify: "tier", salt: SALT }));
      const tierOf = new Map(pool.map((e) => [e.id, e.tier]));
      for (const s of tiered.strata) {
        const ids = all.filter((id) => tierOf.get(id) === s.label);
        expect([s.label, s.N, s.digest]).toEqual([s.label, ids.length, referenceStratumDigest(ids, s.key, SALT)]);
      }
    }
  });

  it("reads the ids' UTF-8 like TextEncoder, ASCII and astral alike", () => {
    const ids = ["a", "中国", "\u{1F600}x", "", "\u{FF21}", "9141".repeat(10)];
    const e = encodeIds(ids);
    ids.forEach((id, k) => expect(Buffer.from(e.bytes.subarray(e.offsets[k], e.offsets[k + 1])).toString("utf8")).toBe(id));
    expect([e.minLength, e.maxLength]).toEqual([0, 40]);
  });
});

describe("announce → draw sharing one preparation", () => {
  const entropy = unwrap(diceEntropy("31415926535897932384"));
  const input = (pool: readonly DrawEntity[], sizes: Record<string, number> = { A: 3, B: 3, C: 3, D: 3 }) => ({
    taskId: "FAST", pool, stratify: "tier" as const, salt: SALT, sizes, entropySource: { kind: "dice" as const, description: "test" },
  });

  it("draws the same record from the shared preparation as from a fresh one, and verifyDraw accepts it (fast-check)", () => {
    fc.assert(
      fc.property(specs(4000), (spec) => {
        const pool = poolOf({ ...spec, duplicate: false, tiers: ["A", "B", "C", "D", undefined] });
        const a = announce(input(pool, { A: 3, B: 3, C: 3, D: 3, untiered: 3 }));
        if (!a.ok) return; // a tier too small for 3
        const shared = unwrap(draw(a.value.announcement, pool, entropy, { salt: SALT }));
        const fresh = unwrap(draw(a.value.announcement, [...pool], entropy, { salt: SALT }));
        expect(shared).toEqual(fresh);
        const reference = referenceManifest(pool, "tier", SALT);
        for (const s of shared.selections) expect(s.id).toBe(reference.strata.find((r) => r.key === s.stratum)?.ids[s.index - 1]);
        expect(verifyDraw(shared, pool, { salt: SALT }).ok).toBe(true);
        expect(verifyDraw(shared, [...pool].reverse(), { salt: SALT }).ok).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it("prepares again when an entity of the same pool array changed after announce", () => {
    const pool: { id: string; tier?: RiskTier; status?: "active" | "revoked" }[] = Array.from({ length: 5000 }, (_, k) => ({ id: `E${String(k).padStart(6, "0")}`, tier: (["A", "B", "C", "D"] as const)[k % 4] }));
    const a = unwrap(announce(input(pool))).announcement;
    expect(draw(a, pool, entropy, { salt: SALT }).ok).toBe(true);
    const e = pool[1234] as { id: string; tier?: RiskTier; status?: "active" | "revoked" };
    for (const [edit, code] of [
      [() => (e.id = "E999999"), "stratum_mismatch"],
      [() => (e.tier = "A"), "stratum_mismatch"],
      [() => (e.status = "revoked"), "exclusion_count_mismatch"],
    ] as const) {
      const saved = { ...e };
      edit();
      const r = draw(a, pool, entropy, { salt: SALT });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.code)).toContain(code);
      e.id = saved.id;
      e.tier = saved.tier;
      delete e.status;
      expect(draw(a, pool, entropy, { salt: SALT }).ok).toBe(true);
    }
  });

  it("hands out manifests whose ids the caller may change without touching the next draw", () => {
    const pool = Array.from({ length: 3000 }, (_, k) => ({ id: `E${k}`, tier: (["A", "B", "C", "D"] as const)[k % 4] }));
    const a = unwrap(announce(input(pool)));
    (a.manifest.strata[0]!.ids as string[]).reverse();
    const shared = unwrap(draw(a.announcement, pool, entropy, { salt: SALT }));
    expect(shared).toEqual(unwrap(draw(a.announcement, [...pool], entropy, { salt: SALT })));
  });

  it("builds a manifest's ids when they are first read, as a plain property of that stratum, frozen or not", () => {
    const pool = Array.from({ length: 500 }, (_, k) => ({ id: `E${(k * 7919) % 500}`, tier: (["A", "B", "C", "D"] as const)[k % 4] }));
    const m = unwrap(buildManifest(pool, { stratify: "tier", salt: SALT }));
    const want = (label: string) => pool.filter((e) => e.tier === label).map((e) => e.id).sort(compareCodePoints);
    // Every way of reading a manifest sees the ids: property, spread, JSON, structuredClone.
    expect(m.strata.map((s) => s.ids)).toEqual(m.strata.map((s) => want(s.label)));
    expect(JSON.parse(JSON.stringify(m)).strata[1].ids).toEqual(want(m.strata[1]!.label));
    expect(structuredClone(m).strata[2]!.ids).toEqual(want(m.strata[2]!.label));
    expect({ ...m.strata[3]! }.ids).toEqual(want(m.strata[3]!.label));
    expect(Object.getOwnPropertyDescriptor(m.strata[0]!, "ids")).toMatchObject({ writable: true, enumerable: true });
    // Read once, the same array; assignable like any property.
    expect(m.strata[0]!.ids).toBe(m.strata[0]!.ids);
    (m.strata[0] as { ids: readonly string[] }).ids = ["x"];
    expect(m.strata[0]!.ids).toEqual(["x"]);
    // Frozen before the first read: the ids are still there, the same array each time.
    const frozen = unwrap(buildManifest(pool, { stratify: "tier", salt: SALT }));
    Object.freeze(frozen.strata[1]);
    expect(frozen.strata[1]!.ids).toEqual(want(frozen.strata[1]!.label));
    expect(frozen.strata[1]!.ids).toBe(frozen.strata[1]!.ids);
  });
});

describe("SHA-256: node:crypto in Node, @noble/hashes elsewhere, same bytes", () => {
  it("uses node:crypto here", () => {
    expect(SHA256_BACKEND).toBe("node");
  });

  it("gives @noble/hashes' bytes for any input, at once or in pieces (fast-check)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 3000 }), (bytes, cut) => {
        const want = createSha256("noble").update(bytes).digest();
        expect(sha256Bytes(bytes)).toEqual(want);
        expect(sha256Bytes(bytes, "noble")).toEqual(want);
        const c = Math.min(cut, bytes.length);
        expect(Uint8Array.from(createSha256().update(bytes.subarray(0, c)).update(bytes.subarray(c)).digest())).toEqual(want);
        expect(Buffer.from(want).toString("hex")).toBe(hex(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("the draw's stream gives streamPick's counter, hash and index for any seed, counter and total (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 150 }),
        fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
        fc.oneof(fc.integer({ min: 1, max: 2 ** 21 }), fc.integer({ min: 2 ** 21, max: 2 ** 37 + 5 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
        (seed, counter, total) => {
          expect(streamOf(seed, total)(counter)).toEqual(streamPick(seed, counter, total));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("a stratum's picks (stratumPicks: indexes taken kept as bits, or as a Set when N is large beside n)", () => {
  it("gives rivestSample's picks without replacement in order, for either way of keeping them (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => s.length > 0),
        fc.oneof(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 300, max: 200_000 })),
        fc.integer({ min: 1, max: 60 }),
        (seed, N, wanted) => {
          // Bits when N ≤ 256·n (small N here), a Set beyond (N in the thousands against n ≤ 60).
          const n = Math.min(N - 1, wanted);
          const next = stratumPicks(seed, { key: "all", N, n }, undefined);
          const got = Array.from({ length: n }, () => next().index);
          expect(got).toEqual(unwrap(rivestSample({ seed: stratumSeed(seed, "all"), total: N, count: n })));
          expect(new Set(got).size).toBe(n);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("takes a stratum drawn whole in canonical order", () => {
    const next = stratumPicks("seed", { key: "K", N: 5, n: 5 }, (key, index) => `${key}${index}`);
    expect(Array.from({ length: 5 }, () => next())).toEqual([1, 2, 3, 4, 5].map((index) => ({ id: `K${index}`, stratum: "K", counter: null, hash: null, index })));
  });
});
