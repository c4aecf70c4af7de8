import { parseWith } from "../_internal/zod.js";
import { Announcement as AnnouncementSchema, type Announcement, type DrawRecord, Entropy as EntropySchema, type Entropy, LIBRARY_VERSION, PROTOCOL_VERSION } from "../model/record.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import type { ExclusionCounts } from "../model/record.js";
import type { DrawEntity } from "./pool.js";
import type { ManifestDigests } from "./prepare.js";
import { deriveSeed, stratumSeed } from "./seed.js";
import { announcementIssues, type DrawOptions, entropyIssues, lookupOf, rebuild, selectAll } from "./select.js";

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

/**
 * Draws (抽取) once the announced entropy exists (draw-v1 §6–7): checks the announcement is unaltered and the
 * entropy is the one it named, rebuilds the manifest from the pool and checks it against the announced
 * digests, derives the seed, and draws each stratum from its own stream (`${seed}/${key}`; the seed itself
 * when unstratified). A stratum with n = N is taken whole, in canonical order.
 *
 * @returns the draw record; issues `protocol_unsupported`, `announcement_invalid`, `announcement_altered`,
 * `entropy_source_mismatch`, `entropy_invalid`, `commitment_mismatch`, `manifest_digest_mismatch`,
 * `stratum_mismatch`, `exclusion_count_mismatch`, `drawn_earlier_mismatch`, and the pool issues of
 * {@link buildManifest}.
 * @example
 * ```ts
 * const pool = [{ id: "E1" }, { id: "E2" }, { id: "E3" }];
 * const a = unwrap(announce({ taskId: "T1", pool, stratify: "none", salt: "0123456789abcdef", sizes: 2,
 *   entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const r = draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" });
 * r.ok && r.value.selections.length
 * //=> 2
 * ```
 * @public
 */
export function draw(announcement: Announcement, pool: readonly DrawEntity[], entropy: Entropy, options: DrawOptions): Result<DrawRecord> {
  if (typeof options !== "object" || options === null) return fail([issue("invalid_argument", { detail: "options with the salt are required" })]);
  const a = checkAnnouncement(announcement, "announcement");
  if (!a.ok) return a;
  const e = parseWith(EntropySchema, entropy, { path: ["entropy"] });
  if (!e.ok) return e;
  const issues: Issue[] = [...entropyIssues(a.value, e.value)];
  const { prepared, issues: poolIssues } = rebuild(a.value, pool, options);
  issues.push(...poolIssues);
  if (!prepared || issues.some((i) => i.severity === "error")) return fail(issues);
  issues.push(...manifestIssues(a.value, prepared.manifest, prepared.counts));
  if (issues.some((i) => i.severity === "error")) return fail(issues);

  const seed = deriveSeed(a.value.taskId, a.value.digest, e.value);
  const record = drawRecordOf(a.value, e.value, seed, prepared.manifest.digest, selectAll(seed, a.value, lookupOf(prepared.manifest)), prepared.counts);
  return settle(record, issues);
}

/** The record of a draw (§7), the same whether the pool was in memory or behind a pool source. @internal */
export function drawRecordOf(
  announcement: Announcement, entropy: Entropy, seed: string, manifestDigest: string, selections: DrawRecord["selections"], exclusions: ExclusionCounts,
): DrawRecord {
  return {
    protocol: PROTOCOL_VERSION,
    library: LIBRARY_VERSION,
    taskId: announcement.taskId,
    announcement,
    entropy,
    seed,
    manifestDigest,
    strata: announcement.strata.map((s) => ({ key: s.key, N: s.N, n: s.n, digest: s.digest, seed: stratumSeed(seed, s.key) })),
    selections,
    replacements: [],
    exclusions,
  };
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
