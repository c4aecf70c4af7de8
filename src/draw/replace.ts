// Replacement draws (补抽, draw-v1 §7.2): a verified record's unusable entities replaced by the next picks of their
// strata's streams, each logged with its reason and decision in the chained replacement log (replacementLog.ts).
import type { DrawRecord, Replacement } from "../model/record.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { checkRecordAgainstPool, type DrawOptions, rebuild } from "./_checks.js";
import type { DrawEntity } from "./pool.js";
import { appendUnchainedIssue, chainReplacements, isChained, replacementAccountability, type ReplacementDecision, type ReplacementReason } from "./replacementLog.js";
import { type IdLookup, nextPick, streamStates } from "./stream.js";

/**
 * One request for a replacement draw (补抽): the drawn entity that proved unusable, why (a reason from the closed
 * list {@link REPLACEMENT_REASONS}), who decided and when, and an optional free-text note.
 * @public
 */
export interface ReplacementRequest {
  readonly id: string;
  /** One of {@link REPLACEMENT_REASONS}, e.g. "已注销"; logged in the record as is. */
  readonly reason: ReplacementReason;
  /** Who decided (a name or a role) and when (`YYYY-MM-DD`). */
  readonly decision: ReplacementDecision;
  /** Free text, e.g. "经营场所已关闭"; logged beside the reason, never instead of it. */
  readonly note?: string;
}

/**
 * Replacement draws (补抽, draw-v1 §7): for each unusable drawn entity, the next pick of the *same* stratum's
 * stream (never a new seed) is taken, skipping every index already drawn, and logged with its reason, who decided
 * and when. The entries are chained (each carries `prev`, the digest of the entry before it) and the record
 * publishes the chain head `replacementsHead`, so dropping or editing an entry later is detected (§7.2). The record
 * is verified first, so a replacement is never built on a record that does not check.
 *
 * @returns the record with the replacements appended; issues of {@link verifyDraw}, `replacement_reason` (a reason
 * outside the list), `replacement_undecided` (no decision { by, date }), `replacement_invalid` (the id is not a
 * drawn entity still in the draw), `stratum_exhausted`, `replacement_append_unchained` (a record whose replacements
 * predate the chain).
 * @example
 * ```ts
 * const pool = [{ id: "E1" }, { id: "E2" }, { id: "E3" }];
 * const a = unwrap(announce({ taskId: "T1", pool, stratify: "none", salt: "0123456789abcdef", sizes: 1,
 *   entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const rec = unwrap(draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" }));
 * const r = replaceSelections(rec, pool, [{ id: rec.selections[0].id, reason: "已注销", decision: { by: "科长 赵六", date: "2026-03-03" } }],
 *   { salt: "0123456789abcdef" });
 * r.ok && [r.value.replacements.length, r.value.replacementsHead === r.value.replacements[0].prev]
 * //=> [1, false]
 * ```
 * @public
 */
export function replaceSelections(record: DrawRecord, pool: readonly DrawEntity[], requests: readonly ReplacementRequest[], options: DrawOptions): Result<DrawRecord> {
  // The record is verified first, exactly as verifyDraw does.
  const verified = checkRecordAgainstPool(record, pool, options);
  if (!verified.ok) return verified;
  if (!Array.isArray(requests)) return fail([issue("invalid_argument", { detail: { zh: "补抽请求应为数组", en: "requests must be an array" } })]);
  const { prepared } = rebuild(verified.value.announcement, pool, options);
  return replaceTail(verified.value, prepared?.lookup, requests);
}

/**
 * The replacements of a verified record, given the ids by (key, index): pure, so a pool source can run it again
 * once the ids it asked for are fetched.
 * @internal
 */
export function replaceTail(r: DrawRecord, lookup: IdLookup | undefined, requests: readonly ReplacementRequest[]): Result<DrawRecord> {
  // An unchained log cannot be extended without breaking the chain's rule that every entry carries `prev`.
  if (r.replacements.length > 0 && !isChained(r)) return fail([appendUnchainedIssue(r.replacements.length)]);
  const states = streamStates(r.announcement, lookup, [...r.selections, ...r.replacements]);
  const active = new Set(r.selections.map((s) => s.id));
  const stratumOf = new Map<string, string>(r.selections.map((s) => [s.id, s.stratum]));
  for (const rep of r.replacements) {
    active.delete(rep.replaces);
    active.add(rep.id);
    stratumOf.set(rep.id, rep.stratum);
  }
  const issues: Issue[] = [];
  const added: Replacement[] = [];
  requests.forEach((req, k) => {
    const position = r.replacements.length + k + 1;
    const unaccountable = replacementAccountability(req ?? {}, position);
    if (unaccountable.length > 0) {
      issues.push(...unaccountable);
      return;
    }
    if (!active.has(req.id)) {
      issues.push(issue("replacement_invalid", { position, detail: { zh: `“${shownValue(req.id)}”不是仍在抽中名单中的对象`, en: `"${shownValue(req.id)}" is not a drawn entity still in the draw` } }));
      return;
    }
    const stratum = stratumOf.get(req.id) as string;
    const next = nextPick(r.seed, states.get(stratum) as NonNullable<ReturnType<typeof states.get>>);
    if (!next) {
      issues.push(issue("stratum_exhausted", { stratum }));
      return;
    }
    const note = typeof req.note === "string" && req.note.trim() !== "" ? { note: req.note } : {};
    added.push({ replaces: req.id, reason: req.reason, ...next, decision: { by: req.decision.by, date: req.decision.date }, ...note });
    active.delete(req.id);
    active.add(next.id);
    stratumOf.set(next.id, stratum);
  });
  if (issues.length > 0) return fail(issues);
  const { entries, head } = chainReplacements(r, added);
  return settle({ ...r, replacements: [...r.replacements, ...entries], replacementsHead: head }, []);
}
