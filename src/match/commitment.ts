import { canonicalJson, sha256Hex } from "../draw/digest.js";
import { compareCodePoints } from "../_internal/codePoints.js";
import type { Entity, EntityInput, InspectorInput } from "../model/index.js";
import type { MatchCommitment } from "../model/record.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import { type RawPerson, readPools, requireObject, readRelationships, readRules } from "./_internals/readers.js";
import type { NormalizedRules } from "./_internals/types.js";
import { issue, phrase } from "./_issue.js";
import { MATCH_PROTOCOL_VERSION, type MatchRules } from "./types.js";


/**
 * What {@link matchCommitment} reads: the pools and rules that matching will use and, optionally, the entity pool
 * whose attributes matching reads (region code, past inspections) with a secret salt (at least 16 characters; the
 * draw's manifest salt will do), so that those attributes are fixed before the entropy too.
 * @public
 */
export interface MatchCommitmentInput {
  readonly inspectors: readonly InspectorInput[];
  readonly experts?: readonly InspectorInput[];
  readonly rules?: MatchRules;
  readonly entities?: readonly (Entity | EntityInput)[];
  readonly salt?: string;
}

// Code point order; without surrogates it is the engine's own (UTF-16) string order, which sorts far faster.
const SURROGATE = /[\uD800-\uDFFF]/;
function sortedDistinct(xs: Iterable<string>): string[] {
  const out = [...new Set(xs)];
  return out.some((s) => SURROGATE.test(s)) ? out.sort(compareCodePoints) : out.sort();
}

/** The normalized rules as committed (§8.1): every default applied, lists sorted, relationships as id pairs. */
function rulesForm(rules: NormalizedRules, relationships: readonly { inspectorId: string; entityId: string }[]): unknown {
  const pairs = new Map<string, [string, string]>();
  for (const r of relationships) pairs.set(`${r.inspectorId}\u0000${r.entityId}`, [r.inspectorId, r.entityId]);
  return {
    teamSize: rules.teamSize,
    departments: rules.departments === null ? null : rules.departments.map(([d, c]) => [d, c]),
    qualifications: sortedDistinct(rules.qualifications),
    experts: rules.experts,
    expertQualifications: sortedDistinct(rules.expertQualifications),
    checkRegions: rules.checkRegions,
    avoidLastInspectors: rules.avoidLastInspectors,
    loadCap: rules.loadCap,
    leader: rules.leader === null ? null : { department: rules.leader.department },
    relationships: [...pairs.values()].sort((a, b) => compareCodePoints(a[0], b[0]) || compareCodePoints(a[1], b[1])),
    // Present only when given, so that rules without them keep their v1 digests.
    ...(rules.initiator === null ? {} : { initiator: rules.initiator }),
    ...(rules.legalException === null ? {} : { legalException: rules.legalException }),
  };
}

/**
 * The entity attributes matching reads, as committed (§8.1): per entity in code point order of id, its region code
 * (null when absent) and its inspections `[date, inspectorIds distinct in code point order]` sorted by date, then by
 * the ids' canonical JSON; the salt first so nobody can test guesses of a region or an inspector against the digest.
 */
export function entitiesForm(entities: readonly unknown[], salt: string): unknown {
  const rows = entities.map((e) => {
    const x = e as { id: string; regionCode?: unknown; inspections?: unknown };
    const list = Array.isArray(x.inspections) ? (x.inspections as unknown[]) : [];
    const inspections = list
      .filter((i): i is { date: string; inspectorIds?: unknown } => typeof i === "object" && i !== null && typeof (i as { date?: unknown }).date === "string")
      .map((i) => [i.date, sortedDistinct(Array.isArray(i.inspectorIds) ? i.inspectorIds.filter((v): v is string => typeof v === "string") : [])] as const)
      .map((pair) => ({ pair, key: canonicalJson(pair) }))
      .sort((a, b) => compareCodePoints(a.pair[0], b.pair[0]) || compareCodePoints(a.key, b.key))
      .map((r) => r.pair);
    return { id: x.id, regionCode: typeof x.regionCode === "string" ? x.regionCode : null, inspections };
  });
  rows.sort((a, b) => compareCodePoints(a.id, b.id));
  return { salt, entities: rows };
}

/** Departments the rules send that no credentialed officer of the counted pool belongs to. */
function missingDepartments(rules: NormalizedRules, people: readonly RawPerson[]): string[] {
  const present = new Set(people.filter((r) => r.pool === "counted" && r.person.credential).map((r) => r.person.department));
  const named = new Set<string>([...(rules.departments ?? []).map(([d]) => d), ...(rules.leader?.department ? [rules.leader.department] : [])]);
  return [...named].filter((d) => !present.has(d));
}

/** Validates the entity pool for the commitment: objects with a non-empty id, each id once. */
function readEntities(entities: unknown, salt: unknown, issues: Issue[]): readonly unknown[] | null {
  if (entities === undefined) return null;
  if (typeof salt !== "string" || salt.length < 16) {
    issues.push(issue("invalid_argument", { detail: "entities need a salt of 16+ characters" }, { path: ["salt"] }));
    return null;
  }
  if (!Array.isArray(entities)) {
    issues.push(issue("invalid_type", { path: "entities", expected: "array", received: typeof entities }, { path: ["entities"] }));
    return null;
  }
  const seen = new Map<string, number>();
  entities.forEach((e: unknown, k: number) => {
    const id = typeof e === "object" && e !== null ? (e as { id?: unknown }).id : undefined;
    if (typeof id !== "string" || id.length === 0) issues.push(issue("invalid_type", { path: `entities.${k}.id`, expected: "non-empty string", received: typeof id }, { path: ["entities", k, "id"] }));
    else if (seen.has(id)) issues.push(issue("duplicate_entity_id", { id, first: seen.get(id)! + 1, second: k + 1 }, { path: ["entities", k, "id"] }));
    else seen.set(id, k);
  });
  return entities;
}

/** One person as committed (§8.1): what matching reads, defaults applied, sets as sorted lists. */
function personForm({ person, pool }: RawPerson): unknown {
  return {
    id: person.id,
    name: person.name,
    department: person.department,
    credential: person.credential,
    expert: person.expert,
    pool,
    qualifications: sortedDistinct(person.qualifications),
    regions: sortedDistinct(person.regions),
    loadCap: person.loadCap ?? null,
    conflicts: sortedDistinct(person.conflicts),
  };
}

/**
 * Computes the commitment to the second random's rules and pools (match-v1 §8.1), to be announced with the draw
 * (`announce({ …, match })`) so that the roster cannot be changed once the seed is known: {@link matchInspectors}
 * then refuses other rules or pools, and {@link verifyMatch} reports a record whose pools or rules differ. The same pools in any order give the same digests;
 * any change that matching could see (a person added or removed, a department, a qualification, a region, a cap,
 * a conflict, a rule) changes them.
 *
 * @returns the commitment, or the same validation issues as {@link matchInspectors} gives for the pools and rules
 * (`invalid_type`, `match_duplicate_person`, `match_two_departments`, `match_negative_cap`, `match_invalid_rule`,
 * `match_leader_department`, `match_department_not_in_roster`; `invalid_argument`, `invalid_type` and `duplicate_entity_id` for the entity pool and salt).
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `input` is not an object (a wrong call).
 * @example
 * ```ts
 * const a = matchCommitment({ inspectors: [{ id: "A", name: "甲", department: "市场监管局" }, { id: "B", name: "乙", department: "市场监管局" }] });
 * const b = matchCommitment({ inspectors: [{ id: "B", name: "乙", department: "市场监管局" }, { id: "A", name: "甲", department: "市场监管局", credential: true }] });
 * a.ok && b.ok && a.value.inspectors === b.value.inspectors
 * //=> true
 * ```
 * @public
 */
export function matchCommitment(input: MatchCommitmentInput): Result<MatchCommitment> {
  requireObject(input, "matchCommitment({ inspectors, experts?, rules?, entities?, salt? })");
  return digests(input, true);
}

function digests(input: MatchCommitmentInput, refuseAbsentDepartments: boolean): Result<MatchCommitment> {
  const issues: Issue[] = [];
  const rules = readRules(input.rules, issues);
  const relationships = readRelationships(input.rules, issues);
  const people = readPools(input, issues);
  const entities = readEntities(input.entities, input.salt, issues);
  // A department nobody in the roster belongs to fails at matching, after publication: refuse it now.
  if (rules && refuseAbsentDepartments) for (const department of missingDepartments(rules, people)) issues.push(issue("match_department_not_in_roster", { department }, { path: ["rules", "departments"] }));
  if (issues.some((i) => i.severity === "error") || !rules) return fail(issues);
  return ok({
    protocol: MATCH_PROTOCOL_VERSION,
    rules: sha256Hex(canonicalJson(rulesForm(rules, relationships))),
    inspectors: sha256Hex(canonicalJson(people.map(personForm))),
    ...(entities === null ? {} : { entities: sha256Hex(canonicalJson(entitiesForm(entities, input.salt as string))) }),
  });
}

/**
 * Compares the pools and rules given to matching with the commitment in the record's announcement, if any.
 * Returns `match_commitment_mismatch` per differing part; nothing when the announcement commits to nothing.
 * @internal
 */
export function commitmentIssues(
  record: unknown,
  pools: {
    readonly inspectors: readonly InspectorInput[];
    readonly experts?: readonly InspectorInput[] | undefined;
    readonly entities?: readonly (Entity | EntityInput)[] | undefined;
    readonly salt?: string | undefined;
  },
  rules: MatchRules | undefined,
): Issue[] {
  const announced = announcedCommitment(record);
  if (announced === undefined) return [];
  const a = announced as Partial<MatchCommitment> | null;
  if (typeof a !== "object" || a === null || a.protocol !== MATCH_PROTOCOL_VERSION) {
    return [issue("match_record_invalid", { path: "record.announcement.match", detail: phrase("commitment_malformed") }, { path: ["record", "announcement", "match"] })];
  }
  // The entity attributes are compared only when committed; without the salt they cannot be.
  const withEntities = a.entities !== undefined && pools.entities !== undefined && typeof pools.salt === "string" && pools.salt.length >= 16;
  const c = digests({
    inspectors: pools.inspectors,
    ...(pools.experts ? { experts: pools.experts } : {}),
    ...(rules ? { rules } : {}),
    ...(withEntities ? { entities: pools.entities, salt: pools.salt } : {}),
  }, false);
  if (!c.ok) return [...c.issues];
  const out: Issue[] = [];
  const names = { rules: phrase("part_rules"), inspectors: phrase("part_inspectors"), entities: phrase("part_entities") };
  for (const part of ["rules", "inspectors", "entities"] as const) {
    if (part === "entities" && a.entities === undefined) {
      // Matching read attributes nobody committed to: say so, it cannot be checked.
      if (pools.entities !== undefined) out.push(issue("match_entities_not_committed", {}, { path: ["record", "announcement", "match"] }));
      continue;
    }
    if (a[part] === c.value[part]) continue;
    const found = c.value[part] ?? (pools.entities === undefined ? "-(entities)" : "-(salt)");
    out.push(issue("match_commitment_mismatch", { part: names[part], expected: String(a[part]), found }, { path: ["record", "announcement", "match", part] }));
  }
  return out;
}

/**
 * Whether a record's announcement commits to the matching (match-v1 §8.1).
 * @internal
 */
export function isCommitted(record: unknown): boolean {
  return announcedCommitment(record) !== undefined;
}

function announcedCommitment(record: unknown): unknown {
  return (record as { announcement?: { match?: unknown } } | null)?.announcement?.match;
}
