// Why no lawful teams exist (match-v1 §7): repair failures as min-cuts in department terms. Internal: never
// exported from the package.
import type { Issue } from "../../result.js";
import { issue } from "../_issue.js";
import type { Assignment, Failure } from "./assignment.js";
import { ineligibility } from "./eligibility.js";
import type { Ineligibility, MatchProblem } from "./types.js";

const groupLabel = (problem: MatchProblem, key: string): { zh: string; en: string } => {
  if (key === "expert") return { zh: "专家", en: "experts" };
  if (key === "open") return problem.rules.departments ? { zh: "任一参与部门执法人员", en: "inspectors of any participating department" } : { zh: "执法人员", en: "inspectors" };
  const d = key.slice(2);
  return { zh: `${d}执法人员`, en: `inspectors of ${d}` };
};

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
    const qualText = quals.length > 0 ? `（${quals.join("、")}）` : "";
    if (people.size === 0) {
      const pool = problem.groups.get(key0)!;
      const label = groupLabel(problem, key0);
      const group = { zh: `${label.zh}${qualText}`, en: `${label.en}${quals.length > 0 ? ` (${quals.join(", ")})` : ""}` };
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
    const groups = [...byGroup].map(([key, n]) => {
      const l = groupLabel(problem, key);
      return { zh: `${l.zh}${key === key0 ? qualText : ""}×${n}`, en: `${l.en}×${n}` };
    });
    const ids = [...targets].slice(0, 5).map((t) => problem.targets[t]!.id);
    const sample = { zh: ids.join("、"), en: ids.join(", ") };
    issues.push(
      issue("match_infeasible", {
        targets: targets.size,
        sample,
        slots: g.reach.size,
        groups: { zh: groups.map((x) => x.zh).join("、"), en: groups.map((x) => x.en).join(", ") },
        people: people.size,
        capacity: g.reach.size - g.missing,
        missing: g.missing,
      }, {
        hint: {
          zh: "可增加上述部门符合条件的执法人员、提高工作量上限，或将检查对象分批检查",
          en: "Add eligible inspectors of these departments, raise the workload caps, or split the targets into batches",
        },
      }),
    );
  }
  return issues;
}

