// The pool-source contract on the in-memory array (arraySource), the incremental stratum digest, and what the
// library checks of any source (code point order, sizes, failures).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stratumDigest } from "../../src/draw/digest.js";
import { sortCodePointsInPlace } from "../../src/draw/order.js";
import { StratumHasher } from "../../src/draw/source.js";
import {
  announce, announceFromSource, arraySource, buildManifestFromSource, diceEntropy, draw, drawFromSource, type OpenPool, type PoolSource, unwrap,
} from "../../src/index.js";
import { conformance } from "../sources/_conformance.js";
import { baseInput, DICE, SALT, tieredPool } from "./_fixtures.js";

describe("arraySource conforms to the pool-source contract", () => {
  conformance(async (_name, pool) => arraySource(pool));
});

describe("StratumHasher", () => {
  it("gives stratumDigest's value for any split of the ids into batches (across chunk boundaries too)", () => {
    const ids = Array.from({ length: 140_000 }, (_, k) => `9141${String(k).padStart(8, "0")}`);
    for (const cuts of [[1], [65_535], [65_536, 1], [10_000], [140_000]]) {
      const h = new StratumHasher("Sabc", "salt-salt-salt-salt");
      let at = 0;
      let k = 0;
      while (at < ids.length) {
        const size = cuts[k++ % cuts.length] as number;
        h.add(ids.slice(at, at + size));
        at += size;
      }
      expect(h.digest()).toBe(stratumDigest(ids, "Sabc", "salt-salt-salt-salt"));
    }
  });
  it("matches on random ids and batch sizes (property)", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6, unit: "grapheme" }), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (raw, size) => {
      const ids = sortCodePointsInPlace([...raw], true);
      const h = new StratumHasher("all", "0123456789abcdef");
      for (let k = 0; k < ids.length; k += size) h.add(ids.slice(k, k + size));
      return h.digest() === stratumDigest(ids, "all", "0123456789abcdef");
    }), { seed: 14, numRuns: 200 });
  });
});

describe("…FromSource gives the in-memory functions' records", () => {
  it("announcement and record are byte-identical for a tiered pool of 2,000 (property over dice)", async () => {
    const pool = tieredPool(2000);
    const a = unwrap(announce(baseInput(pool)));
    const b = unwrap(await announceFromSource({ ...baseInput(pool), source: arraySource([...pool].reverse()) }));
    expect(JSON.stringify(b.announcement)).toBe(JSON.stringify(a.announcement));
    expect(b.manifest.strata.map((s) => [s.key, s.label, s.N, s.digest])).toEqual(a.manifest.strata.map((s) => [s.key, s.label, s.N, s.digest]));
    await fc.assert(fc.asyncProperty(fc.stringMatching(/^[0-9]{20}$/), async (dice) => {
      const e = unwrap(diceEntropy(dice));
      const x = unwrap(draw(a.announcement, pool, e, { salt: SALT }));
      const y = unwrap(await drawFromSource(a.announcement, arraySource(pool), e, { salt: SALT }));
      return JSON.stringify(x) === JSON.stringify(y);
    }), { seed: 7, numRuns: 10 });
  });
});

/** A source that yields what it is given, for checking what the library checks of any source. */
function rawSource(ids: readonly string[], N = ids.length, fail?: string): PoolSource {
  return {
    open: () => fail === "open" ? Promise.reject(new Error("connection refused")) : Promise.resolve({
      counts: { inactive: 0, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 0 },
      strata: [{ label: "all", N }],
      issues: [],
      async *ids() {
        if (fail === "read") throw new Error("read failed");
        yield ids;
      },
      idsAt: (_l, idx) => Promise.resolve(new Map(idx.map((i) => [i, ids[i - 1] as string]))),
      close: () => Promise.resolve(),
    } satisfies OpenPool),
  };
}

describe("what the library checks of any source", () => {
  const options = { stratify: "none" as const, salt: "0123456789abcdef" };
  it("accepts ids in code point order (astral after fullwidth), refuses UTF-16 order and repeats", async () => {
    expect((await buildManifestFromSource(rawSource(["E01", "Ｅ09", "😀08"]), options)).ok).toBe(true);
    const utf16 = await buildManifestFromSource(rawSource(["E01", "😀08", "Ｅ09"]), options);
    expect(!utf16.ok && utf16.issues.map((i) => i.code)).toEqual(["source_order_invalid"]);
    const repeated = await buildManifestFromSource(rawSource(["E01", "E01"]), options);
    expect(!repeated.ok && repeated.issues.map((i) => i.code)).toEqual(["source_order_invalid"]);
  });
  it("refuses invalid ids, a size that differs from the count, and reports a failing source as a value", async () => {
    const bad = await buildManifestFromSource(rawSource(["E\u0001", "E2"]), options);
    expect(!bad.ok && bad.issues.map((i) => i.code)).toEqual(["entity_id_invalid"]);
    const size = await buildManifestFromSource(rawSource(["E1", "E2"], 3), options);
    expect(!size.ok && size.issues.map((i) => i.code)).toEqual(["source_size_mismatch"]);
    for (const where of ["open", "read"]) {
      const r = await buildManifestFromSource(rawSource(["E1"], 1, where), options);
      expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["source_failed"]);
    }
  });
  it("passes the array's own pool issues through (duplicate ids naming both rows)", async () => {
    const r = await drawFromSource(unwrap(announce(baseInput(tieredPool(20)))).announcement, arraySource([...tieredPool(20), { id: "E0003" }]), unwrap(diceEntropy(DICE)), { salt: SALT });
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["duplicate_entity_id"]);
  });
});
