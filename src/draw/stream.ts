import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { prefixedSha256 } from "../_internal/sha256.js";

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

const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

// H mod total from the 8 big-endian words of H: 32 bits at a time while r · 2^32 stays below 2^53 (total ≤ 2^21),
// else 16 bits (total ≤ 2^37), else byte by byte (reduceHash). Exact in every case.
function reduceWords(words: Int32Array, hash: () => Uint8Array, total: number): number {
  let r = 0;
  if (total <= 2 ** 21) {
    for (let k = 0; k < 8; k++) r = (r * 0x100000000 + ((words[k] as number) >>> 0)) % total;
    return r;
  }
  if (total <= 2 ** 37) {
    for (let k = 0; k < 8; k++) {
      const x = (words[k] as number) >>> 0;
      r = (r * 0x10000 + (x >>> 16)) % total;
      r = (r * 0x10000 + (x & 0xffff)) % total;
    }
    return r;
  }
  return reduceHash(hash(), total);
}

/**
 * A fast evaluator of one seed's stream for the draw: the SHA-256 state after the whole 64-byte blocks of
 * UTF-8(`seed + ","`) is computed once, so each pick compresses one or two blocks (the rest of the prefix, the
 * counter's digits, the padding) and allocates only its hex string. Same bytes as {@link streamPick}; the seed
 * must be well formed.
 * @internal
 */
export function streamOf(seed: string, total: number): (counter: number) => StreamPick {
  const hashOf = prefixedSha256(utf8ToBytes(`${seed},`));
  const digits = new Uint8Array(16);
  const words = new Int32Array(8);
  const bytes = () => {
    const out = new Uint8Array(32);
    for (let k = 0; k < 8; k++) {
      const x = words[k] as number;
      out[4 * k] = x >>> 24;
      out[4 * k + 1] = x >>> 16;
      out[4 * k + 2] = x >>> 8;
      out[4 * k + 3] = x;
    }
    return out;
  };
  return (counter) => {
    let n = counter;
    let at = digits.length;
    do {
      digits[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    hashOf(digits.subarray(at), digits.length - at, words);
    let hex = "";
    for (let k = 0; k < 8; k++) {
      const x = words[k] as number;
      hex += (HEX[x >>> 24] as string) + (HEX[(x >>> 16) & 0xff] as string) + (HEX[(x >>> 8) & 0xff] as string) + (HEX[x & 0xff] as string);
    }
    return { counter, hash: hex, index: 1 + reduceWords(words, bytes, total) };
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
  return { counter, hash: bytesToHex(hash), index: 1 + reduceHash(hash, total) };
}
