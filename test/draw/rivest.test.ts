import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reduceHash, rivestSample, streamHash } from "../../src/draw/stream.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { createHash } from "node:crypto";

interface Vector { seed: string; total: number; count: number; expected: number[] }
const vectors = JSON.parse(readFileSync(new URL("../fixtures/vectors/rivest-sampler.json", import.meta.url), "utf8")) as { withReplacement: Vector[]; withoutReplacement: Vector[] };

describe("rivestSample", () => {
  it.each(vectors.withReplacement)("reproduces sampler.py with replacement: seed $seed, total $total", (v) => {
    expect(rivestSample({ seed: v.seed, total: v.total, count: v.count, replacement: true })).toEqual({ ok: true, value: v.expected, warnings: [] });
  });
  it.each(vectors.withoutReplacement)("reproduces sampler.py without replacement: seed $seed", (v) => {
    const r = rivestSample({ seed: v.seed, total: v.total, count: v.count });
    expect(r.ok && r.value).toEqual(v.expected);
  });

  it("hashes astral seeds as UTF-8 (same bytes as Node's crypto)", () => {
    const seed = "𠀀😀种子\u{E000}";
    const h = createHash("sha256").update(Buffer.from(`${seed},1`, "utf8")).digest("hex");
    expect(bytesToHex(streamHash(seed, 1))).toBe(h);
    const big = BigInt(`0x${h}`);
    const r = rivestSample({ seed, total: 97, count: 1, replacement: true });
    expect(r.ok && r.value).toEqual([Number(big % 97n) + 1]);
  });

  it("refuses a lone surrogate instead of replacing it with U+FFFD", () => {
    const r = rivestSample({ seed: "ab\uD800c", total: 10, count: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]?.code).toBe("seed_lone_surrogate");
    expect(!r.ok && r.issues[0]?.params?.position).toBe(2);
    expect(rivestSample({ seed: "\uDC00", total: 10, count: 1 }).ok).toBe(false);
  });

  it("reports bad arguments as issues", () => {
    const codes = (o: Parameters<typeof rivestSample>[0]) => {
      const r = rivestSample(o);
      return r.ok ? [] : r.issues.map((i) => i.code);
    };
    expect(codes({ seed: "", total: 10, count: 1 })).toEqual(["seed_empty"]);
    expect(codes({ seed: "x", total: 0, count: 1 })).toEqual(["invalid_argument"]);
    expect(codes({ seed: "x", total: 2.5, count: 1 })).toEqual(["invalid_argument"]);
    expect(codes({ seed: "x", total: 3, count: 4 })).toEqual(["sample_too_large"]);
    expect(codes({ seed: "x", total: 3, count: 4, replacement: true })).toEqual([]);
  });

  it("reduceHash is exact: equals BigInt H mod N for any N (fast-check)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (h, n) => {
        expect(reduceHash(h, n)).toBe(Number(BigInt(`0x${bytesToHex(h)}`) % BigInt(n)));
      }),
      { numRuns: 2000 },
    );
  });

  it("without replacement: no duplicates, exact count, all in 1..N, deterministic (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: "grapheme" }), fc.integer({ min: 1, max: 60 }), fc.nat(60), (seed, total, c) => {
        const count = Math.min(c, total);
        const r = rivestSample({ seed, total, count });
        if (!r.ok) throw new Error("unexpected failure");
        expect(new Set(r.value).size).toBe(count);
        expect(r.value.every((x) => x >= 1 && x <= total)).toBe(true);
        expect(rivestSample({ seed, total, count })).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });
});

describe("streamOf (the draw's fast path)", () => {
  it("gives exactly streamPick's values for any seed and counter (fast-check)", async () => {
    const { streamOf, streamPick } = await import("../../src/draw/stream.js");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 90 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 2 ** 40 }), (seed, counter, total) => {
        const fast = streamOf(seed, total);
        expect(fast(counter)).toEqual(streamPick(seed, counter, total));
        expect(fast(1)).toEqual(streamPick(seed, 1, total));
      }),
      { numRuns: 500 },
    );
  });
});
