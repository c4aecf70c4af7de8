import type { EntityInput, Entity, InspectorInput } from "../model/index.js";
import { chained, entryDigest } from "../_internal/chain.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import { Assignment, restore } from "./_internals/assignment.js";
import { explainFailures } from "./_internals/infeasibility.js";
import { logGenesis } from "./_internals/logChain.js";
import { buildProblem } from "./_internals/problem.js";
import { requireObject } from "./_internals/readers.js";
import { priorities, Stream } from "./_internals/stream.js";
import type { LateRecusal } from "./_internals/types.js";
import { commitmentIssues } from "./commitment.js";
import {
  MATCH_PROTOCOL_VERSION,
  RECUSAL_REASONS,
  type RecusalDecision,
  type RecusalReason,
  type MatchableRecord,
  type MatchedRecord,
  type MatchLogEntry,
  type MatchSection,
  type Team,
} from "./types.js";
import { issue, phrase } from "./_issue.js";

/**
 * A recusal declared after the draw (事后回避, 行政处罚法 第43条): who, at which target, why (a code from the closed
 * list {@link RECUSAL_REASONS}), who decided and when; `note` is free text on top, never the reason.
 * @public
 */
export interface LateRecusalInput {
  readonly targetId: string;
  readonly inspectorId: string;
  readonly reason: RecusalReason;
  readonly decision: RecusalDecision;
  readonly note?: string;
}

/**
 * What {@link recuseInspector} needs: the matched record, the same pools the matching used, and the recusal.
 * @public
 */
export interface RecuseInput<R extends MatchableRecord = MatchableRecord> {
  readonly record: MatchedRecord<R>;
  readonly inspectors: readonly InspectorInput[];
  readonly experts?: readonly InspectorInput[];
  readonly entities?: readonly (Entity | EntityInput)[];
  /** The salt of the announcement's entity commitment, when it commits to entity attributes. */
  readonly salt?: string;
  readonly recusal: LateRecusalInput;
}

/**
 * The outcome of a 递补: the record with its updated matching section and the log entry appended to it.
 * @public
 */
export interface RecuseResult<R extends MatchableRecord = MatchableRecord> {
  readonly record: MatchedRecord<R>;
  readonly entry: MatchLogEntry;
}

/** @internal Checks the record's matching section and returns it, or pushes an issue. */
export function sectionOf(record: unknown, issues: Issue[]): MatchSection | null {
  const m = (record as { match?: Partial<MatchSection> } | null)?.match;
  if (!m || typeof m !== "object" || m.protocol !== MATCH_PROTOCOL_VERSION || !Array.isArray(m.teams) || !Array.isArray(m.log) || typeof m.counter !== "number") {
    issues.push(issue("match_record_invalid", { path: "record.match", detail: phrase("record_section_missing", { protocol: MATCH_PROTOCOL_VERSION }) }, { path: ["record", "match"] }));
    return null;
  }
  return m as MatchSection;
}

/**
 * Handles a recusal declared after the draw (递补): removes the inspector from the target's team and refills the
 * slot from the continuing stream `${seed}/inspectors` (the counter goes on after the record's last one), with a
 * uniform pick among the free candidates; when there is none, augmenting-path repair rearranges other teams and
 * logs every move. Never a silent change: the log entry says who left, why, who came and what moved.
 *
 * The entry is chained to the log (`prev`, the digest of the entry before it) and the section publishes the new head
 * (`logHead`), so dropping or editing an entry later breaks verification against any copy published before.
 *
 * @returns the updated record and the new log entry. Errors: `match_recusal_reason` (a reason outside
 * {@link RECUSAL_REASONS}), `match_recusal_undecided` (no decision: how, who, when), `match_record_invalid`, `match_not_in_team`,
 * `match_unknown_inspector`, `match_unknown_target`, `match_refill_impossible`, `match_mismatch` (the published
 * teams do not fit the rules), plus every input error of {@link matchInspectors}.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `input` is not an object (a wrong call).
 * @example
 * ```ts
 * const pool = [{ id: "E1" }, { id: "E2" }];
 * const salt = "0123456789abcdef";
 * const a = unwrap(announce({ taskId: "T1", pool, stratify: "none", salt, sizes: 2, entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const record = unwrap(draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt }));
 * const inspectors = ["A", "B", "C"].map((id) => ({ id, name: id, department: "市场监管局" }));
 * const matched = unwrap(matchInspectors({ record, inspectors })).record;
 * const team = matched.match.teams[0];
 * const r = recuseInspector({ record: matched, inspectors, recusal: {
 *   targetId: team.targetId, inspectorId: team.members[0].id, reason: "close_relative",
 *   decision: { basis: "head_decision", by: "局长", date: "2026-03-02" }, note: "配偶在该企业任职" } });
 * r.ok && r.value.entry.inspectorId === team.members[0].id
 * //=> true
 * ```
 * @public
 */
export function recuseInspector<R extends MatchableRecord>(input: RecuseInput<R>): Result<RecuseResult<R>> {
  requireObject(input, "recuseInspector({ record, inspectors, experts?, entities?, salt?, recusal })");
  const rec = input.recusal;
  const why = rec ? accountability(rec) : [];
  if (why.length > 0) return fail(why);
  const section = (input.record as { match?: Partial<MatchSection> } | null)?.match;
  // A new log, or one already chained, is chained; a log made before the chain stays as it was (§8.2).
  return replayRecusal(input, section?.logHead !== undefined || (Array.isArray(section?.log) && section.log.length === 0));
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Why a recusal is not accountable (第43条): a reason outside the closed list, or no decision (how, who, when).
 * @internal
 */
export function accountability(rec: { readonly reason?: unknown; readonly decision?: unknown }): Issue[] {
  const out: Issue[] = [];
  if (!(RECUSAL_REASONS as readonly unknown[]).includes(rec.reason)) {
    out.push(issue("match_recusal_reason", { reason: String(rec.reason), allowed: RECUSAL_REASONS.join(", ") }, { path: ["recusal", "reason"] }));
  }
  const d = rec.decision as Partial<RecusalDecision> | undefined | null;
  const missing: string[] = [];
  if (typeof d !== "object" || d === null) missing.push("decision");
  else {
    if (d.basis !== "head_decision" && d.basis !== "party_application") missing.push("decision.basis");
    if (typeof d.by !== "string" || d.by.trim().length === 0) missing.push("decision.by");
    if (typeof d.date !== "string" || !ISO_DATE.test(d.date)) missing.push("decision.date");
  }
  if (missing.length > 0) out.push(issue("match_recusal_undecided", { detail: missing.join(", ") }, { path: ["recusal", "decision"] }));
  return out;
}

/**
 * The 递补 of §8 without the accountability check, so that verification can replay entries of records made before
 * reasons and decisions were required (and report them instead).
 * @internal
 */
export function replayRecusal<R extends MatchableRecord>(
  input: Omit<RecuseInput<R>, "recusal"> & { readonly recusal: Pick<MatchLogEntry, "targetId" | "inspectorId" | "reason" | "decision" | "note"> },
  chain: boolean,
): Result<RecuseResult<R>> {
  const issues: Issue[] = [];
  const section = sectionOf(input?.record, issues);
  if (!section) return fail(issues);
  const rec = input.recusal;
  if (!rec || typeof rec.targetId !== "string" || typeof rec.inspectorId !== "string" || typeof rec.reason !== "string") {
    return fail([issue("invalid_argument", { detail: "recusal needs targetId, inspectorId, reason and decision" })]);
  }
  const late: LateRecusal[] = [...section.log.map((e) => ({ inspectorId: e.inspectorId, targetId: e.targetId })), rec];
  const problem = buildProblem({ record: input.record, inspectors: input.inspectors, experts: input.experts, entities: input.entities }, late, issues, section.rules);
  if (!problem) return fail(issues);
  // A 递补 draws from the announced pools only (match-v1 §8.1).
  const committed = commitmentIssues(input.record, input, section.rules);
  if (committed.some((i) => i.severity === "error")) return fail(committed);

  const order = priorities(problem, new Stream(problem.streamSeed));
  const state = new Assignment(problem, order.counted, order.experts);
  const shape = restore(state, section.teams);
  if (shape) return fail([issue("match_mismatch", { detail: shape })]);

  const t = problem.targetIndex.get(rec.targetId)!;
  const p = problem.personIndex.get(rec.inspectorId)!;
  const s = state.slotAt(p, t);
  if (s < 0) return fail([issue("match_not_in_team", { inspector: rec.inspectorId, target: rec.targetId })]);
  const published = new Map(section.teams.map((team) => [team.targetId, team]));
  const oldTeam = published.get(rec.targetId)!;
  const before = new Set([...oldTeam.members, ...oldTeam.experts].map((m) => m.id));
  state.vacate(s);

  const stream = new Stream(problem.streamSeed, section.counter);
  let counter: number | null = null;
  let moves: MatchLogEntry["moves"] = [];
  if (state.pick(s, stream)) counter = stream.counter;
  else {
    const r = state.repair(s);
    if (!r.ok) {
      return fail([
        issue("match_refill_impossible", { inspector: rec.inspectorId, target: rec.targetId }),
        ...explainFailures(state, [{ slot: s, reach: r.reach }]),
      ]);
    }
    moves = r.moves;
  }
  const after: Team = state.teams([])[t]!;
  const replacement = [...after.members, ...after.experts].find((m) => !before.has(m.id));

  // A team whose leader left (the recused person, or one moved by the repair) draws a new one, in target order.
  const leaders: (number | undefined)[] = problem.targets.map((target) => {
    const id = published.get(target.id)?.leaderId;
    return id === undefined ? undefined : problem.personIndex.get(id);
  });
  const redrawn: { targetId: string; leaderId: string }[] = [];
  if (problem.rules.leader) {
    for (let u = 0; u < problem.targets.length; u++) {
      const c = state.leaderCandidates(u);
      const current = leaders[u];
      if (current !== undefined && c.includes(current)) continue;
      if (c.length === 0) continue;
      leaders[u] = c[stream.next(c.length)];
      redrawn.push({ targetId: problem.targets[u]!.id, leaderId: problem.people[leaders[u]!]!.id });
    }
  }

  const body: MatchLogEntry = {
    kind: "recusal",
    targetId: rec.targetId,
    inspectorId: rec.inspectorId,
    reason: rec.reason,
    ...(rec.decision === undefined ? {} : { decision: rec.decision }),
    ...(rec.note === undefined ? {} : { note: rec.note }),
    replacementId: replacement?.id ?? null,
    counter,
    moves,
    leaders: redrawn,
  };
  // Append-only (§8.2): the entry carries the digest before it and the section the new head. A section made before
  // the chain (no logHead, entries without prev) stays unchained so its replay gives the same bytes.
  const head = chain ? (section.logHead ?? logGenesis(section.taskId)) : undefined;
  const entry: MatchLogEntry = head === undefined ? body : chained(head, body);
  const teams = state.teams(leaders);
  const match: MatchSection = {
    ...section,
    teams,
    log: [...section.log, entry],
    counter: stream.counter,
    ...(head === undefined ? {} : { logHead: entryDigest(entry) }),
  };
  return ok({ record: { ...input.record, match }, entry }, [...problem.warnings, ...committed]);
}
