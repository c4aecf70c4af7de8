// Code point order (draw-v1 §2): well-formed strings, ids as UTF-8 in one buffer and their byte-wise radix sort by
// (stratum slot, id), which also tells whether two ids are equal (pool.ts names them).
import { compareCodePoints } from "../_internal/codePoints.js";
// The one canonical string order (DESIGN.md decision 2), public from here; written once in src/_internal.
export { compareCodePoints };

/**
 * Position (0-based, in UTF-16 code units) of the first lone surrogate in `text`, or -1 when it is well formed.
 * @internal
 */
export function loneSurrogateAt(text: string): number {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && k + 1 < text.length) {
      const d = text.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        k++;
        continue;
      }
    }
    return k;
  }
  return -1;
}

/**
 * Ids as UTF-8 in one buffer: id k is `bytes[offsets[k]] … bytes[offsets[k + 1] − 1]`. Byte order of UTF-8 is code
 * point order, so one byte-wise sort serves ASCII and astral ids alike.
 * @internal
 */
export interface EncodedIds {
  readonly bytes: Uint8Array;
  readonly offsets: Uint32Array;
  readonly count: number;
  readonly minLength: number;
  readonly maxLength: number;
  /** `seen[p · 256 + b]` is 1 when some id has byte b at position p (past the end not marked). */
  readonly seen: Uint8Array;
}

const encoder = /* @__PURE__ */ new TextEncoder();

// Scratch memory of one preparation, kept between calls through weak references: a pool of a million ids needs
// ~45 MB of typed arrays per call, and allocating them afresh each time makes V8 run a full collection (which
// marks the whole pool) every other call. The next full collection frees them once they are no longer used.
const scratchBuffers = new Map<string, WeakRef<ArrayBuffer>>();
let scratchDepth = 0;

// A preparation that knows its sizes first reserves them as one arena, and its scratch arrays are carved out of it:
// V8 counts array buffers as external memory and, past a limit, runs a full collection at the next allocation of one
// — at 10^7 ids seven separate buffers (~470 MB) cost two or three collections of the whole 1 GB pool, one buffer
// at most one.
let arenaRef: WeakRef<ArrayBuffer> | undefined;
let arena: { readonly buffer: ArrayBuffer; at: number; readonly carved: Map<string, { readonly offset: number; readonly bytes: number }> } | undefined;

function scratchBuffer(name: string, bytes: number): ArrayBuffer {
  const cached = scratchDepth === 1 ? scratchBuffers.get(name)?.deref() : undefined;
  if (cached && cached.byteLength >= bytes) return cached;
  // Room to grow by a quarter, so a slightly larger pool reuses it, but never more than 1 MB (at 10^7 ids a quarter
  // of every scratch array was ~120 MB of peak memory, 16 MB each still ~70 MB).
  const fresh = new ArrayBuffer(bytes + Math.min(Math.ceil(bytes / 4), 1 << 20) + 64);
  if (scratchDepth === 1 && typeof WeakRef === "function") scratchBuffers.set(name, new WeakRef(fresh));
  return fresh;
}

/**
 * Reserves `bytes` of scratch memory for the preparation under way (within {@link withScratch}, not nested): the
 * {@link scratch} arrays that fit are carved out of it; the others are allocated as before. Reuses the last arena
 * when it is large enough.
 * @internal
 */
export function reserveScratch(bytes: number): void {
  if (scratchDepth !== 1 || typeof WeakRef !== "function") return;
  const cached = arenaRef?.deref();
  if (cached && cached.byteLength >= bytes) {
    arena = { buffer: cached, at: 0, carved: new Map() };
    return;
  }
  const buffer = new ArrayBuffer(bytes + Math.min(Math.ceil(bytes / 64), 1 << 20));
  arenaRef = new WeakRef(buffer);
  arena = { buffer, at: 0, carved: new Map() };
}

/** A scratch typed array of `length` (contents undefined), valid within {@link withScratch}. @internal */
export function scratch<T>(name: string, type: { new (b: ArrayBuffer, at: number, length: number): T; BYTES_PER_ELEMENT: number }, length: number): T {
  const bytes = length * type.BYTES_PER_ELEMENT;
  if (scratchDepth === 1 && arena) {
    const earlier = arena.carved.get(name);
    if (earlier && earlier.bytes >= bytes) return new type(arena.buffer, earlier.offset, length);
    const offset = (arena.at + 7) & ~7;
    if (offset + bytes <= arena.buffer.byteLength) {
      arena.at = offset + bytes;
      arena.carved.set(name, { offset, bytes });
      return new type(arena.buffer, offset, length);
    }
  }
  return new type(scratchBuffer(name, bytes), 0, length);
}

/**
 * Runs `f` with the scratch arrays reusable: nothing taken from them may outlive `f`. Nested calls (a getter of a
 * pool entity that prepares another pool) get fresh memory.
 * @internal
 */
export function withScratch<T>(f: () => T): T {
  scratchDepth++;
  try {
    return f();
  } finally {
    scratchDepth--;
    if (scratchDepth === 0) arena = undefined;
  }
}

/** The UTF-8 of well-formed ids (no lone surrogates) in one buffer; ASCII is copied without TextEncoder. @internal */
export function encodeIds(ids: readonly string[]): EncodedIds {
  const n = ids.length;
  let units = 0;
  for (let k = 0; k < n; k++) units += (ids[k] as string).length;
  let bytes = scratch("bytes", Uint8Array, units);
  const offsets = scratch("offsets", Uint32Array, n + 1);
  let unitsLeft = units;
  let at = 0;
  let minLength = n > 0 ? Infinity : 0;
  let maxLength = 0;
  // Which byte values occur at each position, noted while the bytes are written (the radix sort's alphabets).
  let seen = new Uint8Array(64 * 256);
  for (let k = 0; k < n; k++) {
    const id = ids[k] as string;
    const len = id.length;
    unitsLeft -= len;
    offsets[k] = at;
    if (3 * len * 256 > seen.length) {
      const grown = new Uint8Array(Math.max(3 * len * 256, 2 * seen.length));
      grown.set(seen);
      seen = grown;
    }
    let j = 0;
    if (at + len <= bytes.length) {
      for (; j < len; j++) {
        const c = id.charCodeAt(j);
        if (c >= 0x80) break;
        bytes[at + j] = c;
        seen[(j << 8) | c] = 1;
      }
    }
    if (j === len) at += len;
    else {
      // Not ASCII: room for 3 bytes per code unit here and 1 for each unit still to come.
      const need = at + 3 * len + unitsLeft;
      if (need > bytes.length) {
        const grown = new Uint8Array(Math.max(need, Math.ceil(bytes.length * 1.5)));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      const start = at;
      at += encoder.encodeInto(id, bytes.subarray(at)).written;
      for (let p = 0; p < at - start; p++) seen[(p << 8) | (bytes[start + p] as number)] = 1;
    }
    const size = at - (offsets[k] as number);
    if (size < minLength) minLength = size;
    if (size > maxLength) maxLength = size;
  }
  offsets[n] = at;
  return { bytes, offsets, count: n, minLength, maxLength, seen };
}

const MAX_DIGIT = 1 << 16;
const PACKED_LIMIT = 1 << 28;
const POSITION_MASK = PACKED_LIMIT - 1;

/** Ids sorted by (slot, id): positions into the ids, each slot's run in code point order; whether two are equal. @internal */
export interface SlotOrder {
  readonly order: Uint32Array;
  /** Where each slot's run starts in `order`; `slotStart[slotCount]` is the count. */
  readonly slotStart: Uint32Array;
  readonly hasDuplicate: boolean;
}

/**
 * Sorts encoded ids by (slot, id), `slots[k]` < `slotCount` being id k's slot. An LSD radix sort over byte keys:
 * each position has its own small alphabet (the byte values that occur there, "past the end" first), positions
 * where every id has the same byte are skipped, and neighbouring positions share one 16-bit digit while their
 * alphabets multiply to at most 2^16 (USCCs: 3 passes). The digits travel with the positions through the passes,
 * so each pass reads its input in order; equal digits are equal ids; a last pass orders by slot, stably.
 * @internal
 */
export function slotOrder(ids: EncodedIds, slots: Uint8Array, slotCount: number): SlotOrder {
  const { bytes, offsets, minLength, maxLength, count: n, seen } = ids;
  // Value 0 (past the end) occurs wherever a shorter id has ended.
  for (let p = minLength; p < maxLength; p++) seen[p * 256] = 1;
  const rank = new Uint16Array(maxLength * 256);
  const size = new Uint32Array(maxLength);
  const groups: number[][] = [];
  const radices: number[] = [];
  for (let p = 0; p < maxLength; p++) {
    let a = 0;
    for (let b = 0; b < 256; b++) {
      if (!seen[p * 256 + b]) continue;
      rank[p * 256 + b] = a++;
    }
    size[p] = a;
    const last = groups.length - 1;
    if (a <= 1) continue;
    if (last >= 0 && (radices[last] as number) * a <= MAX_DIGIT) {
      (groups[last] as number[]).push(p);
      radices[last] = (radices[last] as number) * a;
    } else {
      groups.push([p]);
      radices.push(a);
    }
  }
  const g = groups.length;
  let idx = scratch("order", Uint32Array, n);
  let idx2 = scratch("order2", Uint32Array, n);
  let dig = scratch("digits", Uint16Array, g * n);
  let dig2 = scratch("digits2", Uint16Array, g * n);
  // Below 2^28 ids and 16 slots each position carries its slot in its top 4 bits, so the last pass reads the slot
  // where it reads the position (reading slots[k] there jumps across the whole array: a cache miss per id at 10^7).
  const packed = n <= PACKED_LIMIT && slotCount <= 16;
  for (let k = 0; k < n; k++) {
    idx[k] = packed ? (k | ((slots[k] as number) << 28)) >>> 0 : k;
    const start = offsets[k] as number;
    const len = (offsets[k + 1] as number) - start;
    for (let q = 0; q < g; q++) {
      const positions = groups[q] as number[];
      let d = 0;
      for (let t = 0; t < positions.length; t++) {
        const p = positions[t] as number;
        d = d * (size[p] as number) + (rank[p * 256 + (p < len ? (bytes[start + p] as number) : 0)] as number);
      }
      dig[k * g + q] = d;
    }
  }
  // Every group's counts in one read of the digits (a pass moves the ids but never changes how many hold each digit),
  // each group's run starting at `base[q]`; then each pass only moves.
  const base = new Uint32Array(g + 1);
  for (let q = 0; q < g; q++) base[q + 1] = (base[q] as number) + (radices[q] as number) + 1;
  const counts = new Uint32Array(base[g] as number);
  for (let i = 0; i < n; i++) {
    const from = i * g;
    for (let q = 0; q < g; q++) {
      const c = (base[q] as number) + (dig[from + q] as number) + 1;
      counts[c] = (counts[c] as number) + 1;
    }
  }
  for (let q = g - 1; q >= 0; q--) {
    const r = radices[q] as number;
    const count = counts.subarray(base[q] as number, (base[q] as number) + r + 1);
    for (let d = 0; d < r; d++) count[d + 1] = (count[d + 1] as number) + (count[d] as number);
    for (let i = 0; i < n; i++) {
      const from = i * g;
      const d = dig[from + q] as number;
      const at = count[d] as number;
      count[d] = at + 1;
      idx2[at] = idx[i] as number;
      for (let t = 0; t < g; t++) dig2[at * g + t] = dig[from + t] as number;
    }
    [idx, idx2, dig, dig2] = [idx2, idx, dig2, dig];
  }
  // The digits spell every position that varies: side by side, equal digits are equal ids.
  let hasDuplicate = false;
  for (let i = 1; i < n && !hasDuplicate; i++) {
    let same = true;
    for (let t = 0; t < g && same; t++) same = dig[(i - 1) * g + t] === dig[i * g + t];
    hasDuplicate = same;
  }
  // Last, the slot: stable, so each slot's run stays in id order.
  const slotStart = new Uint32Array(slotCount + 1);
  for (let i = 0; i < n; i++) {
    const s = (slots[i] as number) + 1;
    slotStart[s] = (slotStart[s] as number) + 1;
  }
  for (let s = 0; s < slotCount; s++) slotStart[s + 1] = (slotStart[s + 1] as number) + (slotStart[s] as number);
  const fill = slotStart.slice(0, slotCount);
  // The digits move with the positions here too, so the sorted ids can be spelled from them (see spelledIds).
  for (let i = 0; i < n; i++) {
    const v = idx[i] as number;
    const k = packed ? v & POSITION_MASK : v;
    const s = packed ? v >>> 28 : (slots[k] as number);
    const at = fill[s] as number;
    fill[s] = at + 1;
    idx2[at] = k;
    for (let t = 0; t < g; t++) dig2[at * g + t] = dig[i * g + t] as number;
  }
  if (minLength === maxLength) spelled.set(idx2, spellingFrom(ids, groups, radices, size, rank, dig2));
  return { order: idx2, slotStart, hasDuplicate };
}

/**
 * Ids of one length as the sort left them: the bytes every id shares (`template`) and, per group of positions that
 * vary, the digit of each id in sorted order and the bytes that digit stands for. Spelling the i-th id in order
 * reads `digits` in order and small tables, where reading its bytes would jump across the whole buffer (a cache
 * miss per id at 10^6).
 * @internal
 */
export interface Spelling {
  readonly width: number;
  /** Every position's byte where all ids agree; the varying positions are overwritten. */
  readonly template: Uint8Array;
  /** `digits[i · groups + q]`: id i's digit of group q, i in sorted order (valid within {@link withScratch}). */
  readonly digits: Uint16Array;
  readonly groups: number;
  /** Positions of group q, in order. */
  readonly positions: readonly Uint32Array[];
  /** `bytes[q][d · positions[q].length + t]`: the byte at `positions[q][t]` of an id whose digit q is d. */
  readonly bytes: readonly Uint8Array[];
}

// The spelling of each sorted order of ids of one length, for the manifest digest (src/draw/digest.ts).
const spelled = /* @__PURE__ */ new WeakMap<Uint32Array, Spelling>();

/** The spelling of `order` when it came from {@link slotOrder} on ids of one length. @internal */
export function spellingOf(order: Uint32Array): Spelling | undefined {
  return spelled.get(order);
}

function spellingFrom(ids: EncodedIds, groups: readonly number[][], radices: readonly number[], size: Uint32Array, rank: Uint16Array, digits: Uint16Array): Spelling {
  const width = ids.maxLength;
  const template = new Uint8Array(width);
  // Byte of each rank at each position (the inverse of `rank`).
  const byteOf = new Uint8Array(width * 256);
  for (let p = 0; p < width; p++) {
    for (let b = 0; b < 256; b++) {
      if (!ids.seen[p * 256 + b]) continue;
      byteOf[p * 256 + (rank[p * 256 + b] as number)] = b;
      if (size[p] === 1) template[p] = b;
    }
  }
  const bytes = groups.map((positions, q) => {
    const radix = radices[q] as number;
    const m = positions.length;
    const table = new Uint8Array(radix * m);
    for (let d = 0; d < radix; d++) {
      // d spells its positions in mixed radix, the first position most significant.
      let rest = d;
      for (let t = m - 1; t >= 0; t--) {
        const p = positions[t] as number;
        const s = size[p] as number;
        table[d * m + t] = byteOf[p * 256 + (rest % s)] as number;
        rest = Math.floor(rest / s);
      }
    }
    return table;
  });
  return { width, template, digits, groups: groups.length, positions: groups.map((ps) => Uint32Array.from(ps)), bytes };
}

/**
 * Sorts well-formed strings in place in code point order (their UTF-8 byte order, see {@link slotOrder});
 * `hasSurrogates` is no longer needed (bytes order astral characters correctly) and ignored.
 * @internal
 */
export function sortCodePointsInPlace(values: string[], hasSurrogates?: boolean): string[] {
  void hasSurrogates;
  const sorted = withScratch(() => {
    const { order } = slotOrder(encodeIds(values), new Uint8Array(values.length), 1);
    return Array.from(order, (k) => values[k] as string);
  });
  sorted.forEach((v, i) => (values[i] = v));
  return values;
}
