import { parseWith } from "../_internal/zod.js";
import {
  type Announcement, type DrawRecord, DrawRecord as DrawRecordSchema, type ExclusionCounts, PROTOCOL_VERSION, type Replacement, type Selection,
} from "../model/record.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { manifestIssues } from "./draw.js";
import type { DrawEntity } from "./pool.js";
import type { ManifestDigests } from "./prepare.js";
import { deriveSeed, stratumSeed } from "./seed.js";
import { type PublishedCopy, replacementLogIssues } from "./replacementLog.js";
import { announcementIssues, type DrawOptions, entropyIssues, type IdLookup, lookupOf, nextPick, rebuild, selectAll, streamStates } from "./select.js";

const MAX_MISMATCHES = 50;

/** Schema check of a record, protocol first. @internal */
export function parseRecord(input: unknown): Result<DrawRecord> {
  const protocol = (input as { protocol?: unknown } | null)?.protocol;
  if (typeof input === "object" && input !== null && protocol !== PROTOCOL_VERSION) {
    return fail([issue("protocol_unsupported", { found: shownValue(protocol), expected: PROTOCOL_VERSION }, { path: ["protocol"] })]);
  }
  const parsed = parseWith(DrawRecordSchema, input);
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

  // Selections, stratum by stratum, in draw order.
  const lookup = manifest === undefined ? undefined : side.lookup;
  const withIds = lookup !== undefined;
  const expected = selectAll(seed, ann, lookup);
  let mismatches = 0;
  const push = (i: Issue) => {
    mismatches++;
    if (mismatches <= MAX_MISMATCHES) issues.push(i);
  };
  for (const s of ann.strata) {
    const want = expected.filter((x) => x.stratum === s.key);
    const got = r.selections.filter((x) => x.stratum === s.key);
    if (want.length !== got.length) push(issue("selection_count_mismatch", { stratum: s.key, expected: want.length, found: got.length }));
    const n = Math.min(want.length, got.length);
    for (let k = 0; k < n; k++) {
      comparePick(want[k] as Selection, got[k] as Selection, withIds, (field, e, f) => push(issue("selection_mismatch", { stratum: s.key, position: k + 1, field, expected: e, found: f }, { path: ["selections", r.selections.indexOf(got[k] as Selection), field] })));
    }
  }
  const known = new Set(ann.strata.map((s) => s.key));
  for (const x of r.selections) if (!known.has(x.stratum)) push(issue("selection_mismatch", { stratum: x.stratum, position: 0, field: "stratum", expected: { zh: "公告中的分层", en: "an announced stratum" }, found: x.stratum }));
  // Each stratum's picks already match in order, so only the interleaving of strata can still differ.
  if (mismatches === 0 && expected.some((x, k) => x.stratum !== r.selections[k]?.stratum)) push(issue("selection_mismatch", { stratum: "-", position: 0, field: "order", expected: { zh: "按公告的分层顺序", en: "strata in announced order" }, found: { zh: "顺序被打乱", en: "reordered" } }));

  // Replacements continue the streams after the original selections.
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
    const next = st ? nextPick(seed, st) : null;
    if (!next) {
      push(issue("replacement_invalid", { position, detail: { zh: `分层“${String(stratum)}”已无可补抽的对象`, en: `stratum ${String(stratum)} is exhausted` } }, { path: ["replacements", k] }));
      return;
    }
    comparePick(next, rep, withIds, (field, e, f) => push(issue("replacement_mismatch", { position, field, expected: e, found: f }, { path: ["replacements", k, field] })));
    active.delete(rep.replaces);
    active.add(withIds ? next.id : rep.id);
  });
  if (mismatches > MAX_MISMATCHES) issues.push(issue("mismatches_truncated", { count: mismatches - MAX_MISMATCHES }));
  // §8.2 step 8: the replacement log is accountable and append-only (needs neither pool nor manifest).
  issues.push(...replacementLogIssues(r, head.earlier));
  return issues.some((i) => i.severity === "error") ? fail(issues) : ok(r, issues);
}

/**
 * Re-checks a published draw record against the pool (draw-v1 §8), without trusting whoever drew it:
 * the announcement is unaltered, the entropy is the announced one, the seed derives from them, the pool
 * (re-applying the announced exclusions, in any input order) gives the announced manifest and stratum digests,
 * every selection is the next pick of its stratum's stream, and every replacement continues that stream and is
 * logged accountably in an unbroken chain (draw-v1 §7.2) that extends every copy published earlier
 * (`options.earlier`). Every failure is reported, not only the first.
 * For a pool held in a database, {@link verifyDrawManifest} re-checks the same record from its manifest.
 *
 * @returns ok (the record), or every mismatch found: `protocol_unsupported`, `record_malformed`,
 * `announcement_altered` (its digest does not match its content), `record_announcement_mismatch` (the record's task
 * id or strata differ from the announcement's; reported as `announcement_altered` before 0.1.0's issue 18),
 * `entropy_source_mismatch`, `entropy_invalid` (e.g. not the announced shape), `commitment_mismatch`, `seed_mismatch`,
 * `manifest_digest_mismatch`, `stratum_mismatch`, `exclusion_count_mismatch`, `drawn_earlier_mismatch`,
 * `selection_count_mismatch`, `selection_mismatch` (stratum, pick, expected vs found), `replacement_invalid`,
 * `replacement_mismatch`, `replacement_log_broken`, `replacement_log_rewritten`, pool issues; `mismatches_truncated`
 * after 50. Warnings: `replacement_log_unchained` (a record made before the chain), `replacement_unaccountable`,
 * `replacements_many` (above {@link replacementLimit}).
 * @example
 * ```ts
 * const pool = [{ id: "E1" }, { id: "E2" }, { id: "E3" }];
 * const a = unwrap(announce({ taskId: "T1", pool, stratify: "none", salt: "0123456789abcdef", sizes: 2,
 *   entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const record = unwrap(draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" }));
 * verifyDraw(record, [...pool].reverse(), { salt: "0123456789abcdef" }).ok
 * //=> true
 * ```
 * @public
 */
export function verifyDraw(record: DrawRecord, pool: readonly DrawEntity[], options: DrawOptions): Result<DrawRecord> {
  if (typeof options !== "object" || options === null) return fail([issue("invalid_argument", { detail: { zh: "须给出含盐值的选项", en: "options with the salt are required" } })]);
  return checkRecord(record, (announcement) => {
    const { prepared, issues } = rebuild(announcement, pool, options);
    return { manifest: prepared?.manifest, lookup: lookupOf(prepared?.manifest), counts: prepared?.counts, issues };
  }, options.earlier);
}
