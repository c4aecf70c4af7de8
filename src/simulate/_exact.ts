// Exact expectations beside the simulated figures. Entity draws are simple random samples per stratum and
// batch, independent across batches and tasks, so an entity's inspections are a Poisson-binomial count; the
// probabilities come straight from the sizes. Inspector loads are exact when members are uniform picks.
import type { PlanModel } from "./_model.js";

export interface EntityExact {
  /** Per dimension, per group: expected inspections per entity (mean over the group). */
  readonly mean: Float64Array[];
  /** Per dimension, per group, per k (0 … K): share of entities inspected k times (last bin: K or more). */
  readonly distribution: Float64Array[][];
  /** Per dimension, per group: share of entities inspected by two or more tasks. */
  readonly repeated: Float64Array[];
  /** Task pairs (t < u) sharing entities: shared count and expected entities inspected by both. */
  readonly pairs: { t: number; u: number; shared: number; both: number }[];
}

/** Distribution of a sum of independent Bernoulli(p_j), the last bin holding "K or more". */
function poissonBinomial(ps: readonly number[], K: number): Float64Array {
  const d = new Float64Array(K + 1);
  d[0] = 1;
  for (const p of ps) {
    for (let k = K; k >= 0; k--) {
      const stay = k === K ? (d[k] as number) : (d[k] as number) * (1 - p);
      d[k] = stay + (k > 0 ? (d[k - 1] as number) * p : 0);
    }
  }
  return d;
}

export function entityExact(model: PlanModel, K: number): EntityExact {
  // Each stratum of each task has a global id (the model's signature numbering); entities of one signature
  // (the same list of strata) have the same distribution.
  const strataTask: number[] = [];
  const strataProbs: number[][] = [];
  model.tasks.forEach((task, t) => {
    task.strata.forEach((s, h) => {
      strataTask.push(t);
      strataProbs.push(task.batches.map((b) => {
        const N = s.pool.length;
        return N === 0 ? 0 : ((model.batches[b]?.sizes[h] ?? 0) as number) / N;
      }));
    });
  });
  const bySignature = model.signatures.map((strata) => ({ entities: [] as number[], strata }));
  model.signature.forEach((sig, e) => (bySignature[sig] as { entities: number[] }).entities.push(e));
  const dims = model.groupValues.length;
  const mean = model.groupValues.map((v) => new Float64Array(v.length));
  const distribution = model.groupValues.map((v) => v.map(() => new Float64Array(K + 1)));
  const repeated = model.groupValues.map((v) => new Float64Array(v.length));
  const pairMap = new Map<number, { t: number; u: number; shared: number; both: number }>();
  const T = model.tasks.length;
  for (const sig of bySignature) {
    if (sig.entities.length === 0) continue;
    const probs: number[] = [];
    const byTask = new Map<number, number>();
    for (const s of sig.strata) {
      const t = strataTask[s] as number;
      let never = byTask.get(t) ?? 1;
      for (const p of strataProbs[s] as number[]) {
        probs.push(p);
        never *= 1 - p;
      }
      byTask.set(t, never);
    }
    const dist = poissonBinomial(probs, K);
    const m = probs.reduce((a, b) => a + b, 0);
    const taskHit = [...byTask.entries()].map(([t, never]) => [t, 1 - never] as const);
    const taskDist = poissonBinomial(taskHit.map(([, q]) => q), 2);
    const rep = taskDist[2] as number;
    for (let a = 0; a < taskHit.length; a++) {
      for (let b = a + 1; b < taskHit.length; b++) {
        const [t1, q1] = taskHit[a] as readonly [number, number];
        const [t2, q2] = taskHit[b] as readonly [number, number];
        const t = Math.min(t1, t2);
        const u = Math.max(t1, t2);
        let pair = pairMap.get(t * T + u);
        if (!pair) pairMap.set(t * T + u, (pair = { t, u, shared: 0, both: 0 }));
        pair.shared += sig.entities.length;
        pair.both += sig.entities.length * q1 * q2;
      }
    }
    for (const e of sig.entities) {
      for (let d = 0; d < dims; d++) {
        const g = (model.groupOf[d] as Int32Array)[e] as number;
        (mean[d] as Float64Array)[g]! += m;
        (repeated[d] as Float64Array)[g]! += rep;
        const row = (distribution[d] as Float64Array[])[g] as Float64Array;
        for (let k = 0; k <= K; k++) row[k]! += dist[k] as number;
      }
    }
  }
  for (let d = 0; d < dims; d++) {
    const sizes = model.groupSizes[d] as Int32Array;
    sizes.forEach((size, g) => {
      if (size === 0) return;
      (mean[d] as Float64Array)[g]! /= size;
      (repeated[d] as Float64Array)[g]! /= size;
      const row = (distribution[d] as Float64Array[])[g] as Float64Array;
      for (let k = 0; k <= K; k++) row[k]! /= size;
    });
  }
  const pairs = [...pairMap.values()].sort((a, b) => a.t - b.t || a.u - b.u);
  return { mean, distribution, repeated, pairs };
}

/**
 * Expected load of every inspector in every month (flat, inspector × 12) when members are uniform picks:
 * a guaranteed slot of department d picks one of its C_d candidates, the open slots then pick among the R
 * participants not yet in the team, so P(i in team) = c_d/C_d + (1 − c_d/C_d)·o/R. `exact[i]` says whether no
 * cap, region or recusal could bend the picks of the tasks the inspector takes part in.
 */
export function loadExact(model: PlanModel, personCap: Float64Array): { expected: Float64Array; exact: Uint8Array } {
  const I = model.inspectors.length;
  const expected = new Float64Array(I * 12);
  const exact = new Uint8Array(I).fill(1);
  for (const batch of model.batches) {
    const team = model.tasks[batch.task]?.team;
    if (!team || batch.size === 0) continue;
    const p = new Map<number, number>();
    const open = team.groups.find((g) => g.kind === "open");
    const guaranteed = team.groups.filter((g) => g.kind === "department");
    let taken = 0;
    for (const g of guaranteed) {
      const share = g.candidates.length === 0 ? 0 : Math.min(1, g.count / g.candidates.length);
      for (const i of g.candidates) p.set(i, share);
      taken += Math.min(g.count, g.candidates.length);
    }
    if (open) {
      const R = open.candidates.length - taken;
      for (const i of open.candidates) {
        const before = p.get(i) ?? 0;
        p.set(i, before + (R > 0 ? (1 - before) * Math.min(1, open.count / R) : 0));
      }
    }
    // Expert slots draw from their own pool, independently of the counted members.
    for (const g of team.groups) {
      if (g.kind !== "expert") continue;
      const share = g.candidates.length === 0 ? 0 : Math.min(1, g.count / g.candidates.length);
      for (const i of g.candidates) p.set(i, share);
    }
    const infeasible = team.groups.some((g) => g.candidates.length < g.count);
    // One capped member shifts the picks of all the others: the whole team's figures are then not exact.
    const capped = [...p.keys()].some((i) => (Number.isNaN(personCap[i] as number) ? team.ruleCap : (personCap[i] as number)) < batch.size);
    for (const [i, share] of p) {
      if (team.restricted || infeasible || capped) exact[i] = 0;
      for (let m = 0; m < 12; m++) expected[i * 12 + m]! += batch.size * share * (batch.monthShare[m] as number);
    }
  }
  return { expected, exact };
}
