// The draw (抽取, draw-v1 §6.2, §7.1) once the announced entropy exists: the announcement and the entropy checked, the
// pool's manifest rebuilt and held against the announcement, the seed derived, each stratum drawn from its stream;
// and the record (§8.1) it gives, the same for a pool in memory and a pool source.
import { parseWith } from "../_internal/zod.js";
import { type Announcement, type DrawRecord, Entropy as EntropySchema, type Entropy, type ExclusionCounts, LIBRARY_VERSION, PROTOCOL_VERSION } from "../model/record.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue } from "./_issue.js";
import { checkAnnouncement, type DrawOptions, manifestIssues, rebuild } from "./_checks.js";
import { entropyIssues } from "./entropy.js";
import type { DrawEntity } from "./pool.js";
import { deriveSeed, stratumSeed } from "./seed.js";
import { selectAll } from "./stream.js";

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
  const record = drawRecordOf(a.value, e.value, seed, prepared.manifest.digest, selectAll(seed, a.value, prepared.lookup), prepared.counts);
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

