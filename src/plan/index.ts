// Public API of the plan area: explicit named exports only.
export { importPlanTable, type ImportPlanTableOptions, type PlanTableInput, type PlanField } from "./importPlanTable.js";
export { lintPlan, type Diagnostic, type DiagnosticTask } from "./lintPlan.js";
export type { LintRule, LintContext, LintPlanOptions, LintCaps } from "./rule.js";
export { lintRules } from "./rules/index.js";
export { formatDiagnosticsText, type FormatTextOptions } from "./formatText.js";
export { formatDiagnosticsJson, type FormatJsonOptions } from "./formatJson.js";
export { formatDiagnosticsSarif, type FormatSarifOptions } from "./formatSarif.js";
export { lintPlanTable, type LintPlanTableOptions, type LintPlanTableResult } from "./lintPlanTable.js";
