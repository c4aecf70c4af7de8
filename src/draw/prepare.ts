import type { ExclusionCounts, ExclusionReason, ExclusionRules, Stratification } from "../model/record.js";
import type { RiskTier } from "../model/tier.js";
import { type Issue } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { idListDigest, manifestDigest, stratumDigest, tierStratumKey } from "./digest.js";
import { formatIso, parseIso } from "../_internal/dates.js";
import { compareCodePoints, loneSurrogateAt, radixOrder, sortCodePointsInPlace } from "./order.js";
import { checkPool, type DrawEntity, duplicateIssues } from "./pool.js";

/** Label of a stratum: a tier, `untiered`, or `all` when unstratified. Confidential (never published). @public */
export type StratumLabel = RiskTier | "untiered" | "all";

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

const LABELS: readonly StratumLabel[] = ["A", "B", "C", "D", "untiered"];
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
  readonly manifest: Manifest;
  readonly counts: ExclusionCounts;
  readonly rules: ExclusionRules;
  readonly excluded: readonly { id: string; reason: ExclusionReason }[];
}

function hasAdjacentDuplicate(sorted: readonly string[]): boolean {
  for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) return true;
  return false;
}

/**
 * Any id in two of the lists (each sorted, without duplicates of its own): one k-way merge that reads each id once (the ids live all over the
 * heap, so reading them is what costs; the current heads stay in registers).
 * @internal
 */
export function hasDuplicateAcross(lists: readonly (readonly string[])[], hasSurrogates: boolean): boolean {
  const live = lists.filter((l) => l.length > 0);
  if (live.length < 2) return false;
  if (hasSurrogates) {
    // Rare (astral ids): a simple merge of everything in code point order.
    const all = live.flat();
    sortCodePointsInPlace(all, true);
    return hasAdjacentDuplicate(all);
  }
  const k = live.length;
  const pos = new Int32Array(k);
  const len = Int32Array.from(live, (l) => l.length);
  const heads: string[] = live.map((l) => l[0] as string);
  let remaining = k;
  let previous = "";
  let first = true;
  while (remaining > 1) {
    let best = -1;
    let bestValue = "";
    for (let j = 0; j < k; j++) {
      if ((pos[j] as number) >= (len[j] as number)) continue;
      const h = heads[j] as string;
      if (best < 0 || h < bestValue) {
        best = j;
        bestValue = h;
      }
    }
    if (!first && bestValue === previous) return true;
    first = false;
    previous = bestValue;
    const p = (pos[best] as number) + 1;
    pos[best] = p;
    if (p < (len[best] as number)) heads[best] = (live[best] as readonly string[])[p] as string;
    else remaining--;
  }
  for (let j = 0; j < k; j++) if ((pos[j] as number) < (len[j] as number)) return heads[j] === previous;
  return false;
}

/**
 * Validates the pool, applies the exclusions, partitions it into strata, sorts each in code point order and
 * computes the salted chunked digests. One pass over the pool, one sort per stratum.
 * @internal
 */
export function preparePool(
  pool: readonly DrawEntity[],
  stratify: Stratification,
  salt: string,
  exclusions: ExclusionOptions,
): { prepared?: Prepared; issues: Issue[] } {
  const { partition, issues } = partitionPool(pool, stratify, salt, exclusions);
  if (!partition) return { issues };
  const { lists, counts, rules, excluded } = partition;
  const useTier = stratify === "tier";
  const strata: ManifestStratum[] = [];
  for (const label of useTier ? LABELS : (["all"] as const)) {
    const ids = lists.get(label);
    if (!ids) continue;
    const key = useTier ? tierStratumKey(label, salt) : "all";
    strata.push({ key, label, N: ids.length, digest: stratumDigest(ids, key, salt), ids });
  }
  strata.sort((a, b) => compareCodePoints(a.key, b.key));
  const collision = keyCollision(strata);
  if (collision) return { issues: [...issues, collision] };
  const manifest: Manifest = { stratification: stratify, chunkLines: 65_536, digest: manifestDigest(strata), strata };
  return { prepared: { manifest, counts, rules, excluded }, issues };
}

/** `stratum_key_collision` when two strata (sorted by key) share a key. @internal */
export function keyCollision(strata: readonly { readonly key: string }[]): Issue | undefined {
  for (let k = 1; k < strata.length; k++) {
    if ((strata[k] as { key: string }).key === (strata[k - 1] as { key: string }).key) return issue("stratum_key_collision", { key: (strata[k] as { key: string }).key });
  }
  return undefined;
}

/** The eligible ids of a pool per stratum label, each list in code point order, with the exclusions. @internal */
export interface Partition {
  readonly lists: ReadonlyMap<StratumLabel, string[]>;
  readonly counts: ExclusionCounts;
  readonly rules: ExclusionRules;
  readonly excluded: readonly { id: string; reason: ExclusionReason }[];
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
  const check = checkPool(pool);
  const issues: Issue[] = [...check.issues];
  if (stratify !== "none" && stratify !== "tier") issues.push(issue("invalid_value", { path: "stratify", expected: "none | tier", received: shownValue(stratify) }));
  if (salt !== null) issues.push(...saltIssues(salt));
  const resolved = resolveRules(exclusions);
  issues.push(...resolved.issues);
  if (issues.some((i) => i.severity === "error")) return { issues };

  const { rules, drawnEarlier } = resolved;
  const cutoff = rules.recentInspection ? isoMinusDays(rules.recentInspection.asOf, rules.recentInspection.withinDays) : null;
  const counts = { inactive: 0, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 0 };
  const excluded: { id: string; reason: ExclusionReason }[] = [];
  // Slot of every entity: 0–4 tiers A–D and untiered, 5 unstratified, 6 excluded.
  const useTier = stratify === "tier";
  const slots = new Uint8Array(pool.length);
  const allIds = new Array<string>(pool.length);
  const anyRule = rules.exemptTiers.length > 0 || drawnEarlier.size > 0 || cutoff !== null;
  for (let k = 0; k < pool.length; k++) {
    const e = pool[k] as DrawEntity;
    allIds[k] = e.id;
    const reason = e.status === undefined || e.status === "active" ? (anyRule ? exclusionOf(e, rules, drawnEarlier, cutoff) : null) : "inactive";
    if (reason !== null) {
      counts[reason]++;
      excluded.push({ id: e.id, reason });
      slots[k] = 6;
      continue;
    }
    const t = e.tier;
    slots[k] = useTier ? (t === "A" ? 0 : t === "B" ? 1 : t === "C" ? 2 : t === "D" ? 3 : 4) : 5;
  }
  const byLabel: string[][] = [[], [], [], [], [], [], []];
  // One global order of every id (excluded ones included, so a duplicate is found wherever it is), then a
  // stable split by slot: each stratum comes out sorted.
  const radix = check.hasSurrogates ? null : radixOrder(allIds);
  if (radix) {
    if (radix.hasDuplicate) return { issues: [...issues, ...duplicateIssues(pool)] };
    const { order } = radix;
    for (let i = 0; i < order.length; i++) {
      const k = order[i] as number;
      (byLabel[slots[k] as number] as string[]).push(allIds[k] as string);
    }
  } else {
    for (let k = 0; k < pool.length; k++) (byLabel[slots[k] as number] as string[]).push(allIds[k] as string);
    let duplicate = false;
    for (const list of byLabel) {
      sortCodePointsInPlace(list, check.hasSurrogates);
      if (!duplicate && hasAdjacentDuplicate(list)) duplicate = true;
    }
    if (duplicate || hasDuplicateAcross(byLabel, check.hasSurrogates)) return { issues: [...issues, ...duplicateIssues(pool)] };
  }
  const SLOT_LABELS: readonly StratumLabel[] = ["A", "B", "C", "D", "untiered", "all"];
  const lists = new Map<StratumLabel, string[]>();
  for (let j = 0; j < SLOT_LABELS.length; j++) {
    const ids = byLabel[j] as string[];
    if (ids.length > 0) lists.set(SLOT_LABELS[j] as StratumLabel, ids);
  }
  return { partition: { lists, counts, rules, excluded }, issues };
}
