import type { Plan } from "../model/plan.js";
import { excerpt } from "../messages/excerpt.js";
import { fail, ok, type Result } from "../result.js";
import { type ImportPlanTableOptions, type PlanTableInput, readPlanTable } from "./importPlanTable.js";
import { type Diagnostic, lintPlanWith } from "./lintPlan.js";
import type { LintPlanOptions } from "./rule.js";

/**
 * Options of {@link lintPlanTable}: those of {@link importPlanTable} and of {@link lintPlan}.
 * @public
 */
export type LintPlanTableOptions = ImportPlanTableOptions & Omit<LintPlanOptions, "year" | "columns">;

/**
 * The imported plan and everything found in it.
 * @public
 */
export interface LintPlanTableResult {
  /** The plan as imported. */
  readonly plan: Plan;
  /** The importer's own notes (rule "import": skipped rows, filled cells, unknown columns) and the lint findings, by row. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Imports a plan table and lints it in one call, as the `double-random lint` command does. Cell problems
 * the importer noticed are reported once, by the lint rules, with their real severity; the importer's
 * notes about the table itself (`plan_*` codes) are kept beside them.
 *
 * Issue codes: those of {@link importPlanTable} (a failed import fails this too) and of {@link lintPlan}.
 *
 * @param input - CSV text, rows of cells, or records keyed by header.
 * @param options - Import and lint options.
 * @returns The plan and the diagnostics sorted by row (plan-level findings last).
 * @example
 * ```ts
 * const r = lintPlanTable("抽查任务名称,抽查类型,抽查比例,抽取日期\n甲,定项,5%,3月", { year: 2023, issuer: "某局", disable: ["credit-share"] });
 * r.ok && r.value.diagnostics.map((d) => [d.row, d.code])
 * //=> [[2, "targeting_typo"], [2, "directed_without_scope"]]
 * ```
 * @public
 */
export function lintPlanTable(input: PlanTableInput, options: LintPlanTableOptions): Result<LintPlanTableResult> {
  const { result: imported, readings } = readPlanTable(input, options);
  if (!imported.ok) return fail(imported.issues);
  const byRow = new Map(imported.value.tasks.filter((t) => t.source).map((t) => [t.source?.row as number, t]));
  const notes: Diagnostic[] = imported.warnings.filter((i) => i.code.startsWith("plan_")).map((i) => {
    const t = i.row === undefined ? undefined : byRow.get(i.row);
    const index = (t?.source?.cells["序号"] ?? "").trim();
    return t ? { ...i, rule: "import", task: { row: i.row as number, ...(index === "" ? {} : { index: excerpt(index) }), name: excerpt(t.name) } } : { ...i, rule: "import" };
  });
  const { year, columns, ...lintOptions } = options;
  const found = lintPlanWith(imported.value, { ...lintOptions, year, ...(columns === undefined ? {} : { columns }) }, readings);
  // Stable merge by row: within a row the importer's notes come first.
  const diagnostics = [...notes, ...found]
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.row ?? Number.MAX_SAFE_INTEGER) - (b.d.row ?? Number.MAX_SAFE_INTEGER) || a.i - b.i)
    .map((x) => x.d);
  return ok({ plan: imported.value, diagnostics });
}
