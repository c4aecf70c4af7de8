import seedrandom from "seedrandom";
import type { Plan } from "../model/plan.js";
import { fail, type Result, settle } from "../result.js";
import { runEngine, type Tallies } from "./_engine.js";
import { entityExact, loadExact } from "./_exact.js";
import { buildModel, DIMENSIONS } from "./_model.js";
import { issue } from "./_issue.js";
import type {
  DepartmentMonthLoad, EntityGroupStats, Estimate, InspectorMonthLoad, Percentile, SimulateOptions, SimulationPools,
  SimulationReport, TaskOverlap, WindowFeasibility,
} from "./types.js";

function estimate(sum: number, sq: number, runs: number): Estimate {
  const mean = sum / runs;
  const variance = runs > 1 ? Math.max(0, (sq - runs * mean * mean) / (runs - 1)) : 0;
  return { mean, se: Math.sqrt(variance / runs) };
}

function proportion(hits: number, runs: number): Estimate {
  const p = hits / runs;
  return { mean: p, se: Math.sqrt((p * (1 - p)) / runs) };
}

/** Percentiles of a histogram of `runs` values, each with a distribution-free 95% interval (order statistics). */
function percentiles(hist: Uint32Array, offset: number, size: number, runs: number, levels: readonly number[]): Percentile[] {
  const valueAt = (rank: number): number => {
    let c = 0;
    for (let v = 0; v < size; v++) {
      c += hist[offset + v] as number;
      if (c >= rank) return v;
    }
    return size - 1;
  };
  return levels.map((p) => {
    const half = 1.96 * Math.sqrt(runs * p * (1 - p));
    const clamp = (r: number) => Math.min(runs, Math.max(1, r));
    return {
      p,
      value: valueAt(clamp(Math.ceil(p * runs))),
      interval: [valueAt(clamp(Math.floor(p * runs - half))), valueAt(clamp(Math.ceil(p * runs + half)))] as const,
    };
  });
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundEstimate = (e: Estimate): Estimate => ({ mean: round(e.mean), se: round(e.se) });

/**
 * Simulates a year of the plan many times before any entropy exists (计划模拟): draws every task's batches
 * (sizes from `scheduleBatches` and `allocate`, days from the calendar), staffs every batch as `matchInspectors`
 * does (uniform picks among the free qualified members, experts on the rules' expert slots, then the matching's
 * augmenting-path repair for any slot left empty), and reports with Monte Carlo error bars: per inspector, expert
 * and month, load percentiles and P(over the cap); per department and window, P(the batch cannot be
 * staffed); per entity group (tier, region, industry), inspections per year and repeated inspections across
 * tasks (多头检查); task pairs whose scopes overlap. Exact expectations stand beside the simulated figures.
 *
 * @remarks
 * The stream is seedrandom's Alea, seeded with `seed`: fast, reproducible, and deliberately *not* the draw's
 * SHA-256 stream (DESIGN.md decision 9): a simulation is never re-checked, a draw always is. A batch counts as
 * infeasible only when the repair finds no augmenting path, i.e. exactly when `matchInspectors` would refuse the
 * same targets. Tasks whose quota or window cannot be read are left out with a note.
 *
 * Issue codes: `simulate_invalid_options` (error); notes `simulate_task_skipped`, `simulate_no_inspectors`.
 *
 * @param plan - the plan (from `importPlanTable` or `parsePlan`).
 * @param pools - entities, inspectors and per-task scopes, rules and policies, see {@link SimulationPools}.
 * @param options - runs, seed, year, monthly cap, see {@link SimulateOptions}.
 * @returns the {@link SimulationReport}.
 * @example
 * ```ts
 * const plan = { year: 2023, issuer: "", tasks: [{ id: "T1", name: "食品抽查", items: [], scope: "", targeting: "undirected", quotaText: "10%", windowText: "2023年3月", initiator: "市场监管局", cooperators: [] }] };
 * const entities = Array.from({ length: 50 }, (_, k) => ({ id: `E${k}`, name: `企业${k}` }));
 * const inspectors = [{ id: "A", name: "甲", department: "市场监管局" }, { id: "B", name: "乙", department: "市场监管局" }];
 * const r = simulatePlan(plan, { entities, inspectors }, { runs: 100, seed: "s" });
 * r.ok && r.value.inspectors.find((x) => x.inspectorId === "A" && x.month === 3).load
 * //=> { mean: 5, se: 0 }
 * ```
 * @public
 */
export function simulatePlan(plan: Plan, pools: SimulationPools, options: SimulateOptions): Result<SimulationReport> {
  const bad = (detail: string) => fail([issue("simulate_invalid_options", { detail })]);
  if (plan === null || typeof plan !== "object" || !Array.isArray(plan.tasks)) return bad("plan must be a Plan with tasks");
  if (!pools || !Array.isArray(pools.entities) || !Array.isArray(pools.inspectors)) return bad("pools must have entities and inspectors arrays");
  const runs = options?.runs;
  if (typeof runs !== "number" || !Number.isInteger(runs) || runs < 1 || runs > 1_000_000) return bad(`runs must be an integer from 1 to 1,000,000, got ${String(runs)}`);
  if (typeof options.seed !== "string" || options.seed === "") return bad("seed must be a non-empty string");
  const year = options.year ?? plan.year;
  if (!Number.isInteger(year)) return bad(`year must be an integer, got ${String(year)}`);
  const levels = options.percentiles ?? [0.5, 0.9, 0.95];
  if (!levels.every((p) => typeof p === "number" && p > 0 && p < 1)) return bad("percentiles must lie in (0, 1)");
  const K = options.maxCount ?? 4;
  if (!Number.isInteger(K) || K < 2 || K > 50) return bad("maxCount must be an integer from 2 to 50");

  const model = buildModel(plan, pools, year);
  const I = model.inspectors.length;
  const personCap = Float64Array.from(model.inspectors, (p) => p.loadCap);
  const monthlyCap = Float64Array.from(model.inspectors, (p) => {
    const m = options.monthlyCap;
    const c = typeof m === "number" ? m : m?.[p.id] ?? p.loadCap;
    return Number.isNaN(c) ? Number.POSITIVE_INFINITY : c;
  });
  // Departments of the inspector pool, and apart from them the experts (专家) by their organisation.
  const deptNames: string[] = [];
  const deptExperts: boolean[] = [];
  const deptIndex = new Map<string, number>();
  const deptOf = Int32Array.from(model.inspectors, (p) => {
    const key = `${p.expert ? "e" : "i"}:${p.department}`;
    let d = deptIndex.get(key);
    if (d === undefined) {
      deptIndex.set(key, (d = deptNames.push(p.department) - 1));
      deptExperts.push(p.expert);
    }
    return d;
  });
  const groupDept = model.batches.map((b) => {
    const team = model.tasks[b.task]?.team;
    return Int32Array.from(team?.groups ?? [], (g) => {
      if (g.kind !== "department") return -1;
      const first = g.candidates[0];
      return first === undefined ? deptIndex.get(`i:${g.department}`) ?? -1 : (deptOf[first] as number);
    });
  });
  const exactEntities = entityExact(model, K);
  const exactLoads = loadExact(model, personCap);

  const tallies: Tallies = runEngine({
    model, runs, random: seedrandom.alea(options.seed), K, personCap, monthlyCap, deptOf, departments: deptNames.length,
    groupDept, pairs: exactEntities.pairs, expectedLoad: exactLoads.expected, ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });

  const participates = new Uint8Array(I);
  for (const task of model.tasks) for (const g of task.team?.groups ?? []) for (const i of g.candidates) participates[i] = 1;
  const inspectors: InspectorMonthLoad[] = [];
  for (let i = 0; i < I; i++) {
    if (!participates[i]) continue;
    const p = model.inspectors[i]!;
    for (let m = 0; m < 12; m++) {
      const c = i * 12 + m;
      const cap = monthlyCap[i] as number;
      inspectors.push({
        inspectorId: p.id,
        name: p.name,
        department: p.department,
        expert: p.expert,
        month: m + 1,
        load: roundEstimate(estimate(tallies.loadSum[c] as number, tallies.loadSq[c] as number, runs)),
        expected: round(exactLoads.expected[c] as number),
        exact: exactLoads.exact[i] === 1,
        percentiles: percentiles(tallies.hist, tallies.histOffset[c] as number, tallies.histSize[c] as number, runs, levels),
        ...(Number.isFinite(cap) ? { cap, overCap: roundEstimate(proportion(tallies.overCap[c] as number, runs)) } : {}),
      });
    }
  }
  const departments: DepartmentMonthLoad[] = [];
  deptNames.forEach((name, d) => {
    const members = [...Array(I).keys()].filter((i) => deptOf[i] === d && participates[i]);
    if (members.length === 0) return;
    const caps = members.map((i) => monthlyCap[i] as number).filter(Number.isFinite);
    for (let m = 0; m < 12; m++) {
      const c = d * 12 + m;
      const expectedMean = members.reduce((s, i) => s + (exactLoads.expected[i * 12 + m] as number), 0) / members.length;
      departments.push({
        department: name,
        experts: deptExperts[d] === true,
        month: m + 1,
        inspectors: members.length,
        busiest: percentiles(tallies.deptHist, tallies.deptHistOffset[c] as number, tallies.deptHistSize[c] as number, runs, levels),
        meanLoad: roundEstimate(estimate(tallies.deptMeanSum[c] as number, tallies.deptMeanSq[c] as number, runs)),
        expectedMeanLoad: round(expectedMean),
        ...(caps.length > 0 ? { cap: caps.reduce((a, b) => Math.min(a, b)), anyOverCap: roundEstimate(proportion(tallies.deptOver[c] as number, runs)) } : {}),
      });
    }
  });
  const D = deptNames.length;
  const windows: WindowFeasibility[] = model.batches.map((b, bi) => {
    const task = model.tasks[b.task]!;
    const short = deptNames
      .map((department, d) => ({ department, probability: round((tallies.short[bi * D + d] as number) / runs) }))
      .filter((s, d) => s.probability > 0 && !deptExperts[d]);
    return {
      taskId: task.id,
      taskName: task.name,
      batch: b.index,
      start: b.start,
      end: b.end,
      departments: task.departments,
      joint: task.joint,
      targets: b.size,
      infeasible: roundEstimate(proportion(tallies.infeasible[bi] as number, runs)),
      short,
      expertsShort: round((tallies.expertShort[bi] as number) / runs),
      repaired: round((tallies.repaired[bi] as number) / runs),
    };
  });
  const groups: EntityGroupStats[] = [];
  DIMENSIONS.forEach((dimension, d) => {
    const values = model.groupValues[d] as string[];
    values.forEach((value, g) => {
      const size = (model.groupSizes[d] as Int32Array)[g] as number;
      groups.push({
        dimension,
        value,
        entities: size,
        inspections: {
          simulated: roundEstimate(estimate((tallies.meanSum[d] as Float64Array)[g] as number, (tallies.meanSq[d] as Float64Array)[g] as number, runs)),
          exact: round((exactEntities.mean[d] as Float64Array)[g] as number),
        },
        distribution: Array.from({ length: K + 1 }, (_, k) => ({
          k,
          simulated: roundEstimate(estimate((tallies.distSum[d] as Float64Array)[g * (K + 1) + k] as number, (tallies.distSq[d] as Float64Array)[g * (K + 1) + k] as number, runs)),
          exact: round(((exactEntities.distribution[d] as Float64Array[])[g] as Float64Array)[k] as number),
        })),
        repeatedAcrossTasks: {
          simulated: roundEstimate(estimate((tallies.repSum[d] as Float64Array)[g] as number, (tallies.repSq[d] as Float64Array)[g] as number, runs)),
          exact: round((exactEntities.repeated[d] as Float64Array)[g] as number),
        },
        anyRepeated: roundEstimate(proportion((tallies.anyRep[d] as Float64Array)[g] as number, runs)),
        anyThreeTimes: roundEstimate(proportion((tallies.anyThree[d] as Float64Array)[g] as number, runs)),
      });
    });
  });
  const quartersOf = (t: number) => model.tasks[t]!.batches.reduce((q, b) => q | (model.batches[b]?.quarters ?? 0), 0);
  const overlaps: TaskOverlap[] = exactEntities.pairs.map((p, k) => ({
    taskIds: [model.tasks[p.t]!.id, model.tasks[p.u]!.id],
    taskNames: [model.tasks[p.t]!.name, model.tasks[p.u]!.name],
    shared: p.shared,
    both: { simulated: roundEstimate(estimate(tallies.pairSum[k] as number, tallies.pairSq[k] as number, runs)), exact: round(p.both) },
    sameQuarter: (quartersOf(p.t) & quartersOf(p.u)) !== 0,
  }));
  overlaps.sort((a, b) => b.both.exact - a.both.exact);
  const report: SimulationReport = {
    runs,
    seed: options.seed,
    year,
    generator: "seedrandom.alea",
    tasks: model.tasks.map((t) => ({
      taskId: t.id,
      taskName: t.name,
      eligible: t.eligible,
      departments: t.departments,
      batches: t.batches.map((b) => ({ start: model.batches[b]!.start, end: model.batches[b]!.end, size: model.batches[b]!.size })),
    })),
    inspectors,
    departments,
    windows,
    groups,
    overlaps,
    notes: model.notes,
  };
  return settle(report, model.notes);
}
