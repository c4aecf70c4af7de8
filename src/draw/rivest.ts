import { DoubleRandomError, fail, type Issue, ok, type Result } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { loneSurrogateAt } from "./order.js";
import { type StreamPick, streamOf } from "./stream.js";

/**
 * Options of {@link rivestSample}.
 * @public
 */
export interface RivestSampleOptions {
  /** Any Unicode string (astral characters included); a lone surrogate is refused. */
  readonly seed: string;
  /** Population size N ≥ 1 (a safe integer). */
  readonly total: number;
  /** How many picks. Without replacement at most `total`. */
  readonly count: number;
  /** Keep repeats (true) or reject them and move the counter on (false, the default). */
  readonly replacement?: boolean;
}

/**
 * Sampling without replacement by rejection over any index source: `next(i)` gives the 1-based index of
 * counter i; a repeat is rejected and the counter moves on. `taken` is updated. The fairness tests feed it
 * every residue sequence instead of SHA-256.
 * @internal
 */
export function rejectionSample<T extends { readonly index: number }>(next: (counter: number) => T, count: number, taken: Set<number>, startCounter = 1): T[] {
  const out: T[] = [];
  let counter = startCounter;
  while (out.length < count) {
    const pick = next(counter);
    counter++;
    if (taken.has(pick.index)) continue;
    taken.add(pick.index);
    out.push(pick);
  }
  return out;
}

/**
 * Draws in the SHA-256 stream without replacement: picks in draw order, skipping repeats; the counter always
 * advances. `taken` holds 1-based indexes already drawn and is updated.
 * @internal
 */
export function drawWithoutReplacement(seed: string, total: number, count: number, taken: Set<number>, startCounter = 1): StreamPick[] {
  return rejectionSample(streamOf(seed, total), count, taken, startCounter);
}

/**
 * Checks a seed: not empty, no lone surrogate (TextEncoder would silently turn it into U+FFFD).
 * @internal
 */
export function seedIssues(seed: unknown, path = "seed"): Issue[] {
  if (typeof seed !== "string") return [issue("invalid_type", { path, expected: "string", received: typeof seed })];
  if (seed.length === 0) return [issue("seed_empty", {}, { path: [path] })];
  const at = loneSurrogateAt(seed);
  return at >= 0 ? [issue("seed_lone_surrogate", { path, position: at }, { path: [path] })] : [];
}

/**
 * Rivest's sampler (sampler.py, also ColoradoRLA and Stark's SHA-256 PRNG): H_i = SHA-256(UTF-8(seed + "," + i)),
 * i = 1, 2, …, read as a big-endian integer; pick = 1 + (H_i mod total). Without replacement a repeat is
 * rejected and the counter still advances. Exact integer arithmetic throughout.
 *
 * @returns the 1-based picks in draw order; issues `seed_empty`, `seed_lone_surrogate`, `invalid_type`, `invalid_argument`
 * (total or count not a safe integer in range), `sample_too_large` (count > total without replacement).
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `options` is not an object (a wrong call).
 * @example
 * ```ts
 * rivestSample({ seed: "0", total: 1000, count: 3, replacement: true })
 * //=> { ok: true, value: [905, 573, 160], warnings: [] }
 * ```
 * @public
 */
export function rivestSample(options: RivestSampleOptions): Result<number[]> {
  if (typeof options !== "object" || options === null) throw new DoubleRandomError("invalid_argument", "rivestSample expects { seed, total, count, replacement? }");
  const { seed, total, count, replacement = false } = options;
  const issues = seedIssues(seed);
  if (!Number.isSafeInteger(total) || total < 1) issues.push(issue("invalid_argument", { detail: `total must be a safe integer ≥ 1, got ${shownValue(total)}` }));
  if (!Number.isSafeInteger(count) || count < 0) issues.push(issue("invalid_argument", { detail: `count must be a safe integer ≥ 0, got ${shownValue(count)}` }));
  if (issues.length > 0) return fail(issues);
  if (!replacement && count > total) return fail([issue("sample_too_large", { stratum: "-", count, total })]);
  if (replacement) {
    const out: number[] = [];
    const next = streamOf(seed, total);
    for (let i = 1; i <= count; i++) out.push(next(i).index);
    return ok(out);
  }
  return ok(drawWithoutReplacement(seed, total, count, new Set()).map((p) => p.index));
}
