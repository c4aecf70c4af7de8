/**
 * Compares two strings in Unicode code point order, which is also the byte order of their UTF-8 encodings
 * (JS's `<` and default `sort()` compare UTF-16 code units, which differs for astral characters vs
 * U+E000–U+FFFF).
 * @returns a negative number, 0 or a positive number, as `Array.prototype.sort` expects.
 * @example
 * ```ts
 * ["\u{FF21}", "\u{1F600}"].sort(compareCodePoints)
 * //=> ["Ａ", "😀"]
 * ```
 * @public
 */
export function compareCodePoints(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(k);
    const y = b.charCodeAt(k);
    if (x !== y) {
      // Shift surrogates above U+E000–U+FFFF so code-unit order becomes code-point order.
      const fx = x >= 0xd800 ? (x <= 0xdfff ? x + 0x2000 : x - 0x800) : x;
      const fy = y >= 0xd800 ? (y <= 0xdfff ? y + 0x2000 : y - 0x800) : y;
      return fx - fy;
    }
  }
  return a.length - b.length;
}


// Code unit at d with surrogates shifted above U+E000–U+FFFF, so code-unit order becomes code-point order;
// -1 past the end (a prefix sorts first).
function unitAt(s: string, d: number): number {
  if (d >= s.length) return -1;
  const c = s.charCodeAt(d);
  return c >= 0xd800 ? (c <= 0xdfff ? c + 0x2000 : c - 0x800) : c;
}

const MAX_DEPTH = 96;

// Multikey quicksort (Bentley & Sedgewick): ids share long prefixes (USCC "9141…"), which it compares once
// instead of at every comparison; 1.5–3× faster than the engine's sort on a million ids.
function multikey(a: string[], lo: number, hi: number, d: number, depth: number, cmp: (x: string, y: string) => number): void {
  while (hi - lo > 16) {
    if (depth > MAX_DEPTH) {
      // Pathological input: finish this range with the engine's sort (never quadratic, never deep).
      const part = a.slice(lo, hi).sort(cmp);
      for (let k = 0; k < part.length; k++) a[lo + k] = part[k] as string;
      return;
    }
    const m = lo + ((hi - lo) >> 1);
    const x = unitAt(a[lo] as string, d);
    const y = unitAt(a[m] as string, d);
    const z = unitAt(a[hi - 1] as string, d);
    const p = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo;
    let gt = hi - 1;
    let i = lo;
    while (i <= gt) {
      const c = unitAt(a[i] as string, d);
      if (c < p) {
        const t = a[lt] as string;
        a[lt++] = a[i] as string;
        a[i++] = t;
      } else if (c > p) {
        const t = a[gt] as string;
        a[gt--] = a[i] as string;
        a[i] = t;
      } else i++;
    }
    multikey(a, lo, lt, d, depth + 1, cmp);
    multikey(a, gt + 1, hi, d, depth + 1, cmp);
    if (p < 0) return;
    lo = lt;
    hi = gt + 1;
    d++;
    depth++;
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i] as string;
    let j = i - 1;
    while (j >= lo && cmp(a[j] as string, v) > 0) {
      a[j + 1] = a[j] as string;
      j--;
    }
    a[j + 1] = v;
  }
}

const RADIX_MAX_LENGTH = 24;
const RADIX_MIN_SIZE = 4096;

/** Result of {@link radixOrder}: the sorted permutation and whether two ids are equal. @internal */
export interface RadixOrder {
  readonly order: Uint32Array;
  readonly hasDuplicate: boolean;
}

/**
 * LSD radix order for printable-ASCII ids of at most 24 characters (USCCs and most registry numbers): two
 * characters per 14-bit digit (character code − 0x1F, 0 past the end, so a prefix sorts first), digits stored
 * digit-major so each pass reads one small contiguous slab. Stable, O(n·length), no string comparisons; equal
 * ids are found from the digits too. Null when an id does not qualify.
 * @internal
 */
export function radixOrder(values: readonly string[], minSize = RADIX_MIN_SIZE): RadixOrder | null {
  const n = values.length;
  if (n < minSize) return null;
  let maxLength = 0;
  for (let i = 0; i < n; i++) {
    const len = (values[i] as string).length;
    if (len > RADIX_MAX_LENGTH) return null;
    if (len > maxLength) maxLength = len;
  }
  const pairs = (maxLength + 1) >> 1;
  const digits = new Uint16Array(pairs * n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as string;
    for (let p = 0; p < pairs; p++) {
      const a = 2 * p < v.length ? v.charCodeAt(2 * p) : 0x1f;
      const b = 2 * p + 1 < v.length ? v.charCodeAt(2 * p + 1) : 0x1f;
      if (a < 0x1f || a > 0x7e || b < 0x1f || b > 0x7e || (a === 0x1f && 2 * p < v.length) || (b === 0x1f && 2 * p + 1 < v.length)) return null;
      digits[p * n + i] = ((a - 0x1f) << 7) | (b - 0x1f);
    }
  }
  let idx = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const count = new Uint32Array(1 << 14);
  for (let p = pairs - 1; p >= 0; p--) {
    const base = p * n;
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const d = digits[base + i] as number;
      count[d] = (count[d] as number) + 1;
    }
    // A digit every id shares (e.g. the "91" of a USCC) orders nothing: skip its scatter.
    if (count[digits[base] as number] === n) continue;
    let sum = 0;
    for (let d = 0; d < count.length; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = idx[i] as number;
      const d = digits[base + j] as number;
      const at = count[d] as number;
      next[at] = j;
      count[d] = at + 1;
    }
    const t = idx;
    idx = next;
    next = t;
  }
  let hasDuplicate = false;
  for (let i = 1; i < n && !hasDuplicate; i++) {
    const x = idx[i - 1] as number;
    const y = idx[i] as number;
    let same = true;
    for (let p = 0; p < pairs && same; p++) same = digits[p * n + x] === digits[p * n + y];
    hasDuplicate = same;
  }
  return { order: idx, hasDuplicate };
}

/**
 * Sorts printable-ASCII ids with {@link radixOrder}; false (input untouched) when they do not qualify.
 * @internal
 */
export function radixSortAscii(values: string[], minSize = RADIX_MIN_SIZE): boolean {
  const r = radixOrder(values, minSize);
  if (!r) return false;
  const sorted = Array.from(r.order, (i) => values[i] as string);
  for (let i = 0; i < sorted.length; i++) values[i] = sorted[i] as string;
  return true;
}

function compareUnits(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Sorts strings in place in code point order. `hasSurrogates` false allows the fast comparison (UTF-16 order
 * is code point order when no string holds a surrogate).
 * @internal
 */
export function sortCodePointsInPlace(values: string[], hasSurrogates: boolean): string[] {
  if (!hasSurrogates && radixSortAscii(values)) return values;
  multikey(values, 0, values.length, 0, 0, hasSurrogates ? compareCodePoints : compareUnits);
  return values;
}

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

function scratchBuffer(name: string, bytes: number): ArrayBuffer {
  const cached = scratchDepth === 1 ? scratchBuffers.get(name)?.deref() : undefined;
  if (cached && cached.byteLength >= bytes) return cached;
  const fresh = new ArrayBuffer(Math.ceil(bytes * 1.25) + 64);
  if (scratchDepth === 1 && typeof WeakRef === "function") scratchBuffers.set(name, new WeakRef(fresh));
  return fresh;
}

/** A scratch Uint8Array of `length` (contents undefined), valid within {@link withScratch}. @internal */
export function scratchU8(name: string, length: number): Uint8Array {
  return new Uint8Array(scratchBuffer(name, length), 0, length);
}
/** A scratch Uint16Array (contents undefined). @internal */
export function scratchU16(name: string, length: number): Uint16Array {
  return new Uint16Array(scratchBuffer(name, 2 * length), 0, length);
}
/** A scratch Uint32Array (contents undefined). @internal */
export function scratchU32(name: string, length: number): Uint32Array {
  return new Uint32Array(scratchBuffer(name, 4 * length), 0, length);
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
  }
}

/** The UTF-8 of well-formed ids (no lone surrogates) in one buffer; ASCII is copied without TextEncoder. @internal */
export function encodeIds(ids: readonly string[]): EncodedIds {
  const n = ids.length;
  let units = 0;
  for (let k = 0; k < n; k++) units += (ids[k] as string).length;
  let bytes = scratchU8("bytes", units);
  const offsets = scratchU32("offsets", n + 1);
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

/** Byte-wise comparison of ids x and y of `ids` (a prefix first): code point order. @internal */
export function compareEncoded(ids: EncodedIds, x: number, y: number): number {
  const { bytes, offsets } = ids;
  const a = offsets[x] as number;
  const b = offsets[y] as number;
  const la = (offsets[x + 1] as number) - a;
  const lb = (offsets[y + 1] as number) - b;
  const n = la < lb ? la : lb;
  for (let k = 0; k < n; k++) {
    const d = (bytes[a + k] as number) - (bytes[b + k] as number);
    if (d !== 0) return d;
  }
  return la - lb;
}

const BYTE_RADIX_MIN_SIZE = 2048;
const MAX_DIGIT = 1 << 16;
const MAX_PASSES = 12;

/**
 * The code point order of encoded ids (a permutation of 0 … count − 1) and whether two ids are equal. An LSD radix
 * sort over byte keys: each byte position gets its own small alphabet (the byte values that occur there, "past the
 * end" first), positions where every id has the same byte are skipped, and neighbouring positions are packed into
 * one 16-bit digit while their alphabets multiply to at most 2^16 (USCCs: 3 passes over 14 varying digits). Past
 * 12 passes the rest of the order is settled by comparing bytes within runs that tie. Small inputs use a comparison
 * sort.
 * @internal
 */
export function encodedOrder(ids: EncodedIds): RadixOrder {
  const n = ids.count;
  if (n < BYTE_RADIX_MIN_SIZE) {
    const idx = Array.from({ length: n }, (_, k) => k).sort((x, y) => compareEncoded(ids, x, y));
    return settleTies(ids, Uint32Array.from(idx), null, 0, true);
  }
  const { bytes, offsets, minLength, maxLength } = ids;
  // Alphabet of every position: which byte values occur (value 0 = past the end of a shorter id).
  const seen = ids.seen;
  // Value 0 (past the end) occurs wherever a shorter id has ended.
  for (let p = minLength; p < maxLength; p++) seen[p * 256] = 1;
  const rank = new Uint16Array(maxLength * 256);
  const size = new Uint32Array(maxLength);
  for (let p = 0; p < maxLength; p++) {
    let r = 0;
    for (let b = 0; b < 256; b++) if (seen[p * 256 + b]) rank[p * 256 + b] = r++;
    size[p] = r;
  }
  // Digits: runs of varying positions whose alphabets multiply to ≤ 2^16.
  const groups: number[][] = [];
  const radices: number[] = [];
  let covered = 0;
  for (let p = 0; p < maxLength; p++) {
    const a = size[p] as number;
    covered = p + 1;
    if (a <= 1) continue;
    const last = groups.length - 1;
    if (last >= 0 && (radices[last] as number) * a <= MAX_DIGIT) {
      (groups[last] as number[]).push(p);
      radices[last] = (radices[last] as number) * a;
    } else if (groups.length < MAX_PASSES) {
      groups.push([p]);
      radices.push(a);
    } else {
      covered = p;
      break;
    }
  }
  const g = groups.length;
  const digits = new Uint16Array(g * n);
  for (let q = 0; q < g; q++) {
    const positions = groups[q] as number[];
    const base = q * n;
    for (let k = 0; k < n; k++) {
      const start = offsets[k] as number;
      const len = (offsets[k + 1] as number) - start;
      let d = 0;
      for (let t = 0; t < positions.length; t++) {
        const p = positions[t] as number;
        d = d * (size[p] as number) + (rank[p * 256 + (p < len ? (bytes[start + p] as number) : 0)] as number);
      }
      digits[base + k] = d;
    }
  }
  let idx = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  const count = new Uint32Array(MAX_DIGIT);
  for (let q = g - 1; q >= 0; q--) {
    const base = q * n;
    const radix = radices[q] as number;
    count.fill(0, 0, radix);
    for (let k = 0; k < n; k++) {
      const d = digits[base + k] as number;
      count[d] = (count[d] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < radix; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = idx[i] as number;
      const d = digits[base + j] as number;
      const at = count[d] as number;
      next[at] = j;
      count[d] = at + 1;
    }
    const t = idx;
    idx = next;
    next = t;
  }
  return settleTies(ids, idx, digits, g, covered >= maxLength);
}

// Adjacent ids whose digits tie. When the digits cover every position (`complete`), a tie is equal ids (a
// duplicate); otherwise a tying run is ordered by comparing its bytes. Without digits (a comparison sort) only
// duplicates are looked for.
function settleTies(ids: EncodedIds, idx: Uint32Array, digits: Uint16Array | null, g: number, complete: boolean): RadixOrder {
  const n = ids.count;
  let hasDuplicate = false;
  const tie = (x: number, y: number): boolean => {
    for (let q = 0; q < g; q++) if ((digits as Uint16Array)[q * n + x] !== (digits as Uint16Array)[q * n + y]) return false;
    return true;
  };
  for (let i = 1; i < n; i++) {
    const x = idx[i - 1] as number;
    const y = idx[i] as number;
    if (digits === null || complete) {
      if ((digits === null || tie(x, y)) && compareEncoded(ids, x, y) === 0) hasDuplicate = true;
      continue;
    }
    if (!tie(x, y)) continue;
    let end = i + 1;
    while (end < n && tie(x, idx[end] as number)) end++;
    const run = Array.from(idx.subarray(i - 1, end)).sort((a, b) => compareEncoded(ids, a, b));
    for (let t = 0; t < run.length; t++) {
      idx[i - 1 + t] = run[t] as number;
      if (t > 0 && compareEncoded(ids, run[t - 1] as number, run[t] as number) === 0) hasDuplicate = true;
    }
    i = end - 1;
  }
  return { order: idx, hasDuplicate };
}

/**
 * Ids sorted by (slot, id) with what is needed to write their UTF-8 again without reading the id buffer: each id's
 * digits in sorted order and, per digit, a table from digit value to the bytes of its run of positions.
 * @internal
 */
export interface SlotOrder {
  /** Positions (into the ids) sorted by slot, then by id in code point order. */
  readonly order: Uint32Array;
  /** Where each slot's run starts in `order`; `slotStart[slots]` is the count. */
  readonly slotStart: Uint32Array;
  readonly hasDuplicate: boolean;
  /** The digits, `g` per id in the order of `order`, and their byte tables (absent on the comparison path). */
  readonly lines?: DigitLines;
}

/** Digits of sorted ids and the byte tables that spell them out. @internal */
export interface DigitLines {
  readonly digits: Uint16Array;
  readonly g: number;
  /** Per digit: bytes of every digit value, `widths[q]` bytes each (0 = past the end of a shorter id). */
  readonly tables: readonly Uint8Array[];
  readonly widths: readonly number[];
  /** Every id has the same length: no byte is 0. */
  readonly fixed: boolean;
  readonly maxLength: number;
}

const MAX_TABLE_BYTES = 1 << 22;

interface DigitPlan {
  /** Varying positions of each digit. */
  readonly groups: readonly (readonly number[])[];
  readonly radices: readonly number[];
  readonly size: Uint32Array;
  readonly rank: Uint16Array;
  readonly tables: readonly Uint8Array[];
  readonly widths: readonly number[];
}

// The digits of a radix order covering every position (null when the ids need more than MAX_PASSES digits, all
// are equal, or the byte tables would be large): digit q spells positions [start_q, start_{q+1}), constant
// positions included, so the tables concatenated give an id's bytes.
function digitPlan(ids: EncodedIds): DigitPlan | null {
  const { bytes, offsets, minLength, maxLength, count: n } = ids;
  const seen = ids.seen;
  // Value 0 (past the end) occurs wherever a shorter id has ended.
  for (let p = minLength; p < maxLength; p++) seen[p * 256] = 1;
  const rank = new Uint16Array(maxLength * 256);
  const byteOf = new Uint8Array(maxLength * 256);
  const size = new Uint32Array(maxLength);
  for (let p = 0; p < maxLength; p++) {
    let r = 0;
    for (let b = 0; b < 256; b++) {
      if (!seen[p * 256 + b]) continue;
      byteOf[p * 256 + r] = b;
      rank[p * 256 + b] = r++;
    }
    size[p] = r;
  }
  const groups: number[][] = [];
  const radices: number[] = [];
  for (let p = 0; p < maxLength; p++) {
    const a = size[p] as number;
    if (a <= 1) continue;
    const last = groups.length - 1;
    if (last >= 0 && (radices[last] as number) * a <= MAX_DIGIT) {
      (groups[last] as number[]).push(p);
      radices[last] = (radices[last] as number) * a;
    } else if (groups.length < MAX_PASSES) {
      groups.push([p]);
      radices.push(a);
    } else return null;
  }
  const g = groups.length;
  if (g === 0) return null;
  const starts = groups.map((positions, q) => (q === 0 ? 0 : (positions[0] as number)));
  const widths = starts.map((start, q) => (q + 1 < g ? (starts[q + 1] as number) : maxLength) - start);
  let tableBytes = 0;
  for (let q = 0; q < g; q++) tableBytes += (radices[q] as number) * (widths[q] as number);
  if (tableBytes > MAX_TABLE_BYTES) return null;
  const tables = groups.map((positions, q) => {
    const radix = radices[q] as number;
    const width = widths[q] as number;
    const start = starts[q] as number;
    const table = new Uint8Array(radix * width);
    for (let d = 0; d < radix; d++) {
      const at = d * width;
      for (let p = start; p < start + width; p++) table[at + p - start] = byteOf[p * 256] as number;
      let rest = d;
      for (let t = positions.length - 1; t >= 0; t--) {
        const p = positions[t] as number;
        const a = size[p] as number;
        const r = rest % a;
        rest = (rest - r) / a;
        table[at + p - start] = byteOf[p * 256 + r] as number;
      }
    }
    return table;
  });
  return { groups, radices, size, rank, tables, widths };
}

// A stable split of a sorted order by slot.
function splitBySlot(order: Uint32Array, slots: Uint8Array, slotCount: number): { order: Uint32Array; slotStart: Uint32Array } {
  const slotStart = new Uint32Array(slotCount + 1);
  for (let i = 0; i < order.length; i++) {
    const s = (slots[order[i] as number] as number) + 1;
    slotStart[s] = (slotStart[s] as number) + 1;
  }
  for (let s = 0; s < slotCount; s++) slotStart[s + 1] = (slotStart[s + 1] as number) + (slotStart[s] as number);
  const fill = slotStart.slice(0, slotCount);
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const k = order[i] as number;
    const s = slots[k] as number;
    out[fill[s] as number] = k;
    fill[s] = (fill[s] as number) + 1;
  }
  return { order: out, slotStart };
}

/**
 * {@link encodedOrder} grouped by slot (`slots[k]` < `slotCount` for id k), stable: each slot's ids come out in code
 * point order. On the radix path the digits travel through the passes with the positions (each pass reads its
 * input in order: nothing is fetched out of place), and the byte tables let the manifest lines be written from
 * the digits.
 * @internal
 */
export function slotOrder(ids: EncodedIds, slots: Uint8Array, slotCount: number): SlotOrder {
  const n = ids.count;
  const plan = n >= BYTE_RADIX_MIN_SIZE ? digitPlan(ids) : null;
  if (plan === null) {
    const { order, hasDuplicate } = encodedOrder(ids);
    return { ...splitBySlot(order, slots, slotCount), hasDuplicate };
  }
  const { groups, size, rank, radices } = plan;
  const g = groups.length;
  const { bytes, offsets } = ids;
  let dig = scratchU16("digits", g * n);
  for (let k = 0; k < n; k++) {
    const start = offsets[k] as number;
    const len = (offsets[k + 1] as number) - start;
    for (let q = 0; q < g; q++) {
      const positions = groups[q] as readonly number[];
      let d = 0;
      for (let t = 0; t < positions.length; t++) {
        const p = positions[t] as number;
        d = d * (size[p] as number) + (rank[p * 256 + (p < len ? (bytes[start + p] as number) : 0)] as number);
      }
      dig[k * g + q] = d;
    }
  }
  let idx = scratchU32("order", n);
  for (let k = 0; k < n; k++) idx[k] = k;
  let idx2 = scratchU32("order2", n);
  let dig2 = scratchU16("digits2", g * n);
  const count = new Uint32Array(MAX_DIGIT);
  for (let q = g - 1; q >= 0; q--) {
    const radix = radices[q] as number;
    count.fill(0, 0, radix);
    for (let i = 0; i < n; i++) {
      const d = dig[i * g + q] as number;
      count[d] = (count[d] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < radix; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const base = i * g;
      const at = count[dig[base + q] as number] as number;
      count[dig[base + q] as number] = at + 1;
      idx2[at] = idx[i] as number;
      const to = at * g;
      for (let t = 0; t < g; t++) dig2[to + t] = dig[base + t] as number;
    }
    [idx, idx2] = [idx2, idx];
    [dig, dig2] = [dig2, dig];
  }
  // The digits spell every position: equal digits are equal ids.
  let hasDuplicate = false;
  for (let i = 1; i < n && !hasDuplicate; i++) {
    let same = true;
    for (let t = 0; t < g && same; t++) same = dig[(i - 1) * g + t] === dig[i * g + t];
    hasDuplicate = same;
  }
  // Last, the slot: stable, so each slot's run stays in id order.
  const slotStart = new Uint32Array(slotCount + 1);
  for (let i = 0; i < n; i++) {
    const s = (slots[idx[i] as number] as number) + 1;
    slotStart[s] = (slotStart[s] as number) + 1;
  }
  for (let s = 0; s < slotCount; s++) slotStart[s + 1] = (slotStart[s + 1] as number) + (slotStart[s] as number);
  const fill = slotStart.slice(0, slotCount);
  for (let i = 0; i < n; i++) {
    const k = idx[i] as number;
    const s = slots[k] as number;
    const at = fill[s] as number;
    fill[s] = at + 1;
    idx2[at] = k;
    for (let t = 0; t < g; t++) dig2[at * g + t] = dig[i * g + t] as number;
  }
  return { order: idx2, slotStart, hasDuplicate, lines: { digits: dig2, g, tables: plan.tables, widths: plan.widths, fixed: ids.minLength === ids.maxLength, maxLength: ids.maxLength } };
}
