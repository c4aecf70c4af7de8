// The matching engine of docs/spec/match-v1.md: random priority from the Rivest stream, greedy picks, and
// augmenting-path repair. Internal: never exported from the package.
import { reduceHash, streamHash } from "../draw/stream.js";
import { type Issue, type Message } from "../result.js";
import { compareCodePoints, ineligibility, type Ineligibility, type Prepared } from "./_prepare.js";
import type { Team, TeamMember, TeamMove } from "./types.js";
import { issue } from "./_issue.js";

/** The continuing stream `${seed}/inspectors`: each draw uses the next counter. */
export class Stream {
  counter: number;
  constructor(
    readonly seed: string,
    counter = 0,
  ) {
    this.counter = counter;
  }
  /** H_{c} mod m for the next counter c. */
  next(m: number): number {
    this.counter += 1;
    return reduceHash(streamHash(this.seed, this.counter), m);
  }
}

/** Fisher–Yates driven by the stream: for j = n … 2, swap item j-1 with item (H mod j). */
export function shuffle<T>(items: readonly T[], stream: Stream): T[] {
  const out = items.slice();
  for (let j = out.length; j >= 2; j--) {
    const r = stream.next(j);
    const tmp = out[j - 1] as T;
    out[j - 1] = out[r] as T;
    out[r] = tmp;
  }
  return out;
}

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
export class State {
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
    readonly prep: Prepared,
    countedOrder: readonly number[],
    expertOrder: readonly number[],
  ) {
    this.K = prep.spec.length;
    this.T = prep.targets.length;
    this.P = prep.people.length;
    this.cap = Int32Array.from(prep.people, (p) => Math.min(p.cap, 0x7fffffff));
    this.holder = new Int32Array(this.K * this.T).fill(-1);
    this.load = new Int32Array(prep.people.length);
    this.held = prep.people.map(() => []);
    this.rank = new Int32Array(prep.people.length);
    countedOrder.forEach((p, k) => (this.rank[p] = k));
    expertOrder.forEach((p, k) => (this.rank[p] = k));
    this.byRank = new Map();
    for (const [key, members] of prep.groups) this.byRank.set(key, members.slice().sort((a, b) => this.rank[a]! - this.rank[b]!));
  }

  eligible(p: number, t: number): boolean {
    return this.prep.eligible[t * this.P + p] === 1;
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
    const key = this.prep.spec[s % this.K]!.key;
    const out: number[] = [];
    const { holder, load, cap, K } = this;
    const elig = this.prep.eligible;
    const row = t * this.P;
    const base = t * K;
    const members = this.prep.groups.get(key)!;
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
    const { K, prep } = this;
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
      const key = prep.spec[s % K]!.key;
      for (const p of this.byRank.get(key)!) {
        if (!this.eligible(p, t)) continue;
        const here = this.slotAt(p, t);
        if (here >= 0) {
          // Moving p inside the team only helps when it frees a slot of another group.
          if (here !== s && !prev.has(here) && prep.spec[here % K]!.key !== key && !closed(here)) {
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
      if (from !== to) moves.push({ inspectorId: this.prep.people[step.person]!.id, fromTargetId: this.prep.targets[from]!.id, toTargetId: this.prep.targets[to]!.id });
      s = step.to;
      p = step.person;
    }
    return moves.reverse();
  }

  leaderCandidates(t: number): number[] {
    const dept = this.prep.rules.leader?.department ?? null;
    const out: number[] = [];
    for (let k = 0; k < this.K; k++) {
      const spec = this.prep.spec[k]!;
      const p = this.holder[t * this.K + k]!;
      if (spec.kind === "expert" || p < 0) continue;
      if (dept === null || this.prep.people[p]!.department === dept) out.push(p);
    }
    return out.sort((a, b) => compareCodePoints(this.prep.people[a]!.id, this.prep.people[b]!.id));
  }

  teams(leaders: readonly (number | undefined)[]): Team[] {
    const { prep, K } = this;
    return prep.targets.map((target, t) => {
      const members: TeamMember[] = [];
      const experts: TeamMember[] = [];
      for (let k = 0; k < K; k++) {
        const p = this.holder[t * K + k]!;
        if (p < 0) continue;
        const person = prep.people[p]!;
        const m: TeamMember = { id: person.id, name: person.name, department: person.department, slot: prep.spec[k]!.kind };
        (m.slot === "expert" ? experts : members).push(m);
      }
      const leader = leaders[t];
      return { targetId: target.id, stratum: target.stratum, members, experts, ...(leader === undefined ? {} : { leaderId: prep.people[leader]!.id }) };
    });
  }
}

/** The random priority orders: targets, then the counted pool, then (when experts are drawn) the expert pool. */
export function priorities(prep: Prepared, stream: Stream): { targets: number[]; counted: number[]; experts: number[] } {
  const targets = shuffle(prep.targets.map((_, t) => t), stream);
  const counted = shuffle(prep.countedPool, stream);
  const experts = prep.rules.experts > 0 ? shuffle(prep.expertPool, stream) : prep.expertPool.slice();
  return { targets, counted, experts };
}

const groupLabel = (prep: Prepared, key: string): { zh: string; en: string } => {
  if (key === "expert") return { zh: "专家", en: "experts" };
  if (key === "open") return prep.rules.departments ? { zh: "任一参与部门执法人员", en: "inspectors of any participating department" } : { zh: "执法人员", en: "inspectors" };
  const d = key.slice(2);
  return { zh: `${d}执法人员`, en: `inspectors of ${d}` };
};

/** Turns repair failures into issues a department can act on (min-cut in department terms). */
export function explain(state: State, failures: readonly Failure[]): Issue[] {
  const { prep, K } = state;
  const issues: Issue[] = [];
  // Failures whose reachable sets meet form one cut: merge them; missing = empty slots inside it.
  let groupsOut: { reach: Set<number>; missing: number; slot: number }[] = [];
  for (const f of failures) {
    const g = { reach: new Set(f.reach), missing: f.missing ?? 1, slot: f.slot };
    const keep: typeof groupsOut = [];
    for (const h of groupsOut) {
      if ([...h.reach].some((s) => g.reach.has(s))) {
        for (const s of h.reach) g.reach.add(s);
        g.missing += h.missing;
        g.slot = h.slot;
      } else keep.push(h);
    }
    keep.push(g);
    groupsOut = keep;
  }
  const emptyGroups = new Set<string>();
  for (const g of groupsOut) {
    const t0 = Math.floor(g.slot / K);
    const key0 = prep.spec[g.slot % K]!.key;
    const people = new Set<number>();
    const targets = new Set<number>();
    const byGroup = new Map<string, number>();
    for (const s of g.reach) {
      const t = Math.floor(s / K);
      const key = prep.spec[s % K]!.key;
      targets.add(t);
      byGroup.set(key, (byGroup.get(key) ?? 0) + 1);
      for (const p of prep.groups.get(key)!) if (state.eligible(p, t)) people.add(p);
    }
    const quals = key0 === "expert" ? prep.rules.expertQualifications : prep.rules.qualifications;
    const qualText = quals.length > 0 ? `（${quals.join("、")}）` : "";
    if (people.size === 0) {
      const pool = prep.groups.get(key0)!;
      const label = groupLabel(prep, key0);
      const group = { zh: `${label.zh}${qualText}`, en: `${label.en}${quals.length > 0 ? ` (${quals.join(", ")})` : ""}` };
      if (pool.length === 0) {
        // Nobody of this group in the pools at all: one issue for the task, not one per target.
        if (!emptyGroups.has(key0)) {
          emptyGroups.add(key0);
          issues.push(issue("match_group_empty", { group, targets: prep.targets.length }));
        }
        continue;
      }
      const counts: Record<Ineligibility, number> = { conflict: 0, qualifications: 0, region: 0, credential: 0, department: 0, pool: 0 };
      for (const p of pool) {
        const why = ineligibility(prep, prep.people[p]!, p, prep.targets[t0]!, t0);
        if (why) counts[why] += 1;
      }
      issues.push(
        issue("match_no_eligible", {
          target: prep.targets[t0]!.id,
          need: prep.spec.filter((s) => s.key === key0).length,
          group,
          pool: pool.length,
          conflicts: counts.conflict,
          qualifications: counts.qualifications,
          regions: counts.region,
          credential: counts.credential,
        }),
      );
      continue;
    }
    const groups = [...byGroup].map(([key, n]) => {
      const l = groupLabel(prep, key);
      return { zh: `${l.zh}${key === key0 ? qualText : ""}×${n}`, en: `${l.en}×${n}` };
    });
    const ids = [...targets].slice(0, 5).map((t) => prep.targets[t]!.id);
    const sample = { zh: ids.join("、"), en: ids.join(", ") };
    issues.push(
      issue("match_infeasible", {
        targets: targets.size,
        sample,
        slots: g.reach.size,
        groups: { zh: groups.map((x) => x.zh).join("、"), en: groups.map((x) => x.en).join(", ") },
        people: people.size,
        capacity: g.reach.size - g.missing,
        missing: g.missing,
      }, {
        hint: {
          zh: "可增加上述部门符合条件的执法人员、提高工作量上限，或将检查对象分批检查",
          en: "Add eligible inspectors of these departments, raise the workload caps, or split the targets into batches",
        },
      }),
    );
  }
  return issues;
}

/**
 * Puts the members of published teams back into slots: department slots by department, then open slots,
 * then expert slots, each in slot order. Returns an issue text when a team does not fit the rules' shape.
 */
export function restore(state: State, teams: readonly Team[]): Message | null {
  const { prep, K } = state;
  if (!Array.isArray(teams) || teams.length !== prep.targets.length) return { zh: "检查组数与抽中对象数不一致", en: "the number of teams differs from the number of targets" };
  for (const team of teams) {
    const t = prep.targetIndex.get(team?.targetId);
    if (t === undefined) return { zh: `检查组对应的对象“${String(team?.targetId)}”不是抽中对象`, en: `team of unknown target "${String(team?.targetId)}"` };
    for (const m of [...(team.members ?? []), ...(team.experts ?? [])]) {
      const p = prep.personIndex.get(m?.id);
      if (p === undefined) return { zh: `“${team.targetId}”检查组中有未知人员“${String(m?.id)}”`, en: `unknown person "${String(m?.id)}" in the team of "${team.targetId}"` };
      let placed = false;
      for (let k = 0; k < K && !placed; k++) {
        const spec = prep.spec[k]!;
        if (state.holder[t * K + k] !== -1 || spec.kind !== m.slot) continue;
        if (spec.kind === "department" && spec.department !== prep.people[p]!.department) continue;
        state.assign(p, t * K + k);
        placed = true;
      }
      if (!placed) return { zh: `“${m.id}”不符合“${team.targetId}”检查组的${String(m.slot)}席位`, en: `"${m.id}" does not fit a ${String(m.slot)} slot in the team of "${team.targetId}"` };
    }
  }
  return null;
}
