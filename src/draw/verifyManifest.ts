// Verification of a draw record from the confidential manifest instead of the pool (draw-v1 §8.2, "from a
// manifest"): the manifest read and recomputed (manifestCheck.ts), then the record's checks of _checks.ts.
import type { DrawRecord, ExclusionCounts } from "../model/record.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import { issue } from "./_issue.js";
import { checkRecord, type DrawOptions, drawnEarlierIssues } from "./_checks.js";
import { checkManifest } from "./manifestCheck.js";
import { type Manifest, resolveRules, saltIssues } from "./prepare.js";
import { lookupOf } from "./stream.js";

const MAX_LISTED = 50;

/**
 * Re-checks a published draw record against the department's confidential **manifest** instead of the pool
 * (draw-v1 §8.2, "from a manifest"): for pools held in a database, an auditor is given the manifest file
 * (`double-random manifest -o`) and the salt. The manifest is validated first and recomputed from its ids and
 * the salt — its stated digests are reported when they do not recompute, never trusted. Then every check that
 * does not need the raw pool runs, exactly as in {@link verifyDraw}: the announcement is unaltered, the entropy
 * is the announced one, the seeds derive from them, the manifest's strata and digest are the announced ones,
 * every selection is the next pick of its stratum's stream (and the id at that index of the manifest), and every
 * replacement continues that stream.
 *
 * What a manifest cannot show: it lists only the entities left *after* the exclusions, so the announced
 * exclusion counts (§8.2 step 5, first half) are not re-checked. This is always said, as the `info` issue
 * `exclusions_not_checked` (in `warnings` when the record checks out). When `drawnEarlier` is given, its
 * commitment is checked and none of those ids may be in the manifest.
 *
 * @param manifest - the manifest as read from its JSON file (anything: it is validated).
 * @returns ok (the record, with the info `exclusions_not_checked`), or every problem found: the issues of
 * {@link verifyDraw} (`record_malformed`, `announcement_altered`, `record_announcement_mismatch`, `seed_mismatch`, `manifest_digest_mismatch`,
 * `stratum_mismatch`, `exclusion_count_mismatch` between the record and the announcement, `selection_mismatch`,
 * `replacement_mismatch`, …), and for the manifest `manifest_invalid`, `manifest_order_invalid`,
 * `manifest_duplicate_id`, `manifest_inconsistent` (a stated key, N or digest that does not recompute),
 * `manifest_salt_mismatch` (no stratum recomputes with this salt), `salt_empty`, `drawn_earlier_mismatch`,
 * `drawn_earlier_in_manifest`.
 * @example
 * ```ts
 * const pool = [{ id: "E1" }, { id: "E2" }, { id: "E3" }];
 * const { announcement, manifest } = unwrap(announce({ taskId: "T1", pool, stratify: "none", salt: "0123456789abcdef",
 *   sizes: 2, entropySource: { kind: "dice", description: "公开掷骰" } }));
 * const record = unwrap(draw(announcement, pool, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" }));
 * const r = verifyDrawManifest(record, JSON.parse(JSON.stringify(manifest)), { salt: "0123456789abcdef" });
 * r.ok && r.warnings.map((w) => w.code)
 * //=> ["exclusions_not_checked"]
 * ```
 * @public
 */
export function verifyDrawManifest(record: DrawRecord, manifest: Manifest, options: DrawOptions): Result<DrawRecord> {
  if (typeof options !== "object" || options === null) return fail([issue("invalid_argument", { detail: "options with the salt are required" })]);
  let counts: ExclusionCounts | undefined;
  const result = checkRecord(record, (announcement) => {
    counts = announcement.exclusions.counts;
    const salted = saltIssues(options.salt);
    if (salted.some((i) => i.severity === "error")) return { issues: salted };
    const checked = checkManifest(manifest, options.salt);
    const issues: Issue[] = [...salted, ...checked.issues];
    if (options.drawnEarlier !== undefined) {
      const resolved = resolveRules({ drawnEarlier: options.drawnEarlier });
      issues.push(...resolved.issues);
      if (resolved.issues.length === 0) {
        issues.push(...drawnEarlierIssues(announcement.exclusions.rules.drawnEarlier, resolved.rules.drawnEarlier));
        // The one exclusion a manifest can show: an id drawn earlier must not be drawable again.
        let listed = 0;
        for (const s of checked.manifest?.strata ?? []) {
          for (const id of s.ids) {
            if (resolved.drawnEarlier.has(id) && listed++ < MAX_LISTED) issues.push(issue("drawn_earlier_in_manifest", { id }));
          }
        }
      }
    }
    return { manifest: checked.manifest, lookup: lookupOf(checked.manifest), issues };
  }, options.earlier);
  // Said last, whatever else was found: once the announcement is read, the counts are known and unchecked.
  if (!counts) return result;
  const notChecked = issue("exclusions_not_checked", { ...counts });
  return result.ok ? ok(result.value, [...result.warnings, notChecked]) : fail([...result.issues, notChecked]);
}
