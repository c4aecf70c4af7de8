/**
 * Maps a label as a planner writes it (zh or en, any width, any case) onto an enum code. Unknown text
 * is returned unchanged so that the schema reports it with the list of accepted values.
 */
export function normalizeLabel(value: unknown, aliases: Readonly<Record<string, string>>): unknown {
  if (typeof value !== "string") return value;
  // A long cell cannot be a label: not normalised (a million characters, three copies) to find that out.
  if (longerThanLabel(value, labelLimit(aliases))) return value;
  const key = value.normalize("NFKC").trim().toLowerCase();
  return aliases[key] ?? value;
}

/** Builds the alias table of an enum from its zh and en labels (codes map to themselves). */
export function aliasesOf(labels: Readonly<Record<string, { zh: string; en: string }>>, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  // Without a prototype: a cell reading "constructor" or "__proto__" is no label.
  const out = Object.create(null) as Record<string, string>;
  for (const [code, label] of Object.entries(labels)) {
    out[code.toLowerCase()] = code;
    out[label.zh.normalize("NFKC").toLowerCase()] = code;
    out[label.en.toLowerCase()] = code;
  }
  for (const [k, v] of Object.entries(extra)) out[k.normalize("NFKC").toLowerCase()] = v;
  return out;
}

const limits = new WeakMap<object, number>();

/** The longest key of `aliases` (tables without a prototype): no longer text can be one of its labels. */
export function labelLimit(aliases: object): number {
  let limit = limits.get(aliases);
  if (limit === undefined) {
    limit = 0;
    for (const k of Object.getOwnPropertyNames(aliases)) limit = Math.max(limit, k.length);
    limits.set(aliases, limit);
  }
  return limit;
}

/**
 * Whether NFKC, trimming and lower-casing would leave more than `limit` code units of `text`, found without
 * normalising: printable ASCII (but `skip`, a character the caller removes) and CJK unified ideographs are their own
 * NFKC, are no space, and never merge into the character before them, so each stays at least one code unit (lower-
 * casing never shortens). Counts only until `limit` is passed.
 */
export function longerThanLabel(text: string, limit: number, skip = -1): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 0x21 && c <= 0x7e && c !== skip) || (c >= 0x4e00 && c <= 0x9fff)) && ++n > limit) return true;
  }
  return false;
}
