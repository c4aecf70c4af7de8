// Accountable, append-only replacement draws (补抽, issue 15): a reason from a closed list, who decided and when, and
// a hash chain over the entries whose head the record publishes. Not yet called by replaceSelections and verifyDraw:
// wiring it in waits for the pool-source restructuring of src/draw to land (see the issue-15 report).
import type { DrawRecord, Replacement } from "../model/record.js";
import { coreMessages } from "../messages/core.js";
import { replacementMessages } from "../messages/replacement.js";
import { type Issue, issueFactory } from "../result.js";
import { chained, chainGenesis, chainHead, entryDigest, extendsHead, firstBreak } from "../_internal/chain.js";

// Its own catalog, so that the draw bundle carries these messages only once replaceSelections and verifyDraw use them.
const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...replacementMessages });

/** Why a drawn entity is replaced (补抽原因), a closed list; free text goes in `note`. @internal */
export const REPLACEMENT_REASONS = ["已注销", "已吊销", "已迁出", "停业", "无法联系", "不属于本次抽查对象"] as const;

/** One of {@link REPLACEMENT_REASONS}. @internal */
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The chain a record's replacements hang from: bound to the task. @internal */
export function replacementGenesis(taskId: string): string {
  return chainGenesis("double-random/draw-v1/replacements", taskId);
}

/** Why a replacement request is not accountable: a reason outside the list, or no decision (who, when). @internal */
export function replacementAccountability(req: { readonly reason?: unknown; readonly decision?: unknown }, position: number): Issue[] {
  const out: Issue[] = [];
  if (!(REPLACEMENT_REASONS as readonly unknown[]).includes(req.reason)) out.push(issue("replacement_reason", { position, reason: String(req.reason), allowed: REPLACEMENT_REASONS.join("、") }));
  const d = req.decision as { by?: unknown; date?: unknown } | null | undefined;
  if (typeof d !== "object" || d === null || typeof d.by !== "string" || d.by.trim() === "" || typeof d.date !== "string" || !ISO_DATE.test(d.date)) {
    out.push(issue("replacement_undecided", { position }));
  }
  return out;
}

/** The entries chained after the record's head; the new head. @internal */
export function chainReplacements(record: DrawRecord, added: readonly Replacement[]): { entries: Replacement[]; head: string } {
  let head = record.replacementsHead ?? replacementGenesis(record.taskId);
  const entries = added.map((e) => {
    const c = chained(head, e);
    head = entryDigest(c);
    return c;
  });
  return { entries, head };
}

/** The threshold to publish (draw-v1 §7.2 once wired): more replacements than this in a task draws a warning. @internal */
export function replacementLimit(drawn: number): number {
  return Math.max(2, Math.ceil(drawn / 10));
}

/** The log checks of draw-v1 §8.2 for replacements: chain, head, earlier copies, accountability, count. @internal */
export function replacementLogIssues(record: DrawRecord, earlier: readonly { readonly length: number; readonly head: string }[] = []): Issue[] {
  const genesis = replacementGenesis(record.taskId);
  const log = record.replacements as readonly object[];
  const head = record.replacementsHead;
  const out: Issue[] = [];
  const chainedLog = head !== undefined || record.replacements.some((e) => e.prev !== undefined);
  if (!chainedLog && log.length > 0) out.push(issue("replacement_log_unchained", {}));
  if (chainedLog) {
    const broken = firstBreak(genesis, log);
    if (broken >= 0) out.push(issue("replacement_log_broken", { position: broken + 1 }, { path: ["replacements", broken, "prev"] }));
    const computed = chainHead(genesis, log);
    if (computed !== head) out.push(issue("replacement_log_broken", { position: log.length }, { path: ["replacementsHead"] }));
  }
  for (const e of earlier) if (!extendsHead(genesis, log, e)) out.push(issue("replacement_log_rewritten", { length: e.length, head: e.head }, { path: ["replacements"] }));
  const unaccountable = record.replacements.filter((e, k) => replacementAccountability(e, k + 1).length > 0).length;
  if (unaccountable > 0) out.push(issue("replacement_unaccountable", { count: unaccountable }));
  const limit = replacementLimit(record.selections.length);
  if (record.replacements.length > limit) out.push(issue("replacements_many", { total: record.replacements.length, limit }));
  return out;
}
