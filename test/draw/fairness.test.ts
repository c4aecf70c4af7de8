// Proof of fairness (draw-v1 §9). Two steps: (1) the reduction H mod N of a uniform 256-bit H is within
// N/2^256 of uniform; (2) given uniform residues, rejection sampling yields every ordered k-tuple of distinct
// indexes with the same probability — shown by exact enumeration of the residue space, on the real code.
// Then chi-square tests with fixed seeds (α = 1e-6) on the real SHA-256 stream.
import { describe, expect, it } from "vitest";
import { rejectionSample, rivestSample, streamHash } from "../../src/draw/stream.js";
import { unwrap } from "../../src/result.js";
import { chiSquareInclusion, chiSquareTail, chiSquareUniform } from "./_stats.js";

const ALPHA = 1e-6;

/** Runs the real rejection sampler on a finite residue sequence; null when it runs out before k picks. */
function sampleFrom(residues: readonly number[], k: number): number[] | null {
  let out: number[] | null = null;
  try {
    out = rejectionSample((counter) => {
      const r = residues[counter - 1];
      if (r === undefined) throw new RangeError("exhausted");
      return { index: r + 1 };
    }, k, new Set()).map((p) => p.index);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  return out;
}

function* sequences(N: number, L: number): Generator<number[]> {
  const s = new Array<number>(L).fill(0);
  for (;;) {
    yield s;
    let j = L - 1;
    while (j >= 0 && s[j] === N - 1) s[j--] = 0;
    if (j < 0) return;
    s[j]! += 1;
  }
}

describe("fairness: exact enumeration over the residue space", () => {
  for (const [N, k, L] of [[5, 3, 6], [6, 2, 5], [4, 4, 7], [7, 3, 5]] as const) {
    it(`N=${N}, k=${k}: every ordered tuple, every subset and every entity equally likely (all ${N}^${L} sequences)`, () => {
      const ordered = new Map<string, number>();
      const subsets = new Map<string, number>();
      const inclusion = new Array<number>(N).fill(0);
      let finished = 0;
      for (const seq of sequences(N, L)) {
        const picks = sampleFrom(seq, k);
        if (!picks) continue;
        finished++;
        ordered.set(picks.join(","), (ordered.get(picks.join(",")) ?? 0) + 1);
        const sub = [...picks].sort((a, b) => a - b).join(",");
        subsets.set(sub, (subsets.get(sub) ?? 0) + 1);
        for (const p of picks) inclusion[p - 1]! += 1;
      }
      let tuples = 1;
      let choose = 1;
      for (let j = 0; j < k; j++) {
        tuples *= N - j;
        choose = (choose * (N - j)) / (j + 1);
      }
      expect(ordered.size).toBe(tuples);
      expect(new Set(ordered.values()).size).toBe(1);
      expect(subsets.size).toBe(choose);
      expect(new Set(subsets.values()).size).toBe(1);
      // Inclusion probability exactly k/N: each entity is in k/N of the finished runs' picks.
      for (const c of inclusion) expect(c * N).toBe(finished * k);
    });
  }

  it("the enumeration would catch a biased sampler (a sampler that prefers low indexes)", () => {
    const biased = (seq: readonly number[], k: number) => sampleFrom(seq.map((r) => (r === 4 ? 0 : r)), k);
    const counts = new Map<string, number>();
    for (const seq of sequences(5, 5)) {
      const p = biased(seq, 2);
      if (p) counts.set(p.join(","), (counts.get(p.join(",")) ?? 0) + 1);
    }
    expect(new Set(counts.values()).size).toBeGreaterThan(1);
  });

  it("H mod N of a uniform 256-bit H: every residue has probability within 2^-256 of 1/N (bias < N/2^256)", () => {
    const two256 = 1n << 256n;
    for (const N of [2n, 3n, 876n, 1_000_000n, 9_007_199_254_740_991n]) {
      const q = two256 / N;
      const m = two256 % N;
      // m residues occur q+1 times, N−m occur q times, out of 2^256.
      expect((q + 1n) * m + q * (N - m)).toBe(two256);
      // |P(r) − 1/N| ≤ 1/2^256  ⇔  |count·N − 2^256| ≤ N.
      for (const count of [q, q + 1n]) {
        const diff = count * N - two256;
        expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(N);
      }
      // Total variation distance = m(N−m)/(N·2^256) < N/2^256.
      expect(m * (N - m) < N * N).toBe(true);
    }
  });
});

describe("fairness: chi-square on the real SHA-256 stream, fixed seeds, α = 1e-6", () => {
  it("the chi-square tail is right on textbook values", () => {
    expect(chiSquareTail(3.841458820694124, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareTail(18.307038053275146, 10)).toBeCloseTo(0.05, 6);
    expect(chiSquareTail(30.14352720564616, 19)).toBeCloseTo(0.05, 6);
  });

  it("inclusion counts (with the fixed-size correction) are uniform: N=20, k=5, 20,000 draws", () => {
    const N = 20;
    const k = 5;
    const R = 20_000;
    const counts = new Array<number>(N).fill(0);
    for (let t = 0; t < R; t++) for (const p of unwrap(rivestSample({ seed: `inclusion-${t}`, total: N, count: k }))) counts[p - 1]! += 1;
    const x2 = chiSquareInclusion(counts, R, k);
    expect(chiSquareTail(x2, N - 1)).toBeGreaterThan(ALPHA);
  });

  it("all 20 3-subsets of a 6-entity pool are equally likely: 20,000 draws", () => {
    const R = 20_000;
    const counts = new Map<string, number>();
    for (let t = 0; t < R; t++) {
      const s = unwrap(rivestSample({ seed: `subsets-${t}`, total: 6, count: 3 })).sort((a, b) => a - b).join(",");
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect(counts.size).toBe(20);
    expect(chiSquareTail(chiSquareUniform([...counts.values()]), 19)).toBeGreaterThan(ALPHA);
  });

  it("strata are independent: ${seed}/S1 and ${seed}/S2 picks, 4×5 contingency table, 20,000 seeds", () => {
    const R = 20_000;
    const table = Array.from({ length: 4 }, () => new Array<number>(5).fill(0));
    for (let t = 0; t < R; t++) {
      const a = unwrap(rivestSample({ seed: `indep-${t}/S1`, total: 4, count: 1 }))[0]!;
      const b = unwrap(rivestSample({ seed: `indep-${t}/S2`, total: 5, count: 1 }))[0]!;
      table[a - 1]![b - 1]! += 1;
    }
    const rows = table.map((r) => r.reduce((x, y) => x + y, 0));
    const cols = [0, 1, 2, 3, 4].map((j) => table.reduce((s, r) => s + r[j]!, 0));
    let x2 = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 5; j++) {
      const e = (rows[i]! * cols[j]!) / R;
      x2 += (table[i]![j]! - e) ** 2 / e;
    }
    expect(chiSquareTail(x2, 12)).toBeGreaterThan(ALPHA);
  });

  it("the same inclusion test rejects modulo bias of a short hash (first byte mod N, as a naive port might do)", () => {
    // 256 = 12·20 + 16: indexes 1–16 come out with probability 13/256, 17–20 with 12/256.
    const N = 20;
    const k = 5;
    const R = 20_000;
    const counts = new Array<number>(N).fill(0);
    for (let t = 0; t < R; t++) {
      const picks = rejectionSample((counter) => ({ index: 1 + (streamHash(`biased-${t}`, counter)[0]! % N) }), k, new Set());
      for (const p of picks) counts[p.index - 1]! += 1;
    }
    expect(chiSquareTail(chiSquareInclusion(counts, R, k), N - 1)).toBeLessThan(ALPHA);
  });
});
