// The stream (draw-v1 §3) and the picks drawn from it (§7): Rivest's SHA-256 sampler — H_i, its exact reduction, the
// fast per-seed evaluator, rejection sampling without replacement and the public `rivestSample` — and, on top of
// it, each stratum's stream: the selections of a draw (§7.1) and the next pick for a replacement (§7.2).
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { hexOf } from "../_internal/hex.js";
import type { Announcement, Replacement, Selection } from "../model/record.js";
import { throwWrongCall } from "../_internal/argument.js";
import { DoubleRandomError, fail, type Issue, ok, type Result } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { loneSurrogateAt } from "./order.js";
import { stratumSeed } from "./seed.js";

// §3: the stream of one seed.

/**
 * H_i = SHA-256(UTF-8(seed + "," + i)): the i-th value (i ≥ 1) of Rivest's sampler stream, as bytes.
 * @example
 * ```ts
 * Array.from(streamHash("0", 1).slice(0, 4))
 * //=> [131, 185, 123, 133]
 * ```
 * @public
 */
export function streamHash(seed: string, counter: number): Uint8Array {
  return sha256(utf8ToBytes(`${seed},${counter}`));
}

// Below 2^44, r * 256 + byte stays below 2^53, so the reduction is exact in doubles.
const EXACT_NUMBER_LIMIT = 2 ** 44;

/**
 * H mod total, reading H as a big-endian unsigned integer. Exact for every safe-integer total: a byte-wise
 * reduction in doubles below 2^44, BigInt above. No floating-point rounding ever happens.
 * @throws {@link DoubleRandomError} (code invalid_argument, a wrong call) when `hash` is not bytes or `total` is not a safe integer ≥ 1.
 * @example
 * ```ts
 * reduceHash(new Uint8Array([1, 0]), 255)
 * //=> 1
 * ```
 * @public
 */
export function reduceHash(hash: Uint8Array, total: number): number {
  if (!(hash instanceof Uint8Array) || !Number.isSafeInteger(total) || total < 1) throwWrongCall("reduceHash", { zh: "应为 (字节数组, 不小于1的安全整数)", en: "expects (a Uint8Array, a safe integer ≥ 1)" });
  return reduce(hash, total);
}

// H mod total without the argument checks: the draw's hot path.
function reduce(hash: Uint8Array, total: number): number {
  if (total < EXACT_NUMBER_LIMIT) {
    let r = 0;
    for (let k = 0; k < hash.length; k++) r = (r * 256 + (hash[k] as number)) % total;
    return r;
  }
  return Number(BigInt(`0x${bytesToHex(hash)}`) % BigInt(total));
}

/**
 * A fast evaluator of one seed's stream for the draw: the SHA-256 state after the UTF-8 bytes of `seed + ","`
 * is computed once and cloned per counter, so each pick hashes only the counter's digits and the padding. Same
 * bytes as {@link streamPick}; the seed
 * must be well formed.
 * @internal
 */
export function streamOf(seed: string, total: number): (counter: number) => StreamPick {
  const prefix = sha256.create().update(utf8ToBytes(`${seed},`));
  const scratch = sha256.create();
  const digits = new Uint8Array(16);
  return (counter) => {
    let n = counter;
    let at = digits.length;
    do {
      digits[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    const h = prefix._cloneInto(scratch).update(digits.subarray(at)).digest();
    return { counter, hash: hexOf(h), index: 1 + reduce(h, total) };
  };
}

/**
 * One pick of the stream: the counter i it came from, H_i in hex, and the 1-based index 1 + (H_i mod total).
 * @public
 */
export interface StreamPick {
  readonly counter: number;
  readonly hash: string;
  readonly index: number;
}

/**
 * The i-th pick of the stream for a population of `total`.
 * @throws {@link DoubleRandomError} (code invalid_argument, a wrong call) when `seed` is not a string, `counter` not a safe integer ≥ 1 or `total` not a safe integer ≥ 1.
 * @example
 * ```ts
 * streamPick("0", 1, 1000).index
 * //=> 905
 * ```
 * @public
 */
export function streamPick(seed: string, counter: number, total: number): StreamPick {
  if (typeof seed !== "string" || !Number.isSafeInteger(counter) || counter < 1 || !Number.isSafeInteger(total) || total < 1) {
    throwWrongCall("streamPick", { zh: "应为 (种子字符串, 不小于1的计数, 不小于1的总数)", en: "expects (a seed string, a counter ≥ 1, a total ≥ 1)" });
  }
  const hash = streamHash(seed, counter);
  return { counter, hash: hexOf(hash), index: 1 + reduce(hash, total) };
}

// §3: sampling from the stream, without replacement by rejection.

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

// §7: each stratum's stream, for the draw (§7.1) and its replacements (§7.2).

/**
 * The id at a 1-based canonical index of a stratum (by key), or undefined when unknown. From a manifest in memory
 * ({@link lookupOf}) or from the ids a pool source returned (src/draw/source.ts).
 * @internal
 */
export type IdLookup = (key: string, index: number) => string | undefined;

/** The lookup of a manifest's ids, or undefined without a manifest. @internal */
export function lookupOf(manifest: { readonly strata: readonly { readonly key: string; readonly ids: readonly string[] }[] } | undefined): IdLookup | undefined {
  if (!manifest) return undefined;
  const byKey = new Map(manifest.strata.map((m) => [m.key, m.ids]));
  return (key, index) => byKey.get(key)?.[index - 1];
}

/** How many selections a stratum of an announcement gives: n, or all N when it is taken whole. @internal */
export function picksOf(s: { readonly N: number; readonly n: number }): number {
  return s.n === s.N ? s.N : s.n;
}

/**
 * The selections of one stratum in draw order, one per call (at most {@link picksOf} calls): the indexes 1…N in
 * canonical order when it is taken whole, else its stream without repeats.
 * @internal
 */
export function stratumPicks(seed: string, s: { readonly key: string; readonly N: number; readonly n: number }, lookup: IdLookup | undefined): () => Selection {
  const idAt = (index: number) => lookup?.(s.key, index) ?? "?";
  if (s.n === s.N) {
    let index = 0;
    return () => {
      index++;
      return { id: idAt(index), stratum: s.key, counter: null, hash: null, index };
    };
  }
  const next = streamOf(stratumSeed(seed, s.key), s.N);
  const taken = takenSet(s.N, s.n);
  let counter = 1;
  return () => {
    for (;;) {
      const p = next(counter++);
      if (!taken(p.index)) return { id: idAt(p.index), stratum: s.key, counter: p.counter, hash: p.hash, index: p.index };
    }
  };
}

/**
 * The indexes taken so far in a stratum of N where n are drawn: `take(i)` tells whether i was taken already and takes
 * it. One bit per index when that is smaller than a Set of the picks (N/8 bytes: 312 KB for 2.5 million, where a Set
 * of 125,000 picks spreads over several MB and misses the cache on most look-ups); a Set when N is large beside n
 * (or is not a size this process could hold, as a tampered announcement may claim).
 */
function takenSet(N: number, n: number): (index: number) => boolean {
  if (N <= 2 ** 31 && N <= 256 * n) {
    const bits = new Uint8Array(Math.ceil(N / 8));
    return (index) => {
      const byte = (index - 1) >>> 3;
      const bit = 1 << ((index - 1) & 7);
      if (((bits[byte] as number) & bit) !== 0) return true;
      bits[byte] = (bits[byte] as number) | bit;
      return false;
    };
  }
  const seen = new Set<number>();
  return (index) => {
    if (seen.has(index)) return true;
    seen.add(index);
    return false;
  };
}

/** The selections of every stratum in draw order, from the seed, the announced sizes and the ids (by lookup). @internal */
export function selectAll(seed: string, announcement: Announcement, lookup: IdLookup | undefined): Selection[] {
  const out: Selection[] = [];
  for (const s of announcement.strata) {
    const next = stratumPicks(seed, s, lookup);
    for (let k = picksOf(s); k > 0; k--) out.push(next());
  }
  return out;
}

/** Whether the selections come stratum by stratum as announced (each stratum's {@link picksOf} in a row). @internal */
export function inAnnouncedOrder(announcement: Announcement, selections: readonly { readonly stratum: string }[]): boolean {
  let k = 0;
  for (const s of announcement.strata) {
    for (let j = picksOf(s); j > 0; j--, k++) if (selections[k]?.stratum !== s.key) return false;
  }
  return true;
}

/** Stream state of one stratum for replacements. @internal */
export interface StratumState {
  readonly key: string;
  readonly N: number;
  readonly idAt: (index: number) => string | undefined;
  readonly taken: Set<number>;
  nextCounter: number;
}

/** States of every stratum after the given selections and replacements. @internal */
export function streamStates(announcement: Announcement, lookup: IdLookup | undefined, picks: readonly (Selection | Replacement)[]): Map<string, StratumState> {
  const states = new Map<string, StratumState>();
  for (const s of announcement.strata) {
    states.set(s.key, { key: s.key, N: s.N, idAt: (index) => lookup?.(s.key, index), taken: new Set(), nextCounter: 1 });
  }
  for (const p of picks) {
    const st = states.get(p.stratum);
    if (!st) continue;
    st.taken.add(p.index);
    if (p.counter !== null && p.counter >= st.nextCounter) st.nextCounter = p.counter + 1;
  }
  return states;
}

/** The next pick of a stratum's stream, or null when it is exhausted. Updates the state. @internal */
export function nextPick(seed: string, st: StratumState): Omit<Replacement, "replaces" | "reason"> | null {
  if (st.taken.size >= st.N) return null;
  const next = streamOf(stratumSeed(seed, st.key), st.N);
  for (;;) {
    const p = next(st.nextCounter);
    st.nextCounter++;
    if (st.taken.has(p.index)) continue;
    st.taken.add(p.index);
    return { id: st.idAt(p.index) ?? "?", stratum: st.key, counter: p.counter, hash: p.hash, index: p.index };
  }
}
