// The draw area's issue builder: its message catalogs, with the words of the tokens some issues carry (_words.ts).
import { coreMessages } from "../messages/core.js";
import { drawMessages } from "../messages/draw.js";
import { DRAW_WORDS } from "./_words.js";
import { modelMessages } from "../messages/model.js";
import type { HasPlaceholders, ParamsOf } from "../messages/types.js";
import { type Issue, type IssueCode, type IssueOptions, type IssueParams, issueFactory, type Message } from "../result.js";

const catalog = { ...coreMessages, ...modelMessages, ...drawMessages };
const build = /* @__PURE__ */ issueFactory(catalog);

/**
 * Params with the words of the tokens some draw issues carry: `field` and `reason` stay machine-readable codes
 * (`digest`, `tier_exempt`) and gain `fieldName` / `reasonName` ({zh, en}) for the messages; the presence tokens of
 * `expected`/`found` become words. So no caller needs its own token table to show the message without English.
 */
function withWords(params: IssueParams): IssueParams {
  const { field, reason, expected, found } = params;
  const word = (v: unknown): Message | undefined => (typeof v === "string" && Object.prototype.hasOwnProperty.call(DRAW_WORDS, v) ? DRAW_WORDS[v as keyof typeof DRAW_WORDS] : undefined);
  const fieldName = word(field);
  const reasonName = word(reason);
  const value = (v: typeof expected) => (v === "present" || v === "absent" || v === "missing" || (v === "?" && field === "id") ? (word(v) as Message) : v);
  if (!fieldName && !reasonName) return params;
  return {
    ...params, ...(fieldName ? { fieldName } : {}), ...(reasonName ? { reasonName } : {}),
    ...(expected !== undefined ? { expected: value(expected) } : {}), ...(found !== undefined ? { found: value(found) } : {}),
  };
}

type Catalog = typeof catalog;
/** The params of a draw issue without the words {@link withWords} adds from `field` and `reason`. */
type DrawIssueArguments<E extends Catalog[keyof Catalog]> = HasPlaceholders<E> extends true
  ? [params: Omit<ParamsOf<E>, "fieldName" | "reasonName"> & IssueParams, options?: IssueOptions]
  : [params?: IssueParams, options?: IssueOptions];

/** Builds an issue of the draw area: only the catalogs this area can emit are bundled with it. */
export function issue<K extends keyof Catalog & IssueCode>(code: K, ...[params = {}, options = {}]: DrawIssueArguments<Catalog[K]>): Issue {
  return (build as (code: K, params: IssueParams, options: IssueOptions) => Issue)(code, withWords(params), options);
}

/**
 * A value from a JSON file (or anything a caller passed) as text for a message, without ever throwing: `String`
 * throws on objects without a prototype and on symbols in templates.
 * @internal
 */
export function shownValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value === undefined) return String(value);
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}
