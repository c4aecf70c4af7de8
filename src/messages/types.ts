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
