import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { hexOf } from "../_internal/hex.js";

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
 * @example
 * ```ts
 * reduceHash(new Uint8Array([1, 0]), 255)
 * //=> 1
 * ```
 * @public
 */
export function reduceHash(hash: Uint8Array, total: number): number {
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
    return { counter, hash: hexOf(h), index: 1 + reduceHash(h, total) };
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
 * @example
 * ```ts
 * streamPick("0", 1, 1000).index
 * //=> 905
 * ```
 * @public
 */
export function streamPick(seed: string, counter: number, total: number): StreamPick {
  const hash = streamHash(seed, counter);
  return { counter, hash: hexOf(hash), index: 1 + reduceHash(hash, total) };
}
