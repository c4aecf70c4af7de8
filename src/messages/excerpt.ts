// Issues and diagnostics quote user text; a hostile cell is a million characters, so they quote an excerpt. Beside
// render.ts: result.ts renders issue messages with it and imports nothing from a higher floor (src/_internal).

/** Longest user text (UTF-16 code units) an issue repeats: a hostile 1M-character cell must not make 1M-character issues. */
export const MAX_QUOTED = 480;

/**
 * `text` when short; else its first 360 and last 100 code units around a mark saying how much was left out (in
 * `lang`; `…` alone for the params kept on the issue), never splitting a surrogate pair.
 */
export function excerpt(text: string, lang?: "zh" | "en"): string {
  if (typeof text !== "string") return String(text);
  if (text.length <= MAX_QUOTED) return text;
  let head = 360;
  let tail = text.length - 100;
  if (/[\ud800-\udbff]/.test(text[head - 1] as string)) head--;
  if (/[\udc00-\udfff]/.test(text[tail] as string)) tail++;
  const n = tail - head;
  return text.slice(0, head) + (lang === "zh" ? `…（略去${n}字）…` : lang ? `… (${n} characters left out) …` : "…") + text.slice(tail);
}
