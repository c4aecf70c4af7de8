/**
 * One entry of a message catalog: the default severity of the issue code and its message in
 * Chinese and English. `{name}` placeholders are filled from the params.
 */
export interface CatalogEntry {
  readonly severity: "error" | "warning" | "info";
  readonly zh: string;
  readonly en: string;
}

/** A message catalog: issue code → entry. Each area of the SDK owns one. */
export type Catalog = Readonly<Record<string, CatalogEntry>>;

/**
 * A value for one `{name}` placeholder: a text for every language, or one per language (its zh text fills the zh
 * message, its en text the en one).
 * @public
 */
export type ParamValue = string | number | { readonly zh: string; readonly en: string };

/**
 * The `{name}` placeholders of a message template, as a union of names; `never` for a template without any, and
 * for a template typed only as `string` (a catalog not declared `as const` stays untyped). For instance
 * `Placeholders<"{path}：应为{expected}">` is `"path" | "expected"`.
 * @public
 */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? // A name holds word characters only (the filler reads `{\w+}`): braces around prose ("{ basis, citation }") are text.
    (Name extends "" | `${string}${" " | "," | "." | ":" | ";" | "\"" | "'" | "{" | "}" | "(" | ")" | "/" | "-" | "…"}${string}` ? never : Name) | Placeholders<Rest>
  : never;

/**
 * The params a catalog entry's message needs: one value per placeholder of its zh and en texts. Like zod v4's typed
 * issues, a placeholder left without a value is a type error instead of a `{name}` left in the message.
 * @public
 */
export type ParamsOf<E extends { readonly zh: string; readonly en: string }> = { readonly [K in Placeholders<E["zh"]> | Placeholders<E["en"]>]: ParamValue };

/**
 * Whether a catalog entry's texts have any placeholder (then its params are required).
 * @public
 */
export type HasPlaceholders<E extends { readonly zh: string; readonly en: string }> = [Placeholders<E["zh"]> | Placeholders<E["en"]>] extends [never] ? false : true;

/**
 * A reusable text of a catalog that is no issue of its own (a label, a detail put into an issue's message): zh
 * and en with the same `{name}` placeholders.
 */
export interface PhraseEntry {
  readonly zh: string;
  readonly en: string;
}

/** A catalog of phrases: key → texts. */
export type PhraseCatalog = Readonly<Record<string, PhraseEntry>>;
