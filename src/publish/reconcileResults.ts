import { addWorkingDays } from "../calendar/addWorkingDays.js";
import { publicationDeadline } from "../calendar/publicationDeadline.js";
import type { WorkdayCalendar } from "../calendar/workdayCalendar.js";
import type { MatchSection } from "../match/types.js";
import { type InspectionResult, parseInspectionResult, type ResultCategory, resultCategoryLabels, resultCategoryOf } from "../model/result.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue } from "./_issue.js";

/**
 * The part of a draw record that reconciliation reads: the task, the selections, the replacement draws (补抽) and, when
 * inspectors were matched, the matching section (match-v1) with its teams and its 递补 log. A `DrawRecord` is one.
 * @public
 */
export interface ResultsRecord {
  readonly taskId: string;
  readonly announcement: { readonly digest: string };
  readonly selections: readonly { readonly id: string; readonly stratum: string }[];
  readonly replacements: readonly { readonly replaces: string; readonly reason: string; readonly id: string }[];
  readonly match?: unknown;
}

/**
 * Options of {@link reconcileResults}.
 * @public
 */
export interface ReconcileOptions {
  /** The task's (or batch's) inspection window: dates outside it are reported; its end starts the 公示 deadline. */
  readonly window?: { readonly start: string; readonly end: string };
  /** Working days to enter and publish results (default 20, 《企业信息公示暂行条例》第六条). */
  readonly workingDays?: number;
  /** Working days to decide a 经营异常名录 listing after verification (default 10, 《企业经营异常名录管理暂行办法》). */
  readonly abnormalListWorkingDays?: number;
  /** Working-day calendar (default: the bundled holiday calendar). */
  readonly calendar?: WorkdayCalendar;
}

/**
 * One drawn target after replacements, with its result (if any) and the 公示 deadline that applies to it.
 * @public
 */
export interface ReconciledTarget {
  readonly id: string;
  readonly stratum: string;
  readonly result: InspectionResult | null;
  /** Last day the result may be entered and published (null when it cannot be computed). */
  readonly deadline: string | null;
  /** Whether the result was entered by the deadline (null when unknown: no result, no entry date or no deadline). */
  readonly onTime: boolean | null;
}

/**
 * A 补抽 with the category that justified it (from the replaced entity's result, or read from the logged reason).
 * @public
 */
export interface ReconciledReplacement {
  readonly replaces: string;
  readonly id: string;
  readonly reason: string;
  readonly category: ResultCategory | null;
}

/**
 * The outcome of {@link reconcileResults}.
 * @public
 */
export interface Reconciliation {
  readonly taskId: string;
  /** The drawn set after replacements, in the record's selection order. */
  readonly targets: readonly ReconciledTarget[];
  readonly replacements: readonly ReconciledReplacement[];
  /** Results of replaced entities (the evidence for the 补抽); not part of the published list. */
  readonly replacedResults: readonly InspectionResult[];
  /** Number of 经营异常名录 listings among the targets' results, and how many were decided late. */
  readonly abnormalListed: number;
  readonly abnormalListLate: number;
}

/** Replacement reasons as written in records ("无法联系（经营场所已关闭）"): the first category named wins. */
const REASON_WORDS: readonly [RegExp, ResultCategory][] = [
  [/无法联系|失联/, "unreachable"], [/注销/, "deregistered"], [/吊销/, "revoked"], [/迁出/, "moved_out"], [/停业|清算|关闭|歇业/, "closed"],
];
function categoryOfReason(reason: string): ResultCategory | undefined {
  return resultCategoryOf(reason) ?? REASON_WORDS.find(([re]) => re.test(reason))?.[1];
}

function matchSectionOf(record: ResultsRecord): MatchSection | null {
  const m = record.match as Partial<MatchSection> | undefined;
  return m && typeof m === "object" && Array.isArray(m.teams) && Array.isArray(m.log) ? (m as MatchSection) : null;
}

/** The drawn set after replacements (each replacement takes its replaced entity's place), in selection order. @internal */
export function targetsOf(record: ResultsRecord): { id: string; stratum: string }[] {
  const next = new Map(record.replacements.map((r) => [r.replaces, r.id]));
  return record.selections.map((s) => {
    let id = s.id;
    const seen = new Set<string>();
    while (next.has(id) && !seen.has(id)) {
      seen.add(id);
      id = next.get(id)!;
    }
    return { id, stratum: s.stratum };
  });
}

const lastDate = (r: InspectionResult) => [...r.inspectionDates].sort().at(-1)!;
const list = (ids: readonly string[]) => ({ zh: ids.map((x) => `“${x}”`).join("、"), en: ids.map((x) => `"${x}"`).join(", ") });

/**
 * Reconciles inspection results with the draw record (一公开 before publication): every target of the draw after its
 * replacements has exactly one result, no entity was inspected without being drawn, each 补抽 is justified by the
 * replaced entity's result (or its logged reason), each team is the matched team or a logged 递补, dates lie in the
 * task window, results were entered within 20 working days of the window's end (《企业信息公示暂行条例》第六条; 晋城 2023:
 * "在每一批次检查任务结束之日起20个工作日内…完成检查结果的录入和公示"; without a window, from each result's
 * `concludedOn`), and 经营异常名录 decisions came within 10 working days of verification.
 *
 * @param record - the draw record (with its matching section, when teams are to be checked).
 * @param results - the results, as values or inputs (zh labels accepted for the category and methods).
 * @returns the reconciliation, or every issue: `result_missing`, `result_not_drawn`, `result_duplicate`,
 * `result_task_mismatch`, `replacement_unjustified`, `result_team_mismatch`, `result_team_recused`,
 * `result_date_outside_window`, `result_entered_late`, `abnormal_list_late`; warnings `replacement_reason_unknown`,
 * `result_team_missing`, `result_team_incomplete`, `result_team_unmatched_target`, `result_entry_date_missing`,
 * `abnormal_list_expected`, `follow_up_expected`; info `result_team_not_checked`, `result_window_missing`.
 * @example
 * ```ts
 * const record = { taskId: "T1", announcement: { digest: "a".repeat(64) }, selections: [{ id: "E1", stratum: "all" }, { id: "E2", stratum: "all" }],
 *   replacements: [{ replaces: "E2", reason: "已注销", id: "E3" }] };
 * const results = [{ taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"], category: "未发现问题" },
 *   { taskId: "T1", entityId: "E4", entityName: "丁", inspectionDates: ["2023-06-02"], category: "未发现问题" }];
 * const r = reconcileResults(record, results);
 * r.ok ? [] : r.issues.filter((i) => i.severity === "error").map((i) => i.code)
 * //=> ["result_not_drawn", "result_missing"]
 * ```
 * @public
 */
export function reconcileResults(record: ResultsRecord, results: readonly unknown[], options: ReconcileOptions = {}): Result<Reconciliation> {
  if (!record || typeof record !== "object" || !Array.isArray(record.selections) || !Array.isArray(record.replacements)) {
    return fail([issue("invalid_argument", { detail: "record must be a draw record (selections, replacements)" })]);
  }
  if (!Array.isArray(results)) return fail([issue("invalid_argument", { detail: "results must be an array" })]);
  const issues: Issue[] = [];
  const calendar = options.calendar ? { calendar: options.calendar } : {};

  const parsed: InspectionResult[] = [];
  results.forEach((input, k) => {
    const r = parseInspectionResult(input, ["results", k]);
    if (r.ok) parsed.push(r.value);
    else for (const i of r.issues) issues.push(i);
  });

  const targets = targetsOf(record);
  const targetIds = new Set(targets.map((t) => t.id));
  const replacedIds = new Set(record.replacements.map((r) => r.replaces));
  const drawnEver = new Set([...record.selections.map((s) => s.id), ...record.replacements.map((r) => r.id)]);
  const byId = new Map<string, InspectionResult[]>();
  for (const r of parsed) {
    if (r.taskId !== record.taskId) issues.push(issue("result_task_mismatch", { id: r.entityId, taskId: r.taskId, recordTask: record.taskId }));
    if (!drawnEver.has(r.entityId)) {
      issues.push(issue("result_not_drawn", { id: r.entityId }));
      continue;
    }
    byId.set(r.entityId, [...(byId.get(r.entityId) ?? []), r]);
  }
  for (const [id, rs] of byId) if (rs.length > 1) issues.push(issue("result_duplicate", { id, count: rs.length }));
  for (const t of targets) if (!byId.has(t.id)) issues.push(issue("result_missing", { id: t.id }));

  // 补抽 must be justified by what was found at the replaced entity.
  const replacements: ReconciledReplacement[] = record.replacements.map((rep) => {
    const evidence = byId.get(rep.replaces)?.[0];
    const category = evidence?.category ?? categoryOfReason(rep.reason) ?? null;
    if (category === null) issues.push(issue("replacement_reason_unknown", { id: rep.replaces, reason: rep.reason }));
    else if (!resultCategoryLabels[category].justifiesReplacement) {
      issues.push(issue("replacement_unjustified", { id: rep.replaces, category: { zh: resultCategoryLabels[category].zh, en: resultCategoryLabels[category].en } }));
    }
    return { replaces: rep.replaces, id: rep.id, reason: rep.reason, category };
  });

  // Teams: the matched team (after every logged 递补) is who may inspect.
  const section = record.match === undefined ? null : matchSectionOf(record);
  if (!section) issues.push(issue("result_team_not_checked"));
  const teams = new Map((section?.teams ?? []).map((t) => [t.targetId, t]));

  let windowDeadline: string | null = null;
  if (options.window) {
    const d = publicationDeadline(options.window.end, { ...calendar, ...(options.workingDays ? { workingDays: options.workingDays } : {}) });
    if (d.ok) windowDeadline = d.value.deadline;
    else for (const i of d.issues) issues.push(i);
  } else issues.push(issue("result_window_missing"));

  let abnormalListed = 0;
  let abnormalListLate = 0;
  const out: ReconciledTarget[] = targets.map((t) => {
    const r = byId.get(t.id)?.[0] ?? null;
    if (!r) return { ...t, result: null, deadline: windowDeadline, onTime: null };
    const id = r.entityId;
    if (section) {
      const team = teams.get(id);
      if (!team) issues.push(issue("result_team_unmatched_target", { id }, { path: ["match", "teams"] }));
      else if (r.teamIds.length === 0) issues.push(issue("result_team_missing", { id }));
      else {
        const allowed = new Set([...team.members, ...team.experts].map((m) => m.id));
        const recused = new Set(section.log.filter((e) => e.targetId === id).map((e) => e.inspectorId));
        const extra: string[] = [];
        for (const p of r.teamIds) {
          if (allowed.has(p)) continue;
          if (recused.has(p)) issues.push(issue("result_team_recused", { id, inspector: p }));
          else extra.push(p);
        }
        if (extra.length > 0) issues.push(issue("result_team_mismatch", { id, inspectors: list(extra) }));
        const missing = team.members.map((m) => m.id).filter((m) => !r.teamIds.includes(m));
        if (missing.length > 0) issues.push(issue("result_team_incomplete", { id, inspectors: list(missing) }));
      }
    }
    if (options.window) {
      for (const d of r.inspectionDates) {
        if (d < options.window.start || d > options.window.end) issues.push(issue("result_date_outside_window", { id, date: d, start: options.window.start, end: options.window.end }));
      }
    }
    let deadline = windowDeadline;
    if (!options.window) {
      const d = publicationDeadline(r.concludedOn ?? lastDate(r), { ...calendar, ...(options.workingDays ? { workingDays: options.workingDays } : {}) });
      if (d.ok) deadline = d.value.deadline;
      else for (const i of d.issues) issues.push(i);
    }
    let onTime: boolean | null = null;
    if (deadline !== null) {
      if (r.enteredOn === undefined) issues.push(issue("result_entry_date_missing", { id, deadline }));
      else {
        onTime = r.enteredOn <= deadline;
        if (!onTime) {
          const from = options.window ? options.window.end : (r.concludedOn ?? lastDate(r));
          const basis = { zh: `自${from}起${options.workingDays ?? 20}个工作日`, en: `${options.workingDays ?? 20} working days from ${from}` };
          issues.push(issue("result_entered_late", { id, entered: r.enteredOn, deadline, basis }));
        }
      }
    }
    followUpChecks(r, options, issues, () => abnormalListed++, () => abnormalListLate++);
    return { ...t, result: r, deadline, onTime };
  });
  const replacedResults = [...byId.entries()].filter(([id]) => replacedIds.has(id) && !targetIds.has(id)).map(([, rs]) => rs[0]!);
  for (const r of replacedResults) followUpChecks(r, options, issues, () => abnormalListed++, () => abnormalListLate++);
  return settle({ taskId: record.taskId, targets: out, replacements, replacedResults, abnormalListed, abnormalListLate }, issues);
}

function followUpChecks(r: InspectionResult, options: ReconcileOptions, issues: Issue[], listed: () => void, late: () => void): void {
  const id = r.entityId;
  const label = resultCategoryLabels[r.category];
  const category = { zh: label.zh, en: label.en };
  const rectification = r.followUps.find((f) => f.kind === "rectification");
  const listing = r.followUps.find((f) => f.kind === "abnormal_list");
  if (listing) {
    listed();
    // 未在责令期限内公示: the 10 working days run from the end of the ordered period; otherwise from verification.
    const from = listing.verifiedOn ?? (r.category === "not_disclosed" && rectification ? rectification.deadline : (r.concludedOn ?? lastDate(r)));
    const due = addWorkingDays(from, options.abnormalListWorkingDays ?? 10, options.calendar);
    if (!due.ok) for (const i of due.issues) issues.push(i);
    else if (listing.decidedOn > due.value) {
      late();
      issues.push(issue("abnormal_list_late", { id, decided: listing.decidedOn, deadline: due.value, verified: from }));
    }
  } else if (r.category === "unreachable" || r.category === "false_disclosure") {
    issues.push(issue("abnormal_list_expected", { id, category }));
  }
  if (r.category === "corrected" && !rectification) issues.push(issue("follow_up_expected", { id, category, action: "责令改正" }));
  if (r.category === "transferred" && !r.followUps.some((f) => f.kind === "transfer")) issues.push(issue("follow_up_expected", { id, category, action: "移送" }));
}
