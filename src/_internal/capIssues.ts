import type { Issue, IssueOptions, IssueParams, Result, Severity } from "../result.js";

/** How many issues one cell reports before the rest are counted instead of listed. */
export const MAX_ISSUES_PER_CELL = 10;

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * The first `max` issues of one cell, and when there are more, one `issues_capped` counting the rest with the
 * worst severity among them (so a result that fails still fails for a reason the caller can count). A hostile
 * cell of a million characters otherwise yields a hundred thousand issues of the same kind.
 */
export function capIssues(
  list: readonly Issue[],
  issue: (code: "issues_capped", params: IssueParams, options: IssueOptions) => Issue,
  where: IssueOptions = {},
  max = MAX_ISSUES_PER_CELL,
): Issue[] {
  if (list.length <= max) return list as Issue[];
  let severity: Severity = "info";
  for (let k = max; k < list.length; k++) if (RANK[(list[k] as Issue).severity] > RANK[severity]) severity = (list[k] as Issue).severity;
  return [...list.slice(0, max), issue("issues_capped", { count: list.length - max, shown: max }, { ...where, severity })];
}

/** {@link capIssues} on a Result's issues or warnings (a one-cell reader's result). */
export function capResult<T>(r: Result<T>, issue: (code: "issues_capped", params: IssueParams, options: IssueOptions) => Issue): Result<T> {
  if (r.ok) return r.warnings.length <= MAX_ISSUES_PER_CELL ? r : { ok: true, value: r.value, warnings: capIssues(r.warnings, issue) };
  return r.issues.length <= MAX_ISSUES_PER_CELL ? r : { ok: false, issues: capIssues(r.issues, issue) };
}

/**
 * {@link capIssues} per cell of a table or record: issues are grouped by row and field (or the first two steps of
 * their path: record index and field), each group keeps its first `max` in place and ends with one `issues_capped`.
 */
export function capIssuesPerCell(
  list: readonly Issue[],
  issue: (code: "issues_capped", params: IssueParams, options: IssueOptions) => Issue,
  max = MAX_ISSUES_PER_CELL,
): Issue[] {
  if (list.length <= max) return list as Issue[];
  const keyOf = (i: Issue) => `${i.row ?? ""}\u0000${i.field ?? (i.path ?? []).slice(0, 2).join("\u0000")}`;
  const seen = new Map<string, { count: number; severity: Severity; last: Issue }>();
  const out: Issue[] = [];
  for (const i of list) {
    const k = keyOf(i);
    const g = seen.get(k) ?? { count: 0, severity: "info" as Severity, last: i };
    seen.set(k, g);
    g.count++;
    if (g.count <= max) out.push(i);
    else if (RANK[i.severity] > RANK[g.severity]) g.severity = i.severity;
    g.last = i;
  }
  for (const g of seen.values()) {
    if (g.count <= max) continue;
    const { row, field, path } = g.last;
    out.push(issue("issues_capped", { count: g.count - max, shown: max }, { severity: g.severity, ...(row === undefined ? {} : { row }), ...(field === undefined ? {} : { field }), ...(path === undefined ? {} : { path: path.slice(0, 2) }) }));
  }
  return out;
}
