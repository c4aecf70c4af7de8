// The pool prepared for a draw (draw-v1 §4.1–§4.3): exclusion rules resolved and applied, the eligible ids
// partitioned into strata and sorted in code point order (duplicates refused), and the salted manifest built; the
// last preparation remembered so announce then draw read a large pool once.
import type { ExclusionCounts, ExclusionReason, ExclusionRules, Stratification } from "../model/record.js";
import type { RiskTier } from "../model/tier.js";
import { type Issue } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { CHUNK_LINES, encodedStratumDigest, idListDigest, manifestDigest, tierStratumKey } from "./digest.js";
import type { IdLookup } from "./stream.js";
import { formatIso, parseIso } from "../_internal/dates.js";
import { compareCodePoints, type EncodedIds, encodeIds, loneSurrogateAt, reserveScratch, scratch, slotOrder, withScratch } from "./order.js";
import { checkPool, type DrawEntity, duplicateIssues } from "./pool.js";

import { stratifier, stratumLabel, type StratumLabel, UNASSIGNED } from "./strata.js";
export type { StratumLabel };

/**
 * One stratum of a manifest: its opaque key, its confidential label, size, salted digest and its ids in
 * canonical (code point) order. The ids are what the draw indexes into: index i is `ids[i - 1]`.
 * @public
 */
export interface ManifestStratum {
  readonly key: string;
  readonly label: StratumLabel;
  readonly N: number;
  readonly digest: string;
  readonly ids: readonly string[];
}

/**
 * A canonical, salted pool manifest (draw-v1 §4). Confidential as a whole (labels and ids); its `digest` and
 * each stratum's key, N and digest are what gets published.
 * @public
 */
export interface Manifest {
  readonly stratification: Stratification;
  /** Lines per chunk of the chunked digest (65,536 in draw-v1). */
  readonly chunkLines: number;
  readonly digest: string;
  /** Strata in code point order of their keys. */
  readonly strata: readonly ManifestStratum[];
}

/**
 * What a manifest publishes, without its ids: the stratification and digest, and each stratum's key, size and digest.
 * A {@link Manifest} is one; the `…FromSource` functions return this (the ids stay in the source).
 * @public
 */
export interface ManifestDigests {
  readonly stratification: Stratification;
  /** Lines per chunk of the chunked digest (65,536 in draw-v1). */
  readonly chunkLines: number;
  readonly digest: string;
  /** Strata in code point order of their keys, with their confidential labels. */
  readonly strata: readonly { readonly key: string; readonly label: StratumLabel; readonly N: number; readonly digest: string }[];
}

/** The exclusion settings as a caller gives them. @public */
export interface ExclusionOptions {
  /** Tiers exempt from the draw (无事不扰), e.g. `["A"]`. Excluded with reason `tier_exempt`. */
  readonly exemptTiers?: readonly RiskTier[];
  /**
   * Leave out entities inspected for `itemId` in the `withinDays` days up to and including `asOf`; an inspection
   * naming no item counts too unless `withoutItem` is false (draw-v1 §4.1).
   */
  readonly recentInspection?: { readonly itemId: string; readonly asOf: string; readonly withinDays: number; readonly withoutItem?: boolean };
  /** Ids drawn in earlier batches of the year (e.g. `record.selections.map((s) => s.id)`). */
  readonly drawnEarlier?: readonly string[];
}

function isoMinusDays(iso: string, days: number): string | null {
  const day = parseIso(iso);
  return day === undefined ? null : formatIso(day - days);
}

/** Problems of a manifest salt: `salt_empty` or `seed_lone_surrogate` (errors), `salt_short` (warning). @internal */
export function saltIssues(salt: unknown): Issue[] {
  if (typeof salt !== "string" || salt.length === 0) return [issue("salt_empty")];
  const at = loneSurrogateAt(salt);
  if (at >= 0) return [issue("seed_lone_surrogate", { path: "salt", position: at })];
  return salt.length < 16 ? [issue("salt_short", { length: salt.length })] : [];
}

/** Validated rules plus issues. @internal */
export function resolveRules(options: ExclusionOptions): { rules: ExclusionRules; drawnEarlier: Set<string>; issues: Issue[] } {
  const issues: Issue[] = [];
  if (typeof options !== "object" || options === null) return { rules: { exemptTiers: [], recentInspection: null, drawnEarlier: null }, drawnEarlier: new Set(), issues: [issue("invalid_argument", { detail: "exclusions must be an object" })] };
  for (const field of ["exemptTiers", "drawnEarlier"] as const) {
    if (options[field] !== undefined && !Array.isArray(options[field])) issues.push(issue("invalid_argument", { detail: `exclusions.${field} must be an array` }));
  }
  if (issues.length > 0) return { rules: { exemptTiers: [], recentInspection: null, drawnEarlier: null }, drawnEarlier: new Set(), issues };
  const exempt = [...new Set(options.exemptTiers ?? [])].sort();
  for (const t of exempt) if (!["A", "B", "C", "D"].includes(t)) issues.push(issue("invalid_value", { path: "exemptTiers", expected: "A | B | C | D", received: shownValue(t) }));
  let recent: ExclusionRules["recentInspection"] = null;
  if (options.recentInspection !== undefined && options.recentInspection !== null) {
    const { itemId, asOf, withinDays } = options.recentInspection;
    if (typeof itemId !== "string" || itemId.length === 0) issues.push(issue("invalid_argument", { detail: "recentInspection.itemId must be a non-empty string" }));
    if (typeof asOf !== "string" || isoMinusDays(asOf, 0) === null) issues.push(issue("date_invalid", { path: "recentInspection.asOf", value: shownValue(asOf) }));
    if (!Number.isSafeInteger(withinDays) || withinDays < 1) issues.push(issue("invalid_argument", { detail: "recentInspection.withinDays must be an integer ≥ 1" }));
    recent = { itemId, asOf, withinDays, ...(options.recentInspection.withoutItem === false ? {} : { withoutItem: true as const }) };
  }
  const earlier = [...new Set(options.drawnEarlier ?? [])];
  if (earlier.some((id) => typeof id !== "string" || loneSurrogateAt(id) >= 0)) {
    // Nothing to commit to: the digest is only defined over well-formed ids.
    issues.push(issue("invalid_argument", { detail: "drawnEarlier must hold well-formed string ids" }));
    return { rules: { exemptTiers: [], recentInspection: null, drawnEarlier: null }, drawnEarlier: new Set(), issues };
  }
  const rules: ExclusionRules = {
    exemptTiers: exempt,
    recentInspection: recent,
    drawnEarlier: earlier.length > 0 ? { count: earlier.length, digest: idListDigest(earlier.slice().sort(compareCodePoints)) } : null,
  };
  return { rules, drawnEarlier: new Set(earlier), issues };
}

/** Why an entity is excluded under `rules`, or null. @internal */
export function exclusionOf(e: DrawEntity, rules: ExclusionRules, drawnEarlier: ReadonlySet<string>, cutoff: string | null): ExclusionReason | null {
  if (e.status !== undefined && e.status !== "active") return "inactive";
  if (e.tier !== undefined && rules.exemptTiers.includes(e.tier)) return "tier_exempt";
  if (drawnEarlier.size > 0 && drawnEarlier.has(e.id)) return "drawn_earlier";
  if (cutoff !== null && rules.recentInspection && e.inspections) {
    const { itemId, asOf } = rules.recentInspection;
    for (const i of e.inspections) {
      const forItem = i?.itemId === itemId || (i?.itemId === undefined && rules.recentInspection.withoutItem === true);
      if (typeof i === "object" && i !== null && forItem && typeof i.date === "string" && i.date > cutoff && i.date <= asOf) return "recently_inspected";
    }
  }
  return null;
}

/** What {@link preparePool} returns. @internal */
export interface Prepared {
  /** Each stratum's `ids` is built when first read. */
  readonly manifest: Manifest;
  readonly counts: ExclusionCounts;
  readonly rules: ExclusionRules;
  /** The id at a 1-based canonical index of a stratum, read without building the manifest's id arrays. */
  readonly lookup: IdLookup;
}

/**
 * Validates the pool, applies the exclusions, partitions it into strata, sorts each in code point order and
 * computes the salted chunked digests. One pass over the pool, one byte-wise radix sort of its ids (UTF-8 in one
 * buffer), the manifest lines written into a buffer and hashed per chunk.
 *
 * The preparation of the last pool array prepared is remembered (weakly: it goes with the pool): `announce` then
 * `draw` in one process prepare the pool once. A remembered preparation is used only when the same stratification,
 * salt and exclusion rules are asked for and every entity still has the id, tier and status it had (compared one
 * by one, so an edited pool is prepared again); the ids handed out are always fresh arrays.
 * @internal
 */
export function preparePool(
  pool: readonly DrawEntity[],
  stratify: Stratification,
  salt: string,
  exclusions: ExclusionOptions,
): { prepared?: Prepared; issues: Issue[] } {
  return withScratch(() => prepareNow(pool, stratify, salt, exclusions));
}

function prepareNow(
  pool: readonly DrawEntity[],
  stratify: Stratification,
  salt: string,
  exclusions: ExclusionOptions,
): { prepared?: Prepared; issues: Issue[] } {
  const remembered = recall(pool, stratify, salt, exclusions);
  if (remembered) return remembered;
  const { core, issues } = partitionCore(pool, stratify, salt, exclusions, memoKey(stratify, salt, exclusions) !== null);
  if (!core) return { issues };
  const { counts, rules, groups, order, encoded } = core;
  const strata: Held[] = [];
  for (const { label, from, to } of groups) {
    const key = stratify === "none" ? "all" : tierStratumKey(label, salt);
    const digest = encodedStratumDigest(encoded, order, from, to, key, salt);
    // The pool positions of the stratum in canonical order, copied out of the scratch order (4 bytes an id, outside
    // the JS heap): the ids are read through them on request, never copied into arrays of strings here.
    strata.push({ key, label, N: to - from, digest, positions: order.slice(from, to) });
  }
  strata.sort((a, b) => compareCodePoints(a.key, b.key));
  const collision = keyCollision(strata);
  if (collision) return { issues: [...issues, collision] };
  const memo: HeldPreparation = { ids: core.ids, strata, digest: manifestDigest(strata), stratification: stratify, counts, rules };
  if (!issues.some((i) => i.severity === "error")) remember(pool, stratify, salt, core, memo, issues);
  return { prepared: handOut(memo), issues: [...issues] };
}

/** `stratum_key_collision` when two strata (sorted by key) share a key. @internal */
export function keyCollision(strata: readonly { readonly key: string }[]): Issue | undefined {
  for (let k = 1; k < strata.length; k++) {
    if ((strata[k] as { key: string }).key === (strata[k - 1] as { key: string }).key) return issue("stratum_key_collision", { key: (strata[k] as { key: string }).key });
  }
  return undefined;
}

/** One stratum as prepared: its published fields and the pool positions of its ids in canonical order. */
interface Held {
  readonly key: string;
  readonly label: StratumLabel;
  readonly N: number;
  readonly digest: string;
  readonly positions: Uint32Array;
}

/** A preparation as remembered: the ids as they were read (pool order) and the strata over them. */
interface HeldPreparation {
  readonly ids: readonly string[];
  readonly strata: readonly Held[];
  readonly digest: string;
  readonly stratification: Stratification;
  readonly counts: ExclusionCounts;
  readonly rules: ExclusionRules;
}

/**
 * A fresh {@link Prepared} over a held preparation. Each stratum's `ids` is an array built on first read (then a
 * plain property of that object, the caller's to keep or change): at 10^7 entities announce, draw and verify read
 * only the drawn ids (through `lookup`), and building 10^7-entry arrays they never read was most of their memory.
 */
function handOut(p: HeldPreparation): Prepared {
  const { ids } = p;
  const strata = p.strata.map(({ key, label, N, digest, positions }) => {
    const stratum = { key, label, N, digest } as ManifestStratum;
    const become = (value: unknown) => Object.defineProperty(stratum, "ids", { value, enumerable: true, configurable: true, writable: true });
    let built: string[] | undefined;
    Object.defineProperty(stratum, "ids", {
      enumerable: true,
      configurable: true,
      get(): readonly string[] {
        if (!built) {
          built = new Array<string>(positions.length).fill("");
          for (let i = 0; i < positions.length; i++) built[i] = ids[positions[i] as number] as string;
        }
        // A plain property from now on; a frozen stratum keeps the accessor, which returns the same array.
        if (Object.isExtensible(stratum) && !Object.isFrozen(stratum)) become(built);
        return built;
      },
      set(value: readonly string[]) {
        become(value);
      },
    });
    return stratum;
  });
  const positionsOf = new Map(p.strata.map((s) => [s.key, s.positions]));
  const lookup: IdLookup = (key, index) => {
    const positions = positionsOf.get(key);
    const at = positions === undefined || !Number.isInteger(index) ? undefined : positions[index - 1];
    return at === undefined ? undefined : ids[at];
  };
  return {
    manifest: { stratification: p.stratification, chunkLines: CHUNK_LINES, digest: p.digest, strata },
    counts: { ...p.counts },
    rules: JSON.parse(JSON.stringify(p.rules)) as ExclusionRules,
    lookup,
  };
}

interface Memo {
  readonly key: string;
  /** Tier and status of every entity as small codes, and whether its `inspections` was an array or absent. */
  readonly fields: Uint8Array;
  readonly prepared: HeldPreparation;
  readonly issues: readonly Issue[];
}

const memos = /* @__PURE__ */ new WeakMap<object, Memo>();
// Only the last pool prepared is remembered: a verifier's copy must not double what a 10^7 pool costs.
let lastPool: WeakRef<object> | undefined;
const TIER_CODES: Readonly<Record<string, number>> = { A: 1, B: 2, C: 3, D: 4 };
const STATUS_CODES: Readonly<Record<string, number>> = { active: 1, deregistered: 2, revoked: 3, moved_out: 4, suspended: 5, other: 6 };

function fieldsOf(e: DrawEntity): number {
  const tier = e.tier === undefined ? 0 : (TIER_CODES[e.tier] ?? 7);
  const status = e.status === undefined ? 0 : (STATUS_CODES[e.status] ?? 7);
  const inspections = e.inspections === undefined ? 0 : Array.isArray(e.inspections) ? 1 : 2;
  return tier | (status << 3) | (inspections << 6);
}

// Everything besides the pool that decides a preparation; null when the exclusions read more than id, tier and
// status (the past inspections), which are not remembered.
function memoKey(stratify: Stratification, salt: string, exclusions: ExclusionOptions): string | null {
  // Other stratifications read fields the memo does not compare (region codes, attributes).
  if (typeof exclusions !== "object" || exclusions === null || exclusions.recentInspection != null || (stratify !== "none" && stratify !== "tier")) return null;
  const resolved = resolveRules(exclusions);
  return resolved.issues.length > 0 ? null : JSON.stringify([stratify, salt, resolved.rules]);
}

function remember(pool: readonly DrawEntity[], stratify: Stratification, salt: string, core: Core, prepared: HeldPreparation, issues: readonly Issue[]): void {
  const key = memoKey(stratify, salt, core.exclusions);
  const fields = core.fields;
  if (key === null || !Array.isArray(pool) || fields === undefined) return;
  const previous = lastPool?.deref();
  if (previous) memos.delete(previous);
  memos.set(pool, { key, fields, prepared, issues });
  lastPool = typeof WeakRef === "function" ? new WeakRef(pool) : undefined;
}

function recall(pool: readonly DrawEntity[], stratify: Stratification, salt: string, exclusions: ExclusionOptions): { prepared: Prepared; issues: Issue[] } | undefined {
  if (!Array.isArray(pool)) return undefined;
  const memo = memos.get(pool);
  if (!memo || memo.prepared.ids.length !== pool.length || memo.key !== memoKey(stratify, salt, exclusions)) return undefined;
  const { fields } = memo;
  const { ids } = memo.prepared;
  for (let k = 0; k < pool.length; k++) {
    const e = pool[k] as DrawEntity | null;
    if (typeof e !== "object" || e === null || e.id !== ids[k] || fieldsOf(e) !== fields[k]) {
      memos.delete(pool);
      return undefined;
    }
  }
  return { prepared: handOut(memo.prepared), issues: [...memo.issues] };
}

/** The eligible ids of a pool per stratum label, each list in code point order, with the exclusions. @internal */
export interface Partition {
  readonly lists: ReadonlyMap<StratumLabel, string[]>;
  readonly counts: ExclusionCounts;
  readonly rules: ExclusionRules;
}

function idsAt(ids: readonly string[], order: Uint32Array, from: number, to: number): string[] {
  const out: string[] = new Array<string>(to - from).fill("");
  for (let i = from; i < to; i++) out[i - from] = ids[order[i] as number] as string;
  return out;
}

const SLOT_LABELS: readonly StratumLabel[] = ["A", "B", "C", "D", "untiered", "all"];

interface Core {
  readonly ids: readonly string[];
  readonly encoded: EncodedIds;
  /** Pool positions, each stratum's range `[from, to)` in code point order of id. */
  readonly order: Uint32Array;
  /** The strata with eligible entities: label and range in {@link Core.order}. */
  readonly groups: readonly { readonly label: StratumLabel; readonly from: number; readonly to: number }[];
  readonly counts: ExclusionCounts;
  readonly rules: ExclusionRules;
  readonly exclusions: ExclusionOptions;
  /** {@link fieldsOf} every entity, when asked for (a preparation to remember), read in the same pass as the rest. */
  readonly fields?: Uint8Array | undefined;
}

/**
 * The first half of {@link preparePool}: validates the pool (and the salt, unless null), applies the exclusions,
 * partitions it into strata by label and sorts each in code point order. No digest.
 * @internal
 */
export function partitionPool(
  pool: readonly DrawEntity[],
  stratify: Stratification,
  salt: string | null,
  exclusions: ExclusionOptions,
): { partition?: Partition; issues: Issue[] } {
  return withScratch(() => {
    const { core, issues } = partitionCore(pool, stratify, salt, exclusions);
    if (!core) return { issues };
    const lists = new Map<StratumLabel, string[]>();
    for (const { label, from, to } of core.groups) lists.set(label, idsAt(core.ids, core.order, from, to));
    return { partition: { lists, counts: core.counts, rules: core.rules }, issues };
  });
}

function partitionCore(
  pool: readonly DrawEntity[],
  stratify: Stratification,
  salt: string | null,
  exclusions: ExclusionOptions,
  withFields = false,
): { core?: Core; issues: Issue[] } {
  const check = checkPool(pool);
  const issues: Issue[] = [...check.issues];
  const made = typeof stratify === "string" ? stratifier(stratify) : undefined;
  if (!made?.ok) for (const i of made ? made.issues : [issue("stratification_invalid", { value: shownValue(stratify), detail: { zh: "应为字符串", en: "must be a string" } })]) issues.push(i);
  if (salt !== null) issues.push(...saltIssues(salt));
  const resolved = resolveRules(exclusions);
  issues.push(...resolved.issues);
  if (!made?.ok || issues.some((i) => i.severity === "error")) return { issues };

  const { rules, drawnEarlier } = resolved;
  const cutoff = rules.recentInspection ? isoMinusDays(rules.recentInspection.asOf, rules.recentInspection.withinDays) : null;
  const counts = { inactive: 0, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 0 };
  // Slot of every entity: 0–4 tiers A–D and untiered, 5 any other stratification (labels apart), 6 excluded.
  const strata = made.value;
  const useTier = stratify === "tier";
  const general = stratify !== "tier" && stratify !== "none";
  const n = pool.length;
  const slots = scratch("slots", Uint8Array, n);
  // Label number of every eligible entity under a general stratification (labels[number]).
  const labelNumbers = general ? new Uint32Array(n) : undefined;
  const labelNumber = new Map<StratumLabel, number>();
  const labels: StratumLabel[] = [];
  const unassigned = new Array<number>(strata.parts.length).fill(0);
  // Filled first, so the array is packed with its final size (growing it by push copies it ~20 times).
  const ids: string[] = new Array<string>(n).fill("");
  const fields = withFields ? new Uint8Array(n) : undefined;
  const anyRule = rules.exemptTiers.length > 0 || drawnEarlier.size > 0 || cutoff !== null;
  for (let k = 0; k < n; k++) {
    const e = pool[k] as DrawEntity;
    ids[k] = e.id;
    if (fields) fields[k] = fieldsOf(e);
    const reason = e.status === undefined || e.status === "active" ? (anyRule ? exclusionOf(e, rules, drawnEarlier, cutoff) : null) : "inactive";
    let slot: number;
    if (reason !== null) {
      counts[reason]++;
      slot = 6;
    } else if (labelNumbers) {
      slot = 5;
      const parts = strata.checkedPartLabelsOf(e);
      if (parts === undefined) {
        const problem = strata.problemOf(e) as { field: string; value: string };
        if (issues.length < 50) issues.push(issue("entity_field_invalid", { row: k + 1, field: problem.field, value: problem.value }, { row: k + 1, field: problem.field }));
        continue;
      }
      for (let p = 0; p < parts.length; p++) if (parts[p] === UNASSIGNED) unassigned[p] = (unassigned[p] as number) + 1;
      const label = stratumLabel(parts);
      let number = labelNumber.get(label);
      if (number === undefined) {
        number = labels.length;
        labels.push(label);
        labelNumber.set(label, number);
      }
      labelNumbers[k] = number;
    } else {
      const t = e.tier;
      slot = useTier ? (t === "A" ? 0 : t === "B" ? 1 : t === "C" ? 2 : t === "D" ? 3 : 4) : 5;
    }
    slots[k] = slot;
  }
  if (issues.some((i) => i.severity === "error")) return { issues };
  strata.parts.forEach((part, p) => {
    if ((unassigned[p] as number) > 0) issues.push(issue("stratum_unassigned", { count: unassigned[p] as number, field: part.kind === "region" ? "regionCode" : part.kind === "attribute" ? part.name : "tier", part: part.text }));
  });
  // The rest of the scratch arrays as one reservation (order.ts says why), made only now: its size starts V8 marking
  // the whole heap, and while marking runs every pointer stored (the 10^7 ids above) costs a barrier. The ids' bytes
  // (ASCII; other ids take their own buffer) and offsets, the sort's two orders and two digit arrays (four 16-bit
  // digits an id: USCCs up to 10^8; more take their own), a chunk of manifest lines.
  reserveScratch(check.units + 4 * (n + 1) + 8 * n + 16 * n + Math.min(n, CHUNK_LINES) * (3 * check.longest + 16) + 64);
  // One order of every id (excluded ones included, so a duplicate is found wherever it is), then a stable split by
  // slot: each stratum comes out sorted.
  const encoded = encodeIds(ids);
  const sorted = slotOrder(encoded, slots, 7);
  if (sorted.hasDuplicate) return { issues: [...issues, ...duplicateIssues(pool)] };
  const { order, slotStart } = sorted;
  const groups: { label: StratumLabel; from: number; to: number }[] = [];
  if (!labelNumbers) {
    for (let slot = 0; slot < SLOT_LABELS.length; slot++) {
      const from = slotStart[slot] as number;
      const to = slotStart[slot + 1] as number;
      if (from < to) groups.push({ label: SLOT_LABELS[slot] as StratumLabel, from, to });
    }
    return { core: { ids, encoded, order, groups, counts, rules, exclusions, fields }, issues };
  }
  // The eligible range (slot 5) regrouped by label, stably (a counting sort): each label's ids stay in code point order.
  const from = slotStart[5] as number;
  const to = slotStart[6] as number;
  const starts = new Uint32Array(labels.length + 1);
  for (let i = from; i < to; i++) {
    const l = (labelNumbers[order[i] as number] as number) + 1;
    starts[l] = (starts[l] as number) + 1;
  }
  for (let l = 0; l < labels.length; l++) starts[l + 1] = (starts[l + 1] as number) + (starts[l] as number);
  const regrouped = new Uint32Array(to - from);
  const next = starts.slice(0, labels.length);
  for (let i = from; i < to; i++) {
    const k = order[i] as number;
    const l = labelNumbers[k] as number;
    regrouped[next[l] as number] = k;
    next[l] = (next[l] as number) + 1;
  }
  labels.forEach((label, l) => groups.push({ label, from: starts[l] as number, to: starts[l + 1] as number }));
  return { core: { ids, encoded, order: regrouped, groups, counts, rules, exclusions, fields }, issues };
}
