// Who may be sent where (match-v1 §4): the one definition of eligibility, read per pair (to explain and to verify)
// and as a matrix (for the engine). Internal: never exported from the package.
import type { Ineligibility, MatchProblem, NormalizedRules, Person, Target } from "./types.js";

/** Whether officers of a department may go: any department when the rules name none. */
export function takesPart(rules: NormalizedRules, department: string): boolean {
  return rules.departments === null || rules.departments.some(([d]) => d === department);
}

/** Why a person may go to no target at all, or null: a counted officer's credential and department, and the pool's qualifications. */
function standing(rules: NormalizedRules, person: Person): "credential" | "department" | "qualifications" | null {
  if (person.pool === "counted") {
    if (!person.credential) return "credential";
    if (!takesPart(rules, person.department)) return "department";
  }
  const quals = person.pool === "counted" ? rules.qualifications : rules.expertQualifications;
  for (const q of quals) if (!person.qualifications.has(q)) return "qualifications";
  return null;
}

/** Whether a person's regions cover a target: a person without regions, or a target without a code, goes anywhere. */
function regionAllows(rules: NormalizedRules, person: Person, target: Target): boolean {
  return !rules.checkRegions || person.regions.length === 0 || target.regionCode === undefined || person.regions.some((r) => target.regionCode!.startsWith(r));
}

/** Whether person p is recused from target t: a declared conflict, or a recusal of the rules or the log. */
function isRecused(recused: MatchProblem["recused"], person: Person, p: number, target: Target, t: number): boolean {
  return recused.get(p)?.has(t) === true || person.conflicts.includes(target.id);
}

/** Why person p may not be sent to target t, or null when eligible: the matrix answers, the predicates name why. */
export function ineligibility(problem: Pick<MatchProblem, "rules" | "recused" | "eligible" | "people">, person: Person, p: number, target: Target, t: number): Ineligibility | null {
  if (problem.eligible[t * problem.people.length + p] === 1) return null;
  const why = standing(problem.rules, person);
  // A recusal is named before missing qualifications: the counts of match_no_eligible are published in this order.
  if (why === "credential" || why === "department") return why;
  if (isRecused(problem.recused, person, p, target, t)) return "conflict";
  if (why !== null) return why;
  return regionAllows(problem.rules, person, target) ? null : "region";
}

/**
 * The eligibility matrix, target-major: `m[t * P + p] = 1` when person p may be sent to target t. The predicates
 * of {@link ineligibility}, applied row by row (recusals by index): 1,000 people × 5,000 targets must stay cheap.
 */
export function eligibilityMatrix(
  rules: NormalizedRules,
  people: readonly Person[],
  targets: readonly Target[],
  targetIndex: ReadonlyMap<string, number>,
  recused: ReadonlyMap<number, ReadonlySet<number>>,
): Uint8Array {
  const P = people.length;
  const T = targets.length;
  const eligible = new Uint8Array(P * T);
  people.forEach((person, p) => {
    if (standing(rules, person) !== null) return;
    const restricted = rules.checkRegions && person.regions.length > 0;
    for (let t = 0; t < T; t++) if (!restricted || regionAllows(rules, person, targets[t]!)) eligible[t * P + p] = 1;
    for (const id of person.conflicts) {
      const t = targetIndex.get(id);
      if (t !== undefined) eligible[t * P + p] = 0;
    }
    for (const t of recused.get(p) ?? []) eligible[t * P + p] = 0;
  });
  return eligible;
}
