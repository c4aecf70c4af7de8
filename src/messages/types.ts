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

/** A text that differs by language, as a param value: its zh text fills the zh message, its en text the en one. */
type LocalizedValue = { readonly zh: string; readonly en: string };

/** What every catalog entry has: a zh and an en text. */
type Texts = { readonly zh: string; readonly en: string };

/** A value for one `{name}` placeholder. */
export type ParamValue = string | number | LocalizedValue;

// Characters that cannot occur in a placeholder name (the filler reads `{\w+}`): braces around prose such as
// "{ basis, citation }" are text, not placeholders.
type NotWord = " " | "," | "." | ":" | ";" | "\"" | "'" | "{" | "}" | "(" | ")" | "/" | "-" | "…";

/**
 * The `{name}` placeholders of a message template, as a union of names; `never` for a template without any, and
 * for a template typed only as `string` (a catalog not declared `as const` stays untyped).
 * @example
 * ```ts
 * type P = Placeholders<"{path}：类型不正确，应为{expected}">
 * //=> "path" | "expected"
 * ```
 */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends "" | `${string}${NotWord}${string}` ? never : Name) | Placeholders<Rest>
  : never;

/**
 * The params a catalog entry's message needs: one value per placeholder of its zh and en texts. Like zod v4's typed
 * issues, a placeholder left without a value is a type error instead of a `{name}` left in the message.
 */
export type ParamsOf<E extends Texts> = { readonly [K in Placeholders<E["zh"]> | Placeholders<E["en"]>]: ParamValue };

/** Whether a catalog entry's texts have any placeholder (then its params are required). */
export type HasPlaceholders<E extends Texts> = [Placeholders<E["zh"]> | Placeholders<E["en"]>] extends [never] ? false : true;

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
