// The checks that announce, draw, replace and verify share (draw-v1 §5, §8.2): an announcement read as published
// (protocol, schema, its digest), a pool rebuilt under the announced exclusion rules (§4.1) and its manifest held
// against the announcement (§4.3), the earlier-batch commitment, and a record re-checked step by step (§8.2 steps
// 1–8) against a pool side given by the caller: a pool in memory, a manifest file or a pool source.
import { parseWith } from "../_internal/zod.js";
import {
  Announcement as AnnouncementSchema, type Announcement, type DrawRecord, type ExclusionCounts, type ExclusionRules,
  PROTOCOL_VERSION, type Replacement, type Selection,
} from "../model/record.js";
import { parseDrawRecord } from "../model/record-parse.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { announcementDigest } from "./digest.js";
import { entropyIssues } from "./entropy.js";
import type { DrawEntity } from "./pool.js";
import { type ExclusionOptions, type ManifestDigests, preparePool, type Prepared } from "./prepare.js";
import { type PublishedCopy, replacementLogIssues } from "./replacementLog.js";
import { deriveSeed, stratumSeed } from "./seed.js";
import { type IdLookup, inAnnouncedOrder, nextPick, picksOf, selectAll, stratumPicks, streamStates } from "./stream.js";

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

// §5: the announcement as published.

/** Schema check of an announcement with a protocol check first. @internal */
export function checkAnnouncement(input: unknown, path: string): Result<Announcement> {
  const protocol = (input as { protocol?: unknown } | null)?.protocol;
  if (typeof input === "object" && input !== null && protocol !== PROTOCOL_VERSION) {
    return fail([issue("protocol_unsupported", { found: shownValue(protocol), expected: PROTOCOL_VERSION }, { path: [path, "protocol"] })]);
  }
  const parsed = parseWith(AnnouncementSchema, input, { path: [path] });
  if (!parsed.ok) return fail(parsed.issues.map((i) => issue("announcement_invalid", { detail: i.message }, i.path ? { path: i.path } : {})));
  const altered = announcementIssues(parsed.value);
  return altered.length > 0 ? fail(altered) : parsed;
}

/** Announcement self-consistency: its digest is the digest of its content. @internal */
export function announcementIssues(announcement: Announcement): Issue[] {
  const expected = announcementDigest(announcement as unknown as Record<string, unknown>);
  return expected === announcement.digest ? [] : [issue("announcement_altered", { expected, found: announcement.digest }, { path: ["announcement", "digest"] })];
}

// §4: the pool side, rebuilt under the announced rules and held against the announcement.

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
 * Differences between a rebuilt manifest (and exclusion counts, when they were re-derived from a pool) and the
 * announcement.
 * @internal
 */
export function manifestIssues(a: Announcement, manifest: ManifestDigests, counts: ExclusionCounts | undefined): Issue[] {
  const issues: Issue[] = [];
  if (manifest.digest !== a.manifestDigest) issues.push(issue("manifest_digest_mismatch", { expected: manifest.digest, found: a.manifestDigest }));
  const announced = new Map(a.strata.map((s) => [s.key, s]));
  for (const m of manifest.strata) {
    const s = announced.get(m.key);
    if (!s) {
      issues.push(issue("stratum_mismatch", { stratum: m.key, field: "presence", expected: "present", found: "missing" }));
      continue;
    }
    if (s.N !== m.N) issues.push(issue("stratum_mismatch", { stratum: m.key, field: "N", expected: m.N, found: s.N }));
    if (s.digest !== m.digest) issues.push(issue("stratum_mismatch", { stratum: m.key, field: "digest", expected: m.digest, found: s.digest }));
  }
  const keys = new Set(manifest.strata.map((m) => m.key));
  for (const s of a.strata) if (!keys.has(s.key)) issues.push(issue("stratum_mismatch", { stratum: s.key, field: "presence", expected: "absent", found: "present" }));
  if (!counts) return issues;
  for (const reason of ["inactive", "tier_exempt", "drawn_earlier", "recently_inspected"] as const) {
    if (counts[reason] !== a.exclusions.counts[reason]) issues.push(issue("exclusion_count_mismatch", { reason, expected: counts[reason], found: a.exclusions.counts[reason] }));
  }
  return issues;
}

// §8.2: a record, step by step.

const MAX_MISMATCHES = 50;

/** Schema check of a record, protocol first. @internal */
export function parseRecord(input: unknown): Result<DrawRecord> {
  const protocol = (input as { protocol?: unknown } | null)?.protocol;
  if (typeof input === "object" && input !== null && protocol !== PROTOCOL_VERSION) {
    return fail([issue("protocol_unsupported", { found: shownValue(protocol), expected: PROTOCOL_VERSION }, { path: ["protocol"] })]);
  }
  // zod for the record, by hand for each of its selections (50,000 at 10^6): the same value and issues.
  const parsed = parseDrawRecord(input);
  if (parsed.ok) return parsed;
  // The schema's message already names the field (in each language): it is the detail, without a second path.
  return fail(parsed.issues.map((i) => issue("record_malformed", { detail: i.message }, i.path ? { path: i.path } : {})));
}

const FIELDS = ["id", "stratum", "counter", "hash", "index"] as const;
// Without a usable pool or manifest the ids behind the indexes are unknown; the stream fields still check.
const STREAM_FIELDS = ["stratum", "counter", "hash", "index"] as const;

function comparePick(expected: Selection | Omit<Replacement, "replaces" | "reason">, found: Selection | Replacement, withIds: boolean, report: (field: string, e: string, f: string) => void): void {
  for (const field of withIds ? FIELDS : STREAM_FIELDS) {
    if (expected[field] !== found[field]) report(field, String(expected[field]), String(found[field]));
  }
}

/**
 * What a verifier re-derived on the pool side of §8.2 step 5: the manifest (rebuilt from the pool, or checked
 * from a manifest file) and, from a pool only, the exclusion counts. Absent when the input was unusable.
 * @internal
 */
export interface PoolSide {
  readonly manifest?: ManifestDigests | undefined;
  /** The ids behind the indexes; without it (no usable manifest) only the stream fields are checked. */
  readonly lookup?: IdLookup | undefined;
  readonly counts?: ExclusionCounts | undefined;
  readonly issues: readonly Issue[];
}

/**
 * The checks of draw-v1 §8.2 shared by {@link verifyDraw} and {@link verifyDrawManifest}: record schema,
 * announcement digest, entropy, seeds, the pool side (given by `poolSide` once the announcement is known) against
 * the announcement and the record, selections and replacements.
 * @internal
 */
export function checkRecord(record: unknown, poolSide: (announcement: Announcement) => PoolSide, earlier: readonly PublishedCopy[] = []): Result<DrawRecord> {
  const head = checkRecordHead(record, earlier);
  if (!head.ok) return head;
  return checkRecordTail(head.value, poolSide(head.value.announcement));
}

/** What {@link checkRecordHead} found before the pool side is needed. @internal */
export interface RecordHead {
  readonly record: DrawRecord;
  readonly announcement: Announcement;
  readonly seed: string;
  readonly issues: readonly Issue[];
  /** Copies of the record published earlier, whose replacement chain this record must extend (§7.2). */
  readonly earlier: readonly PublishedCopy[];
}

/**
 * §8.2 steps 1–4: record schema, announcement, entropy and seed. Only a record that is not a record stops here; an
 * altered announcement is reported and every independent check still runs (§8.2: report every failure).
 * @internal
 */
export function checkRecordHead(record: unknown, earlier: readonly PublishedCopy[] = []): Result<RecordHead> {
  const parsed = parseRecord(record);
  if (!parsed.ok) return parsed;
  const r = parsed.value;
  const ann = r.announcement;
  const issues: Issue[] = [...announcementIssues(ann)];
  if (r.taskId !== ann.taskId) issues.push(issue("record_announcement_mismatch", { field: "taskId", expected: ann.taskId, found: r.taskId }, { path: ["taskId"] }));
  issues.push(...entropyIssues(ann, r.entropy));
  const seed = deriveSeed(ann.taskId, ann.digest, r.entropy);
  if (seed !== r.seed) issues.push(issue("seed_mismatch", { expected: seed, found: r.seed }));
  return ok({ record: r, announcement: ann, seed, issues, earlier });
}

/**
 * §8.2 steps 5–7 given the pool side: the manifest against the announcement and the record, selections and
 * replacements. Pure (a source-backed verifier runs it again once the ids it asked for are fetched).
 * @internal
 */
export function checkRecordTail(head: RecordHead, side: PoolSide): Result<DrawRecord> {
  const { record: r, announcement: ann, seed } = head;
  const issues: Issue[] = [...head.issues];
  issues.push(...side.issues);
  const manifest = side.manifest;
  if (manifest) {
    issues.push(...manifestIssues(ann, manifest, side.counts));
    // A record repeating an announced digest that is wrong was reported just above.
    if (r.manifestDigest !== manifest.digest && r.manifestDigest !== ann.manifestDigest) issues.push(issue("manifest_digest_mismatch", { expected: manifest.digest, found: r.manifestDigest }));
  }
  // The record repeats the counts: re-derived from a pool when there is one, else as announced.
  const counts = side.counts ?? ann.exclusions.counts;
  for (const reason of ["inactive", "tier_exempt", "drawn_earlier", "recently_inspected"] as const) {
    if (r.exclusions[reason] !== counts[reason]) issues.push(issue("exclusion_count_mismatch", { reason, expected: counts[reason], found: r.exclusions[reason] }));
  }
  // The record's strata must repeat the announcement's (the seed column is derived).
  const strataText = (xs: readonly { key: string; N: number; n: number; digest: string }[]) => xs.map((s) => `${s.key}:${s.N}:${s.n}:${s.digest.slice(0, 12)}`).join(" ");
  if (strataText(r.strata) !== strataText(ann.strata)) issues.push(issue("record_announcement_mismatch", { field: "strata", expected: strataText(ann.strata), found: strataText(r.strata) }, { path: ["strata"] }));
  for (const s of r.strata) {
    if (s.seed !== stratumSeed(seed, s.key)) issues.push(issue("stratum_mismatch", { stratum: s.key, field: "seed", expected: stratumSeed(seed, s.key), found: s.seed }));
  }

  // Selections, stratum by stratum, in draw order: each expected pick is made and compared in turn, and kept only
  // when something differs (at 10^7 entities a record holds 500,000 selections; keeping a second copy of them was
  // most of what verifying cost in memory beyond the pool).
  const lookup = manifest === undefined ? undefined : side.lookup;
  const withIds = lookup !== undefined;
  let mismatches = 0;
  const push = (i: Issue) => {
    mismatches++;
    if (mismatches <= MAX_MISMATCHES) issues.push(i);
  };
  for (const s of ann.strata) {
    const got = r.selections.filter((x) => x.stratum === s.key);
    const wanted = picksOf(s);
    if (wanted !== got.length) push(issue("selection_count_mismatch", { stratum: s.key, expected: wanted, found: got.length }));
    const n = Math.min(wanted, got.length);
    const next = stratumPicks(seed, s, lookup);
    for (let k = 0; k < n; k++) {
      comparePick(next(), got[k] as Selection, withIds, (field, e, f) => push(issue("selection_mismatch", { stratum: s.key, position: k + 1, field, expected: e, found: f }, { path: ["selections", r.selections.indexOf(got[k] as Selection), field] })));
    }
  }
  const known = new Set(ann.strata.map((s) => s.key));
  for (const x of r.selections) if (!known.has(x.stratum)) push(issue("selection_mismatch", { stratum: x.stratum, position: 0, field: "stratum", expected: { zh: "公告中的分层", en: "an announced stratum" }, found: x.stratum }));
  // Each stratum's picks already match in order, so only the interleaving of strata can still differ.
  if (mismatches === 0 && !inAnnouncedOrder(ann, r.selections)) push(issue("selection_mismatch", { stratum: "-", position: 0, field: "order", expected: { zh: "按公告的分层顺序", en: "strata in announced order" }, found: { zh: "顺序被打乱", en: "reordered" } }));

  // Replacements continue the streams after the original selections: those expected, which are the record's own when
  // nothing above differed.
  if (r.replacements.length > 0) {
    const expected = mismatches === 0 ? r.selections : selectAll(seed, ann, lookup);
    const states = streamStates(ann, lookup, expected);
    const drawnIds = withIds ? expected : r.selections;
    const active = new Set(drawnIds.map((x) => x.id));
    r.replacements.forEach((rep, k) => {
      const position = k + 1;
      if (!active.has(rep.replaces)) {
        push(issue("replacement_invalid", { position, detail: { zh: `“${rep.replaces}”不是仍在抽中名单中的对象`, en: `"${rep.replaces}" is not a drawn entity still in the draw` } }, { path: ["replacements", k, "replaces"] }));
        return;
      }
      const stratum = (drawnIds.find((x) => x.id === rep.replaces) ?? r.replacements.find((x) => x.id === rep.replaces))?.stratum;
      const st = stratum === undefined ? undefined : states.get(stratum);
      const pick = st ? nextPick(seed, st) : null;
      if (!pick) {
        push(issue("replacement_invalid", { position, detail: { zh: `分层“${String(stratum)}”已无可补抽的对象`, en: `stratum ${String(stratum)} is exhausted` } }, { path: ["replacements", k] }));
        return;
      }
      comparePick(pick, rep, withIds, (field, e, f) => push(issue("replacement_mismatch", { position, field, expected: e, found: f }, { path: ["replacements", k, field] })));
      active.delete(rep.replaces);
      active.add(withIds ? pick.id : rep.id);
    });
  }
  if (mismatches > MAX_MISMATCHES) issues.push(issue("mismatches_truncated", { count: mismatches - MAX_MISMATCHES }));
  // §8.2 step 8: the replacement log is accountable and append-only (needs neither pool nor manifest).
  issues.push(...replacementLogIssues(r, head.earlier));
  return issues.some((i) => i.severity === "error") ? fail(issues) : ok(r, issues);
}

/**
 * §8.2 against a pool in memory: the record re-checked with the manifest (and exclusion counts) rebuilt from `pool`
 * under the announced rules. What {@link verifyDraw} returns, and what a replacement checks first.
 * @internal
 */
export function checkRecordAgainstPool(record: DrawRecord, pool: readonly DrawEntity[], options: DrawOptions): Result<DrawRecord> {
  if (typeof options !== "object" || options === null) return fail([issue("invalid_argument", { detail: { zh: "须给出含盐值的选项", en: "options with the salt are required" } })]);
  return checkRecord(record, (announcement) => {
    const { prepared, issues } = rebuild(announcement, pool, options);
    return { manifest: prepared?.manifest, lookup: prepared?.lookup, counts: prepared?.counts, issues };
  }, options.earlier);
}
