// SHA-256 for the draw: Node's own (OpenSSL, SHA-NI where the CPU has it; ~8× faster on a manifest) when the
// library runs in Node, @noble/hashes everywhere else. Same bytes (test/draw/sha256.test.ts). `node:crypto` is
// reached through `process.getBuiltinModule` (Node ≥ 20.16; engines says ≥ 20.19), never imported: a bundler for
// the browser sees no Node module and the script-tag bundles stay free of it.
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";

/** An incremental SHA-256. @internal */
export interface Sha256 {
  update(data: Uint8Array): Sha256;
  digest(): Uint8Array;
}

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(): Uint8Array;
}
type CreateHash = (algorithm: "sha256") => NodeHash;

// Captured once: other people's pages may replace globals later.
const nodeCreateHash: CreateHash | undefined = /* @__PURE__ */ (() => {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const crypto = typeof proc?.getBuiltinModule === "function" ? (proc.getBuiltinModule("node:crypto") as { createHash?: CreateHash } | undefined) : undefined;
    const create = crypto?.createHash;
    if (typeof create !== "function") return undefined;
    // Refuse an environment whose node:crypto gives other bytes (it never should): SHA-256("abc").
    const probe = create("sha256").update(new Uint8Array([97, 98, 99])).digest();
    return probe[0] === 0xba && probe[31] === 0xad ? create : undefined;
  } catch {
    return undefined;
  }
})();

/** Which implementation {@link createSha256} uses here: `node` (node:crypto) or `noble` (@noble/hashes). @internal */
export const SHA256_BACKEND: "node" | "noble" = nodeCreateHash ? "node" : "noble";

/** A new incremental SHA-256 (`noble` forces @noble/hashes, for the tests that compare the two). @internal */
export function createSha256(backend: "auto" | "noble" = "auto"): Sha256 {
  if (nodeCreateHash && backend === "auto") {
    const h = nodeCreateHash("sha256");
    const wrapper: Sha256 = {
      update(data) {
        h.update(data);
        return wrapper;
      },
      digest() {
        const d = h.digest();
        return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
      },
    };
    return wrapper;
  }
  const h = nobleSha256.create();
  const wrapper: Sha256 = {
    update(data) {
      h.update(data);
      return wrapper;
    },
    digest: () => h.digest(),
  };
  return wrapper;
}

/** SHA-256 of some bytes. @internal */
export function sha256Bytes(data: Uint8Array, backend: "auto" | "noble" = "auto"): Uint8Array {
  // Below a few hundred bytes the native call costs more than it saves.
  if (!nodeCreateHash || backend === "noble" || data.length < 512) return nobleSha256(data);
  const d = nodeCreateHash("sha256").update(data).digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

const K = /* @__PURE__ */ Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV: readonly number[] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

// One SHA-256 compression of the 64-byte block at `block[at…]` into `state`; `w` is scratch of 64 words.
function compress(state: Int32Array, block: Uint8Array, at: number, w: Int32Array): void {
  for (let t = 0; t < 16; t++) {
    const i = at + 4 * t;
    w[t] = ((block[i] as number) << 24) | ((block[i + 1] as number) << 16) | ((block[i + 2] as number) << 8) | (block[i + 3] as number);
  }
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15] as number;
    const y = w[t - 2] as number;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[t] as number) + (w[t] as number)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}

/**
 * SHA-256 of `prefix ‖ suffix` for one fixed prefix and many short suffixes (≤ 64 bytes), as 8 big-endian words:
 * the state after the prefix's whole blocks is computed once, so each call compresses one or two blocks and
 * allocates nothing. Rivest's stream hashes `seed,` then the counter's digits this way (draw-v1 §6).
 * @internal
 */
export function prefixedSha256(prefix: Uint8Array): (suffix: Uint8Array, length: number, out: Int32Array) => void {
  const whole = prefix.length - (prefix.length % 64);
  const mid = Int32Array.from(IV);
  const w = new Int32Array(64);
  for (let at = 0; at < whole; at += 64) compress(mid, prefix, at, w);
  const tail = prefix.length - whole;
  const block = new Uint8Array(192);
  block.set(prefix.subarray(whole));
  return (suffix, length, out) => {
    if (length > 64) throw new RangeError("suffix longer than 64 bytes");
    let at = tail;
    for (let k = 0; k < length; k++) block[at++] = suffix[k] as number;
    block[at++] = 0x80;
    const blocks = at + 8 <= 64 ? 1 : at + 8 <= 128 ? 2 : 3;
    const end = blocks * 64;
    block.fill(0, at, end - 8);
    const bits = (prefix.length + length) * 8;
    const high = Math.floor(bits / 0x100000000);
    const low = bits >>> 0;
    block[end - 8] = high >>> 24;
    block[end - 7] = high >>> 16;
    block[end - 6] = high >>> 8;
    block[end - 5] = high;
    block[end - 4] = low >>> 24;
    block[end - 3] = low >>> 16;
    block[end - 2] = low >>> 8;
    block[end - 1] = low;
    out.set(mid);
    for (let b = 0; b < blocks; b++) compress(out, block, 64 * b, w);
  };
}
