import { canonicalJson } from "../draw/digest.js";
import type { Entity, EntityInput, InspectorInput } from "../model/index.js";
import { fail, type Issue, type Message, ok, type Result } from "../result.js";
import { ineligibility } from "./_internals/eligibility.js";
import { logGenesis } from "./_internals/logChain.js";
import { buildProblem } from "./_internals/problem.js";
import { requireObject } from "./_internals/readers.js";
import type { MatchProblem } from "./_internals/types.js";
import { commitmentIssues, isCommitted } from "./commitment.js";
import { matchInspectors } from "./matchInspectors.js";
import { accountability, replayRecusal, sectionOf } from "./recuseInspector.js";
import { chainHead, extendsHead, firstBreak } from "../_internal/chain.js";
import type { MatchableRecord, MatchedRecord, MatchSection, Team } from "./types.js";
import { issue, phrase } from "./_issue.js";
import { listText } from "../messages/render.js";

/**
 * What {@link verifyMatch} needs: the published record with its matching section and the pools as they were
 * at the matching (post-draw recusals live in the log, not in the pools).
 * @public
 */
export interface VerifyMatchInput {
  readonly record: MatchedRecord<MatchableRecord>;
  readonly inspectors: readonly InspectorInput[];
  readonly experts?: readonly InspectorInput[];
  readonly entities?: readonly (Entity | EntityInput)[];
  /** The salt of the announcement's entity commitment (match-v1 §8.1), when it commits to entity attributes. */
  readonly salt?: string;
  /**
   * Chain heads of copies of this record published earlier (`length` log entries, `logHead`): each must be a prefix
   * of this record's log, or an entry was dropped or edited since (`match_log_rewritten`).
   */
  readonly earlier?: readonly { readonly length: number; readonly head: string }[];
}

/**
 * What a successful verification checked.
 * @public
 */
export interface MatchVerification {
  /** Teams re-derived and checked against every rule. */
  readonly teams: number;
  /** Log entries (递补) replayed. */
  readonly logEntries: number;
  /** The stream counter both runs ended at. */
  readonly counter: number;
  /** Late recusals in the log (事后回避), in total and per target id (targets with at least one). */
  readonly lateRecusals: number;
  readonly lateRecusalsByTarget: Readonly<Record<string, number>>;
  /** The log's chain head (match-v1 §8.2), or null for a record made before the chain. */
  readonly logHead: string | null;
}

/**
 * The published threshold of match-v1 §8.2: more late recusals than this in a task (or more than one at the same
 * target) draws the warning `match_late_recusals_many` from {@link verifyMatch}.
 * @example
 * ```ts
 * [lateRecusalLimit(5), lateRecusalLimit(45)]
 * //=> [2, 5]
 * ```
 * @public
 */
export function lateRecusalLimit(targets: number): number {
  return Math.max(2, Math.ceil(targets / 10));
}

/** The record with its announcement's matching commitment left out (teams do not depend on it). */
function withoutCommitment<R extends MatchableRecord>(record: R): R {
  const announcement = (record as { announcement?: Record<string, unknown> }).announcement;
  if (!isCommitted(record) || announcement === undefined) return record;
  const { match: _commitment, ...rest } = announcement;
  return { ...record, announcement: rest };
}

/** Every rule, checked on the published teams directly, without the matching engine. */
function checkTeams(problem: MatchProblem, teams: readonly Team[]): Issue[] {
  const issues: Issue[] = [];
  const broken = (target: string, detail: Message) => issues.push(issue("match_rule_violated", { target, detail }));
  const load = new Map<number, number>();
  const seenTargets = new Set<string>();
  for (const team of teams) {
    const t = problem.targetIndex.get(team.targetId);
    if (t === undefined || seenTargets.has(team.targetId)) {
      broken(team.targetId, phrase("team_not_drawn"));
      continue;
    }
    seenTargets.add(team.targetId);
    const ids = [...team.members, ...team.experts].map((m) => m.id);
    if (new Set(ids).size !== ids.length) broken(team.targetId, phrase("team_person_twice"));
    if (team.members.length !== problem.rules.teamSize) broken(team.targetId, phrase("team_counted_size", { count: team.members.length, required: problem.rules.teamSize }));
    if (team.experts.length !== problem.rules.experts) broken(team.targetId, phrase("team_expert_size", { count: team.experts.length, required: problem.rules.experts }));
    for (const [d, c] of problem.rules.departments ?? []) {
      const n = team.members.filter((m) => problem.people[problem.personIndex.get(m.id) ?? -1]?.department === d).length;
      if (n < c) broken(team.targetId, phrase("team_department_short", { department: d, count: n, required: c }));
    }
    team.members.concat(team.experts).forEach((m, k) => {
      const p = problem.personIndex.get(m.id);
      const person = p === undefined ? undefined : problem.people[p];
      const wantPool = k < team.members.length ? "counted" : "expert";
      if (p === undefined || !person || person.pool !== wantPool) {
        broken(team.targetId, phrase(wantPool === "counted" ? "team_not_in_counted_pool" : "team_not_in_expert_pool", { person: m.id }));
        return;
      }
      const why = ineligibility(problem, person, p, problem.targets[t]!, t);
      if (why) broken(team.targetId, phrase("team_ineligible", { person: m.id, reason: why }));
      load.set(p, (load.get(p) ?? 0) + 1);
    });
    if (problem.rules.leader) {
      const leader = team.members.find((m) => m.id === team.leaderId);
      const dept = problem.rules.leader.department;
      if (!leader || (dept !== null && problem.people[problem.personIndex.get(leader.id)!]!.department !== dept)) broken(team.targetId, phrase("team_leader"));
    }
  }
  if (seenTargets.size !== problem.targets.length) issues.push(issue("match_mismatch", { detail: phrase("target_without_team") }));
  for (const [p, n] of load) {
    const person = problem.people[p]!;
    if (n > person.cap) issues.push(issue("match_rule_violated", { target: "*", detail: phrase("person_over_cap", { person: person.id, count: n, cap: person.cap }) }));
  }
  return issues;
}

/**
 * Re-checks a published matching (复核): re-runs {@link matchInspectors} from the record's seed and rules, replays
 * every logged 递补 with {@link recuseInspector}, compares teams, log and stream counter, and checks every
 * published team against every rule independently of the engine.
 *
 * The log is append-only: every entry's `prev` and the published `logHead` are checked (§8.2), and so is every
 * copy published earlier that the caller holds (`earlier`). The report counts late recusals per target.
 *
 * @returns what was checked, or the differences. Errors: `match_mismatch`, `match_rule_violated`,
 * `match_record_invalid`, `match_commitment_mismatch`, `match_log_chain_broken`, `match_log_head_mismatch`,
 * `match_log_rewritten`, plus the input errors of {@link matchInspectors}. Warnings: `match_not_committed`,
 * `match_entities_not_committed`, `match_log_unchained`, `match_recusal_unaccountable`, `match_late_recusals_many`,
 * `match_legal_exception`, `match_region_unknown`.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `input` is not an object (a wrong call).
 * @example
 * ```ts
 * const pool = [{ id: "E1" }, { id: "E2" }];
 * const salt = "0123456789abcdef";
 * const a = unwrap(announce({ taskId: "T1", pool, stratify: "none", salt, sizes: 2, entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const record = unwrap(draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt }));
 * const inspectors = ["A", "B", "C"].map((id) => ({ id, name: id, department: "市场监管局" }));
 * const matched = unwrap(matchInspectors({ record, inspectors })).record;
 * verifyMatch({ record: matched, inspectors }).ok
 * //=> true
 * ```
 * @public
 */
export function verifyMatch(input: VerifyMatchInput): Result<MatchVerification> {
  requireObject(input, "verifyMatch({ record, inspectors, experts?, entities?, salt?, earlier? })");
  const issues: Issue[] = [];
  const section = sectionOf(input.record, issues);
  if (!section) return fail(issues);
  const { match: _published, ...base } = input.record;
  const pools = { inspectors: input.inspectors, experts: input.experts, entities: input.entities, salt: input.salt };

  // The log is append-only (§8.2): check the chain before anything else, it needs no pool.
  const chain = logIssues(section, input.earlier ?? []);
  if (chain.some((i) => i.severity === "error")) return fail(chain);
  const isChained = section.logHead !== undefined;

  const problem = buildProblem({ record: base, ...pools }, section.log, issues, section.rules);
  if (!problem) return fail(issues);
  // Pools or rules other than the announced ones: that is the finding; re-running with them proves nothing.
  const committed = commitmentIssues(base, input, section.rules);
  if (committed.some((i) => i.severity === "error")) return fail(committed);
  for (const i of checkTeams(problem, section.teams)) issues.push(i);

  // Checked once above: the re-runs below work on the record without the commitment, so they do not hash the pools again.
  const rerun = matchInspectors({ record: withoutCommitment(base), ...pools, rules: section.rules });
  if (!rerun.ok) return fail([issue("match_mismatch", { detail: phrase("rerun_impossible") }), ...rerun.issues, ...issues]);
  let current: MatchedRecord<MatchableRecord> = rerun.value.record;
  if (!isChained) {
    // A record made before the chain: replay it unchained, so its entries compare byte for byte.
    const { logHead: _head, ...unchained } = current.match;
    current = { ...current, match: unchained };
  }
  if (current.match.repairs !== section.repairs) issues.push(issue("match_mismatch", { detail: phrase("repairs_differ", { published: section.repairs, computed: current.match.repairs }) }));
  for (const [k, entry] of section.log.entries()) {
    const r = replayRecusal({ record: current, ...pools, recusal: entry }, isChained);
    if (!r.ok) {
      issues.push(issue("match_mismatch", { detail: phrase("log_entry_unreplayable", { entry: k + 1 }) }));
      for (const i of r.issues) issues.push(i);
      return fail(issues);
    }
    if (canonicalJson(r.value.entry) !== canonicalJson(entry)) {
      issues.push(issue("match_mismatch", { detail: phrase("log_entry_differs", { entry: k + 1, replacement: String(r.value.entry.replacementId), counter: String(r.value.entry.counter) }) }));
    }
    current = r.value.record;
  }
  const published: MatchSection = section;
  if (canonicalJson(current.match.teams) !== canonicalJson(published.teams)) {
    const differing = current.match.teams.filter((team, k) => canonicalJson(team) !== canonicalJson(published.teams[k])).map((team) => team.targetId);
    issues.push(issue("match_mismatch", { detail: phrase("teams_differ", { targets: listText(differing.slice(0, 5)) }) }));
  }
  if (current.match.counter !== published.counter) issues.push(issue("match_mismatch", { detail: phrase("counter_differs", { published: published.counter, computed: current.match.counter }) }));
  if (issues.some((i) => i.severity === "error")) return fail(issues);

  const byTarget: Record<string, number> = {};
  for (const e of section.log) byTarget[e.targetId] = (byTarget[e.targetId] ?? 0) + 1;
  const warnings: Issue[] = [...problem.warnings, ...chain, ...committed, ...recusalWarnings(section, byTarget, problem.targets.length)];
  if (!isCommitted(base)) warnings.push(issue("match_not_committed", {}));
  return ok(
    {
      teams: published.teams.length,
      logEntries: published.log.length,
      counter: published.counter,
      lateRecusals: section.log.length,
      lateRecusalsByTarget: byTarget,
      logHead: section.logHead ?? null,
    },
    warnings,
  );
}

/** The chain of §8.2: every `prev`, the published head, and every copy published earlier; or the unchained warning. */
function logIssues(section: MatchSection, earlier: readonly { readonly length: number; readonly head: string }[]): Issue[] {
  const genesis = logGenesis(section.taskId);
  const log = section.log as readonly object[];
  const head = section.logHead;
  const at = ["record", "match", "log"];
  const out: Issue[] = [];
  // Without a head, entries carrying prev mean the head was taken away (which hides a dropped last entry).
  const chained = head !== undefined || section.log.some((e) => e.prev !== undefined);
  if (!chained && log.length > 0) out.push(issue("match_log_unchained", {}, { path: at }));
  if (chained) {
    const broken = firstBreak(genesis, log);
    if (broken >= 0) out.push(issue("match_log_chain_broken", { index: broken + 1 }, { path: [...at, broken, "prev"] }));
    const computed = chainHead(genesis, log);
    if (computed !== head) out.push(issue("match_log_head_mismatch", { published: head ?? "-", computed }, { path: ["record", "match", "logHead"] }));
  }
  for (const e of earlier) if (!extendsHead(genesis, log, e)) out.push(issue("match_log_rewritten", { length: e.length, head: e.head }, { path: at }));
  return out;
}

/** Entries without a closed-list reason or a decision, and late recusals above the published threshold. */
function recusalWarnings(section: MatchSection, byTarget: Readonly<Record<string, number>>, targets: number): Issue[] {
  const out: Issue[] = [];
  const unaccountable = section.log.filter((e) => accountability(e).length > 0).length;
  if (unaccountable > 0) out.push(issue("match_recusal_unaccountable", { count: unaccountable }, { path: ["record", "match", "log"] }));
  const limit = lateRecusalLimit(targets);
  const repeated = Object.entries(byTarget).filter(([, n]) => n > 1);
  if (section.log.length > limit || repeated.length > 0) {
    const list = repeated.slice(0, 5).map(([t, n]) => `${t}×${n}`);
    const detail = repeated.length > 0 ? phrase("recusals_repeated", { targets: listText(list) }) : phrase("recusals_targets", { count: targets });
    out.push(issue("match_late_recusals_many", { total: section.log.length, limit, detail }, { path: ["record", "match", "log"] }));
  }
  return out;
}
