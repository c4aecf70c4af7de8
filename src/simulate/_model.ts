// Builds the simulation model of a plan: each task's scope and strata, its batches with their sizes and
// days, and the team it needs, all as typed arrays the engine can run many times. Sizes come from the
// quota and calendar areas' public functions (scheduleBatches, allocate), so the simulation draws what the
// real draws would draw.
import { regionPrefix } from "../_internal/region.js";
import { parseWindow } from "../calendar/parseWindow.js";
import { scheduleBatches } from "../calendar/scheduleBatches.js";
import type { MatchRules } from "../match/types.js";
import type { EntityInput } from "../model/entity.js";
import type { InspectorInput } from "../model/inspector.js";
import type { Plan, TargetFilter, Task } from "../model/plan.js";
import type { TierPolicy } from "../model/policy.js";
import type { RiskTier } from "../model/tier.js";
import { allocate } from "../quota/allocate.js";
import { parseQuota } from "../quota/parseQuota.js";
import { parseTierPolicy } from "../quota/parseTierPolicy.js";
import type { Issue } from "../result.js";
import { parseIso, partsOf } from "../_internal/dates.js";
import type { SimulationPools } from "./types.js";
import { issue } from "./_issue.js";

export const DIMENSIONS = ["tier", "region", "industry"] as const;

export interface StratumModel {
  /** Entity indices of the stratum. */
  readonly pool: Int32Array;
}

export interface BatchModel {
  readonly task: number;
  readonly index: number;
  readonly start: string;
  readonly end: string;
  /** Month (0 … 11) of each day of the batch. */
  readonly days: Uint8Array;
  /** Share of the batch's days in each month. */
  readonly monthShare: Float64Array;
  /** n per stratum of the task (same order as TaskModel.strata). */
  readonly sizes: Int32Array;
  readonly size: number;
  /** Quarter (0 … 3) of each day, as a bit set. */
  readonly quarters: number;
}

export interface SlotGroup {
  /** A guaranteed department slot, an open slot over the participants, or an expert slot (专家), as the matching's slots. */
  readonly kind: "department" | "open" | "expert";
  /** The department of a `department` slot; "" otherwise. */
  readonly department: string;
  readonly candidates: Int32Array;
  readonly count: number;
}

export interface TeamModel {
  /** Guaranteed department slots, then the open slots over all participants, then the expert slots. */
  readonly groups: readonly SlotGroup[];
  /** The rules' default per-batch cap (a person's own loadCap wins). */
  readonly ruleCap: number;
  /** True when regions or recusals can restrict who goes where. */
  readonly restricted: boolean;
  /** True when the rules check regions (checkRegions, default true) and a member has regions. */
  readonly regions: boolean;
}

export interface TaskModel {
  readonly id: string;
  readonly name: string;
  readonly departments: readonly string[];
  readonly joint: boolean;
  readonly eligible: number;
  readonly strata: readonly StratumModel[];
  readonly batches: readonly number[];
  readonly team: TeamModel | null;
}

export interface PlanModel {
  readonly year: number;
  /**
   * Per entity, its signature: the strata (all tasks' strata numbered in order) it belongs to, as an index into
   * `signatures` (0: none). Entities of one signature are drawn alike.
   */
  readonly signature: Int32Array;
  readonly signatures: readonly (readonly number[])[];
  readonly entityIds: readonly string[];
  readonly entityRegion: readonly (string | undefined)[];
  /** Group index per dimension per entity, and the group values. */
  readonly groupOf: readonly Int32Array[];
  readonly groupValues: readonly string[][];
  readonly groupSizes: readonly Int32Array[];
  /** The inspector pool, then the expert pool (专家); `expert` marks the latter. */
  readonly inspectors: readonly { id: string; name: string; department: string; regions: string[]; loadCap: number; expert: boolean }[];
  /** Conflicts: entity index → inspector indices that must not inspect it. */
  readonly conflicts: ReadonlyMap<number, ReadonlySet<number>>;
  readonly tasks: readonly TaskModel[];
  readonly batches: readonly BatchModel[];
  readonly notes: Issue[];
}

/** Department names compare after NFKC and without white space, as the plan linter compares them. */
export function sameDepartment(a: string, b: string): boolean {
  const n = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
  return n(a) !== "" && n(a) === n(b);
}

/** The filter as a predicate, its region prefixes computed once (the pool is large, the filter small). */
function matcher(f: TargetFilter | undefined): (e: EntityInput) => boolean {
  const prefixes = f?.regionCodes?.map(regionPrefix);
  const kinds = f?.kinds ? new Set<string>(f.kinds) : undefined;
  const industries = f?.industries ? new Set<string>(f.industries) : undefined;
  const tiers = f?.tiers ? new Set<string>(f.tiers) : undefined;
  const tags = f?.tags;
  return (e) => {
    if ((e.status ?? "active") !== "active") return false;
    if (kinds && !kinds.has(e.kind ?? "enterprise")) return false;
    if (prefixes) {
      const code = e.regionCode ?? "";
      if (!prefixes.some((r) => code.startsWith(r))) return false;
    }
    if (industries && !industries.has(e.industry ?? "")) return false;
    if (tiers && (e.tier === undefined || !tiers.has(e.tier))) return false;
    if (tags && !tags.every((t) => (e.tags ?? []).includes(t))) return false;
    return true;
  };
}

function departmentsOf(task: Task, rules: MatchRules | undefined): string[] {
  if (rules?.departments) return Array.isArray(rules.departments) ? [...(rules.departments as string[])] : Object.keys(rules.departments);
  return [task.initiator, ...task.cooperators].filter((d) => d !== "");
}

function teamOf(
  task: Task,
  rules: MatchRules | undefined,
  people: readonly InspectorInput[],
  isExpert: Uint8Array,
  conflicted: ReadonlySet<number>,
): { team: TeamModel | null; departments: string[] } {
  const min = rules?.minCredentialed ?? 2;
  const quals = rules?.qualifications ?? [];
  const counted = (p: InspectorInput, i: number) =>
    p.credential !== false && isExpert[i] === 0 && quals.every((q) => (p.qualifications ?? []).includes(q));
  const indices = (pred: (p: InspectorInput) => boolean) => Int32Array.from(people.flatMap((p, i) => (counted(p, i) && pred(p) ? [i] : [])));
  let guaranteed: [string, number][];
  let participants: string[] | null;
  if (rules?.departments || rules?.initiator) {
    guaranteed = !rules.departments ? []
      : Array.isArray(rules.departments) ? [...new Set(rules.departments as string[])].map((d) => [d, 1])
      : Object.entries(rules.departments as Record<string, number>);
    // The rules' initiator takes part with at least one member, as the matching reads it.
    const initiator = rules.initiator;
    if (initiator && !guaranteed.some(([d]) => d === initiator)) guaranteed.push([initiator, 1]);
    participants = guaranteed.map(([d]) => d);
  } else if (task.cooperators.length > 0) {
    // A joint task (部门联合): one member of each department at least, as the matching's department list does.
    participants = [...new Set([task.initiator, ...task.cooperators].filter((d) => d !== ""))];
    guaranteed = participants.map((d) => [d, 1]);
  } else {
    // A one-department task sends its own people, when the roster has any of them; otherwise anyone.
    const own = people.some((p, i) => counted(p, i) && sameDepartment(p.department, task.initiator));
    participants = own ? [task.initiator] : null;
    guaranteed = [];
  }
  const groups: SlotGroup[] = guaranteed
    .filter(([, c]) => c > 0)
    .map(([d, c]) => ({ kind: "department", department: d, candidates: indices((p) => sameDepartment(p.department, d)), count: c }));
  const sum = guaranteed.reduce((s, [, c]) => s + c, 0);
  const open = Math.max(min, sum) - sum;
  const union = indices((p) => participants === null || participants.some((d) => sameDepartment(p.department, d)));
  if (open > 0) groups.push({ kind: "open", department: "", candidates: union, count: open });
  // Experts (专家) on top of the counted members, from the expert pool, holding every expertQualification.
  const experts = rules?.experts ?? 0;
  const expertQuals = rules?.expertQualifications ?? [];
  const expertPool = Int32Array.from(people.flatMap((p, i) => (isExpert[i] === 1 && expertQuals.every((q) => (p.qualifications ?? []).includes(q)) ? [i] : [])));
  if (experts > 0) groups.push({ kind: "expert", department: "", candidates: expertPool, count: experts });
  if (union.length === 0) return { team: null, departments: participants ?? [] };
  const everyone = experts > 0 ? [...union, ...expertPool] : [...union];
  const regions = (rules?.checkRegions ?? true) && everyone.some((i) => (people[i]?.regions ?? []).length > 0);
  const restricted = regions || everyone.some((i) => conflicted.has(i));
  return {
    team: { groups, ruleCap: rules?.loadCap ?? Number.POSITIVE_INFINITY, restricted, regions },
    departments: participants ?? departmentsOf(task, rules),
  };
}

function policyOf(task: Task, pools: SimulationPools): TierPolicy | undefined {
  const given = pools.policies?.[task.id];
  if (given) return given;
  if (!task.creditRequirement) return undefined;
  const p = parseTierPolicy(task.creditRequirement);
  return p.ok && Object.keys(p.value.rules).length > 0 ? p.value : undefined;
}

/**
 * Groups the entities by the strata they belong to (a stratum: one task's tier or whole scope, numbered over all
 * tasks in order). Built as a trie over the strata in order, so no per-entity list or string is made.
 */
function signaturesOf(n: number, tasks: readonly TaskModel[]): { signature: Int32Array; signatures: number[][] } {
  const signature = new Int32Array(n);
  const signatures: number[][] = [[]];
  const next = new Map<number, number>();
  const total = tasks.reduce((x, t) => x + t.strata.length, 0);
  let id = 0;
  for (const task of tasks) {
    for (const stratum of task.strata) {
      for (const e of stratum.pool) {
        const from = signature[e] as number;
        const key = from * total + id;
        let to = next.get(key);
        if (to === undefined) {
          next.set(key, (to = signatures.length));
          signatures.push([...(signatures[from] as number[]), id]);
        }
        signature[e] = to;
      }
      id++;
    }
  }
  return { signature, signatures };
}

/** Builds the model, or notes why a task was left out. */
export function buildModel(plan: Plan, pools: SimulationPools, year: number): PlanModel {
  const notes: Issue[] = [];
  const entities = pools.entities;
  // The matching's two pools: inspectors (an entry marked expert is an expert, as matchInspectors reads it), then experts.
  const people: readonly InspectorInput[] = [...pools.inspectors, ...(pools.experts ?? [])];
  const isExpert = Uint8Array.from(people, (p, i) => (i >= pools.inspectors.length || p.expert === true ? 1 : 0));
  const groupOf: Int32Array[] = [];
  const groupValues: string[][] = [];
  const groupSizes: Int32Array[] = [];
  for (const dim of DIMENSIONS) {
    const index = new Map<string, number>();
    const of = new Int32Array(entities.length);
    entities.forEach((e, k) => {
      const v = (dim === "tier" ? e.tier : dim === "region" ? e.regionCode : e.industry) ?? "";
      let g = index.get(v);
      if (g === undefined) index.set(v, (g = index.size));
      of[k] = g;
    });
    const values = [...index.keys()];
    const sizes = new Int32Array(values.length);
    for (const g of of) sizes[g] = (sizes[g] as number) + 1;
    groupOf.push(of);
    groupValues.push(values);
    groupSizes.push(sizes);
  }
  // Entity ids are looked up only for recusals: the index is built when there is one.
  let entityIndex: Map<string, number> | undefined;
  const conflicts = new Map<number, Set<number>>();
  const conflicted = new Set<number>();
  const addConflict = (entityId: string, person: number) => {
    entityIndex ??= new Map(entities.map((e, k) => [e.id, k]));
    const e = entityIndex.get(entityId);
    if (e === undefined) return;
    let s = conflicts.get(e);
    if (!s) conflicts.set(e, (s = new Set()));
    s.add(person);
    conflicted.add(person);
  };
  people.forEach((p, i) => {
    for (const c of p.conflicts ?? []) addConflict(c.entityId, i);
  });
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  for (const r of Object.values(pools.rules ?? {})) {
    for (const rel of r.relationships ?? []) {
      const i = personIndex.get(rel.inspectorId);
      if (i !== undefined) addConflict(rel.entityId, i);
    }
  }

  const tasks: TaskModel[] = [];
  const batches: BatchModel[] = [];
  const scoped = new Map<string, number[]>();
  for (const task of plan.tasks) {
    const skip = (reason: readonly Issue[] | string) => {
      const text = typeof reason === "string" ? { zh: reason, en: reason } : { zh: reason.map((i) => i.message.zh).join("；"), en: reason.map((i) => i.message.en).join("; ") };
      notes.push({ ...issue("simulate_task_skipped", { task: task.name, reason: text.zh }), message: { zh: `任务“${task.name}”未参与模拟：${text.zh}`, en: `Task "${task.name}" was left out of the simulation: ${text.en}` } });
    };
    const quota = parseQuota(task.quotaText);
    if (!quota.ok) { skip(quota.issues); continue; }
    const window = parseWindow(task.windowText, { year });
    if (!window.ok) { skip(window.issues); continue; }
    const filter = pools.scopes?.[task.id] ?? task.filter;
    // Tasks often share a scope (the whole pool, one industry): each distinct filter scans the pool once.
    const scopeKey = JSON.stringify(filter ?? null);
    let eligible = scoped.get(scopeKey);
    if (!eligible) {
      const matches = matcher(filter);
      eligible = [];
      for (let k = 0; k < entities.length; k++) if (matches(entities[k] as EntityInput)) eligible.push(k);
      scoped.set(scopeKey, eligible);
    }
    const schedule = scheduleBatches({ quota: quota.value, window: window.value, poolSize: eligible.length });
    if (!schedule.ok) { skip(schedule.issues); continue; }
    const policy = policyOf(task, pools);
    let strata: { key: string; pool: number[]; tier?: RiskTier }[] = [{ key: "all", pool: eligible }];
    let perStratum: number[] | null = null;
    if (policy) {
      const byTier = new Map<string, number[]>();
      for (const k of eligible) {
        const t = entities[k]?.tier ?? "";
        let list = byTier.get(t);
        if (!list) byTier.set(t, (list = []));
        list.push(k);
      }
      strata = [...byTier.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([t, pool]) => ({ key: t || "untiered", pool, ...(t ? { tier: t as RiskTier } : {}) }));
      const a = allocate(strata.map((s) => ({ key: s.key, size: s.pool.length, ...(s.tier ? { tier: s.tier } : {}) })), policy, { base: quota.value });
      if (!a.ok) { skip(a.issues); continue; }
      perStratum = a.value.rows.map((r) => r.n);
    }
    const rules = pools.rules?.[task.id];
    const { team, departments } = teamOf(task, rules, people, isExpert, conflicted);
    const t = tasks.length;
    const mine: number[] = [];
    for (const b of schedule.value.batches) {
      const dayMonths: number[] = [];
      let quarters = 0;
      for (const w of b.windows) {
        const s = parseIso(w.start) as number;
        const e = parseIso(w.end) as number;
        for (let d = s; d <= e; d++) {
          const p = partsOf(d);
          const m = p.year < year ? 0 : p.year > year ? 11 : p.month - 1;
          dayMonths.push(m);
          quarters |= 1 << Math.floor(m / 3);
        }
      }
      const days = Uint8Array.from(dayMonths);
      const monthShare = new Float64Array(12);
      for (const m of days) monthShare[m] = (monthShare[m] as number) + 1 / days.length;
      const sizes = Int32Array.from(perStratum ?? [b.size]);
      mine.push(batches.length);
      batches.push({ task: t, index: b.index, start: b.start, end: b.end, days, monthShare, sizes, size: sizes.reduce((x, y) => x + y, 0), quarters });
    }
    if (!team && mine.some((b) => (batches[b] as BatchModel).size > 0)) {
      notes.push(issue("simulate_no_inspectors", { task: task.name, departments: departments.join("、") || "—" }));
    }
    tasks.push({
      id: task.id,
      name: task.name,
      departments,
      joint: departments.length > 1,
      eligible: eligible.length,
      strata: strata.map((s) => ({ pool: Int32Array.from(s.pool) })),
      batches: mine,
      team,
    });
  }
  const { signature, signatures } = signaturesOf(entities.length, tasks);
  return {
    year,
    signature,
    signatures,
    entityIds: entities.map((e) => e.id),
    entityRegion: entities.map((e) => e.regionCode),
    groupOf,
    groupValues,
    groupSizes,
    inspectors: people.map((p, i) => ({
      id: p.id,
      name: p.name,
      department: p.department,
      regions: (p.regions ?? []).map(regionPrefix),
      loadCap: p.loadCap ?? Number.NaN,
      expert: isExpert[i] === 1,
    })),
    conflicts,
    tasks,
    batches,
    notes,
  };
}
