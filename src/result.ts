import { fillTemplate } from "./messages/render.js";
import type { IssueCode } from "./messages/index.js";
import type { Catalog, CatalogEntry, HasPlaceholders, ParamsOf, PhraseCatalog } from "./messages/types.js";
import { excerpt } from "./messages/excerpt.js";

export type { IssueCode } from "./messages/index.js";

/**
 * How serious an {@link Issue} is. `error` makes a {@link Result} fail; `warning` and `info` ride along
 * with a successful value.
 * @public
 */
export type Severity = "error" | "warning" | "info";

/**
 * A text in both languages of the SDK.
 * @public
 */
export interface Message {
  /** Simplified Chinese (the primary language). */
  readonly zh: string;
  /** English. */
  readonly en: string;
}

/**
 * One problem found in user input: a closed-union `code`, a severity, where it happened and a message in
 * zh and en.
 *
 * @example
 * ```ts
 * const r = parseEntity({ id: "", name: "x", kind: "企业", status: "存续" });
 * r.ok ? null : r.issues[0].code
 * //=> "too_small"
 * ```
 * @public
 */
export interface Issue {
  /** Stable machine-readable code, see {@link IssueCode}. */
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Path inside a structured input (object keys and array indexes). */
  readonly path?: readonly (string | number)[];
  /** 1-based row of a table input (CSV/XLSX/rows), header excluded unless stated. */
  readonly row?: number;
  /** Column header or field name of a table input. */
  readonly field?: string;
  /** The values the message was built from. */
  readonly params?: IssueParams;
  readonly message: Message;
  /** What to do about it, when there is something to say. */
  readonly hint?: Message;
}

/**
 * The outcome of every function that reads user data: a value with warnings, or the issues that stopped it.
 *
 * @remarks
 * `issues` and `warnings` are `readonly Issue[]`: the library never hands out an array it may share. A function of
 * yours that passes them on declares `readonly Issue[]` as its return type (an `Issue[]` return type does not
 * accept them), or copies them: `return [...r.issues];`.
 *
 * @example
 * ```ts
 * const r = parseRiskTier("D");
 * r.ok && r.value
 * //=> "D"
 * ```
 * @public
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Values for a message's `{name}` placeholders. A value that itself depends on the language is a
 * {@link Message}; its zh text goes into the zh message and its en text into the en message.
 * @public
 */
export type IssueParams = Readonly<Record<string, string | number | Message>>;

/**
 * Where an issue happened and any override of its catalog defaults.
 * @public
 */
export interface IssueOptions {
  readonly severity?: Severity;
  readonly path?: readonly (string | number)[];
  readonly row?: number;
  readonly field?: string;
  readonly hint?: Message;
}

/**
 * The arguments after the code of an issue builder: params are required, one per `{name}` placeholder of the
 * code's message, when the message has any (more params are allowed: they are kept in `Issue.params`). For a
 * code known only as a union, params fitting one of its messages will do.
 * @public
 */
export type IssueArguments<E extends CatalogEntry> = E extends CatalogEntry
  ? HasPlaceholders<E> extends true
    ? [params: ParamsOf<E> & IssueParams, options?: IssueOptions]
    : [params?: IssueParams, options?: IssueOptions]
  : never;

/** The params with long texts cut as {@link excerpt} cuts them: the mark in `lang`, or `…` alone for `Issue.params`. */
function excerpts(params: IssueParams, lang?: "zh" | "en"): IssueParams {
  const out: Record<string, string | number | Message> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "string" ? excerpt(v, lang) : typeof v === "object" && v !== null ? { zh: excerpt(v.zh, lang), en: excerpt(v.en, lang) } : v;
  return out;
}

/**
 * Makes an issue builder over a catalog: severity and zh/en messages come from the catalog, `{name}`
 * placeholders are filled from `params`. Each area of the SDK builds its issues from its own catalogs so
 * that a bundler keeps only the messages a module can emit.
 *
 * @remarks
 * For a catalog declared `as const`, the params are typed from the message texts ({@link IssueArguments}): a
 * placeholder without a value does not compile.
 *
 * @example
 * ```ts
 * const issue = issueFactory(messages);
 * issue("empty_pool").message.en
 * //=> "The pool is empty"
 * ```
 * @public
 */
/* @__NO_SIDE_EFFECTS__ */
export function issueFactory<C extends Catalog>(catalog: C) {
  return <K extends keyof C & IssueCode>(code: K, ...[params = {}, options = {}]: IssueArguments<C[K]>): Issue => {
    const entry = catalog[code] as CatalogEntry | undefined;
    // A code outside the catalog is a programmer error (possible from plain JavaScript): say which.
    if (entry === undefined) throw new DoubleRandomError("invalid_argument", `unknown issue code "${String(code)}"`);
    const out: { -readonly [K in keyof Issue]: Issue[K] } = {
      code,
      severity: options.severity ?? entry.severity,
      // A hostile cell is a million characters: messages and params quote an excerpt of long texts.
      message: { zh: fillTemplate(entry.zh, excerpts(params, "zh"), "zh"), en: fillTemplate(entry.en, excerpts(params, "en"), "en") },
    };
    if (options.path !== undefined) out.path = options.path;
    if (options.row !== undefined) out.row = options.row;
    if (options.field !== undefined) out.field = excerpt(options.field);
    if (Object.keys(params).length > 0) out.params = excerpts(params);
    if (options.hint !== undefined) out.hint = options.hint;
    return out;
  };
}

/**
 * A successful {@link Result}.
 * @example
 * ```ts
 * ok(3)
 * //=> { ok: true, value: 3, warnings: [] }
 * ```
 * @public
 */
export function ok<T>(value: T, warnings: readonly Issue[] = []): Result<T> {
  return { ok: true, value, warnings };
}

/**
 * A failed {@link Result}.
 * @example
 * ```ts
 * fail([createIssue("empty_pool", {}, { severity: "error" })]).ok
 * //=> false
 * ```
 * @public
 */
export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  return { ok: false, issues };
}

/**
 * Turns a value plus the issues found while computing it into a {@link Result}: it fails when any
 * issue is an error, otherwise the issues become warnings.
 * @example
 * ```ts
 * settle(1, [createIssue("empty_pool")]).ok
 * //=> true
 * ```
 * @public
 */
export function settle<T>(value: T, issues: readonly Issue[]): Result<T> {
  return issues.some((i) => i.severity === "error") ? fail(issues) : ok(value, issues);
}

/**
 * Thrown only for programmer errors (a wrong call, not wrong user data): carries a stable code.
 * @example
 * ```ts
 * new DoubleRandomError("empty_pool", "the pool is empty").code
 * //=> "empty_pool"
 * ```
 * @public
 */
export class DoubleRandomError extends Error {
  /** The issue code of the first issue, or a code of its own. */
  readonly code: IssueCode;
  /** All issues, when the error wraps a failed {@link Result}. */
  readonly issues: readonly Issue[];
  constructor(code: IssueCode, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = "DoubleRandomError";
    this.code = code;
    this.issues = issues;
  }
}

/**
 * Returns the value of a successful {@link Result}, or throws a {@link DoubleRandomError} carrying its issues.
 * For scripts and tests where a failure is a bug; portals should branch on `ok` instead.
 * @example
 * ```ts
 * unwrap(ok(5))
 * //=> 5
 * ```
 * @public
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const first = result.issues[0];
  throw new DoubleRandomError(
    first?.code ?? "invalid_input",
    result.issues.map((i) => `[${i.code}] ${i.message.en}`).join("\n"),
    result.issues,
  );
}

