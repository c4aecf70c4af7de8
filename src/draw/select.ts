import type { Announcement, Entropy, ExclusionRules, Replacement, Selection } from "../model/record.js";
import { type Issue } from "../result.js";
import { ENTROPY_KIND_WORDS } from "./_words.js";
import { entropyShapeIssues } from "./entropy.js";
import type { PublishedCopy } from "./replacementLog.js";
import { issue } from "./_issue.js";
import { announcementDigest } from "./announce.js";
import { sha256Hex } from "./digest.js";
import { drawWithoutReplacement } from "./rivest.js";
import type { DrawEntity } from "./pool.js";
import { type ExclusionOptions, type Manifest, preparePool, type Prepared } from "./prepare.js";
import { stratumSeed } from "./seed.js";
import { streamOf } from "./stream.js";

/**
 * Options shared by {@link draw}, {@link verifyDraw} and {@link replaceSelections}.
 * @public
 */
export interface DrawOptions {
  /** The manifest salt used when announcing (kept secret by the department, given to auditors). */
  readonly salt: string;
  /** Ids drawn in earlier batches, when the announcement excluded them (checked against its commitment). */
  readonly drawnEarlier?: readonly string[];
  /**
   * Verification only: copies of this record published earlier (their number of replacements and
   * `replacementsHead`); the record's replacement chain must extend each (draw-v1 §7.2), else `replacement_log_rewritten`.
   */
  readonly earlier?: readonly PublishedCopy[];
}

/** Issues when the entropy is not what the announcement named: kind, beacon round, commitments, shape (§6.1). @internal */
export function entropyIssues(announcement: Announcement, entropy: Entropy): Issue[] {
  const src = announcement.entropySource;
  if (entropy.kind !== src.kind) return [issue("entropy_source_mismatch", { expected: ENTROPY_KIND_WORDS[src.kind], found: ENTROPY_KIND_WORDS[entropy.kind] })];
  const prefix = { lottery: "lottery:", dice: "dice:", beacon: "beacon:", commitReveal: "reveal:" }[entropy.kind];
  if (!entropy.value.startsWith(prefix)) return [issue("entropy_invalid", { detail: { zh: `取值应以“${prefix}”开头`, en: `value must start with "${prefix}"` } })];
  if (src.kind === "beacon") {
    const round = entropy.value.split(":")[1];
    if (round !== String(src.round)) return [issue("entropy_source_mismatch", { expected: { zh: `信标第${src.round}轮`, en: `beacon round ${src.round}` }, found: { zh: `第${round ?? "?"}轮`, en: `round ${round ?? "?"}` } })];
  }
  if (src.kind === "commitReveal") {
    const secrets = entropy.value.slice(prefix.length).split("/");
    secrets.pop();
    if (secrets.length !== src.commitments.length) return [issue("entropy_invalid", { detail: { zh: "每个公布的承诺须揭示一个秘密值", en: "one secret per published commitment is needed" } })];
    const issues: Issue[] = [];
    secrets.forEach((s, k) => {
      if (sha256Hex(s) !== src.commitments[k]) issues.push(issue("commitment_mismatch", { position: k + 1, commitment: src.commitments[k] as string }));
    });
    return issues;
  }
  // The shape (count of lottery numbers, of dice digits) when the announcement fixed it.
  return entropyShapeIssues(src, entropy);
}

/** Announcement self-consistency: its digest is the digest of its content. @internal */
export function announcementIssues(announcement: Announcement): Issue[] {
  const expected = announcementDigest(announcement as unknown as Record<string, unknown>);
  return expected === announcement.digest ? [] : [issue("announcement_altered", { expected, found: announcement.digest }, { path: ["announcement", "digest"] })];
}

/** Rebuilds the manifest of `pool` under the announced rules. @internal */
export function rebuild(announcement: Announcement, pool: readonly DrawEntity[], options: DrawOptions): { prepared?: Prepared; issues: Issue[] } {
  const rules = announcement.exclusions.rules;
  const exclusions: ExclusionOptions = {
    exemptTiers: rules.exemptTiers,
    ...recentOptionOf(rules.recentInspection),
    ...(options.drawnEarlier ? { drawnEarlier: options.drawnEarlier } : {}),
  };
  const out = preparePool(pool, announcement.stratification, options.salt, exclusions);
  if (!out.prepared) return out;
  const mismatch = drawnEarlierIssues(rules.drawnEarlier, out.prepared.rules.drawnEarlier);
  return mismatch.length > 0 ? { issues: [...out.issues, ...mismatch] } : out;
}

/**
 * The recent-inspection rule of an announcement as an exclusion option: an announced rule without `withoutItem` (made
 * before draw-v1 §4.1 said so) keeps its original reading, so its record verifies as it did.
 * @internal
 */
export function recentOptionOf(rule: ExclusionRules["recentInspection"]): Pick<ExclusionOptions, "recentInspection"> {
  return rule ? { recentInspection: { itemId: rule.itemId, asOf: rule.asOf, withinDays: rule.withinDays, withoutItem: rule.withoutItem === true } } : {};
}

/** `drawn_earlier_mismatch` when the given earlier-batch ids do not give the announced commitment. @internal */
export function drawnEarlierIssues(announced: ExclusionRules["drawnEarlier"], given: ExclusionRules["drawnEarlier"]): Issue[] {
  if ((given?.digest ?? null) === (announced?.digest ?? null)) return [];
  const show = (x: typeof given) => (x ? `${x.count} ids, ${x.digest.slice(0, 16)}…` : "none");
  return [issue("drawn_earlier_mismatch", { expected: show(announced), found: show(given) })];
}

/**
 * The id at a 1-based canonical index of a stratum (by key), or undefined when unknown. From a manifest in memory
 * ({@link lookupOf}) or from the ids a pool source returned (src/draw/source.ts).
 * @internal
 */
export type IdLookup = (key: string, index: number) => string | undefined;

/** The lookup of a manifest's ids, or undefined without a manifest. @internal */
export function lookupOf(manifest: Manifest | undefined): IdLookup | undefined {
  if (!manifest) return undefined;
  const byKey = new Map(manifest.strata.map((m) => [m.key, m.ids]));
  return (key, index) => byKey.get(key)?.[index - 1];
}

/** The selections of every stratum in draw order, from the seed, the announced sizes and the ids (by lookup). @internal */
export function selectAll(seed: string, announcement: Announcement, lookup: IdLookup | undefined): Selection[] {
  const out: Selection[] = [];
  for (const s of announcement.strata) {
    const idAt = (index: number) => lookup?.(s.key, index) ?? "?";
    if (s.n === s.N) {
      for (let index = 1; index <= s.N; index++) out.push({ id: idAt(index), stratum: s.key, counter: null, hash: null, index });
      continue;
    }
    for (const p of drawWithoutReplacement(stratumSeed(seed, s.key), s.N, s.n, new Set())) {
      out.push({ id: idAt(p.index), stratum: s.key, counter: p.counter, hash: p.hash, index: p.index });
    }
  }
  return out;
}

/** Stream state of one stratum for replacements. @internal */
export interface StratumState {
  readonly key: string;
  readonly N: number;
  readonly idAt: (index: number) => string | undefined;
  readonly taken: Set<number>;
  nextCounter: number;
}

/** States of every stratum after the given selections and replacements. @internal */
export function streamStates(announcement: Announcement, lookup: IdLookup | undefined, picks: readonly (Selection | Replacement)[]): Map<string, StratumState> {
  const states = new Map<string, StratumState>();
  for (const s of announcement.strata) {
    states.set(s.key, { key: s.key, N: s.N, idAt: (index) => lookup?.(s.key, index), taken: new Set(), nextCounter: 1 });
  }
  for (const p of picks) {
    const st = states.get(p.stratum);
    if (!st) continue;
    st.taken.add(p.index);
    if (p.counter !== null && p.counter >= st.nextCounter) st.nextCounter = p.counter + 1;
  }
  return states;
}

/** The next pick of a stratum's stream, or null when it is exhausted. Updates the state. @internal */
export function nextPick(seed: string, st: StratumState): Omit<Replacement, "replaces" | "reason"> | null {
  if (st.taken.size >= st.N) return null;
  const next = streamOf(stratumSeed(seed, st.key), st.N);
  for (;;) {
    const p = next(st.nextCounter);
    st.nextCounter++;
    if (st.taken.has(p.index)) continue;
    st.taken.add(p.index);
    return { id: st.idAt(p.index) ?? "?", stratum: st.key, counter: p.counter, hash: p.hash, index: p.index };
  }
}
