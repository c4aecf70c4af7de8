import type { Plan, Task } from "../model/plan.js";
import { excerpt } from "../messages/excerpt.js";
import { filledFrom } from "./_filled.js";
import { ERROR_HINTS } from "./_hints.js";
import { DoubleRandomError, type Issue, type Severity } from "../result.js";
import { createContext } from "./_context.js";
import type { PlanReadings } from "./_readings.js";
import type { LintPlanOptions } from "./rule.js";
import { lintRules } from "./rules/index.js";
import { issue } from "./_issue.js";

/**
 * A lint finding: an ordinary {@link Issue} with the id of the rule that found it.
 * @public
 */
export type Diagnostic = Issue & {
  /** Id of the rule in {@link lintRules}. */
  readonly rule: string;
  /** The task of the row, when the finding is about one: its row, 序号 (as written) and name. */
  readonly task?: DiagnosticTask;
};

/**
 * The task a {@link Diagnostic} is about, as the plan names it.
 * @public
 */
export interface DiagnosticTask {
  /** The table row of the task. */
  readonly row: number;
  /** 序号 as written in the table, when the table has the column and the cell is filled. */
  readonly index?: string;
  /** 抽查任务名称. */
  readonly name: string;
}

const SHIFT_CODES: ReadonlySet<string> = new Set(["columns_shifted", "quota_column_shift"]);
const FOLDED_BY_SHIFT: ReadonlySet<string> = new Set([
  "window_empty", "window_unparseable", "quota_empty", "quota_unrecognized", "quota_unrecognized_text", "cooperator_missing", "initiator_missing", "targeting_missing",
]);

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a plan against every rule of {@link lintRules} and returns what is wrong, in the terms of the
 * plan: each finding carries its row and column header (when the plan came from {@link importPlanTable}),
 * a zh/en message and, where there is something to say, a hint.
 *
 * @remarks
 * The plan-level rules need data: `items` (item coverage, unknown items), `poolSizes` (rounding to zero,
 * inspector capacity), `inspectors` (inspector capacity). Targets and caps default to 1 inspection per
 * entity per item per year, 80% item coverage and 95% of tasks using credit-risk classification.
 * Findings are sorted by row (plan-level findings last), then by rule order. Nothing is read from the
 * clock or the environment; the plan is not modified.
 *
 * Issue codes: every code of the rules (see each rule's `codes`), including those of `parseQuota` and
 * `parseWindow`; `invalid_argument` when `year` is not an integer.
 *
 * @param plan - The plan, usually from {@link importPlanTable}.
 * @param options - year, item list, pool sizes, inspectors, caps, see {@link LintPlanOptions}.
 * @returns The diagnostics; an empty array when nothing is wrong.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `plan` is not a plan object at all (a programming
 * error: user data goes through {@link importPlanTable} or `parsePlan` first).
 * @example
 * ```ts
 * const plan = unwrap(importPlanTable("抽查任务名称,抽查类型,抽查比例,抽取日期\n总量减排核查,不定向,-5%,1月1日至12月31日", { year: 2023, issuer: "焦作市生态环境局" }));
 * lintPlan(plan, { year: 2023 }).map((d) => d.code)
 * //=> ["quota_negative", "credit_share_low"]
 * ```
 * @public
 */
export function lintPlan(plan: Plan, options: LintPlanOptions = {}): Diagnostic[] {
  return lintPlanWith(plan, options, undefined);
}

/**
 * {@link lintPlan} over the importer's readings of the same plan (`readPlanTable`), so that no cell is read twice.
 * @internal
 */
export function lintPlanWith(plan: Plan, options: LintPlanOptions, readings: PlanReadings | undefined): Diagnostic[] {
  if (plan === null || typeof plan !== "object" || !Array.isArray(plan.tasks)) {
    throw new DoubleRandomError("invalid_argument", "lintPlan expects a Plan (use importPlanTable or parsePlan first)");
  }
  const year = options.year ?? plan.year;
  if (!Number.isInteger(year)) {
    return [{ ...issue("invalid_argument", { detail: `year must be an integer, got ${String(year)}` }), rule: "options" }];
  }
  const ctx = createContext(plan, options, readings);
  const disabled = new Set(options.disable ?? []);
  const found: Diagnostic[] = [];
  lintRules.forEach((rule) => {
    if (disabled.has(rule.id)) return;
    for (const issue of rule.check(ctx)) found.push({ ...issue, rule: rule.id });
  });
  // A cell that carries another row's text (a merged cell, or one filled down) repeats that row's finding: the
  // finding is reported once, on the row that wrote the text.
  const byRow = new Map<number, Task>();
  for (const t of plan.tasks) if (t.source) byRow.set(t.source.row, t);
  const seen = new Set(found.map((d) => `${d.row}\u0000${d.field}\u0000${d.code}`));
  // A shifted row: its other cell findings (an empty window, a department missing, an unread ratio) are that
  // shift seen again; one finding per defect, the shift's, with a hint that says so.
  const shiftedRows = new Set(found.filter((d) => SHIFT_CODES.has(d.code) && d.row !== undefined).map((d) => d.row as number));
  const out: Diagnostic[] = [];
  for (const d of found) {
    if (d.row !== undefined && shiftedRows.has(d.row) && FOLDED_BY_SHIFT.has(d.code)) continue;
    const task = d.row === undefined ? undefined : byRow.get(d.row);
    const field = task && d.field !== undefined ? ctx.fieldOf(task, d.field) : undefined;
    const from = task && field ? filledFrom(task, field) : undefined;
    if (from && seen.has(`${from.from}\u0000${d.field}\u0000${d.code}`)) continue;
    const hint = d.hint ?? (d.severity === "error" ? ERROR_HINTS[d.code] : undefined);
    const withHint = hint ? { ...d, hint } : d;
    if (task?.source) {
      const index = (ctx.cell(task, "index") ?? "").trim();
      out.push({ ...withHint, task: { row: task.source.row, ...(index === "" ? {} : { index: excerpt(index) }), name: excerpt(task.name) } });
    } else out.push(withHint);
  }
  const rank = new Map(lintRules.map((r, i) => [r.id, i]));
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      (a.d.row ?? Number.MAX_SAFE_INTEGER) - (b.d.row ?? Number.MAX_SAFE_INTEGER) ||
      (rank.get(a.d.rule) ?? 0) - (rank.get(b.d.rule) ?? 0) ||
      ORDER[a.d.severity] - ORDER[b.d.severity] ||
      a.i - b.i,
    )
    .map((x) => x.d);
}
