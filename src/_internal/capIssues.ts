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
