// The Monte Carlo loop: one run is one simulated year. Each batch draws its targets (a simple random sample
// per stratum, as the verifiable draw does, but from the fast seeded stream), gives each target a day of the
// batch and a team of uniform picks among the free candidates (the matching's rule: region, recusal and the
// per-batch cap decide who is free), and tallies loads, repeats and shortfalls. Everything lives in typed
// arrays reset between runs, so a run costs O(targets), not O(pool).
import type { PlanModel } from "./_model.js";

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
  readonly onProgress?: (done: number, total: number) => void;
}

const HIST_MAX = 4096;

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
  const histOffset = new Int32Array(I * 12);
  const histSize = new Int32Array(I * 12);
  let total = 0;
  for (const i of trackedList) {
    for (let m = 0; m < 12; m++) {
      const c = i * 12 + m;
      histOffset[c] = total;
      histSize[c] = Math.min(bound[c] as number, HIST_MAX - 1) + 1;
      total += histSize[c] as number;
    }
  }
  const hist = new Uint32Array(total);
  const deptBound = new Float64Array(D * 12);
  const deptMembers = new Int32Array(D);
  for (const i of trackedList) {
    deptMembers[deptOf[i] as number]! += 1;
    for (let m = 0; m < 12; m++) {
      const c = (deptOf[i] as number) * 12 + m;
      deptBound[c] = Math.max(deptBound[c] as number, bound[i * 12 + m] as number);
    }
  }
  const deptHistOffset = new Int32Array(D * 12);
  const deptHistSize = new Int32Array(D * 12);
  let dtotal = 0;
  for (let c = 0; c < D * 12; c++) {
    deptHistOffset[c] = dtotal;
    deptHistSize[c] = Math.min(deptBound[c] as number, HIST_MAX - 1) + 1;
    dtotal += deptHistSize[c] as number;
  }
  const deptHist = new Uint32Array(dtotal);

  const t: Tallies = {
    runs,
    loadSum: new Float64Array(I * 12),
    loadSq: new Float64Array(I * 12),
    overCap: new Float64Array(I * 12),
    histOffset, histSize, hist,
    deptHistOffset, deptHistSize, deptHist,
    deptOver: new Float64Array(D * 12),
    deptMeanSum: new Float64Array(D * 12),
    deptMeanSq: new Float64Array(D * 12),
    infeasible: new Float64Array(B),
    short: new Float64Array(B * Math.max(D, 1)),
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

  // Per-run state.
  // Per-entity state interleaved in one array (count, tasks, last task, group of each dimension), so a hit touches
  // one cache line instead of one per array: the pool is far bigger than the cache.
  const dimsN = model.groupOf.length;
  const S = 3 + dimsN;
  // 16-bit fields when they fit (the usual case: fewer than 65,535 tasks and group values) halve the footprint.
  const narrow = T < 65_535 && model.groupValues.every((v) => v.length < 65_536);
  const ent = narrow ? new Uint16Array(n * S) : new Int32Array(n * S);
  for (let e = 0; e < n; e++) {
    for (let d = 0; d < dimsN; d++) ent[e * S + 3 + d] = (model.groupOf[d] as Int32Array)[e] as number;
  }
  const mark = new Int32Array(n);
  let markStamp = 0;
  const touched = new Int32Array(n);
  let touchedLen = 0;
  const extraTasks = new Map<number, number[]>();
  const load = new Uint32Array(I * 12);
  const batchLoad = new Uint32Array(I);
  const batchStamp = new Int32Array(I).fill(-1);
  const scratch = new Int32Array(I);
  const chosen = new Int32Array(64);
  let largest = 0;
  for (const task of model.tasks) for (const s of task.strata) largest = Math.max(largest, s.pool.length);
  const picked = new Int32Array(largest);
  const dims = model.groupOf.length;
  const groupTally = model.groupValues.map((v) => new Float64Array(v.length * (K + 1)));
  const groupInsp = model.groupValues.map((v) => new Float64Array(v.length));
  const groupRep = model.groupValues.map((v) => new Float64Array(v.length));
  const groupThree = model.groupValues.map((v) => new Uint8Array(v.length));
  const pairIndex = new Map(input.pairs.map((p, k) => [p.t * T + p.u, k]));
  const pairRun = new Float64Array(input.pairs.length);
  const regionOf = model.entityRegion;
  const regions = model.inspectors.map((p) => p.regions);
  const conflicts = model.conflicts;
  const deptLoad = new Float64Array(D * 12);
  const deptMax = new Float64Array(D * 12);
  const deptAnyOver = new Uint8Array(D * 12);
  const batchShort = new Uint8Array(Math.max(D, 1));

  let batchId = 0;
  let teamLen = 0;
  const free = (i: number, e: number, cap: number, restricted: boolean): boolean => {
    for (let k = 0; k < teamLen; k++) if (chosen[k] === i) return false;
    if ((batchStamp[i] === batchId ? (batchLoad[i] as number) : 0) >= cap) return false;
    if (restricted) {
      const rs = regions[i] as string[];
      const code = regionOf[e];
      if (rs.length > 0 && code !== undefined) {
        let ok = false;
        for (const r of rs) if (code.startsWith(r)) { ok = true; break; }
        if (!ok) return false;
      }
      const c = conflicts.get(e);
      if (c && c.has(i)) return false;
    }
    return true;
  };
  // A person's own cap wins over the rules' default: one effective-cap array per distinct default.
  const capArrays = new Map<number, Float64Array>();
  const capsFor = (ruleCap: number): Float64Array => {
    let a = capArrays.get(ruleCap);
    if (!a) capArrays.set(ruleCap, (a = Float64Array.from(personCap, (c) => (Number.isNaN(c) ? ruleCap : c))));
    return a;
  };
  let caps = capsFor(Number.POSITIVE_INFINITY);
  const pick = (cands: Int32Array, e: number, restricted: boolean): number => {
    const L = cands.length;
    if (L === 0) return -1;
    // Rejection first (uniform among the free when it succeeds), then a scan: uniform among the free either way.
    for (let tries = 0; tries < 8; tries++) {
      const i = cands[(random() * L) | 0] as number;
      if (free(i, e, caps[i] as number, restricted)) return i;
    }
    let c = 0;
    for (let k = 0; k < L; k++) {
      const i = cands[k] as number;
      if (free(i, e, caps[i] as number, restricted)) scratch[c++] = i;
    }
    return c === 0 ? -1 : (scratch[(random() * c) | 0] as number);
  };

  const chunk = Math.max(1, Math.floor(runs / 100));
  for (let run = 0; run < runs; run++) {
    for (let bi = 0; bi < B; bi++) {
      const batch = model.batches[bi]!;
      const task = model.tasks[batch.task]!;
      const team = task.team;
      const groupDept = input.groupDept[bi] as Int32Array;
      batchId = run * B + bi;
      if (team) caps = capsFor(team.ruleCap);
      let infeasible = false;
      batchShort.fill(0);
      const days = batch.days;
      for (let h = 0; h < task.strata.length; h++) {
        const pool = task.strata[h]!.pool;
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
          if (!complement) picked[got] = pool[k] as number;
          got++;
        }
        if (complement) {
          got = 0;
          for (let k = 0; k < N; k++) if (mark[k] !== markStamp) picked[got++] = pool[k] as number;
        }
        for (let q = 0; q < got; q++) {
          const e = picked[q] as number;
          // Entity tallies.
          const at = e * S;
          if (ent[at] === 0) touched[touchedLen++] = e;
          if ((ent[at] as number) < 65_535) ent[at]! += 1;
          // Field 2 holds the last task + 1 (0: none). Tasks run one after another, so a change is a new task.
          if (ent[at + 2] !== batch.task + 1) {
            const before = (ent[at + 2] as number) - 1;
            ent[at + 2] = batch.task + 1;
            const tasks = (ent[at + 1] as number) + 1;
            ent[at + 1] = tasks;
            if (tasks === 2) extraTasks.set(e, [before, batch.task]);
            else if (tasks > 2) extraTasks.get(e)?.push(batch.task);
          }
          if (!team) continue;
          // The team and the day.
          const month = days[(random() * days.length) | 0] as number;
          teamLen = 0;
          for (let g = 0; g < team.groups.length; g++) {
            const group = team.groups[g]!;
            for (let s = 0; s < group.count; s++) {
              const i = pick(group.candidates, e, team.restricted);
              if (i < 0) {
                infeasible = true;
                const d = groupDept[g] as number;
                // An open slot left empty: every participating department was short.
                if (d >= 0) batchShort[d] = 1;
                else for (const x of group.candidates) batchShort[deptOf[x] as number] = 1;
                break;
              }
              chosen[teamLen++] = i;
            }
          }
          for (let k = 0; k < teamLen; k++) {
            const i = chosen[k] as number;
            if (batchStamp[i] !== batchId) {
              batchStamp[i] = batchId;
              batchLoad[i] = 0;
            }
            batchLoad[i]!++;
            load[i * 12 + month]!++;
          }
        }
      }
      if (infeasible) {
        t.infeasible[bi]!++;
        for (let d = 0; d < D; d++) if (batchShort[d]) t.short[bi * D + d]!++;
      }
    }

    // Inspector and department tallies.
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
        hist[(histOffset[c] as number) + Math.min(v, (histSize[c] as number) - 1)]! += 1;
        deptLoad[d * 12 + m]! += v;
        if (v > (deptMax[d * 12 + m] as number)) deptMax[d * 12 + m] = v;
        load[c] = 0;
      }
    }
    for (let c = 0; c < D * 12; c++) {
      const members = deptMembers[(c / 12) | 0] as number;
      if (members === 0) continue;
      deptHist[(deptHistOffset[c] as number) + Math.min(deptMax[c] as number, (deptHistSize[c] as number) - 1)]! += 1;
      if (deptAnyOver[c]) t.deptOver[c]!++;
      const mean = (deptLoad[c] as number) / members;
      t.deptMeanSum[c]! += mean;
      t.deptMeanSq[c]! += mean * mean;
    }

    // Entity tallies, from the touched entities only.
    for (let d = 0; d < dims; d++) {
      (groupTally[d] as Float64Array).fill(0);
      (groupInsp[d] as Float64Array).fill(0);
      (groupRep[d] as Float64Array).fill(0);
      (groupThree[d] as Uint8Array).fill(0);
    }
    for (let k = 0; k < touchedLen; k++) {
      const e = touched[k] as number;
      const at = e * S;
      const c = ent[at] as number;
      const rep = (ent[at + 1] as number) >= 2;
      for (let d = 0; d < dims; d++) {
        const g = ent[at + 3 + d] as number;
        (groupTally[d] as Float64Array)[g * (K + 1) + Math.min(c, K)]!++;
        (groupInsp[d] as Float64Array)[g]! += c;
        if (rep) (groupRep[d] as Float64Array)[g]!++;
        if (c >= 3) (groupThree[d] as Uint8Array)[g] = 1;
      }
      ent[at] = 0;
      ent[at + 1] = 0;
      ent[at + 2] = 0;
    }
    touchedLen = 0;
    for (let d = 0; d < dims; d++) {
      const sizes = model.groupSizes[d] as Int32Array;
      const tally = groupTally[d] as Float64Array;
      for (let g = 0; g < sizes.length; g++) {
        const size = sizes[g] as number;
        if (size === 0) continue;
        let hit = 0;
        for (let k = 1; k <= K; k++) hit += tally[g * (K + 1) + k] as number;
        tally[g * (K + 1)] = size - hit;
        for (let k = 0; k <= K; k++) {
          const f = (tally[g * (K + 1) + k] as number) / size;
          (t.distSum[d] as Float64Array)[g * (K + 1) + k]! += f;
          (t.distSq[d] as Float64Array)[g * (K + 1) + k]! += f * f;
        }
        const mean = ((groupInsp[d] as Float64Array)[g] as number) / size;
        (t.meanSum[d] as Float64Array)[g]! += mean;
        (t.meanSq[d] as Float64Array)[g]! += mean * mean;
        const repCount = (groupRep[d] as Float64Array)[g] as number;
        const rep = repCount / size;
        (t.repSum[d] as Float64Array)[g]! += rep;
        (t.repSq[d] as Float64Array)[g]! += rep * rep;
        if (repCount > 0) (t.anyRep[d] as Float64Array)[g]!++;
        if ((groupThree[d] as Uint8Array)[g]) (t.anyThree[d] as Float64Array)[g]!++;
      }
    }
    // Task pairs: an entity inspected by tasks a, b, c adds one to each of its pairs.
    pairRun.fill(0);
    for (const all of extraTasks.values()) {
      for (let a = 0; a < all.length; a++) {
        for (let b = a + 1; b < all.length; b++) {
          const x = Math.min(all[a] as number, all[b] as number);
          const y = Math.max(all[a] as number, all[b] as number);
          const k = pairIndex.get(x * T + y);
          if (k !== undefined) pairRun[k]!++;
        }
      }
    }
    extraTasks.clear();
    for (let k = 0; k < pairRun.length; k++) {
      const v = pairRun[k] as number;
      t.pairSum[k]! += v;
      t.pairSq[k]! += v * v;
    }
    if (input.onProgress && ((run + 1) % chunk === 0 || run + 1 === runs)) input.onProgress(run + 1, runs);
  }
  return t;
}
