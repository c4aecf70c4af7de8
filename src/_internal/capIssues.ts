import type { Issue, IssueOptions, Result, Severity } from "../result.js";

/** How many issues one cell reports before the rest are counted instead of listed. */
export const MAX_ISSUES_PER_CELL = 10;

/** An area's issue builder, as far as these functions use it. */
type CappedIssue = (code: "issues_capped", params: { count: number; shown: number }, options: IssueOptions) => Issue;

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * The first `max` issues of one cell, and when there are more, one `issues_capped` counting the rest with the
 * worst severity among them (so a result that fails still fails for a reason the caller can count). A hostile
 * cell of a million characters otherwise yields a hundred thousand issues of the same kind.
 */
export function capIssues(
  list: readonly Issue[],
  issue: CappedIssue,
  where: IssueOptions = {},
  max = MAX_ISSUES_PER_CELL,
): Issue[] {
  if (list.length <= max) return list as Issue[];
  let severity: Severity = "info";
  for (let k = max; k < list.length; k++) if (RANK[(list[k] as Issue).severity] > RANK[severity]) severity = (list[k] as Issue).severity;
  return [...list.slice(0, max), issue("issues_capped", { count: list.length - max, shown: max }, { ...where, severity })];
}

/** {@link capIssues} on a Result's issues or warnings (a one-cell reader's result). */
export function capResult<T>(r: Result<T>, issue: CappedIssue): Result<T> {
  if (r.ok) return r.warnings.length <= MAX_ISSUES_PER_CELL ? r : { ok: true, value: r.value, warnings: capIssues(r.warnings, issue) };
  return r.issues.length <= MAX_ISSUES_PER_CELL ? r : { ok: false, issues: capIssues(r.issues, issue) };
}

/**
 * {@link capIssues} per cell of a table or record: issues are grouped by row and field (or the first two steps of
 * their path: record index and field), in the order the cells first appear; each group keeps its first `max`.
 */
export function capIssuesPerCell(
  list: readonly Issue[],
  issue: CappedIssue,
  max = MAX_ISSUES_PER_CELL,
): Issue[] {
  if (list.length <= max) return list as Issue[];
  const cells = new Map<string, Issue[]>();
  for (const i of list) {
    const k = `${i.row}\u0000${i.field ?? (i.path ?? []).slice(0, 2).join("\u0000")}`;
    const cell = cells.get(k);
    if (cell) cell.push(i);
    else cells.set(k, [i]);
  }
  const out: Issue[] = [];
  for (const cell of cells.values()) {
    const { row, field, path } = cell[0] as Issue;
    const where = { ...(row === undefined ? {} : { row }), ...(field === undefined ? {} : { field }), ...(path === undefined ? {} : { path: path.slice(0, 2) }) };
    for (const i of capIssues(cell, issue, where, max)) out.push(i);
  }
  return out;
}

/** One cell's issues as they are found, capped as {@link capIssues} caps them. */
export interface CellIssues {
  /** How many issues were added, kept or not. */
  readonly count: number;
  /** Adds an issue of `severity`; `make` builds it only when it is kept. */
  add(severity: Severity, make: () => Issue): void;
  /** Adds an issue already built. */
  push(i: Issue): void;
  /** What {@link capIssues} gives for the whole list of issues added, in their order. */
  done(): Issue[];
}

/**
 * {@link capIssues} without the whole list: the first `max` issues are kept, the rest only counted with their worst
 * severity. A cell of a million characters can hold a hundred thousand bad parts: building (two messages each) and
 * holding an issue for each was most of the work, and more so the longer the cell (the garbage collector copying
 * them), for issues that end up counted anyway.
 */
export function cellIssues(issue: CappedIssue, where: IssueOptions = {}, max = MAX_ISSUES_PER_CELL): CellIssues {
  const kept: Issue[] = [];
  let count = 0;
  let severity: Severity = "info";
  const add = (s: Severity, make: () => Issue) => {
    count++;
    if (kept.length < max) kept.push(make());
    else if (RANK[s] > RANK[severity]) severity = s;
  };
  return {
    get count() {
      return count;
    },
    add,
    push: (i) => add(i.severity, () => i),
    done: () => (count <= max ? kept : [...kept, issue("issues_capped", { count: count - max, shown: max }, { ...where, severity })]),
  };
}

/** Never seen: each stands for an issue past the cap of a list that is capped before it leaves (see {@link pushCapped}). */
const STAND_INS: Readonly<Record<Severity, Issue>> = {
  error: Object.freeze({ code: "issues_capped", severity: "error", message: Object.freeze({ zh: "", en: "" }) }),
  warning: Object.freeze({ code: "issues_capped", severity: "warning", message: Object.freeze({ zh: "", en: "" }) }),
  info: Object.freeze({ code: "issues_capped", severity: "info", message: Object.freeze({ zh: "", en: "" }) }),
};

/**
 * Adds an issue of `severity` to one cell's list, built by `make` only while the list holds fewer than `max`; past
 * that, a shared stand-in of the same severity. For lists that leave only through {@link capResult} or
 * {@link capIssues} (after being joined behind other lists, never in front of one): those keep the first `max` and
 * read only the count and severities of the rest, so a stand-in never leaves. A cell of a hundred thousand bad numbers
 * or dates otherwise builds an issue (two messages) for each, to keep ten.
 */
export function pushCapped(list: Issue[], severity: Severity, make: () => Issue, max = MAX_ISSUES_PER_CELL): void {
  list.push(list.length < max ? make() : STAND_INS[severity]);
}
