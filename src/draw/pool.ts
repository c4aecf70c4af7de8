// The pool's entities as the draw reads them (draw-v1 §4): their fields checked without zod (id well-formedness,
// tier, status, inspections), and duplicate ids — found by the sort of order.ts, named here, both rows — the one
// place where duplicates are detected, in a pool and across a manifest's strata.
import type { EntityStatus } from "../model/entity.js";
import type { RiskTier } from "../model/tier.js";
import { type Issue } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { encodeIds, slotOrder, withScratch } from "./order.js";

/**
 * The fields of an entity the draw reads. Every {@link Entity} fits; a portal may pass lighter objects.
 * @public
 */
export interface DrawEntity {
  /** Unique id (统一社会信用代码 or other): non-empty, no control characters, well-formed Unicode. */
  readonly id: string;
  /** Confidential credit-risk tier; decides the stratum when stratified by tier. */
  readonly tier?: RiskTier | undefined;
  /** Registration status; only `active` (存续, the default) can be drawn. */
  readonly status?: EntityStatus | undefined;
  /** Past inspections, for the "inspected recently for the same item" exclusion. */
  readonly inspections?: readonly { readonly date: string; readonly itemId?: string | undefined }[] | undefined;
  /** 行政区划代码 (6 digits); read by `region:<level>` stratifications (draw-v1 §4.2). */
  readonly regionCode?: string | undefined;
  /** 行业; read by `attribute:行业` (or `attribute:industry`). */
  readonly industry?: string | undefined;
  /** Entity kind; read by `attribute:类型` (or `attribute:kind`). */
  readonly kind?: string | undefined;
  /** Other columns, keyed by their header text; read by `attribute:<name>`. */
  readonly attributes?: Readonly<Record<string, string | number | boolean | null>> | undefined;
}

const TIERS = new Set(["A", "B", "C", "D"]);
const STATUSES = new Set(["active", "deregistered", "revoked", "moved_out", "suspended", "other"]);
const MAX_LISTED = 50;

// Control characters or surrogates: only ids that match need the character-by-character look.
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;

/**
 * Why a (non-empty string) id cannot go into a manifest ("control character", "lone surrogate"), "surrogate" when
 * it is valid but holds a surrogate pair (so code-unit order is not code point order), or null.
 * @internal
 */
export function idProblemOf(id: string): string | null | "surrogate" {
  return SUSPECT.test(id) ? idProblem(id) : null;
}

function idProblem(id: string): string | null | "surrogate" {
  let surrogate = false;
  for (let k = 0; k < id.length; k++) {
    const c = id.charCodeAt(k);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return "control character";
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = id.charCodeAt(k + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return "lone surrogate";
      surrogate = true;
      k++;
    }
  }
  return surrogate ? "surrogate" : null;
}

/** Result of {@link checkPool}. @internal */
export interface PoolCheck {
  readonly issues: Issue[];
  readonly hasSurrogates: boolean;
  /** UTF-16 code units of all string ids, and of the longest. */
  readonly units: number;
  readonly longest: number;
}

/**
 * Validates the fields the draw reads, without zod (a pool may hold millions of rows). Rows are 1-based
 * positions in `pool`. Duplicates are found after sorting, see {@link duplicateIssues}.
 * @internal
 */
export function checkPool(pool: unknown): PoolCheck {
  if (!Array.isArray(pool)) return { issues: [issue("invalid_type", { path: "pool", expected: "array", received: typeof pool })], hasSurrogates: false, units: 0, longest: 0 };
  const issues: Issue[] = [];
  let hasSurrogates = false;
  let units = 0;
  let longest = 0;
  for (let k = 0; k < pool.length; k++) {
    if (issues.length >= MAX_LISTED) break;
    const e = pool[k] as Partial<DrawEntity> | null;
    const row = k + 1;
    if (typeof e !== "object" || e === null) {
      issues.push(issue("invalid_type", { path: `pool.${k}`, expected: "object", received: e === null ? "null" : typeof e }, { row }));
      continue;
    }
    const id = e.id;
    if (typeof id !== "string" || id.length === 0) {
      issues.push(issue("entity_id_invalid", { row, id: shownValue(id ?? ""), detail: "empty or not a string" }, { row, field: "id" }));
      continue;
    }
    units += id.length;
    if (id.length > longest) longest = id.length;
    const problem = SUSPECT.test(id) ? idProblem(id) : null;
    if (problem === "surrogate") hasSurrogates = true;
    else if (problem !== null) issues.push(issue("entity_id_invalid", { row, id, detail: problem }, { row, field: "id" }));
    if (e.tier !== undefined && !TIERS.has(e.tier as string)) issues.push(issue("entity_field_invalid", { row, field: "tier", value: shownValue(e.tier) }, { row, field: "tier" }));
    if (e.inspections !== undefined && !Array.isArray(e.inspections)) issues.push(issue("entity_field_invalid", { row, field: "inspections", value: typeof e.inspections }, { row, field: "inspections" }));
    if (e.status !== undefined && !STATUSES.has(e.status as string)) issues.push(issue("entity_field_invalid", { row, field: "status", value: shownValue(e.status) }, { row, field: "status" }));
  }
  return { issues, hasSurrogates, units, longest };
}

// Duplicates: the sort finds whether there is one; naming them takes one more pass, only on failure.

/**
 * Any id in two of the lists (each without duplicates of its own): one byte-wise sort of them all. `hasSurrogates`
 * is ignored (UTF-8 byte order is code point order).
 * @internal
 */
export function hasDuplicateAcross(lists: readonly (readonly string[])[], hasSurrogates?: boolean): boolean {
  void hasSurrogates;
  const all = lists.flat();
  return withScratch(() => slotOrder(encodeIds(all), new Uint8Array(all.length), 1).hasDuplicate);
}

/** Every repeat of an id in `ids` (positions 0-based: where it first occurred, where it occurs again), at most `limit`. @internal */
export function repeatsOf(ids: readonly string[], limit: number): { id: string; first: number; second: number }[] {
  const seen = new Map<string, number>();
  const out: { id: string; first: number; second: number }[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as string;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, k);
    else if (out.length < limit) out.push({ id, first, second: k });
  }
  return out;
}

/**
 * Issues for ids that occur more than once in a pool, naming both rows (1-based). Called only when sorting found a
 * duplicate, so the extra pass costs nothing in the normal case.
 * @internal
 */
export function duplicateIssues(pool: readonly DrawEntity[]): Issue[] {
  const ids = pool.map((e) => e.id);
  return repeatsOf(ids, MAX_LISTED).map(({ id, first, second }) => issue("duplicate_entity_id", { id, first: first + 1, second: second + 1 }, { row: second + 1, field: "id" }));
}
