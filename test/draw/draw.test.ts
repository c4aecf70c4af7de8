import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { announce } from "../../src/draw/announce.js";
import { draw } from "../../src/draw/draw.js";
import { beaconEntropy, diceEntropy } from "../../src/draw/entropy.js";
import { stratumSeed } from "../../src/draw/seed.js";
import { rivestSample } from "../../src/draw/stream.js";
import { verifyDraw } from "../../src/draw/verify.js";
import { DrawRecord } from "../../src/model/record.js";
import { unwrap } from "../../src/result.js";
import { baseInput, DICE, drawn, SALT, tieredPool } from "./_fixtures.js";

describe("draw", () => {
  it("draws each stratum from its own Rivest stream over the code-point-ordered ids", () => {
    const pool = tieredPool(70);
    const { manifest, record } = drawn(pool);
    expect(record.selections).toHaveLength(8);
    for (const s of record.strata) {
      const m = manifest.strata.find((x) => x.key === s.key)!;
      const picks = unwrap(rivestSample({ seed: `${record.seed}/${s.key}`, total: s.N, count: s.n }));
      expect(record.selections.filter((x) => x.stratum === s.key).map((x) => x.id)).toEqual(picks.map((i) => m.ids[i - 1]));
      expect(s.seed).toBe(stratumSeed(record.seed, s.key));
    }
    expect(DrawRecord.safeParse(record).success).toBe(true);
  });

  it("an unstratified draw is exactly sampler.py with the derived seed", () => {
    const pool = tieredPool(30);
    const { record, manifest } = drawn(pool, { stratify: "none", sizes: 5 });
    const picks = unwrap(rivestSample({ seed: record.seed, total: 30, count: 5 }));
    expect(record.strata.map((s) => [s.key, s.seed])).toEqual([["all", record.seed]]);
    expect(record.selections.map((s) => s.id)).toEqual(picks.map((i) => manifest.strata[0]!.ids[i - 1]));
  });

  it("takes a whole stratum when n = N (100%) without consulting the stream", () => {
    const pool = tieredPool(14);
    const { record } = drawn(pool, { sizes: { A: 0, B: 1, C: 1, D: 2 } });
    const d = record.strata.find((s) => s.N === 2 && s.n === 2)!;
    const sel = record.selections.filter((x) => x.stratum === d.key);
    expect(sel.map((x) => [x.counter, x.hash, x.index])).toEqual([[null, null, 1], [null, null, 2]]);
    expect(verifyDraw(record, pool, { salt: SALT }).ok).toBe(true);
  });

  it("holds no entity's tier: stratum keys are opaque and no tier field appears", () => {
    const { record } = drawn(tieredPool(70));
    const text = JSON.stringify(record);
    expect(text).not.toMatch(/"tier":/);
    expect(text).not.toMatch(/:"[ABCD]"/);
    expect(text).not.toMatch(/untiered/);
    for (const s of record.strata) expect(s.key).toMatch(/^S[0-9a-f]{12}$/);
    // Another salt gives other keys, so keys cannot be mapped back to tiers across tasks.
    const other = drawn(tieredPool(70), { salt: "另一个盐值-0123456789abcdef" }).record;
    expect(other.strata.map((s) => s.key)).not.toEqual(record.strata.map((s) => s.key));
  });

  it("does not mutate its inputs", () => {
    const pool = tieredPool(40);
    const frozen = structuredClone(pool);
    const { announcement } = unwrap(announce(baseInput(pool)));
    const snapshot = structuredClone(announcement);
    draw(announcement, pool, unwrap(diceEntropy(DICE)), { salt: SALT });
    expect(pool).toEqual(frozen);
    expect(announcement).toEqual(snapshot);
  });

  it("refuses entropy of another kind or another beacon round", () => {
    const pool = tieredPool(40);
    const { announcement } = unwrap(announce(baseInput(pool, { entropySource: { kind: "beacon", description: "drand", round: 100 } })));
    const wrongKind = draw(announcement, pool, unwrap(diceEntropy(DICE)), { salt: SALT });
    expect(!wrongKind.ok && wrongKind.issues[0]?.code).toBe("entropy_source_mismatch");
    const wrongRound = draw(announcement, pool, unwrap(beaconEntropy({ round: 101, value: "ab".repeat(32) })), { salt: SALT });
    expect(!wrongRound.ok && wrongRound.issues[0]?.code).toBe("entropy_source_mismatch");
    expect(draw(announcement, pool, unwrap(beaconEntropy({ round: 100, value: "ab".repeat(32) })), { salt: SALT }).ok).toBe(true);
  });

  it("refuses a pool that no longer matches the announcement, and an altered announcement", () => {
    const pool = tieredPool(40);
    const { announcement } = unwrap(announce(baseInput(pool)));
    const e = unwrap(diceEntropy(DICE));
    const added = draw(announcement, [...pool, { id: "E9999", tier: "B" }], e, { salt: SALT });
    expect(!added.ok && added.issues.map((i) => i.code)).toContain("manifest_digest_mismatch");
    const wrongSalt = draw(announcement, pool, e, { salt: "wrong-salt-0123456789" });
    expect(!wrongSalt.ok && wrongSalt.issues.map((i) => i.code)).toContain("manifest_digest_mismatch");
    const altered = { ...announcement, strata: announcement.strata.map((s, k) => (k === 0 ? { ...s, n: s.n + 1 } : s)) };
    const r = draw(altered, pool, e, { salt: SALT });
    expect(!r.ok && r.issues[0]?.code).toBe("announcement_altered");
    const v2 = draw({ ...announcement, protocol: "double-random/draw-v2" } as never, pool, e, { salt: SALT });
    expect(!v2.ok && v2.issues[0]?.code).toBe("protocol_unsupported");
  });

  it("the seed binds the task: the same entropy gives unrelated draws for two tasks", () => {
    const pool = tieredPool(70);
    const a = drawn(pool, { taskId: "T-1" }).record;
    const b = drawn(pool, { taskId: "T-2" }).record;
    expect(a.seed).not.toBe(b.seed);
  });

  it("permuting the pool changes nothing (fast-check)", () => {
    const pool = tieredPool(60);
    const { record } = drawn(pool);
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), (shuffled) => {
        expect(drawn(shuffled).record).toEqual(record);
        expect(verifyDraw(record, shuffled, { salt: SALT }).ok).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("sizes are honoured and there are no duplicates (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 120 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.stringMatching(/^[0-9]{20}$/), (n, f, dice) => {
        const pool = tieredPool(n);
        const counts = { A: 0, B: 0, C: 0, D: 0 } as Record<string, number>;
        for (const e of pool) counts[e.tier!]! += 1;
        const sizes = Object.fromEntries(Object.entries(counts).map(([t, N]) => [t, Math.floor(N * f)]));
        const { record } = drawn(pool, { sizes }, dice);
        const ids = record.selections.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const s of record.strata) expect(record.selections.filter((x) => x.stratum === s.key)).toHaveLength(s.n);
        expect(ids.length).toBe(Object.values(sizes).reduce((a, b) => a + b, 0));
      }),
      { numRuns: 40 },
    );
  });
});

describe("an announcement that is not one", () => {
  it("announcement_invalid carries the schema problem in each language (no English inside the Chinese)", async () => {
    const { checkAnnouncement } = await import("../../src/draw/_checks.js");
    const r = checkAnnouncement({ protocol: "double-random/draw-v1", taskId: 5 }, "announcement");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const i = r.issues.find((x) => x.code === "announcement_invalid");
    expect(i).toBeDefined();
    expect(i!.message.zh.startsWith("抽取公告无效：")).toBe(true);
    expect(i!.message.zh).not.toMatch(/expected|received|wrong type/i);
    expect(i!.message.en.startsWith("Invalid announcement: ")).toBe(true);
  });
});
