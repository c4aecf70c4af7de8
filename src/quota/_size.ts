import type { Quota } from "../model/quota.js";

/**
 * The size sampleSize gives, as a number only: the same exact integer arithmetic (ratio × pool rounded by its bound,
 * an exact ratio by `rounding`; a count's bound; the pool cap; at least one unless the ratio is an explicit 0%),
 * without the schema check and the explanation. For the lint rules, so that `double-random lint` loads neither zod
 * nor the sizing messages. `undefined` where sampleSize fails (segments, no ratio or count, conflicting bounds).
 * test/plan/rounds-to-zero.test.ts checks it against sampleSize.
 */
export function plainSize(q: Quota, pool: number, rounding: "up" | "halfUp", minimumOne: boolean): number | undefined {
  if (q.segments && q.segments.length > 0) return undefined;
  if (!Number.isInteger(pool) || pool < 0) return undefined;
  if (!q.ratio && !q.count) return undefined;
  if (pool === 0) return 0;
  const N = BigInt(pool);
  let size: bigint;
  if (q.ratio) {
    const num = BigInt(q.ratio.numerator) * N;
    const den = BigInt(q.ratio.denominator);
    const mode = q.ratio.bound === "atLeast" ? "up" : q.ratio.bound === "atMost" ? "down" : rounding;
    size = mode === "up" ? (num + den - 1n) / den : mode === "down" ? num / den : (2n * num + den) / (2n * den);
    if (q.count) {
      const c = BigInt(q.count.value);
      if (q.count.bound === "atLeast" && c > size) size = c;
      else if (q.count.bound === "atMost" && c < size) {
        if (q.ratio.bound === "atLeast") return undefined;
        size = c;
      }
    }
  } else size = BigInt((q.count as NonNullable<Quota["count"]>).value);
  if (size > N) size = N;
  const explicitZero = q.ratio?.numerator === 0 && !q.count;
  if (size === 0n && minimumOne && !explicitZero) size = 1n;
  return Number(size);
}
