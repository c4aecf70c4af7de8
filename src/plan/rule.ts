import type { InspectionWindow } from "../calendar/window.js";
import type { CheckItem } from "../model/item.js";
import type { Inspector } from "../model/inspector.js";
import type { Plan, Task } from "../model/plan.js";
import type { Quota } from "../model/quota.js";
import type { Issue, IssueCode, IssueOptions, Message, Result, Severity } from "../result.js";
import type { PlanField } from "./_columns.js";
import type { SimulationReport } from "../simulate/types.js";

/**
 * Targets and caps the plan-level rules compare against.
 * @public
 */
export interface LintCaps {
  /** Expected inspections of one entity per year for one check item (多头检查/重复检查). Default 1. */
  readonly perEntityPerYear?: number;
  /** Share of the item list (抽查事项清单) the plan must cover, 0–1. Default 0.8. */
  readonly itemCoverage?: number;
  /** Share of tasks that must use credit-risk classification, 0–1. Default 0.95. */
  readonly creditRiskShare?: number;
}

/**
 * Options of {@link lintPlan}.
 * @public
 */
export interface LintPlanOptions {
  /** The plan year; defaults to `plan.year`. */
  readonly year?: number;
  /** The 抽查事项清单: enables item coverage and unknown-item checks. */
  readonly items?: readonly CheckItem[];
  /** Pool sizes (检查对象名录库 sizes) by task id or task name: enables the rounding-to-zero and inspector checks. */
  readonly poolSizes?: Readonly<Record<string, number>>;
  /** The 执法检查人员名录库: enables the inspector-capacity check. */
  readonly inspectors?: readonly Inspector[];
  /** Targets and caps, see {@link LintCaps}. */
  readonly caps?: LintCaps;
  /** Header text → field, when the table was imported with custom `columns`. */
  readonly columns?: Readonly<Record<string, PlanField>>;
  /** Rule ids to skip. */
  readonly disable?: readonly string[];
  /** Where hints are read: `"cli"` names command-line options (`--fill-merged 配合部门`), `"library"` (default) API options. */
  readonly hintsFor?: "cli" | "library";
  /** A plan simulation (`simulatePlan` of `double-random/simulate`): enables the sim-* rules (loads, repeats, staffing). */
  readonly simulation?: SimulationReport;
}

/**
 * What a rule sees: the plan, the options with defaults filled in, and cached readings of every task.
 * @public
 */
export interface LintContext {
  readonly plan: Plan;
  readonly year: number;
  readonly options: LintPlanOptions;
  readonly caps: Required<LintCaps>;
  /** Raw text of a task's cell (from its provenance), or `undefined` when the table had no such column. */
  cell(task: Task, field: PlanField): string | undefined;
  /** Row and column header of a task's cell, for {@link createIssue}. */
  where(task: Task, field: PlanField): IssueOptions;
  /** The task's quota as `parseQuota` reads its text (cached). */
  quota(task: Task): Result<Quota>;
  /** The task's window as `parseWindow` reads its text (cached). */
  window(task: Task): Result<InspectionWindow>;
  /** The field a column header of the task's table feeds, if any. */
  fieldOf(task: Task, header: string): PlanField | undefined;
  /** The pool size given for a task (by id, then by name), if any. */
  poolSize(task: Task): number | undefined;
}

/**
 * One lint rule: an id, its default severity, a zh/en description, the rationale (the rule or document it
 * comes from) and the check itself. Each rule lives in its own file under `src/plan/rules/`.
 * @public
 */
export interface LintRule {
  /** Stable kebab-case id, e.g. "quota-negative". */
  readonly id: string;
  /** Severity of its findings (the catalog severity of its codes). */
  readonly severity: Severity;
  /** The issue codes it reports. */
  readonly codes: readonly IssueCode[];
  /** What it checks. */
  readonly description: Message;
  /** Why: the rule, document or practice it enforces. */
  readonly rationale: Message;
  /** Runs the rule over the whole plan. */
  check(context: LintContext): Issue[];
}
