// Why no lawful teams exist (match-v1 §7): repair failures as min-cuts in department terms. Internal: never
// exported from the package.
import type { Issue, Message } from "../../result.js";
import { listText } from "../../messages/render.js";
import { issue, phrase } from "../_issue.js";
import type { Assignment, Failure } from "./assignment.js";
import { ineligibility } from "./eligibility.js";
import type { Ineligibility, MatchProblem } from "./types.js";

/** The name of a slot group ("d:<department>", "open", "expert"), with the qualifications it needs when given. */
function groupName(problem: MatchProblem, key: string, qualifications: readonly string[]): Message {
  const name =
    key === "expert" ? phrase("group_experts")
    : key === "open" ? phrase(problem.rules.departments ? "group_any_department" : "group_inspectors")
    : phrase("group_department", { department: key.slice(2) });
  return qualifications.length > 0 ? phrase("group_qualified", { group: name, qualifications: listText(qualifications) }) : name;
}

/** Turns repair failures into issues a department can act on (min-cut in department terms). */
export function explainFailures(state: Assignment, failures: readonly Failure[]): Issue[] {
  const { problem, K } = state;
  const issues: Issue[] = [];
  // Failures whose reachable sets meet form one cut: merge them; missing = empty slots inside it.
  let groupsOut: { reach: Set<number>; missing: number; slot: number }[] = [];
  for (const f of failures) {
    const g = { reach: new Set(f.reach), missing: f.missing ?? 1, slot: f.slot };
    const keep: typeof groupsOut = [];
    for (const h of groupsOut) {
      if ([...h.reach].some((s) => g.reach.has(s))) {
        for (const s of h.reach) g.reach.add(s);
        g.missing += h.missing;
        g.slot = h.slot;
      } else keep.push(h);
    }
    keep.push(g);
    groupsOut = keep;
  }
  const emptyGroups = new Set<string>();
  for (const g of groupsOut) {
    const t0 = Math.floor(g.slot / K);
    const key0 = problem.spec[g.slot % K]!.key;
    const people = new Set<number>();
    const targets = new Set<number>();
    const byGroup = new Map<string, number>();
    for (const s of g.reach) {
      const t = Math.floor(s / K);
      const key = problem.spec[s % K]!.key;
      targets.add(t);
      byGroup.set(key, (byGroup.get(key) ?? 0) + 1);
      for (const p of problem.groups.get(key)!) if (state.eligible(p, t)) people.add(p);
    }
    const quals = key0 === "expert" ? problem.rules.expertQualifications : problem.rules.qualifications;
    if (people.size === 0) {
      const pool = problem.groups.get(key0)!;
      const group = groupName(problem, key0, quals);
      if (pool.length === 0) {
        // Nobody of this group in the pools at all: one issue for the task, not one per target.
        if (!emptyGroups.has(key0)) {
          emptyGroups.add(key0);
          issues.push(issue("match_group_empty", { group, targets: problem.targets.length }));
        }
        continue;
      }
      const counts: Record<Ineligibility, number> = { conflict: 0, qualifications: 0, region: 0, credential: 0, department: 0, pool: 0 };
      for (const p of pool) {
        const why = ineligibility(problem, problem.people[p]!, p, problem.targets[t0]!, t0);
        if (why) counts[why] += 1;
      }
      issues.push(
        issue("match_no_eligible", {
          target: problem.targets[t0]!.id,
          need: problem.spec.filter((s) => s.key === key0).length,
          group,
          pool: pool.length,
          conflicts: counts.conflict,
          qualifications: counts.qualifications,
          regions: counts.region,
          credential: counts.credential,
        }),
      );
      continue;
    }
    const groups = [...byGroup].map(([key, n]) => phrase("group_count", { group: groupName(problem, key, key === key0 ? quals : []), count: n }));
    const sample = listText([...targets].slice(0, 5).map((t) => problem.targets[t]!.id));
    issues.push(
      issue("match_infeasible", {
        targets: targets.size,
        sample,
        slots: g.reach.size,
        groups: listText(groups),
        people: people.size,
        capacity: g.reach.size - g.missing,
        missing: g.missing,
      }, {
        hint: phrase("infeasible_hint"),
      }),
    );
  }
  return issues;
}

