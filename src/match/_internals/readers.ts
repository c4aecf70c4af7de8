// The readers of matching input (match-v1 §1): the record's targets, the rules, the two pools, the relationships and
// the entity pool, each validated into plain data or issues. Internal: never exported from the package.
import { regionPrefix } from "../../_internal/region.js";
import { compareCodePoints } from "../../_internal/codePoints.js";
import { DoubleRandomError, type Issue, type Message } from "../../result.js";
import type { LegalException, MatchableRecord, MatchRules } from "../types.js";
import { issue, phrase } from "../_issue.js";
import type { NormalizedRules, Person, Pool, Target } from "./types.js";

/** Throws the coded error of a wrong call when a public function's argument is not an object. */
export function requireObject(value: unknown, call: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new DoubleRandomError("invalid_argument", `${call}: the argument must be an object`);
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
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

/** A record's task id, seed and drawn ids (replacement draws substituted in place), each with its path. */
export interface RecordTargets {
  readonly taskId: string;
  readonly seed: string;
  readonly list: readonly { readonly id: string; readonly stratum: string; readonly path: (string | number)[] }[];
}

/** The targets of a record, replacement draws substituted in place. */
export function readRecord(record: unknown, issues: Issue[]): RecordTargets | null {
  if (!isObject(record)) {
    issues.push(issue("match_record_invalid", { path: "record", detail: phrase("record_not_object") }, { path: ["record"] }));
    return null;
  }
  const r = record as Partial<MatchableRecord> & Record<string, unknown>;
  let bad = false;
  if (!nonEmptyString(r.taskId)) {
    issues.push(issue("match_record_invalid", { path: "record.taskId", detail: phrase("record_task_id_missing") }, { path: ["record", "taskId"] }));
    bad = true;
  }
  if (!nonEmptyString(r.seed)) {
    issues.push(issue("match_record_invalid", { path: "record.seed", detail: phrase("record_seed_missing") }, { path: ["record", "seed"] }));
    bad = true;
  }
  if (!Array.isArray(r.selections)) {
    issues.push(issue("match_record_invalid", { path: "record.selections", detail: phrase("record_selections_missing") }, { path: ["record", "selections"] }));
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
  const bad = (field: string, detail: Message) =>
    issues.push(issue("match_invalid_rule", { path: `rules.${field}`, detail }, { path: ["rules", field] }));
  const count = (field: keyof MatchRules, fallback: number): number => {
    const v = r[field];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      bad(field, phrase("rule_count"));
      return fallback;
    }
    return v;
  };
  const minCredentialed = count("minCredentialed", 2);
  const experts = count("experts", 0);
  let departments: [string, number][] | null = null;
  if (r.departments !== undefined) {
    if (Array.isArray(r.departments)) {
      if (!r.departments.every(nonEmptyString)) bad("departments", phrase("rule_department_names"));
      else departments = [...new Set(r.departments as string[])].map((d) => [d, 1]);
    } else if (isObject(r.departments)) {
      departments = [];
      for (const [d, c] of Object.entries(r.departments)) {
        if (!nonEmptyString(d) || typeof c !== "number" || !Number.isInteger(c) || c < 0) bad("departments", phrase("rule_department_count", { department: d }));
        // A participating department that sends nobody is no joint task (第42条; match-v1 §1).
        else if (c === 0) issues.push(issue("match_department_count_zero", { path: `rules.departments.${d}`, department: d }, { path: ["rules", "departments", d] }));
        else departments.push([d, c]);
      }
    } else bad("departments", phrase("rule_departments_shape"));
    if (departments) {
      if (departments.length === 0 && issues.length === before) bad("departments", phrase("rule_no_department"));
    }
  }
  let initiator: string | null = null;
  if (r.initiator !== undefined) {
    if (!nonEmptyString(r.initiator)) bad("initiator", phrase("rule_department_name"));
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
    if (r[field] !== undefined && !stringArray(r[field])) bad(field, phrase("rule_qualifications"));
  }
  for (const field of ["checkRegions", "avoidLastInspectors"] as const) {
    if (r[field] !== undefined && typeof r[field] !== "boolean") bad(field, phrase("rule_boolean"));
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
    } else bad("leader", phrase("rule_leader_shape"));
    if (teamSize === 0) bad("leader", phrase("rule_leader_needs_member"));
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
function readLegalException(v: unknown, bad: (field: string, detail: Message) => void): LegalException | null {
  if (v === undefined) return null;
  if (!isObject(v) || v.basis !== "law_otherwise_provides" || !nonEmptyString(v.citation) || !nonEmptyString(v.decidedBy) || typeof v.decidedAt !== "string" || !ISO_DATE.test(v.decidedAt) || (v.note !== undefined && typeof v.note !== "string")) {
    bad("legalException", phrase("rule_legal_exception_shape"));
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

/** The rules' relationships (recusals as data), each checked for its two ids; issues for the malformed ones. */
export function readRelationships(rules: MatchRules | undefined, issues: Issue[]): { inspectorId: string; entityId: string; index: number }[] {
  const list: unknown = rules?.relationships ?? [];
  if (!Array.isArray(list)) {
    issues.push(issue("match_invalid_rule", { path: "rules.relationships", detail: phrase("rule_list") }, { path: ["rules", "relationships"] }));
    return [];
  }
  const out: { inspectorId: string; entityId: string; index: number }[] = [];
  list.forEach((rel: unknown, k: number) => {
    const path = ["rules", "relationships", k];
    if (!isObject(rel) || !nonEmptyString(rel.inspectorId) || !nonEmptyString(rel.entityId)) {
      issues.push(issue("match_invalid_rule", { path: pathText(path), detail: phrase("rule_relationship_shape") }, { path }));
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
 * The entity pool, by id (objects with a non-empty id), or undefined when none is given; `avoidLastInspectors`
 * needs one.
 */
export function readEntityPool(entities: unknown, rules: NormalizedRules | null, issues: Issue[]): Map<string, Record<string, unknown>> | undefined {
  if (entities === undefined) {
    if (rules?.avoidLastInspectors) issues.push(issue("match_entities_required", { rule: "avoidLastInspectors" }));
    return undefined;
  }
  const byId = new Map<string, Record<string, unknown>>();
  if (!Array.isArray(entities)) issues.push(typeIssue(["entities"], "array", entities));
  else {
    entities.forEach((e: unknown, k: number) => {
      if (!isObject(e) || !nonEmptyString(e.id)) issues.push(typeIssue(["entities", k, "id"], "non-empty string", isObject(e) ? e.id : e));
      else byId.set(e.id, e);
    });
  }
  return byId;
}

/**
 * The record's targets in record order, each id once, with the attributes matching reads from the entity pool
 * (region code; the last inspectors when the rules avoid them); `noRegion` lists the targets without a region code.
 */
export function readTargets(
  record: RecordTargets | null,
  entities: ReadonlyMap<string, Record<string, unknown>> | undefined,
  rules: NormalizedRules | null,
  issues: Issue[],
): { targets: Target[]; targetIndex: Map<string, number>; noRegion: string[] } {
  const targets: Target[] = [];
  const targetIndex = new Map<string, number>();
  const noRegion: string[] = [];
  for (const x of record?.list ?? []) {
    if (targetIndex.has(x.id)) {
      issues.push(issue("match_duplicate_target", { path: pathText(x.path), id: x.id }, { path: x.path }));
      continue;
    }
    let regionCode: string | undefined;
    let lastInspectors: Set<string> = new Set();
    if (entities !== undefined) {
      const e = entities.get(x.id);
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
  return { targets, targetIndex, noRegion };
}
