// Validation of matching input and the eligibility matrix. Internal: never exported from the package.
import { compareCodePoints } from "../draw/order.js";
import { type Issue } from "../result.js";
import type { LegalException, MatchableRecord, MatchInput, MatchRules, SlotKind } from "./types.js";
import { issue } from "./_issue.js";

// Unicode code point order (= UTF-8 byte order), shared with the draw so both protocols sort alike.
export { compareCodePoints };

export type Pool = "counted" | "expert";

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly credential: boolean;
  readonly expert: boolean;
  readonly pool: Pool;
  readonly qualifications: ReadonlySet<string>;
  /** Region prefixes (trailing "00" pairs of a 6-digit code removed); empty = anywhere. */
  readonly regions: readonly string[];
  readonly cap: number;
  /** Entity ids of declared conflicts (回避), as given. */
  readonly conflicts: readonly string[];
}

export interface Target {
  readonly id: string;
  readonly stratum: string;
  readonly regionCode: string | undefined;
  readonly lastInspectors: ReadonlySet<string>;
}

export interface SlotSpec {
  readonly kind: SlotKind;
  /** Department of a `department` slot, null otherwise. */
  readonly department: string | null;
  /** Group key: "d:<department>", "open" or "expert". */
  readonly key: string;
}

export interface NormalizedRules {
  readonly teamSize: number;
  /** Guaranteed department counts in code point order of department, or null when any department may go. */
  readonly departments: readonly (readonly [string, number])[] | null;
  readonly qualifications: readonly string[];
  readonly experts: number;
  readonly expertQualifications: readonly string[];
  readonly checkRegions: boolean;
  readonly avoidLastInspectors: boolean;
  readonly loadCap: number | null;
  readonly leader: { readonly department: string | null } | null;
  /** The initiating department (发起部门), also in `departments`; null when not given. */
  readonly initiator: string | null;
  /** The published exception to 第42条's floor, validated; null when none. */
  readonly legalException: LegalException | null;
}

/** A recusal declared after the draw, from the log. */
export interface LateRecusal {
  readonly inspectorId: string;
  readonly targetId: string;
}

export type Ineligibility = "conflict" | "qualifications" | "region" | "credential" | "department" | "pool";

export interface Prepared {
  readonly taskId: string;
  readonly streamSeed: string;
  readonly rules: NormalizedRules;
  readonly targets: readonly Target[];
  readonly targetIndex: ReadonlyMap<string, number>;
  /** Every person, counted pool first, each pool in code point order of id. */
  readonly people: readonly Person[];
  readonly personIndex: ReadonlyMap<string, number>;
  /** Indices of the counted pool / expert pool, code point order of id. */
  readonly countedPool: readonly number[];
  readonly expertPool: readonly number[];
  readonly spec: readonly SlotSpec[];
  /** Members of each slot group (key → person indices in code point order of id). */
  readonly groups: ReadonlyMap<string, readonly number[]>;
  /** eligible[t * P + p] = 1 when person p may be sent to target t (pool-specific rules applied); target-major so a slot's candidates are read in one sweep. */
  readonly eligible: Uint8Array;
  /** Extra recusals (relationships, last inspectors, late recusals): person index → target indices. */
  readonly recused: ReadonlyMap<number, ReadonlySet<number>>;
  readonly warnings: readonly Issue[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const received = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const pathText = (path: readonly (string | number)[]): string => path.map(String).join(".");

function typeIssue(path: readonly (string | number)[], expected: string, value: unknown): Issue {
  return issue("invalid_type", { path: pathText(path), expected, received: received(value) }, { path });
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === "string" && v.trim().length > 0;
}

function stringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** "140500" → "1405", "140000" → "14": a code ending in 00 covers its sub-regions. */
export function regionPrefix(code: string): string {
  let c = code;
  while (c.length > 2 && c.endsWith("00")) c = c.slice(0, -2);
  return c;
}

/** The targets of a record, replacement draws substituted in place. */
function readTargets(record: unknown, issues: Issue[]): { taskId: string; seed: string; list: { id: string; stratum: string; path: (string | number)[] }[] } | null {
  if (!isObject(record)) {
    issues.push(issue("match_record_invalid", { path: "record", detail: { zh: "不是对象", en: "not an object" } }, { path: ["record"] }));
    return null;
  }
  const r = record as Partial<MatchableRecord> & Record<string, unknown>;
  let bad = false;
  if (!nonEmptyString(r.taskId)) {
    issues.push(issue("match_record_invalid", { path: "record.taskId", detail: { zh: "缺少任务编号 taskId", en: "taskId missing" } }, { path: ["record", "taskId"] }));
    bad = true;
  }
  if (!nonEmptyString(r.seed)) {
    issues.push(issue("match_record_invalid", { path: "record.seed", detail: { zh: "缺少种子 seed", en: "seed missing" } }, { path: ["record", "seed"] }));
    bad = true;
  }
  if (!Array.isArray(r.selections)) {
    issues.push(issue("match_record_invalid", { path: "record.selections", detail: { zh: "缺少抽中结果 selections", en: "selections missing" } }, { path: ["record", "selections"] }));
    return null;
  }
  const list: { id: string; stratum: string; path: (string | number)[] }[] = [];
  r.selections.forEach((s: unknown, k: number) => {
    const path = ["record", "selections", k];
    if (!isObject(s) || !nonEmptyString(s.id)) {
      issues.push(issue("match_target_without_entity", { path: pathText(path), id: isObject(s) ? String(s.id ?? "") : "" }, { path }));
      bad = true;
      return;
    }
    list.push({ id: s.id, stratum: typeof s.stratum === "string" ? s.stratum : "", path });
  });
  const reps = r.replacements ?? [];
  if (!Array.isArray(reps)) {
    issues.push(typeIssue(["record", "replacements"], "array", reps));
    return null;
  }
  reps.forEach((rep: unknown, k: number) => {
    const path = ["record", "replacements", k];
    if (!isObject(rep) || !nonEmptyString(rep.id) || !nonEmptyString(rep.replaces)) {
      issues.push(issue("match_target_without_entity", { path: pathText(path), id: isObject(rep) ? String(rep.id ?? "") : "" }, { path }));
      bad = true;
      return;
    }
    const at = list.findIndex((x) => x.id === rep.replaces);
    if (at < 0) {
      issues.push(issue("match_unknown_target", { path: pathText([...path, "replaces"]), id: rep.replaces }, { path: [...path, "replaces"] }));
      bad = true;
      return;
    }
    list[at] = { id: rep.id, stratum: typeof rep.stratum === "string" ? rep.stratum : "", path };
  });
  if (bad) return null;
  return { taskId: r.taskId as string, seed: r.seed as string, list };
}

export function readRules(rules: MatchRules | undefined, issues: Issue[]): NormalizedRules | null {
  const r = (rules ?? {}) as MatchRules;
  const before = issues.length;
  const bad = (field: string, zh: string, en: string) =>
    issues.push(issue("match_invalid_rule", { path: `rules.${field}`, detail: { zh, en } }, { path: ["rules", field] }));
  const count = (field: keyof MatchRules, fallback: number): number => {
    const v = r[field];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      bad(field, "应为不小于0的整数", "expected an integer ≥ 0");
      return fallback;
    }
    return v;
  };
  const minCredentialed = count("minCredentialed", 2);
  const experts = count("experts", 0);
  let departments: [string, number][] | null = null;
  if (r.departments !== undefined) {
    if (Array.isArray(r.departments)) {
      if (!r.departments.every(nonEmptyString)) bad("departments", "应为部门名称列表", "expected department names");
      else departments = [...new Set(r.departments as string[])].map((d) => [d, 1]);
    } else if (isObject(r.departments)) {
      departments = [];
      for (const [d, c] of Object.entries(r.departments)) {
        if (!nonEmptyString(d) || typeof c !== "number" || !Number.isInteger(c) || c < 0) bad("departments", `“${d}”的人数应为不小于0的整数`, `count of "${d}" must be an integer ≥ 0`);
        // A participating department that sends nobody is no joint task (第42条; match-v1 §1).
        else if (c === 0) issues.push(issue("match_department_count_zero", { path: `rules.departments.${d}`, department: d }, { path: ["rules", "departments", d] }));
        else departments.push([d, c]);
      }
    } else bad("departments", "应为部门列表或“部门: 人数”", "expected a list of departments or a record of counts");
    if (departments) {
      if (departments.length === 0 && issues.length === before) bad("departments", "没有参与部门", "no department takes part");
    }
  }
  let initiator: string | null = null;
  if (r.initiator !== undefined) {
    if (!nonEmptyString(r.initiator)) bad("initiator", "应为部门名称", "expected a department");
    else {
      initiator = r.initiator;
      // The initiator takes part with at least one member; alone, it is the task's only department.
      if (!departments) departments = [[initiator, 1]];
      else if (!departments.some(([d]) => d === initiator)) departments.push([initiator, 1]);
    }
  }
  departments?.sort((a, b) => compareCodePoints(a[0], b[0]));
  const legalException = readLegalException(r.legalException, bad);
  for (const field of ["qualifications", "expertQualifications"] as const) {
    if (r[field] !== undefined && !stringArray(r[field])) bad(field, "应为资质列表", "expected a list of qualifications");
  }
  for (const field of ["checkRegions", "avoidLastInspectors"] as const) {
    if (r[field] !== undefined && typeof r[field] !== "boolean") bad(field, "应为 true 或 false", "expected true or false");
  }
  let loadCap: number | null = null;
  if (r.loadCap !== undefined) {
    if (typeof r.loadCap !== "number" || !Number.isInteger(r.loadCap) || r.loadCap < 0) {
      issues.push(issue("match_negative_cap", { path: "rules.loadCap", value: String(r.loadCap) }, { path: ["rules", "loadCap"] }));
    } else loadCap = r.loadCap;
  }
  const guaranteed = (departments ?? []).reduce((s, [, c]) => s + c, 0);
  const teamSize = Math.max(minCredentialed, guaranteed);
  let leader: { department: string | null } | null = null;
  if (r.leader !== undefined && r.leader !== false) {
    if (r.leader === true) leader = { department: null };
    else if (isObject(r.leader) && nonEmptyString(r.leader.department)) {
      const d = r.leader.department;
      if (!departments?.some(([name, c]) => name === d && c >= 1)) {
        issues.push(issue("match_leader_department", { path: "rules.leader.department", department: d }, { path: ["rules", "leader", "department"] }));
      }
      leader = { department: d };
    } else bad("leader", "应为 true、false 或 { department }", "expected true, false or { department }");
    if (teamSize === 0) bad("leader", "设组长时每组至少需要1名执法人员", "a leader needs at least one counted member");
  }
  // 行政处罚法 第42条: at least two officers with 执法资格 (experts never count); a published exception where a law
  // provides otherwise may allow one, nothing allows none.
  if (teamSize < 2 && (teamSize === 0 || legalException === null) && issues.length === before) {
    issues.push(issue("match_below_legal_minimum", { size: teamSize }, { path: ["rules", "minCredentialed"] }));
  }
  if (issues.length > before) return null;
  return {
    teamSize,
    departments,
    qualifications: [...new Set(r.qualifications ?? [])],
    experts,
    expertQualifications: [...new Set(r.expertQualifications ?? [])],
    checkRegions: r.checkRegions ?? true,
    avoidLastInspectors: r.avoidLastInspectors ?? false,
    loadCap,
    leader,
    initiator,
    legalException,
  };
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The rules' exception to the floor (§1), or null; malformed fields are rule issues. */
function readLegalException(v: unknown, bad: (field: string, zh: string, en: string) => void): LegalException | null {
  if (v === undefined) return null;
  if (!isObject(v) || v.basis !== "law_otherwise_provides" || !nonEmptyString(v.citation) || !nonEmptyString(v.decidedBy) || typeof v.decidedAt !== "string" || !ISO_DATE.test(v.decidedAt) || (v.note !== undefined && typeof v.note !== "string")) {
    bad("legalException", "应为 { basis, citation, decidedBy, decidedAt }", "expected { basis, citation, decidedBy, decidedAt }");
    return null;
  }
  return { basis: "law_otherwise_provides", citation: v.citation, decidedBy: v.decidedBy, decidedAt: v.decidedAt, ...(typeof v.note === "string" ? { note: v.note } : {}) };
}

export interface RawPerson {
  person: Omit<Person, "cap" | "pool"> & { loadCap: number | undefined };
  pool: Pool;
  path: (string | number)[];
}

function readPerson(input: unknown, pool: Pool, path: (string | number)[], issues: Issue[]): RawPerson | null {
  if (!isObject(input)) {
    issues.push(typeIssue(path, "object", input));
    return null;
  }
  const before = issues.length;
  const need = (field: string, ok: boolean, expected: string) => {
    if (!ok) issues.push(typeIssue([...path, field], expected, input[field]));
  };
  need("id", nonEmptyString(input.id), "non-empty string");
  need("name", input.name === undefined || typeof input.name === "string", "string");
  need("department", nonEmptyString(input.department), "non-empty string");
  need("credential", input.credential === undefined || typeof input.credential === "boolean", "boolean");
  need("expert", input.expert === undefined || typeof input.expert === "boolean", "boolean");
  need("qualifications", input.qualifications === undefined || stringArray(input.qualifications), "string[]");
  need("regions", input.regions === undefined || stringArray(input.regions), "string[]");
  const cap = input.loadCap;
  if (cap !== undefined && (typeof cap !== "number" || !Number.isInteger(cap) || cap < 0)) {
    issues.push(issue("match_negative_cap", { path: pathText([...path, "loadCap"]), value: String(cap) }, { path: [...path, "loadCap"] }));
  }
  const conflicts: string[] = [];
  if (input.conflicts !== undefined) {
    if (!Array.isArray(input.conflicts)) need("conflicts", false, "array");
    else {
      const list = input.conflicts as unknown[];
      for (let k = 0; k < list.length; k++) {
        const c = list[k] as { entityId?: unknown } | null;
        const id = typeof c === "object" && c !== null ? c.entityId : undefined;
        if (typeof id === "string" && id.length > 0) conflicts.push(id);
        else issues.push(typeIssue([...path, "conflicts", k, "entityId"], "non-empty string", id ?? c));
      }
    }
  }
  if (issues.length > before) return null;
  const expert = pool === "expert" || input.expert === true;
  return {
    person: {
      id: input.id as string,
      name: typeof input.name === "string" ? input.name : "",
      department: (input.department as string).trim(),
      credential: input.credential !== false,
      expert,
      qualifications: new Set((input.qualifications as string[] | undefined) ?? []),
      regions: ((input.regions as string[] | undefined) ?? []).map(regionPrefix),
      loadCap: cap as number | undefined,
      conflicts,
    },
    pool: expert ? "expert" : "counted",
    path,
  };
}

function lastInspectorsOf(inspections: unknown): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(inspections)) return out;
  let latest = "";
  for (const i of inspections) if (isObject(i) && typeof i.date === "string" && i.date > latest) latest = i.date;
  for (const i of inspections) {
    if (isObject(i) && i.date === latest && stringArray(i.inspectorIds)) for (const id of i.inspectorIds) out.add(id);
  }
  return out;
}

const conflictSets = new WeakMap<Person, ReadonlySet<string>>();
function conflictSet(person: Person): ReadonlySet<string> {
  let set = conflictSets.get(person);
  if (!set) conflictSets.set(person, (set = new Set(person.conflicts)));
  return set;
}

/** Why person p may not be sent to target t, or null when eligible. */
export function ineligibility(prep: Pick<Prepared, "rules" | "recused">, person: Person, p: number, target: Target, t: number): Ineligibility | null {
  const rules = prep.rules;
  if (person.pool === "counted") {
    if (!person.credential) return "credential";
    if (rules.departments && !rules.departments.some(([d]) => d === person.department)) return "department";
  }
  if (conflictSet(person).has(target.id) || prep.recused.get(p)?.has(t) === true) return "conflict";
  const quals = person.pool === "counted" ? rules.qualifications : rules.expertQualifications;
  for (const q of quals) if (!person.qualifications.has(q)) return "qualifications";
  if (rules.checkRegions && person.regions.length > 0 && target.regionCode !== undefined) {
    if (!person.regions.some((r) => target.regionCode!.startsWith(r))) return "region";
  }
  return null;
}

/** The rules' relationships (recusals as data), each checked for its two ids; issues for the malformed ones. */
export function readRelationships(rules: MatchRules | undefined, issues: Issue[]): { inspectorId: string; entityId: string; index: number }[] {
  const list: unknown = rules?.relationships ?? [];
  if (!Array.isArray(list)) {
    issues.push(issue("match_invalid_rule", { path: "rules.relationships", detail: { zh: "应为列表", en: "expected a list" } }, { path: ["rules", "relationships"] }));
    return [];
  }
  const out: { inspectorId: string; entityId: string; index: number }[] = [];
  list.forEach((rel: unknown, k: number) => {
    const path = ["rules", "relationships", k];
    if (!isObject(rel) || !nonEmptyString(rel.inspectorId) || !nonEmptyString(rel.entityId)) {
      issues.push(issue("match_invalid_rule", { path: pathText(path), detail: { zh: "应为 { inspectorId, entityId, reason }", en: "expected { inspectorId, entityId, reason }" } }, { path }));
    } else out.push({ inspectorId: rel.inspectorId, entityId: rel.entityId, index: k });
  });
  return out;
}

/**
 * Reads the inspector and expert pools (§1): each person validated, an id at most once over both lists; returns the
 * persons in canonical order (§2: counted pool first, then the expert pool, each by id in code point order).
 */
export function readPools(input: { readonly inspectors?: unknown; readonly experts?: unknown }, issues: Issue[]): RawPerson[] {
  const raw: RawPerson[] = [];
  const readList = (list: unknown, field: "inspectors" | "experts", pool: Pool) => {
    if (list === undefined && field === "experts") return;
    if (!Array.isArray(list)) {
      issues.push(typeIssue([field], "array", list));
      return;
    }
    list.forEach((x: unknown, k: number) => {
      const r = readPerson(x, pool, [field, k], issues);
      if (r) raw.push(r);
    });
  };
  readList(input.inspectors, "inspectors", "counted");
  readList(input.experts, "experts", "expert");

  const seen = new Map<string, RawPerson>();
  for (const r of raw) {
    const prev = seen.get(r.person.id);
    if (!prev) {
      seen.set(r.person.id, r);
      continue;
    }
    if (prev.person.department !== r.person.department) {
      issues.push(issue("match_two_departments", { id: r.person.id, first: prev.person.department, second: r.person.department }, { path: r.path }));
    } else {
      issues.push(issue("match_duplicate_person", { id: r.person.id, first: pathText(prev.path), second: pathText(r.path) }, { path: r.path }));
    }
  }
  return [...seen.values()].sort((a, b) =>
    a.pool === b.pool ? compareCodePoints(a.person.id, b.person.id) : a.pool === "counted" ? -1 : 1,
  );
}

/**
 * Validates the whole input and builds everything the engine needs. Issues are pushed onto `issues`;
 * returns null when any of them is an error.
 */
export function prepare(input: MatchInput, late: readonly LateRecusal[], issues: Issue[], rulesOverride?: MatchRules): Prepared | null {
  if (!isObject(input)) {
    issues.push(issue("invalid_argument", { detail: "matchInspectors expects an object" }));
    return null;
  }
  const rawRules = rulesOverride ?? input.rules;
  const rec = readTargets(input.record, issues);
  const rules = readRules(rawRules, issues);
  const sorted = readPools(input, issues);

  const entityById = new Map<string, Record<string, unknown>>();
  if (input.entities !== undefined) {
    if (!Array.isArray(input.entities)) issues.push(typeIssue(["entities"], "array", input.entities));
    else {
      input.entities.forEach((e: unknown, k: number) => {
        if (!isObject(e) || !nonEmptyString(e.id)) issues.push(typeIssue(["entities", k, "id"], "non-empty string", isObject(e) ? e.id : e));
        else entityById.set(e.id, e);
      });
    }
  } else if (rules?.avoidLastInspectors) {
    issues.push(issue("match_entities_required", { rule: "avoidLastInspectors" }));
  }

  const targets: Target[] = [];
  const targetIndex = new Map<string, number>();
  const noRegion: string[] = [];
  if (rec) {
    for (const x of rec.list) {
      if (targetIndex.has(x.id)) {
        issues.push(issue("match_duplicate_target", { path: pathText(x.path), id: x.id }, { path: x.path }));
        continue;
      }
      let regionCode: string | undefined;
      let lastInspectors: Set<string> = new Set();
      if (input.entities !== undefined) {
        const e = entityById.get(x.id);
        if (!e) {
          issues.push(issue("match_target_without_entity", { path: pathText(x.path), id: x.id }, { path: x.path }));
          continue;
        }
        regionCode = typeof e.regionCode === "string" ? e.regionCode : undefined;
        if (rules?.avoidLastInspectors) lastInspectors = lastInspectorsOf(e.inspections);
      }
      if (regionCode === undefined) noRegion.push(x.id);
      targetIndex.set(x.id, targets.length);
      targets.push({ id: x.id, stratum: x.stratum, regionCode, lastInspectors });
    }
  }

  const relationships = readRelationships(rawRules, issues);
  if (issues.some((i) => i.severity === "error") || !rec || !rules) return null;

  const people: Person[] = sorted.map(({ person, pool }) => ({
    id: person.id,
    name: person.name,
    department: person.department,
    credential: person.credential,
    expert: person.expert,
    pool,
    qualifications: person.qualifications,
    regions: person.regions,
    cap: person.loadCap ?? rules.loadCap ?? Number.MAX_SAFE_INTEGER,
    conflicts: person.conflicts,
  }));
  const personIndex = new Map(people.map((p, k) => [p.id, k]));

  const recused = new Map<number, Set<number>>();
  const recuse = (p: number, t: number) => {
    const set = recused.get(p);
    if (set) set.add(t);
    else recused.set(p, new Set([t]));
  };
  relationships.forEach((rel) => {
    const path = ["rules", "relationships", rel.index];
    const p = personIndex.get(rel.inspectorId);
    if (p === undefined) {
      issues.push(issue("match_unknown_inspector", { path: pathText([...path, "inspectorId"]), id: rel.inspectorId }, { path: [...path, "inspectorId"] }));
      return;
    }
    const t = targetIndex.get(rel.entityId);
    if (t !== undefined) recuse(p, t);
  });
  late.forEach((r, k) => {
    const path = ["record", "match", "log", k];
    const p = personIndex.get(r.inspectorId);
    const t = targetIndex.get(r.targetId);
    if (p === undefined) issues.push(issue("match_unknown_inspector", { path: pathText(path), id: r.inspectorId }, { path }));
    else if (t === undefined) issues.push(issue("match_unknown_target", { path: pathText(path), id: r.targetId }, { path }));
    else recuse(p, t);
  });
  if (rules.avoidLastInspectors) {
    targets.forEach((target, t) => {
      for (const id of target.lastInspectors) {
        const p = personIndex.get(id);
        if (p !== undefined) recuse(p, t);
      }
    });
  }
  if (issues.some((i) => i.severity === "error")) return null;

  const warnings: Issue[] = [];
  const exception = rules.legalException;
  if (exception && rules.teamSize < 2) {
    warnings.push(issue("match_legal_exception", { size: rules.teamSize, citation: exception.citation, decidedBy: exception.decidedBy, decidedAt: exception.decidedAt }, { path: ["rules", "legalException"] }));
  }
  if (rules.checkRegions && noRegion.length > 0 && people.some((p) => p.regions.length > 0)) {
    warnings.push(issue("match_region_unknown", { count: noRegion.length, sample: noRegion.slice(0, 3).join("、") }));
  }

  const spec: SlotSpec[] = [];
  let guaranteed = 0;
  for (const [d, c] of rules.departments ?? []) {
    for (let k = 0; k < c; k++) spec.push({ kind: "department", department: d, key: `d:${d}` });
    guaranteed += c;
  }
  for (let k = guaranteed; k < rules.teamSize; k++) spec.push({ kind: "open", department: null, key: "open" });
  for (let k = 0; k < rules.experts; k++) spec.push({ kind: "expert", department: null, key: "expert" });

  const countedPool: number[] = [];
  const expertPool: number[] = [];
  people.forEach((p, k) => (p.pool === "counted" ? countedPool : expertPool).push(k));
  const groups = new Map<string, number[]>();
  for (const s of spec) {
    if (groups.has(s.key)) continue;
    const members =
      s.kind === "expert" ? expertPool
      : s.kind === "open" ? countedPool.filter((p) => !rules.departments || rules.departments.some(([d]) => d === people[p]!.department))
      : countedPool.filter((p) => people[p]!.department === s.department);
    groups.set(s.key, members);
  }

  const T = targets.length;
  const eligible = new Uint8Array(people.length * T);
  // Row by row rather than ineligibility() per pair: 1,000 people × 5,000 targets must stay cheap.
  const regionOk = (person: Person, target: Target) =>
    !rules.checkRegions || person.regions.length === 0 || target.regionCode === undefined || person.regions.some((r) => target.regionCode!.startsWith(r));
  people.forEach((person, p) => {
    if (person.pool === "counted" && (!person.credential || (rules.departments && !rules.departments.some(([d]) => d === person.department)))) return;
    const quals = person.pool === "counted" ? rules.qualifications : rules.expertQualifications;
    if (!quals.every((q) => person.qualifications.has(q))) return;
    const P = people.length;
    const restricted = rules.checkRegions && person.regions.length > 0;
    for (let t = 0; t < T; t++) if (!restricted || regionOk(person, targets[t]!)) eligible[t * P + p] = 1;
    for (const id of person.conflicts) {
      const t = targetIndex.get(id);
      if (t !== undefined) eligible[t * P + p] = 0;
    }
    for (const t of recused.get(p) ?? []) eligible[t * P + p] = 0;
  });

  return {
    taskId: rec.taskId,
    streamSeed: `${rec.seed}/inspectors`,
    rules,
    targets,
    targetIndex,
    people,
    personIndex,
    countedPool,
    expertPool,
    spec,
    groups,
    eligible,
    recused,
    warnings,
  };
}
