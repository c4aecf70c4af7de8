// The seats of a team (match-v1 §3) and who may fill each kind. Internal: never exported from the package.
import { takesPart } from "./eligibility.js";
import type { NormalizedRules, Person, SlotSpec } from "./types.js";

/** The seats of every team, in slot order: one per guaranteed department member, the open seats, the expert seats. */
export function slotSpecs(rules: NormalizedRules): SlotSpec[] {
  const spec: SlotSpec[] = [];
  let guaranteed = 0;
  for (const [d, c] of rules.departments ?? []) {
    for (let k = 0; k < c; k++) spec.push({ kind: "department", department: d, key: `d:${d}` });
    guaranteed += c;
  }
  for (let k = guaranteed; k < rules.teamSize; k++) spec.push({ kind: "open", department: null, key: "open" });
  for (let k = 0; k < rules.experts; k++) spec.push({ kind: "expert", department: null, key: "expert" });
  return spec;
}

/** The person indices of each pool, in the people's (canonical) order. */
export function poolIndices(people: readonly Person[]): { counted: number[]; expert: number[] } {
  const counted: number[] = [];
  const expert: number[] = [];
  people.forEach((p, k) => (p.pool === "counted" ? counted : expert).push(k));
  return { counted, expert };
}

/** Who may fill each slot group (key → person indices in canonical order): experts, any participating officer, or one department's. */
export function slotGroups(
  rules: NormalizedRules,
  spec: readonly SlotSpec[],
  people: readonly Person[],
  pools: { readonly counted: readonly number[]; readonly expert: readonly number[] },
): Map<string, readonly number[]> {
  const groups = new Map<string, readonly number[]>();
  for (const s of spec) {
    if (groups.has(s.key)) continue;
    const members =
      s.kind === "expert" ? pools.expert
      : s.kind === "open" ? pools.counted.filter((p) => takesPart(rules, people[p]!.department))
      : pools.counted.filter((p) => people[p]!.department === s.department);
    groups.set(s.key, members);
  }
  return groups;
}
