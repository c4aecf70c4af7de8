// The matching problem built from the input (match-v1 §1–§4): read, checked, put in canonical order, with its
// slots and its eligibility matrix. Internal: never exported from the package.
import { type Issue } from "../../result.js";
import type { MatchInput, MatchRules } from "../types.js";
import { issue } from "../_issue.js";
import { eligibilityMatrix } from "./eligibility.js";
import { readEntityPool, readPools, readRecord, readRelationships, readRules, readTargets } from "./readers.js";
import { poolIndices, slotGroups, slotSpecs } from "./slots.js";
import type { LateRecusal, MatchProblem, Person } from "./types.js";

const pathText = (path: readonly (string | number)[]): string => path.map(String).join(".");

/**
 * Validates the whole input and builds everything the engine needs. Issues are pushed onto `issues`;
 * returns null when any of them is an error. `late` are the recusals of the record's log; `rulesOverride`, the
 * published rules a verification re-runs with.
 */
export function buildProblem(input: MatchInput, late: readonly LateRecusal[], issues: Issue[], rulesOverride?: MatchRules): MatchProblem | null {
  const rawRules = rulesOverride ?? input.rules;
  const rec = readRecord(input.record, issues);
  const rules = readRules(rawRules, issues);
  const sorted = readPools(input, issues);
  const entities = readEntityPool(input.entities, rules, issues);
  const { targets, targetIndex, noRegion } = readTargets(rec, entities, rules, issues);
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

  // Recusals besides each person's declared conflicts: relationships, last inspectors, the log.
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

  const spec = slotSpecs(rules);
  const pools = poolIndices(people);
  return {
    taskId: rec.taskId,
    streamSeed: `${rec.seed}/inspectors`,
    rules,
    targets,
    targetIndex,
    people,
    personIndex,
    countedPool: pools.counted,
    expertPool: pools.expert,
    spec,
    groups: slotGroups(rules, spec, people, pools),
    eligible: eligibilityMatrix(rules, people, targets, targetIndex, recused),
    recused,
    warnings,
  };
}
