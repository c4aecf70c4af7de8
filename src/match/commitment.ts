import { canonicalJson, sha256Hex } from "../draw/digest.js";
import { compareCodePoints } from "../draw/order.js";
import type { InspectorInput } from "../model/index.js";
import type { MatchCommitment } from "../model/record.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import { type NormalizedRules, type RawPerson, readPools, readRelationships, readRules } from "./_prepare.js";
import { issue } from "./_issue.js";
import { MATCH_PROTOCOL_VERSION, type MatchRules } from "./types.js";


/** What {@link matchCommitment} reads: the pools and rules that matching will use. @public */
export interface MatchCommitmentInput {
  readonly inspectors: readonly InspectorInput[];
  readonly experts?: readonly InspectorInput[];
  readonly rules?: MatchRules;
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
  };
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
 * `match_leader_department`).
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
  if (typeof input !== "object" || input === null) return fail([issue("invalid_argument", { detail: "matchCommitment expects { inspectors, experts?, rules? }" })]);
  const issues: Issue[] = [];
  const rules = readRules(input.rules, issues);
  const relationships = readRelationships(input.rules, issues);
  const people = readPools(input, issues);
  if (issues.some((i) => i.severity === "error") || !rules) return fail(issues);
  return ok({
    protocol: MATCH_PROTOCOL_VERSION,
    rules: sha256Hex(canonicalJson(rulesForm(rules, relationships))),
    inspectors: sha256Hex(canonicalJson(people.map(personForm))),
  });
}

/**
 * Compares the pools and rules given to matching with the commitment in the record's announcement, if any.
 * Returns `match_commitment_mismatch` per differing part; nothing when the announcement commits to nothing.
 * @internal
 */
export function commitmentIssues(
  record: unknown,
  pools: { readonly inspectors: readonly InspectorInput[]; readonly experts?: readonly InspectorInput[] | undefined },
  rules: MatchRules | undefined,
): Issue[] {
  const announced = announcedCommitment(record);
  if (announced === undefined) return [];
  const a = announced as Partial<MatchCommitment> | null;
  if (typeof a !== "object" || a === null || a.protocol !== MATCH_PROTOCOL_VERSION) {
    return [issue("match_record_invalid", { path: "record.announcement.match", detail: { zh: "选派承诺格式错误", en: "malformed matching commitment" } }, { path: ["record", "announcement", "match"] })];
  }
  const c = matchCommitment({ inspectors: pools.inspectors, ...(pools.experts ? { experts: pools.experts } : {}), ...(rules ? { rules } : {}) });
  if (!c.ok) return [];
  const out: Issue[] = [];
  const names = {
    rules: { zh: "选派规则", en: "matching rules" },
    inspectors: { zh: "执法人员名录库（含专家库）", en: "inspector pools" },
  } as const;
  for (const part of ["rules", "inspectors"] as const) {
    if (a[part] !== c.value[part]) out.push(issue("match_commitment_mismatch", { part: names[part], expected: String(a[part]), found: c.value[part] }, { path: ["record", "announcement", "match", part] }));
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
