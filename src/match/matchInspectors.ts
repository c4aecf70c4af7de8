import { fail, type Issue, ok, type Result } from "../result.js";
import { Assignment, type Closed, type Failure } from "./_internals/assignment.js";
import { explainFailures } from "./_internals/infeasibility.js";
import { logGenesis } from "./_internals/logChain.js";
import { buildProblem } from "./_internals/problem.js";
import { requireObject } from "./_internals/readers.js";
import { priorities, Stream } from "./_internals/stream.js";
import type { MatchProblem } from "./_internals/types.js";
import { commitmentIssues } from "./commitment.js";
import { MATCH_PROTOCOL_VERSION, type MatchableRecord, type MatchInput, type MatchedRecord, type MatchResult, type MatchRules, type MatchSection } from "./types.js";

/** Runs the protocol on prepared input: greedy picks in random priority, repair, leaders. */
export function runMatching(problem: MatchProblem, stream: Stream = new Stream(problem.streamSeed)): { state: Assignment; stream: Stream; leaders: (number | undefined)[]; repairs: number; failures: Failure[] } {
  const order = priorities(problem, stream);
  const state = new Assignment(problem, order.counted, order.experts);
  const { K } = state;
  const vacant: number[] = [];
  for (const t of order.targets) {
    for (let k = 0; k < K; k++) if (!state.pick(t * K + k, stream)) vacant.push(t * K + k);
  }
  let repairs = 0;
  // A failed search's reach is closed for good (docs/spec/match-v1.md §7): later searches skip it, and failures
  // that meet are merged (union-find) into one cut.
  const dead: Closed = { slots: new Map(), persons: new Map() };
  const parent: number[] = [];
  const cuts: { slot: number; reach: number[]; missing: number }[] = [];
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const s of vacant) {
    const r = state.repair(s, dead);
    if (r.ok) {
      repairs += 1;
      continue;
    }
    const id = cuts.length;
    parent.push(id);
    cuts.push({ slot: s, reach: r.reach, missing: 1 });
    for (const h of r.reach) dead.slots.set(h, id);
    for (const p of r.saturated) dead.persons.set(p, id);
    for (const other of r.touched) parent[find(other)] = id;
  }
  const merged = new Map<number, { slot: number; reach: number[]; missing: number }>();
  cuts.forEach((c, id) => {
    const root = find(id);
    const m = merged.get(root);
    if (!m) merged.set(root, { slot: c.slot, reach: [...c.reach], missing: c.missing });
    else {
      for (const x of c.reach) m.reach.push(x);
      m.missing += c.missing;
      if (c.slot < m.slot) m.slot = c.slot;
    }
  });
  const failures: Failure[] = [...merged.values()].sort((a, b) => a.slot - b.slot);
  const leaders: (number | undefined)[] = [];
  if (problem.rules.leader && failures.length === 0) {
    for (let t = 0; t < problem.targets.length; t++) {
      const c = state.leaderCandidates(t);
      if (c.length > 0) leaders[t] = c[stream.next(c.length)];
    }
  }
  return { state, stream, leaders, repairs, failures };
}

/**
 * The second random (随机选派执法检查人员): assigns a lawful team to every drawn target, deterministically from
 * the draw's seed through the Rivest stream `${seed}/inspectors` (docs/spec/match-v1.md), and attaches a
 * matching section to the record.
 *
 * @remarks
 * Targets and people get a random priority from the stream; each slot takes a uniform pick among its free
 * candidates; a slot left without one is filled by augmenting-path repair, so a valid assignment is found
 * whenever one exists. When none exists, the issues say why with max-flow/min-cut figures in department terms.
 * Interchangeable inspectors have equal chances and the order of the input lists does not matter.
 *
 * @param input - the record (`taskId`, `seed`, `selections`, optional `replacements`), the inspector pool, the
 * optional expert and entity pools, and the {@link MatchRules}.
 * @returns the teams and the record with its `match` section. Errors: `match_record_invalid`,
 * `match_target_without_entity`, `match_unknown_target` (a replacement of no drawn target), `match_duplicate_target`, `match_duplicate_person`, `match_two_departments`,
 * `match_negative_cap`, `match_invalid_rule`, `match_unknown_inspector`, `match_entities_required`,
 * `match_leader_department`, `match_group_empty`, `match_no_eligible`, `match_infeasible`, `invalid_type`,
 * `match_below_legal_minimum` and `match_department_count_zero` (行政处罚法 第42条: two credentialed officers per team,
 * one of each participating department, unless `rules.legalException`), `match_commitment_mismatch`; warnings
 * `match_region_unknown`, `match_legal_exception`, `match_entities_not_committed`.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `input` is not an object (a wrong call).
 * @example
 * ```ts
 * const r = matchInspectors({
 *   record: { taskId: "T1", seed: "abc", selections: [{ id: "E1", stratum: "all" }] },
 *   inspectors: [
 *     { id: "A", name: "甲", department: "市场监管局" },
 *     { id: "B", name: "乙", department: "市场监管局" },
 *   ],
 * });
 * r.ok && r.value.teams[0].members.map((m) => m.id).sort()
 * //=> ["A", "B"]
 * ```
 * @public
 */
export function matchInspectors<R extends MatchableRecord>(input: MatchInput & { readonly record: R }): Result<MatchResult<R>> {
  requireObject(input, "matchInspectors({ record, inspectors, experts?, entities?, rules? })");
  const issues: Issue[] = [];
  const problem = buildProblem(input, [], issues);
  if (!problem) return fail(issues);
  // When the announcement committed to the pools and rules (match-v1 §8.1), nothing else may be used.
  const committed = commitmentIssues(input.record, input, input.rules);
  if (committed.some((i) => i.severity === "error")) return fail(committed);
  const run = runMatching(problem);
  if (run.failures.length > 0) return fail([...explainFailures(run.state, run.failures), ...problem.warnings]);
  const teams = run.state.teams(run.leaders);
  const rules = JSON.parse(JSON.stringify(input.rules ?? {})) as MatchRules;
  const { match: _previous, ...base } = input.record as R & { match?: unknown };
  const match: MatchSection = {
      protocol: MATCH_PROTOCOL_VERSION,
      taskId: problem.taskId,
      seed: problem.streamSeed,
      rules,
      teams,
      log: [],
      counter: run.stream.counter,
      repairs: run.repairs,
      logHead: logGenesis(problem.taskId),
  };
  const record = { ...(base as R), match } as MatchedRecord<R>;
  return ok({ teams, record }, [...problem.warnings, ...committed]);
}

