// The assignment of people to team slots (match-v1 §5–§7): uniform picks among free candidates, augmenting-path
// repair, leaders, and the published teams put back into slots. Internal: never exported from the package.
import { compareCodePoints } from "../../_internal/codePoints.js";
import type { Message } from "../../result.js";
import { phrase } from "../_issue.js";
import type { Team, TeamMember, TeamMove } from "../types.js";
import type { Stream } from "./stream.js";
import type { MatchProblem } from "./types.js";

/** What earlier failed searches closed: their slots and their saturated persons, each with the search's id. */
export interface Closed {
  readonly slots: Map<number, number>;
  readonly persons: Map<number, number>;
}

export interface Failure {
  readonly slot: number;
  /** Slots reachable from it in the residual graph when the repair failed (the min-cut side). */
  readonly reach: readonly number[];
  /** Vacant slots inside `reach` (1 unless failures were merged). */
  readonly missing?: number;
}

/** Assignment state: which person holds each slot; slot s belongs to target ⌊s / K⌋. */
export class Assignment {
  readonly K: number;
  readonly T: number;
  readonly P: number;
  readonly cap: Int32Array;
  readonly holder: Int32Array;
  readonly load: Int32Array;
  readonly held: number[][];
  /** rank[p]: position of p in its pool's random priority order. */
  readonly rank: Int32Array;
  /** Group members ordered by random priority, for the repair's search order. */
  readonly byRank: Map<string, number[]>;

  constructor(
    readonly problem: MatchProblem,
    countedOrder: readonly number[],
    expertOrder: readonly number[],
  ) {
    this.K = problem.spec.length;
    this.T = problem.targets.length;
    this.P = problem.people.length;
    this.cap = Int32Array.from(problem.people, (p) => Math.min(p.cap, 0x7fffffff));
    this.holder = new Int32Array(this.K * this.T).fill(-1);
    this.load = new Int32Array(problem.people.length);
    this.held = problem.people.map(() => []);
    this.rank = new Int32Array(problem.people.length);
    countedOrder.forEach((p, k) => (this.rank[p] = k));
    expertOrder.forEach((p, k) => (this.rank[p] = k));
    this.byRank = new Map();
    for (const [key, members] of problem.groups) this.byRank.set(key, members.slice().sort((a, b) => this.rank[a]! - this.rank[b]!));
  }

  eligible(p: number, t: number): boolean {
    return this.problem.eligible[t * this.P + p] === 1;
  }

  /** The slot person p holds at target t, or -1. */
  slotAt(p: number, t: number): number {
    const base = t * this.K;
    for (let k = 0; k < this.K; k++) if (this.holder[base + k] === p) return base + k;
    return -1;
  }

  assign(p: number, s: number): void {
    this.holder[s] = p;
    this.load[p]! += 1;
    this.held[p]!.push(s);
  }

  vacate(s: number): number {
    const p = this.holder[s]!;
    if (p < 0) return p;
    this.holder[s] = -1;
    this.load[p]! -= 1;
    const h = this.held[p]!;
    h.splice(h.indexOf(s), 1);
    return p;
  }

  /** Free candidates for slot s in code point order of id: eligible, spare capacity, not yet at the target. */
  candidates(s: number): number[] {
    const t = Math.floor(s / this.K);
    const key = this.problem.spec[s % this.K]!.key;
    const out: number[] = [];
    const { holder, load, cap, K } = this;
    const elig = this.problem.eligible;
    const row = t * this.P;
    const base = t * K;
    const members = this.problem.groups.get(key)!;
    for (let i = 0; i < members.length; i++) {
      const p = members[i]!;
      if (elig[row + p] !== 1 || load[p]! >= cap[p]!) continue;
      let here = false;
      for (let k = 0; k < K; k++) if (holder[base + k] === p) here = true;
      if (!here) out.push(p);
    }
    return out;
  }

  /** Fills slot s with a uniform pick among its free candidates; false when there is none. */
  pick(s: number, stream: Stream): boolean {
    const c = this.candidates(s);
    if (c.length === 0) return false;
    this.assign(c[stream.next(c.length)]!, s);
    return true;
  }

  /**
   * Breadth-first search for an augmenting path ending at the empty slot s0 (docs/spec/match-v1.md §6).
   * On success applies it and returns the moves made; on failure returns the reachable slots.
   */
  repair(s0: number, dead?: Closed): { ok: true; moves: TeamMove[] } | { ok: false; reach: number[]; touched: Set<number>; saturated: Set<number> } {
    const { K, problem } = this;
    const prev = new Map<number, { to: number; person: number }>();
    // Slots of an earlier failed search stay closed (no augmenting path leaves them): skip them, remember whose.
    const touched = new Set<number>();
    const closed = (h: number): boolean => {
      const owner = dead?.slots.get(h);
      if (owner === undefined) return false;
      touched.add(owner);
      return true;
    };
    prev.set(s0, { to: -1, person: -1 });
    const queue = [s0];
    // A saturated person's held slots are enqueued once; meeting the person again adds nothing.
    const expanded = new Set<number>();
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      const t = Math.floor(s / K);
      const key = problem.spec[s % K]!.key;
      for (const p of this.byRank.get(key)!) {
        if (!this.eligible(p, t)) continue;
        const here = this.slotAt(p, t);
        if (here >= 0) {
          // Moving p inside the team only helps when it frees a slot of another group.
          if (here !== s && !prev.has(here) && problem.spec[here % K]!.key !== key && !closed(here)) {
            prev.set(here, { to: s, person: p });
            queue.push(here);
          }
          continue;
        }
        if (this.load[p]! < this.cap[p]!) return { ok: true, moves: this.apply(s0, s, p, prev) };
        if (expanded.has(p)) continue;
        const owner = dead?.persons.get(p);
        if (owner !== undefined) {
          touched.add(owner);
          continue;
        }
        expanded.add(p);
        for (const h of this.held[p]!.slice().sort((a, b) => a - b)) {
          if (!prev.has(h) && !closed(h)) {
            prev.set(h, { to: s, person: p });
            queue.push(h);
          }
        }
      }
    }
    return { ok: false, reach: queue, touched, saturated: expanded };
  }

  private apply(s0: number, sEnd: number, pEnd: number, prev: Map<number, { to: number; person: number }>): TeamMove[] {
    const moves: TeamMove[] = [];
    let s = sEnd;
    let p = pEnd;
    this.assign(p, s);
    while (s !== s0) {
      const step = prev.get(s)!;
      // step.person currently holds s (besides the one just assigned); it moves to step.to.
      const h = this.held[step.person]!;
      h.splice(h.indexOf(s), 1);
      this.load[step.person]! -= 1;
      this.holder[s] = p;
      this.assign(step.person, step.to);
      const from = Math.floor(s / this.K);
      const to = Math.floor(step.to / this.K);
      if (from !== to) moves.push({ inspectorId: this.problem.people[step.person]!.id, fromTargetId: this.problem.targets[from]!.id, toTargetId: this.problem.targets[to]!.id });
      s = step.to;
      p = step.person;
    }
    return moves.reverse();
  }

  leaderCandidates(t: number): number[] {
    const dept = this.problem.rules.leader?.department ?? null;
    const out: number[] = [];
    for (let k = 0; k < this.K; k++) {
      const spec = this.problem.spec[k]!;
      const p = this.holder[t * this.K + k]!;
      if (spec.kind === "expert" || p < 0) continue;
      if (dept === null || this.problem.people[p]!.department === dept) out.push(p);
    }
    return out.sort((a, b) => compareCodePoints(this.problem.people[a]!.id, this.problem.people[b]!.id));
  }

  teams(leaders: readonly (number | undefined)[]): Team[] {
    const { problem, K } = this;
    return problem.targets.map((target, t) => {
      const members: TeamMember[] = [];
      const experts: TeamMember[] = [];
      for (let k = 0; k < K; k++) {
        const p = this.holder[t * K + k]!;
        if (p < 0) continue;
        const person = problem.people[p]!;
        const m: TeamMember = { id: person.id, name: person.name, department: person.department, slot: problem.spec[k]!.kind };
        (m.slot === "expert" ? experts : members).push(m);
      }
      const leader = leaders[t];
      return { targetId: target.id, stratum: target.stratum, members, experts, ...(leader === undefined ? {} : { leaderId: problem.people[leader]!.id }) };
    });
  }
}

/**
 * Puts the members of published teams back into slots: department slots by department, then open slots,
 * then expert slots, each in slot order. Returns an issue text when a team does not fit the rules' shape.
 */
export function restore(state: Assignment, teams: readonly Team[]): Message | null {
  const { problem, K } = state;
  if (!Array.isArray(teams) || teams.length !== problem.targets.length) return phrase("teams_count");
  for (const team of teams) {
    const t = problem.targetIndex.get(team?.targetId);
    if (t === undefined) return phrase("team_unknown_target", { target: String(team?.targetId) });
    for (const m of [...(team.members ?? []), ...(team.experts ?? [])]) {
      const p = problem.personIndex.get(m?.id);
      if (p === undefined) return phrase("team_unknown_person", { target: team.targetId, person: String(m?.id) });
      let placed = false;
      for (let k = 0; k < K && !placed; k++) {
        const spec = problem.spec[k]!;
        if (state.holder[t * K + k] !== -1 || spec.kind !== m.slot) continue;
        if (spec.kind === "department" && spec.department !== problem.people[p]!.department) continue;
        state.assign(p, t * K + k);
        placed = true;
      }
      if (!placed) return phrase("team_slot_misfit", { person: m.id, target: team.targetId, slot: String(m.slot) });
    }
  }
  return null;
}
