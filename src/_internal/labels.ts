/**
 * Maps a label as a planner writes it (zh or en, any width, any case) onto an enum code. Unknown text
 * is returned unchanged so that the schema reports it with the list of accepted values.
 */
export function normalizeLabel(value: unknown, aliases: Readonly<Record<string, string>>): unknown {
  if (typeof value !== "string") return value;
  const key = value.normalize("NFKC").trim().toLowerCase();
  return aliases[key] ?? value;
}

/** Builds the alias table of an enum from its zh and en labels (codes map to themselves). */
export function aliasesOf(labels: Readonly<Record<string, { zh: string; en: string }>>, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, label] of Object.entries(labels)) {
    out[code.toLowerCase()] = code;
    out[label.zh.normalize("NFKC").toLowerCase()] = code;
    out[label.en.toLowerCase()] = code;
  }
  for (const [k, v] of Object.entries(extra)) out[k.normalize("NFKC").toLowerCase()] = v;
  return out;
}
