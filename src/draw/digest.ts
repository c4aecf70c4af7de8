// The digests of draw-v1: SHA-256 of text (§2), the salted chunked stratum digests, the manifest digest and the
// opaque tier keys (§4.2–§4.3), the earlier-batch commitment (§4.1), canonical JSON and the announcement digest (§5).
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { hexOf } from "../_internal/hex.js";
import { createSha256, sha256Bytes } from "../_internal/sha256.js";
import { throwWrongCall } from "../_internal/argument.js";
import { compareCodePoints } from "../_internal/codePoints.js";
import { type EncodedIds, scratch, spellingOf } from "./order.js";

/** Lines per manifest chunk (draw-v1 §4): 65,536. Fixed by the protocol. @internal */
export const CHUNK_LINES = 65_536;

/** SHA-256 of the UTF-8 of a (well-formed) string, hex. @internal */
export function sha256Hex(text: string): string {
  return hexOf(sha256Bytes(utf8ToBytes(text)));
}

/**
 * Salted digest of one stratum: SHA-256(UTF-8("double-random/draw-v1 stratum\n" + salt + "\n") ‖ c_1 ‖ … ‖ c_m)
 * where c_j = SHA-256 of the UTF-8 of lines [(j−1)·L, j·L), each line `id \t key \n`.
 * @internal
 */
export function stratumDigest(sortedIds: readonly string[], key: string, salt: string): string {
  const outer = createSha256().update(utf8ToBytes(`double-random/draw-v1 stratum\n${salt}\n`));
  const suffix = `\t${key}\n`;
  for (let start = 0; start < sortedIds.length; start += CHUNK_LINES) {
    const end = Math.min(start + CHUNK_LINES, sortedIds.length);
    let text = "";
    for (let k = start; k < end; k++) text += sortedIds[k] + suffix;
    outer.update(sha256Bytes(utf8ToBytes(text)));
  }
  return hexOf(outer.digest());
}

/**
 * {@link stratumDigest} of the ids at `order[from…to)` of `ids`, read from their UTF-8 in one buffer: each chunk's
 * lines are written into one byte buffer and hashed, no string is built.
 * @internal
 */
export function encodedStratumDigest(ids: EncodedIds, order: Uint32Array, from: number, to: number, key: string, salt: string): string {
  const outer = createSha256().update(utf8ToBytes(`double-random/draw-v1 stratum\n${salt}\n`));
  const suffix = utf8ToBytes(`\t${key}\n`);
  const { bytes, offsets, maxLength } = ids;
  const lines = Math.min(CHUNK_LINES, to - from);
  const out = scratch("lines", Uint8Array, lines * (maxLength + suffix.length));
  if (ids.minLength === maxLength) {
    // Ids of one length (USCCs): every line has the same width, so the suffixes are written once, in place, and
    // each chunk writes only its ids over the same buffer; an id is found without its offsets.
    const width = maxLength;
    const stride = width + suffix.length;
    for (let line = 0; line < lines; line++) out.set(suffix, line * stride + width);
    const spelling = spellingOf(order);
    if (spelling && spelling.width === width) {
      // Sorted by slotOrder: each id is spelled from its digits (read in order) over the bytes all ids share.
      const { template, digits, groups, positions, bytes: tables } = spelling;
      for (let line = 0; line < lines; line++) out.set(template, line * stride);
      for (let start = from; start < to; start += CHUNK_LINES) {
        const end = Math.min(start + CHUNK_LINES, to);
        let at = 0;
        for (let i = start; i < end; i++) {
          for (let q = 0; q < groups; q++) {
            const ps = positions[q] as Uint32Array;
            const table = tables[q] as Uint8Array;
            const m = ps.length;
            const d = (digits[i * groups + q] as number) * m;
            for (let t = 0; t < m; t++) out[at + (ps[t] as number)] = table[d + t] as number;
          }
          at += stride;
        }
        outer.update(sha256Bytes(out.subarray(0, at)));
      }
      return hexOf(outer.digest());
    }
    for (let start = from; start < to; start += CHUNK_LINES) {
      const end = Math.min(start + CHUNK_LINES, to);
      let at = 0;
      for (let i = start; i < end; i++) {
        const a = (order[i] as number) * width;
        for (let b = 0; b < width; b++) out[at + b] = bytes[a + b] as number;
        at += stride;
      }
      outer.update(sha256Bytes(out.subarray(0, at)));
    }
    return hexOf(outer.digest());
  }
  for (let start = from; start < to; start += CHUNK_LINES) {
    const end = Math.min(start + CHUNK_LINES, to);
    let at = 0;
    for (let i = start; i < end; i++) {
      const k = order[i] as number;
      const stop = offsets[k + 1] as number;
      for (let b = offsets[k] as number; b < stop; b++) out[at++] = bytes[b] as number;
      for (let b = 0; b < suffix.length; b++) out[at++] = suffix[b] as number;
    }
    outer.update(sha256Bytes(out.subarray(0, at)));
  }
  return hexOf(outer.digest());
}

/**
 * Manifest digest: SHA-256(UTF-8("double-random/draw-v1 manifest\n" + Σ key \t N \t d_h \n)), strata in
 * code point order of their keys.
 * @internal
 */
export function manifestDigest(strata: readonly { key: string; N: number; digest: string }[]): string {
  let text = "double-random/draw-v1 manifest\n";
  for (const s of strata) text += `${s.key}\t${s.N}\t${s.digest}\n`;
  return sha256Hex(text);
}

/**
 * Opaque key of a tier stratum: "S" + the first 12 hex digits of
 * SHA-256(UTF-8("double-random/draw-v1 stratum-key\n" + salt + "\n" + label)).
 * @internal
 */
export function tierStratumKey(label: string, salt: string): string {
  return `S${sha256Hex(`double-random/draw-v1 stratum-key\n${salt}\n${label}`).slice(0, 12)}`;
}

/** Digest committing to ids drawn in earlier batches: SHA-256 of the ids in code point order, each + "\n". @internal */
export function idListDigest(sortedIds: readonly string[]): string {
  let text = "";
  for (const id of sortedIds) text += `${id}\n`;
  return sha256Hex(text);
}

/**
 * Canonical JSON (draw-v1 §5): object keys sorted in code point order, no whitespace, integers only, strings as
 * JSON.stringify writes them. Equals Python's `json.dumps(x, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`
 * for the ASCII keys and the values used here.
 * @internal
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    // A list of strings, numbers, booleans or nulls is what JSON.stringify writes (and much faster for long lists).
    if (value.every((v) => v === null || (typeof v !== "object" && v !== undefined))) return JSON.stringify(value);
    return `[${value.map(canonicalJson).join(",")}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => compareCodePoints(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * SHA-256 hex over the canonical JSON (sorted keys, no spaces) of an announcement without its `digest` field.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `announcement` is not an object (a wrong call).
 * @example
 * ```ts
 * announcementDigest({ taskId: "T" }).length
 * //=> 64
 * ```
 * @public
 */
export function announcementDigest(announcement: Readonly<Record<string, unknown>>): string {
  if (typeof announcement !== "object" || announcement === null || Array.isArray(announcement)) throwWrongCall("announcementDigest", { zh: "公告应为对象", en: "the announcement must be an object" });
  const { digest: _ignored, ...body } = announcement;
  return sha256Hex(canonicalJson(body));
}
