// Verification of a draw record against the pool (draw-v1 §8.2): the public entry. The steps themselves are shared
// with replace and the pool-source and manifest verifiers, in _checks.ts (checkRecordHead: steps 1–4,
// checkRecordTail: steps 5–8).
import type { DrawRecord } from "../model/record.js";
import type { Result } from "../result.js";
import { checkRecordAgainstPool, type DrawOptions } from "./_checks.js";
import type { DrawEntity } from "./pool.js";

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
  return checkRecordAgainstPool(record, pool, options);
}
