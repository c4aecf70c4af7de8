// Issues and diagnostics quote user text; a hostile cell is a million characters, so they quote an excerpt.

/** Longest user text (UTF-16 code units) an issue repeats: a hostile 1M-character cell must not make 1M-character issues. */
export const MAX_QUOTED = 480;
const HEAD = 360;
const TAIL = 100;

/**
 * `text` when short; else its head and tail around a mark saying how much was left out (in `lang`; `…` alone for
 * the params kept on the issue), never splitting a surrogate pair.
 */
export function excerpt(text: string, lang?: "zh" | "en"): string {
  if (typeof text !== "string") return String(text);
  if (text.length <= MAX_QUOTED) return text;
  const head = HEAD - (isHigh(text.charCodeAt(HEAD - 1)) ? 1 : 0);
  const tail = text.length - TAIL + (isLow(text.charCodeAt(text.length - TAIL)) ? 1 : 0);
  const omitted = tail - head;
  const mark = lang === "zh" ? `…（略去${omitted}字）…` : lang === "en" ? `… (${omitted} characters left out) …` : "…";
  return `${text.slice(0, head)}${mark}${text.slice(tail)}`;
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

