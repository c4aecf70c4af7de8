// A quota cell's text: normalised with the offsets of every character kept, and the unused words quoted back as the
// cell writes them. Part of parseQuota (see _quotaWords.ts).
import type { Token } from "./_quotaWords.js";

/** Characters NFKC leaves alone and that are no space: printable ASCII and the CJK Unified Ideographs block. */
const stable = (c: number) => (c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff);

/** What `/\s/` matches, on one UTF-16 code unit (no astral character is a space). */
const isSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
  c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** A digit, ASCII or full-width. */
const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

/** Code units turned into a string a chunk at a time (`apply` takes its arguments on the stack). */
const CHUNK = 8192;

/**
 * The cell with NFKC applied per character and spaces dropped, and where each kept character came from.
 * The kept code units and their offsets are written into typed arrays and the string is made from them at the end:
 * on a cell of a million characters, a string per character (held in an array until joined) made the garbage
 * collector the larger part of the work, and more so the longer the cell.
 */
export function normalizeWithOffsets(original: string): { s: string; from: Int32Array; to: Int32Array } {
  const length = original.length;
  let units = new Uint16Array(length + 8);
  let from = new Int32Array(length + 8);
  let to = new Int32Array(length + 8);
  let n = 0;
  const room = (k: number) => {
    if (n + k <= from.length) return;
    const size = Math.max(n + k, from.length * 2);
    const u = new Uint16Array(size);
    const f = new Int32Array(size);
    const t = new Int32Array(size);
    u.set(units);
    f.set(from);
    t.set(to);
    units = u;
    from = f;
    to = t;
  };
  let i = 0;
  let lastDigit = false;
  while (i < length) {
    const c = original.charCodeAt(i);
    if (stable(c)) {
      let j = i + 1;
      while (j < length && stable(original.charCodeAt(j))) j++;
      room(j - i);
      for (let k = i; k < j; k++) (units[n] = original.charCodeAt(k)), (from[n] = k), (to[n] = k + 1), n++;
      const last = original.charCodeAt(j - 1);
      lastDigit = last >= 48 && last <= 57;
      i = j;
      continue;
    }
    if (isSpace(c)) {
      let j = i + 1;
      while (j < length && isSpace(original.charCodeAt(j))) j++;
      const nextDigit = j < length && isDigit(original.charCodeAt(j));
      if (lastDigit && nextDigit) room(1), (units[n] = 0x3b), (from[n] = i), (to[n] = j), n++;
      i = j;
      continue;
    }
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      room(1);
      (units[n] = cp), (from[n] = i), (to[n] = i + 1), n++;
      lastDigit = false;
      i += 1;
      continue;
    }
    const norm = original.slice(i, i + width).normalize("NFKC");
    room(norm.length);
    for (let k = 0; k < norm.length; k++) (units[n] = norm.charCodeAt(k)), (from[n] = i), (to[n] = i + width), n++;
    lastDigit = norm.length > 0 && norm.charCodeAt(norm.length - 1) >= 48 && norm.charCodeAt(norm.length - 1) <= 57;
    i += width;
  }
  let s = "";
  if (n <= CHUNK) s = String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  else {
    const chunks: string[] = [];
    for (let k = 0; k < n; k += CHUNK) chunks.push(String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]));
    s = chunks.join("");
  }
  return { s, from: from.subarray(0, n), to: to.subarray(0, n) };
}

const MAX_QUOTED_SPANS = 5;
const MAX_QUOTED_LENGTH = 60;

/** The unused tokens as the cell writes them: runs joined across separators, each quoted, capped per cell. */
export function quoteSpans(
  original: string, norm: { from: Int32Array; to: Int32Array }, length: number, tokens: readonly Token[], spans: readonly number[], unused: readonly number[],
): { zh: string; en: string } {
  // Mostly in order already: sorted only when not (a sort made a cell of many unused words n log n).
  const sorted = [...new Set(unused)];
  let ordered = true;
  for (let k = 1; k < sorted.length && ordered; k++) if ((sorted[k] as number) < (sorted[k - 1] as number)) ordered = false;
  if (!ordered) sorted.sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  const loose = (k: number) => tokens[k]?.k === "sep" || tokens[k]?.k === "filler";
  for (const t of sorted) {
    const last = runs[runs.length - 1];
    // Consecutive unused tokens, or two separated only by separators and fillers, are one run.
    let joined = false;
    if (last) {
      joined = true;
      for (let k = last[1] + 1; k < t && joined; k++) if (!loose(k)) joined = false;
    }
    if (last && joined) last[1] = t;
    else runs.push([t, t]);
  }
  // A run takes the fillers just before it ("抽取一定比例的…"); those after it lead to the figure.
  for (const r of runs) while (r[0] > 0 && tokens[r[0] - 1]?.k === "filler") r[0]--;
  const texts: string[] = [];
  for (const [a, b] of runs.slice(0, MAX_QUOTED_SPANS)) {
    const start = Math.min(spans[a * 2] ?? 0, length - 1);
    const end = Math.min(spans[b * 2 + 1] ?? length, length) - 1;
    const o0 = start >= 0 && start < norm.from.length ? (norm.from[start] as number) : 0;
    const o1 = end >= 0 && end < norm.to.length ? (norm.to[end] as number) : original.length;
    let t = original.slice(o0, o1).trim();
    if (t.length > MAX_QUOTED_LENGTH) t = `${t.slice(0, MAX_QUOTED_LENGTH - 1)}…`;
    if (t !== "") texts.push(t);
  }
  const more = runs.length > MAX_QUOTED_SPANS ? runs.length - MAX_QUOTED_SPANS : 0;
  return {
    zh: texts.map((t) => `“${t}”`).join("，") + (more > 0 ? `等（另有${more}处）` : ""),
    en: texts.map((t) => `"${t}"`).join(", ") + (more > 0 ? ` (and ${more} more)` : ""),
  };
}
