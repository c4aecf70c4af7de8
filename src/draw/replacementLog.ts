// Accountable, append-only replacement draws (补抽, draw-v1 §7.2, issue 15): a reason from a closed list, who decided
// and when, and a hash chain over the entries whose head the record publishes. Shared by replace (which writes the
// chain) and verify (which checks it), below both steps.
import type { DrawRecord, Replacement } from "../model/record.js";
import { coreMessages } from "../messages/core.js";
import { replacementMessages } from "../messages/replacement.js";
import { type Issue, issueFactory } from "../result.js";
import { chained, chainGenesis, chainHead, entryDigest, extendsHead, firstBreak } from "../_internal/chain.js";

// Its own catalog, so that only the bundles that replace or verify carry these messages.
const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...replacementMessages });

/**
 * Why a drawn entity is replaced (补抽原因, draw-v1 §7.2): a closed list, written into the record as is. Free text goes
 * in the replacement's `note`, never in its reason.
 * @example
 * ```ts
 * REPLACEMENT_REASONS.includes("已注销")
 * //=> true
 * ```
 * @public
 */
export const REPLACEMENT_REASONS = ["已注销", "已吊销", "已迁出", "停业", "无法联系", "不属于本次抽查对象"] as const;

/** One of {@link REPLACEMENT_REASONS}. @public */
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

/**
 * Who decided a replacement and when (draw-v1 §7.2): a name or a role (e.g. "科长 赵六", "分管负责人"), and the date as
 * `YYYY-MM-DD`.
 * @public
 */
export interface ReplacementDecision {
  readonly by: string;
  readonly date: string;
}

/**
 * A copy of a record published earlier, as a verifier holds it: its number of replacements and its `replacementsHead`
 * (draw-v1 §7.2). The record being verified must extend it.
 * @public
 */
export interface PublishedCopy {
  readonly length: number;
  readonly head: string;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The name the replacement chain is bound to, with the task id (draw-v1 §7.2). @internal */
export const REPLACEMENT_CHAIN = "double-random/draw-v1/replacements";

/** The chain a record's replacements hang from: SHA-256 of `{"chain":REPLACEMENT_CHAIN,"taskId":…}`. @internal */
export function replacementGenesis(taskId: string): string {
  return chainGenesis(REPLACEMENT_CHAIN, taskId);
}

/** Why a replacement (request or logged entry) is not accountable: a reason outside the list, or no decision. @internal */
export function replacementAccountability(req: { readonly reason?: unknown; readonly decision?: unknown }, position: number): Issue[] {
  const out: Issue[] = [];
  if (!(REPLACEMENT_REASONS as readonly unknown[]).includes(req?.reason)) {
    out.push(issue("replacement_reason", { position, reason: typeof req?.reason === "string" ? req.reason : "", allowed: REPLACEMENT_REASONS.join("、") }, { path: ["replacements", position - 1, "reason"] }));
  }
  const d = req?.decision as { by?: unknown; date?: unknown } | null | undefined;
  if (typeof d !== "object" || d === null || typeof d.by !== "string" || d.by.trim() === "" || typeof d.date !== "string" || !ISO_DATE.test(d.date)) {
    out.push(issue("replacement_undecided", { position }, { path: ["replacements", position - 1, "decision"] }));
  }
  return out;
}

/** Whether the record's replacements form a chain (a `replacementsHead`, or an entry with `prev`). @internal */
export function isChained(record: DrawRecord): boolean {
  return record.replacementsHead !== undefined || record.replacements.some((e) => e.prev !== undefined);
}

/** Refusal to append to replacements made before the chain (draw-v1 §7.2). @internal */
export function appendUnchainedIssue(count: number): Issue {
  return issue("replacement_append_unchained", { count });
}

/** `added` chained after the record's head (each with `prev`), and the new head. @internal */
export function chainReplacements(record: DrawRecord, added: readonly Replacement[]): { entries: Replacement[]; head: string } {
  let head = record.replacementsHead ?? replacementGenesis(record.taskId);
  const entries = added.map((e) => {
    const c = chained(head, e);
    head = entryDigest(c);
    return c;
  });
  return { entries, head };
}

/**
 * The published threshold of draw-v1 §7.2: more replacements than this in a task draws the warning
 * `replacements_many` from {@link verifyDraw}: max(2, ⌈drawn / 10⌉), drawn being the number of selections.
 * @example
 * ```ts
 * [replacementLimit(5), replacementLimit(45)]
 * //=> [2, 5]
 * ```
 * @public
 */
export function replacementLimit(drawn: number): number {
  return Math.max(2, Math.ceil(drawn / 10));
}

/**
 * The log checks of draw-v1 §8.2 step 8: every `prev` and the head, every copy published earlier, accountability
 * (warning for each entry without a listed reason or decision), and the count against {@link replacementLimit}.
 * @internal
 */
export function replacementLogIssues(record: DrawRecord, earlier: readonly PublishedCopy[] = []): Issue[] {
  const genesis = replacementGenesis(record.taskId);
  const log = record.replacements as readonly object[];
  const head = record.replacementsHead;
  const out: Issue[] = [];
  const chainedLog = isChained(record);
  if (!chainedLog && log.length > 0) out.push(issue("replacement_log_unchained", { count: log.length }));
  if (chainedLog) {
    const broken = firstBreak(genesis, log);
    if (broken >= 0) out.push(issue("replacement_log_broken", { position: broken + 1 }, { path: ["replacements", broken, "prev"] }));
    else if (chainHead(genesis, log) !== head) out.push(issue("replacement_log_broken", { position: log.length }, { path: ["replacementsHead"] }));
  }
  for (const e of Array.isArray(earlier) ? earlier : []) {
    if (!extendsHead(genesis, log, e)) out.push(issue("replacement_log_rewritten", { length: e.length, head: e.head }, { path: ["replacements"] }));
  }
  const unaccountable = record.replacements.filter((e, k) => replacementAccountability(e, k + 1).length > 0).length;
  if (unaccountable > 0) out.push(issue("replacement_unaccountable", { count: unaccountable }));
  const limit = replacementLimit(record.selections.length);
  if (record.replacements.length > limit) out.push(issue("replacements_many", { total: record.replacements.length, limit }));
  return out;
}
