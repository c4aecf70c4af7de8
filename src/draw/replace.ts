import type { DrawRecord, Replacement } from "../model/record.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import type { DrawEntity } from "./pool.js";
import { type DrawOptions, type IdLookup, lookupOf, nextPick, rebuild, streamStates } from "./select.js";
import { verifyDraw } from "./verify.js";

/**
 * One request for a replacement draw (补抽): the drawn entity that proved unusable, and why.
 * @public
 */
export interface ReplacementRequest {
  readonly id: string;
  /** Logged in the record, e.g. "已注销" or "无法联系（经营场所已关闭）". */
  readonly reason: string;
}

/**
 * Replacement draws (补抽, draw-v1 §7): for each unusable drawn entity, the next pick of the *same* stratum's
 * stream (never a new seed) is taken, skipping every index already drawn, and logged with its reason. The
 * record is verified first, so a replacement is never built on a record that does not check.
 *
 * @returns the record with the replacements appended; issues of {@link verifyDraw}, `replacement_invalid`
 * (the id is not a drawn entity still in the draw, or an empty reason), `stratum_exhausted`.
 * @example
 * ```ts
 * const pool = [{ id: "E1" }, { id: "E2" }, { id: "E3" }];
 * const a = unwrap(announce({ taskId: "T1", pool, stratify: "none", salt: "0123456789abcdef", sizes: 1,
 *   entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const rec = unwrap(draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" }));
 * const r = replaceSelections(rec, pool, [{ id: rec.selections[0].id, reason: "已注销" }], { salt: "0123456789abcdef" });
 * r.ok && r.value.replacements.length
 * //=> 1
 * ```
 * @public
 */
export function replaceSelections(record: DrawRecord, pool: readonly DrawEntity[], requests: readonly ReplacementRequest[], options: DrawOptions): Result<DrawRecord> {
  const verified = verifyDraw(record, pool, options);
  if (!verified.ok) return verified;
  if (!Array.isArray(requests)) return fail([issue("invalid_argument", { detail: "requests must be an array" })]);
  const { prepared } = rebuild(verified.value.announcement, pool, options);
  return replaceTail(verified.value, lookupOf(prepared?.manifest), requests);
}

/**
 * The replacements of a verified record, given the ids by (key, index): pure, so a pool source can run it again
 * once the ids it asked for are fetched.
 * @internal
 */
export function replaceTail(r: DrawRecord, lookup: IdLookup | undefined, requests: readonly ReplacementRequest[]): Result<DrawRecord> {
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
    if (typeof req?.reason !== "string" || req.reason.trim().length === 0) {
      issues.push(issue("replacement_invalid", { position, detail: "a reason is required" }));
      return;
    }
    if (!active.has(req.id)) {
      issues.push(issue("replacement_invalid", { position, detail: `"${shownValue(req.id)}" is not a drawn entity still in the draw` }));
      return;
    }
    const stratum = stratumOf.get(req.id) as string;
    const next = nextPick(r.seed, states.get(stratum) as NonNullable<ReturnType<typeof states.get>>);
    if (!next) {
      issues.push(issue("stratum_exhausted", { stratum }));
      return;
    }
    added.push({ replaces: req.id, reason: req.reason, ...next });
    active.delete(req.id);
    active.add(next.id);
    stratumOf.set(next.id, stratum);
  });
  if (issues.length > 0) return fail(issues);
  return settle({ ...r, replacements: [...r.replacements, ...added] }, []);
}
