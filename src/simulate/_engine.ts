// The Monte Carlo loop: one run is one simulated year. Each batch draws its targets (a simple random sample
// per stratum, as the verifiable draw does, but from the fast seeded stream), gives each target a day of the
// batch and staffs the batch as matchInspectors does (src/match/_engine.ts): every slot first takes a uniform
// pick among its free candidates (region, recusal and the per-batch cap decide who is free), then each slot left
// empty is repaired by an augmenting path (people moved between targets and slots); only a slot no path reaches
// is a shortfall, so P(infeasible) is the real matching's. Loads, repeats and shortfalls are tallied in typed
// arrays reset between runs: a run costs O(targets), not O(pool), and allocates nothing.
import type { PlanModel, TeamModel } from "./_model.js";

export interface Tallies {
  readonly runs: number;
  /** Per inspector × month: Σ load, Σ load², runs over cap. */
  readonly loadSum: Float64Array;
  readonly loadSq: Float64Array;
  readonly overCap: Float64Array;
  /** Per inspector × month: histogram of the load (offsets into `hist`, last bin clipped). */
  readonly histOffset: Int32Array;
  readonly histSize: Int32Array;
  readonly hist: Uint32Array;
  /** Per department × month: histogram of the busiest member's load, runs with anyone over cap, Σ mean load and its square. */
  readonly deptHistOffset: Int32Array;
  readonly deptHistSize: Int32Array;
  readonly deptHist: Uint32Array;
  readonly deptOver: Float64Array;
  readonly deptMeanSum: Float64Array;
  readonly deptMeanSq: Float64Array;
  /** Per batch: runs with an unstaffable target; per batch × department: runs that department ran short. */
  readonly infeasible: Float64Array;
  readonly short: Float64Array;
  /** Per batch: runs whose expert slots (专家) ran short. */
  readonly expertShort: Float64Array;
  /** Per batch: runs in which the repair step filled at least one slot the greedy picks left empty. */
  readonly repaired: Float64Array;
  /** Per dimension, group: Σ and Σ² over runs of the share inspected k times (flat group × (K+1)), etc. */
  readonly distSum: Float64Array[];
  readonly distSq: Float64Array[];
  readonly meanSum: Float64Array[];
  readonly meanSq: Float64Array[];
  readonly repSum: Float64Array[];
  readonly repSq: Float64Array[];
  readonly anyRep: Float64Array[];
  readonly anyThree: Float64Array[];
  /** Per task pair (index into the exact pairs list): Σ and Σ² of entities inspected by both. */
  readonly pairSum: Float64Array;
  readonly pairSq: Float64Array;
}

export interface EngineInput {
  readonly model: PlanModel;
  readonly runs: number;
  readonly random: () => number;
  readonly K: number;
  /** Per inspector: per-batch cap (NaN: none of his own) and monthly cap (NaN: none). */
  readonly personCap: Float64Array;
  readonly monthlyCap: Float64Array;
  /** Department index of every inspector, and the department count. */
  readonly deptOf: Int32Array;
  readonly departments: number;
  /** Per batch: department index of each slot group of its task (−1 for open slots). */
  readonly groupDept: readonly Int32Array[];
  readonly pairs: readonly { t: number; u: number }[];
  /** Expected load per inspector × month (exact or unrestricted), to size the histograms. */
  readonly expectedLoad: Float64Array;
  readonly onProgress?: (done: number, total: number) => void;
}

const HIST_MAX = 4096;

/** Histograms of small integers, one per cell, laid out in one array; a cell grows (the layout is rebuilt) when a value does not fit, up to HIST_MAX bins, the last bin clipping. */
class Histograms {
  offset: Int32Array;
  size: Int32Array;
  data: Uint32Array;
  constructor(sizes: Float64Array) {
    this.size = Int32Array.from(sizes);
    this.offset = new Int32Array(sizes.length);
    this.data = this.layout(null, this.size);
  }
  private layout(old: { data: Uint32Array; offset: Int32Array; size: Int32Array } | null, size: Int32Array): Uint32Array {
    let total = 0;
    const offset = new Int32Array(size.length);
    for (let c = 0; c < size.length; c++) {
      offset[c] = total;
      total += size[c] as number;
    }
    const data = new Uint32Array(total);
    if (old) for (let c = 0; c < size.length; c++) data.set(old.data.subarray(old.offset[c], (old.offset[c] as number) + (old.size[c] as number)), offset[c]);
    this.offset = offset;
    return data;
  }
  add(c: number, v: number): void {
    let s = this.size[c] as number;
    if (v >= s && s < HIST_MAX) {
      const size = this.size.slice();
      size[c] = s = Math.min(HIST_MAX, Math.max(2 * s, v + 1));
      this.data = this.layout({ data: this.data, offset: this.offset, size: this.size }, size);
      this.size = size;
    }
    this.data[(this.offset[c] as number) + (v < s ? v : s - 1)]! += 1;
  }
}

/**
 * A local number per entity: entities ordered by signature (the strata of all tasks they belong to), so that the
 * entities of one stratum form a few runs of consecutive numbers. A counting sort: O(n).
 */
function localOrder(model: PlanModel): Int32Array {
  const n = model.entityIds.length;
  const sigs = model.signatures.length;
  const start = new Int32Array(sigs + 1);
  for (let e = 0; e < n; e++) start[(model.signature[e] as number) + 1]! += 1;
  for (let g = 0; g < sigs; g++) start[g + 1]! += start[g] as number;
  const local = new Int32Array(n);
  for (let e = 0; e < n; e++) local[e] = start[model.signature[e] as number]!++;
  return local;
}

export function runEngine(input: EngineInput): Tallies {
  const { model, runs, random, K, personCap, monthlyCap, deptOf } = input;
  const n = model.entityIds.length;
  const I = model.inspectors.length;
  const T = model.tasks.length;
  const B = model.batches.length;
  const D = input.departments;

  // Upper bounds of loads, to size the histograms.
  const bound = new Float64Array(I * 12);
  const tracked = new Uint8Array(I);
  for (const b of model.batches) {
    const team = model.tasks[b.task]?.team;
    if (!team) continue;
    const seen = new Set<number>();
    for (const g of team.groups) for (const i of g.candidates) seen.add(i);
    for (const i of seen) {
      tracked[i] = 1;
      for (let m = 0; m < 12; m++) if ((b.monthShare[m] as number) > 0) bound[i * 12 + m]! += b.size;
    }
  }
  const trackedList = Int32Array.from([...tracked.keys()].filter((i) => tracked[i] === 1));
  // Histograms start near the loads expected (a bound over every batch would be thousands of bins per cell, and
  // a run would then touch one far cache line per cell) and grow on the rare larger value.
  const start = (bound: number, mean: number) => Math.min(bound, HIST_MAX - 1, Math.ceil(2 * mean + 6 * Math.sqrt(mean) + 8)) + 1;
  const hist = new Histograms(Float64Array.from({ length: I * 12 }, (_, c) => (tracked[(c / 12) | 0] ? start(bound[c] as number, input.expectedLoad[c] as number) : 0)));
  const deptBound = new Float64Array(D * 12);
  const deptExpected = new Float64Array(D * 12);
  const deptMembers = new Int32Array(D);
  for (const i of trackedList) {
    deptMembers[deptOf[i] as number]! += 1;
    for (let m = 0; m < 12; m++) {
      const c = (deptOf[i] as number) * 12 + m;
      deptBound[c] = Math.max(deptBound[c] as number, bound[i * 12 + m] as number);
      deptExpected[c] = Math.max(deptExpected[c] as number, input.expectedLoad[i * 12 + m] as number);
    }
  }
  const deptHist = new Histograms(Float64Array.from({ length: D * 12 }, (_, c) => start(deptBound[c] as number, deptExpected[c] as number)));

  const t: Tallies = {
    runs,
    loadSum: new Float64Array(I * 12),
    loadSq: new Float64Array(I * 12),
    overCap: new Float64Array(I * 12),
    histOffset: new Int32Array(0), histSize: new Int32Array(0), hist: new Uint32Array(0),
    deptHistOffset: new Int32Array(0), deptHistSize: new Int32Array(0), deptHist: new Uint32Array(0),
    deptOver: new Float64Array(D * 12),
    deptMeanSum: new Float64Array(D * 12),
    deptMeanSq: new Float64Array(D * 12),
    infeasible: new Float64Array(B),
    short: new Float64Array(B * Math.max(D, 1)),
    expertShort: new Float64Array(B),
    repaired: new Float64Array(B),
    distSum: model.groupValues.map((v) => new Float64Array(v.length * (K + 1))),
    distSq: model.groupValues.map((v) => new Float64Array(v.length * (K + 1))),
    meanSum: model.groupValues.map((v) => new Float64Array(v.length)),
    meanSq: model.groupValues.map((v) => new Float64Array(v.length)),
    repSum: model.groupValues.map((v) => new Float64Array(v.length)),
    repSq: model.groupValues.map((v) => new Float64Array(v.length)),
    anyRep: model.groupValues.map((v) => new Float64Array(v.length)),
    anyThree: model.groupValues.map((v) => new Float64Array(v.length)),
    pairSum: new Float64Array(input.pairs.length),
    pairSq: new Float64Array(input.pairs.length),
  };

  // ---- Per-entity state. Interleaved in one array (count, tasks, last task, group of each dimension), so a hit
  // touches one cache line instead of one per array: the pool is far bigger than the cache.
  const dims = model.groupOf.length;
  const S = 3 + dims;
  // 16-bit fields when they fit (the usual case: fewer than 65,535 tasks and group values) halve the footprint.
  const narrow = T < 65_535 && model.groupValues.every((v) => v.length < 65_536);
  const ent = narrow ? new Uint16Array(n * S) : new Int32Array(n * S);
  // Entities are renumbered by the strata they belong to, so that one stratum's entities lie side by side: a batch
  // then touches a few kilobytes of `ent` instead of cache lines spread over the whole pool.
  const local = localOrder(model);
  for (let e = 0; e < n; e++) {
    const at = (local[e] as number) * S;
    for (let d = 0; d < dims; d++) ent[at + 3 + d] = (model.groupOf[d] as Int32Array)[e] as number;
  }
  const poolLocal = model.tasks.map((task) => task.strata.map((st) => Int32Array.from(st.pool, (e) => local[e] as number)));
  const touched = new Int32Array(n);
  let touchedLen = 0;
  // The tasks that hit an entity this run, as a linked list in typed arrays (head per entity, one node per new
  // task): a new task adds one to its pair with each earlier one, without a Map or an array per entity.
  let hitsPerRun = 0;
  for (const b of model.batches) hitsPerRun += b.size;
  const taskHead = new Int32Array(n);
  const nodeTask = new Int32Array(hitsPerRun);
  const nodeNext = new Int32Array(hitsPerRun);
  let nodes = 0;
  const dense = T <= 2048;
  const pairAt = dense ? new Int32Array(T * T).fill(-1) : null;
  const pairMap = dense ? null : new Map<number, number>();
  input.pairs.forEach((p, k) => (pairAt ? (pairAt[p.t * T + p.u] = k) : pairMap!.set(p.t * T + p.u, k)));
  const pairRun = new Float64Array(input.pairs.length);

  // ---- Entity group tallies of one run, flat over the dimensions (offsets per dimension).
  const gOff = new Int32Array(dims);
  let gTotal = 0;
  for (let d = 0; d < dims; d++) {
    gOff[d] = gTotal;
    gTotal += (model.groupValues[d] as string[]).length;
  }
  const K1 = K + 1;
  const groupTally = new Int32Array(gTotal * K1);
  const groupInsp = new Float64Array(gTotal);
  const groupRep = new Int32Array(gTotal);
  const groupThree = new Uint8Array(gTotal);

  // ---- Draw state.
  let largest = 0;
  for (const task of model.tasks) for (const s of task.strata) largest = Math.max(largest, s.pool.length);
  const mark = new Int32Array(largest);
  let markStamp = 0;
  const picked = new Int32Array(largest);

  // ---- Staffing state of one batch (src/match/_engine.ts's State): slot s is slot s % Kt of target ⌊s / Kt⌋.
  let maxSlots = 1;
  let maxTargets = 1;
  for (const b of model.batches) {
    const team = model.tasks[b.task]?.team;
    const Kt = team ? team.groups.reduce((x, g) => x + g.count, 0) : 0;
    maxSlots = Math.max(maxSlots, b.size * Kt);
    maxTargets = Math.max(maxTargets, b.size);
  }
  const slotCands = model.tasks.map((task) => task.team?.groups.flatMap((g) => Array<Int32Array>(g.count).fill(g.candidates)) ?? []);
  const slotGroupOf = model.tasks.map((task) => Int32Array.from(task.team?.groups.flatMap((g, k) => Array<number>(g.count).fill(k)) ?? []));
  const targets = new Int32Array(maxTargets);
  const targetMonth = new Uint8Array(maxTargets);
  const holder = new Int32Array(maxSlots);
  // Per person in the batch: load, and the slots held as a doubly linked list, valid when personStamp is the batch's.
  const personStamp = new Float64Array(I).fill(-1);
  const batchLoad = new Int32Array(I);
  const heldHead = new Int32Array(I);
  const listed = new Float64Array(I).fill(-1);
  const maxGroups = model.tasks.reduce((m, task) => Math.max(m, task.team?.groups.length ?? 0), 1);
  const groupShort = new Float64Array(maxGroups).fill(-1);
  const groupFull = new Float64Array(maxGroups).fill(-1);
  const slotNext = new Int32Array(maxSlots);
  const slotPrev = new Int32Array(maxSlots);
  const vacant = new Int32Array(maxSlots);
  // Repair search state: stamps (one counter for batches and searches, so nothing is cleared between them).
  const seen = new Float64Array(maxSlots).fill(-1);
  const closedSlot = new Float64Array(maxSlots).fill(-1);
  const prevTo = new Int32Array(maxSlots);
  const queue = new Int32Array(maxSlots);
  const expanded = new Float64Array(I).fill(-1);
  const dead = new Float64Array(I).fill(-1);
  const expandedList = new Int32Array(I);
  const scratch = new Int32Array(I);
  let stamp = 0;
  let epoch = 0;

  const load = new Uint32Array(I * 12);
  const regionOf = model.entityRegion;
  const regions = model.inspectors.map((p) => p.regions);
  const conflicts = model.conflicts;
  const deptLoad = new Float64Array(D * 12);
  const deptMax = new Float64Array(D * 12);
  const deptAnyOver = new Uint8Array(D * 12);
  const batchShort = new Uint8Array(Math.max(D, 1));

  // A person's own cap wins over the rules' default: one effective-cap array per distinct default.
  const capArrays = new Map<number, Float64Array>();
  const capsFor = (ruleCap: number): Float64Array => {
    let a = capArrays.get(ruleCap);
    if (!a) capArrays.set(ruleCap, (a = Float64Array.from(personCap, (c) => (Number.isNaN(c) ? ruleCap : c))));
    return a;
  };
  let caps = capsFor(Number.POSITIVE_INFINITY);
  let Kt = 0;
  let slotGroup: Int32Array = new Int32Array(0);
  let restricted = false;

  // Region codes as small numbers, and per person with regions the codes he may go to: a check is one array read.
  const codeIndex = new Map<string, number>();
  const regionOfEntity = Int32Array.from(model.entityRegion, (code) => {
    if (code === undefined) return -1;
    let r = codeIndex.get(code);
    if (r === undefined) codeIndex.set(code, (r = codeIndex.size));
    return r;
  });
  const codes = [...codeIndex.keys()];
  const mayGo = regions.map((rs) => (rs.length === 0 ? null : Uint8Array.from(codes, (code) => (rs.some((r) => code.startsWith(r)) ? 1 : 0))));
  const recused = new Uint8Array(n);
  for (const e of conflicts.keys()) recused[e] = 1;
  let checkRegions = false;
  /** Region and recusal: may person i inspect entity e at all (the matching's eligibility beyond the group)? */
  const allowed = (i: number, e: number): boolean => {
    if (checkRegions) {
      const r = regionOfEntity[e] as number;
      const ok = mayGo[i];
      if (ok && r >= 0 && ok[r] === 0) return false;
    }
    return recused[e] === 0 || !(conflicts.get(e) as ReadonlySet<number>).has(i);
  };
  const loadOf = (i: number): number => (personStamp[i] === epoch ? (batchLoad[i] as number) : 0);
  /** The slot person i holds at target j, or −1. */
  const slotAt = (i: number, j: number): number => {
    const base = j * Kt;
    for (let k = 0; k < Kt; k++) if (holder[base + k] === i) return base + k;
    return -1;
  };
  const free = (i: number, j: number, e: number): boolean =>
    loadOf(i) < (caps[i] as number) && slotAt(i, j) < 0 && (!restricted || allowed(i, e));
  // Monthly loads follow every assignment as it is made (a repair's moves included), so no pass over the slots is needed.
  const assign = (i: number, s: number): void => {
    if (personStamp[i] !== epoch) {
      personStamp[i] = epoch;
      batchLoad[i] = 0;
      heldHead[i] = -1;
    }
    holder[s] = i;
    batchLoad[i]!++;
    load[i * 12 + (targetMonth[(s / Kt) | 0] as number)]!++;
    const h = heldHead[i] as number;
    slotNext[s] = h;
    slotPrev[s] = -1;
    if (h >= 0) slotPrev[h] = s;
    heldHead[i] = s;
  };
  /** A greedy pick's assignment: the held-slot lists are only built when a repair needs them. */
  const take = (i: number, s: number, month: number): void => {
    if (personStamp[i] !== epoch) {
      personStamp[i] = epoch;
      batchLoad[i] = 0;
    }
    holder[s] = i;
    batchLoad[i]!++;
    load[i * 12 + month]!++;
  };
  const linkHeld = (slots: number): void => {
    for (let s = slots - 1; s >= 0; s--) {
      const i = holder[s] as number;
      if (i < 0) continue;
      if (listed[i] !== epoch) {
        listed[i] = epoch;
        heldHead[i] = -1;
      }
      const h = heldHead[i] as number;
      slotNext[s] = h;
      slotPrev[s] = -1;
      if (h >= 0) slotPrev[h] = s;
      heldHead[i] = s;
    }
  };
  const unassign = (i: number, s: number): void => {
    const p = slotPrev[s] as number;
    const q = slotNext[s] as number;
    if (p >= 0) slotNext[p] = q;
    else heldHead[i] = q;
    if (q >= 0) slotPrev[q] = p;
    batchLoad[i]!--;
    load[i * 12 + (targetMonth[(s / Kt) | 0] as number)]!--;
    holder[s] = -1;
  };
  /**
   * A uniform pick among the free candidates of slot group g: rejection first, then a scan (uniform among the free
   * either way). Loads never fall within a batch (a repair moves slots, it frees none), so a group found with every
   * candidate at his cap stays full: later picks of it return at once.
   */
  const pick = (g: number, cands: Int32Array, j: number, e: number): number => {
    const L = cands.length;
    if (L === 0 || groupFull[g] === epoch) return -1;
    for (let tries = 0; tries < 8; tries++) {
      const i = cands[(random() * L) | 0] as number;
      if (free(i, j, e)) return i;
    }
    let c = 0;
    let room = false;
    for (let k = 0; k < L; k++) {
      const i = cands[k] as number;
      if (loadOf(i) >= (caps[i] as number)) continue;
      room = true;
      if (slotAt(i, j) < 0 && (!restricted || allowed(i, e))) scratch[c++] = i;
    }
    if (!room) groupFull[g] = epoch;
    return c === 0 ? -1 : (scratch[(random() * c) | 0] as number);
  };
  /**
   * The matching's repair (docs/spec/match-v1.md §6–§7): breadth-first search for an augmenting path ending at
   * the empty slot s0 — a free candidate, or a person who moves from another target's slot (or from another group's
   * slot at this target) leaving that slot to be filled in turn. Applies the path and returns true; on failure
   * closes the slots and saturated persons it reached for the rest of the batch, as the matching does.
   */
  const repair = (s0: number, groups: TeamModel["groups"]): boolean => {
    const search = ++stamp;
    seen[s0] = search;
    prevTo[s0] = -1;
    queue[0] = s0;
    let qn = 1;
    let xn = 0;
    for (let qh = 0; qh < qn; qh++) {
      const s = queue[qh] as number;
      const j = (s / Kt) | 0;
      const g = slotGroup[s - j * Kt] as number;
      const e = targets[j] as number;
      const cands = groups[g]!.candidates;
      const L = cands.length;
      // The matching searches in its random priority order; a random rotation stands in for it.
      const off = L > 1 ? (random() * L) | 0 : 0;
      for (let c = 0; c < L; c++) {
        let x = off + c;
        if (x >= L) x -= L;
        const p = cands[x] as number;
        if (restricted && !allowed(p, e)) continue;
        const here = slotAt(p, j);
        if (here >= 0) {
          // Moving p inside the team only helps when it frees a slot of another group.
          if (here !== s && seen[here] !== search && slotGroup[here - j * Kt] !== g && closedSlot[here] !== epoch) {
            seen[here] = search;
            prevTo[here] = s;
            queue[qn++] = here;
          }
          continue;
        }
        if (loadOf(p) < (caps[p] as number)) {
          // Apply: p takes slot s; whoever held s moves on towards s0.
          let at = s;
          let who = p;
          while (at !== s0) {
            const from = holder[at] as number;
            const to = prevTo[at] as number;
            unassign(from, at);
            assign(who, at);
            at = to;
            who = from;
          }
          assign(who, s0);
          return true;
        }
        if (expanded[p] === search || dead[p] === epoch) continue;
        expanded[p] = search;
        expandedList[xn++] = p;
        for (let h = heldHead[p] as number; h >= 0; h = slotNext[h] as number) {
          if (seen[h] !== search && closedSlot[h] !== epoch) {
            seen[h] = search;
            prevTo[h] = s;
            queue[qn++] = h;
          }
        }
      }
    }
    for (let q = 0; q < qn; q++) closedSlot[queue[q] as number] = epoch;
    for (let q = 0; q < xn; q++) dead[expandedList[q] as number] = epoch;
    return false;
  };

  const chunk = Math.max(1, Math.floor(runs / 100));
  for (let run = 0; run < runs; run++) {
    nodes = 0;
    for (let bi = 0; bi < B; bi++) {
      const batch = model.batches[bi]!;
      const task = model.tasks[batch.task]!;
      const team = task.team;
      const tagged = batch.task + 1;
      let nT = 0;
      let shuffled = task.strata.length > 1;
      const localPools = poolLocal[batch.task] as Int32Array[];
      for (let h = 0; h < task.strata.length; h++) {
        const pool = task.strata[h]!.pool;
        const inPool = localPools[h] as Int32Array;
        const N = pool.length;
        const size = batch.sizes[h] as number;
        if (size === 0 || N === 0) continue;
        // Rejection with a stamp per draw: O(size) for size ≤ N/2; a larger sample is drawn as its complement.
        markStamp++;
        const complement = size * 2 > N;
        const want = complement ? N - size : size;
        let got = 0;
        while (got < want) {
          const k = (random() * N) | 0;
          if (mark[k] === markStamp) continue;
          mark[k] = markStamp;
          if (!complement) picked[got] = k;
          got++;
        }
        if (complement) {
          shuffled = true;
          got = 0;
          for (let k = 0; k < N; k++) if (mark[k] !== markStamp) picked[got++] = k;
        }
        for (let q = 0; q < got; q++) {
          const k = picked[q] as number;
          const e = inPool[k] as number;
          const at = e * S;
          if (ent[at] === 0) {
            touched[touchedLen++] = e;
            taskHead[e] = -1;
          }
          if ((ent[at] as number) < 65_535) ent[at]! += 1;
          // Field 2 holds the last task + 1 (0: none). Tasks run one after another, so a change is a new task.
          if (ent[at + 2] !== tagged) {
            ent[at + 2] = tagged;
            ent[at + 1]! += 1;
            for (let x = taskHead[e] as number; x >= 0; x = nodeNext[x] as number) {
              const key = (nodeTask[x] as number) * T + batch.task;
              const pk = pairAt ? (pairAt[key] as number) : pairMap!.get(key) ?? -1;
              if (pk >= 0) pairRun[pk]!++;
            }
            nodeTask[nodes] = batch.task;
            nodeNext[nodes] = taskHead[e] as number;
            taskHead[e] = nodes++;
          }
          if (team) targets[nT++] = pool[k] as number;
        }
      }
      if (!team || nT === 0) continue;

      // ---- Staff the batch as the matching does: greedy picks in a random target order, then repair.
      epoch = ++stamp;
      caps = capsFor(team.ruleCap);
      Kt = (slotGroupOf[batch.task] as Int32Array).length;
      slotGroup = slotGroupOf[batch.task] as Int32Array;
      restricted = team.restricted;
      checkRegions = team.regions;
      const groups = team.groups;
      // The matching shuffles the targets; the draw's order is already random unless strata or a complement sorted it.
      if (shuffled && restricted) {
        for (let j = nT - 1; j > 0; j--) {
          const r = (random() * (j + 1)) | 0;
          const x = targets[j] as number;
          targets[j] = targets[r] as number;
          targets[r] = x;
        }
      }
      const days = batch.days;
      const slots = nT * Kt;
      holder.fill(-1, 0, slots);
      let vn = 0;
      const cands = slotCands[batch.task] as Int32Array[];
      for (let j = 0; j < nT; j++) {
        const month = days[(random() * days.length) | 0] as number;
        targetMonth[j] = month;
        const e = targets[j] as number;
        for (let k = 0; k < Kt; k++) {
          const i = pick(slotGroup[k] as number, cands[k] as Int32Array, j, e);
          if (i < 0) vacant[vn++] = j * Kt + k;
          else take(i, j * Kt + k, month);
        }
      }
      if (vn > 0) {
        let failed = false;
        let fixed = false;
        let expertsShort = false;
        batchShort.fill(0);
        const groupDept = input.groupDept[bi] as Int32Array;
        linkHeld(slots);
        for (let v = 0; v < vn; v++) {
          const s = vacant[v] as number;
          if (repair(s, groups)) { fixed = true; continue; }
          failed = true;
          const g = slotGroup[s % Kt] as number;
          const group = groups[g]!;
          if (group.kind === "expert") expertsShort = true;
          else if (group.kind === "department") { const d = groupDept[g] as number; if (d >= 0) batchShort[d] = 1; }
          // An open slot left empty: every participating department was short.
          else if (groupShort[g] !== epoch) {
            groupShort[g] = epoch;
            for (const x of group.candidates) batchShort[deptOf[x] as number] = 1;
          }
        }
        if (fixed) t.repaired[bi]!++;
        if (failed) {
          t.infeasible[bi]!++;
          if (expertsShort) t.expertShort[bi]!++;
          for (let d = 0; d < D; d++) if (batchShort[d]) t.short[bi * D + d]!++;
        }
      }
    }

    // ---- Inspector and department tallies.
    deptLoad.fill(0);
    deptMax.fill(0);
    deptAnyOver.fill(0);
    for (const i of trackedList) {
      const d = deptOf[i] as number;
      const cap = monthlyCap[i] as number;
      for (let m = 0; m < 12; m++) {
        const c = i * 12 + m;
        const v = load[c] as number;
        t.loadSum[c]! += v;
        t.loadSq[c]! += v * v;
        if (v > cap) {
          t.overCap[c]!++;
          deptAnyOver[d * 12 + m] = 1;
        }
        hist.add(c, v);
        deptLoad[d * 12 + m]! += v;
        if (v > (deptMax[d * 12 + m] as number)) deptMax[d * 12 + m] = v;
        load[c] = 0;
      }
    }
    for (let c = 0; c < D * 12; c++) {
      const members = deptMembers[(c / 12) | 0] as number;
      if (members === 0) continue;
      deptHist.add(c, deptMax[c] as number);
      if (deptAnyOver[c]) t.deptOver[c]!++;
      const mean = (deptLoad[c] as number) / members;
      t.deptMeanSum[c]! += mean;
      t.deptMeanSq[c]! += mean * mean;
    }

    // ---- Entity tallies, from the touched entities only.
    groupTally.fill(0);
    groupInsp.fill(0);
    groupRep.fill(0);
    groupThree.fill(0);
    for (let k = 0; k < touchedLen; k++) {
      const e = touched[k] as number;
      const at = e * S;
      const c = ent[at] as number;
      const bin = c < K ? c : K;
      const rep = (ent[at + 1] as number) >= 2;
      for (let d = 0; d < dims; d++) {
        const g = (gOff[d] as number) + (ent[at + 3 + d] as number);
        groupTally[g * K1 + bin]!++;
        groupInsp[g]! += c;
        if (rep) groupRep[g]!++;
        if (c >= 3) groupThree[g] = 1;
      }
      ent[at] = 0;
      ent[at + 1] = 0;
      ent[at + 2] = 0;
    }
    touchedLen = 0;
    for (let d = 0; d < dims; d++) {
      const sizes = model.groupSizes[d] as Int32Array;
      const distSum = t.distSum[d] as Float64Array;
      const distSq = t.distSq[d] as Float64Array;
      for (let g = 0; g < sizes.length; g++) {
        const size = sizes[g] as number;
        if (size === 0) continue;
        const G = (gOff[d] as number) + g;
        let hit = 0;
        for (let k = 1; k <= K; k++) hit += groupTally[G * K1 + k] as number;
        groupTally[G * K1] = size - hit;
        for (let k = 0; k <= K; k++) {
          const f = (groupTally[G * K1 + k] as number) / size;
          distSum[g * K1 + k]! += f;
          distSq[g * K1 + k]! += f * f;
        }
        const mean = (groupInsp[G] as number) / size;
        (t.meanSum[d] as Float64Array)[g]! += mean;
        (t.meanSq[d] as Float64Array)[g]! += mean * mean;
        const repCount = groupRep[G] as number;
        const rep = repCount / size;
        (t.repSum[d] as Float64Array)[g]! += rep;
        (t.repSq[d] as Float64Array)[g]! += rep * rep;
        if (repCount > 0) (t.anyRep[d] as Float64Array)[g]!++;
        if (groupThree[G]) (t.anyThree[d] as Float64Array)[g]!++;
      }
    }
    for (let k = 0; k < pairRun.length; k++) {
      const v = pairRun[k] as number;
      t.pairSum[k]! += v;
      t.pairSq[k]! += v * v;
      pairRun[k] = 0;
    }
    if (input.onProgress && ((run + 1) % chunk === 0 || run + 1 === runs)) input.onProgress(run + 1, runs);
  }
  return { ...t, histOffset: hist.offset, histSize: hist.size, hist: hist.data, deptHistOffset: deptHist.offset, deptHistSize: deptHist.size, deptHist: deptHist.data };
}
