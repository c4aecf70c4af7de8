// Rendering catalog texts: filling `{name}` placeholders, phrases, lists. Internal: never exported from the package.
import type { HasPlaceholders, ParamsOf, PhraseCatalog, PhraseEntry } from "./types.js";

/** A param value: one text for every language, or one per language. */
type Value = string | number | { readonly zh: string; readonly en: string };

/** The template with each `{name}` replaced by its param in `lang`; a placeholder without a param is left as written. */
export function fillTemplate(template: string, params: Readonly<Record<string, Value>>, lang: "zh" | "en"): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const v = params[name] as Value;
    return typeof v === "object" ? v[lang] : String(v);
  });
}

/** The arguments after a phrase's key: its params when its texts have placeholders, none otherwise. */
type PhraseArguments<E extends { readonly zh: string; readonly en: string }> = HasPlaceholders<E> extends true ? [params: ParamsOf<E>] : [];

/**
 * Makes a renderer over a catalog of phrases (texts that are no issue of their own): the key's zh and en texts,
 * their placeholders filled; a missing param is a type error.
 */
/* @__NO_SIDE_EFFECTS__ */
export function phraseFactory<C extends PhraseCatalog>(catalog: C) {
  return <K extends keyof C & string>(key: K, ...[params]: PhraseArguments<C[K]>): { readonly zh: string; readonly en: string } => {
    const entry = catalog[key] as PhraseEntry;
    const values = params ?? {};
    return { zh: fillTemplate(entry.zh, values, "zh"), en: fillTemplate(entry.en, values, "en") };
  };
}

/** A list of ids, names or texts as each language writes it: "甲、乙" and "A, B". */
export function listText(items: readonly (string | { readonly zh: string; readonly en: string })[]): { readonly zh: string; readonly en: string } {
  const text = (lang: "zh" | "en") => items.map((x) => (typeof x === "string" ? x : x[lang]));
  return { zh: text("zh").join("、"), en: text("en").join(", ") };
}
