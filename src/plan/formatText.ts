import type { Plan } from "../model/plan.js";
import type { Issue } from "../result.js";
import { issue } from "./_issue.js";
import { taskLabel } from "./_label.js";
import { requireArray } from "../_internal/argument.js";

/**
 * Options of {@link formatDiagnosticsText}.
 * @public
 */
export interface FormatTextOptions {
  /** Language of the report; Chinese by default. */
  readonly lang?: "zh" | "en";
  /** The linted plan: its task names head each row's group. */
  readonly plan?: Plan;
  /** A title line, e.g. the file name. */
  readonly title?: string;
}

const MARK = { error: "✗", warning: "!", info: "·" } as const;
const WORD = { zh: { error: "错误", warning: "警告", info: "提示" }, en: { error: "error", warning: "warning", info: "note" } } as const;

/**
 * Renders diagnostics (from {@link lintPlan}, or any issues with rows) as a human report grouped by row, in
 * the terms of the plan: row number, task name, column header, message and hint. Findings about the
 * whole plan come last. Ends with a count of errors, warnings and notes.
 *
 * @param diagnostics - The findings, in the order to show within a row.
 * @param options - Language (zh by default), the plan for task names, a title.
 * @returns The report, one finding per line.
 * @example
 * ```ts
 * formatDiagnosticsText([createIssue("quota_negative", { number: "-5%" }, { row: 27, field: "抽查比例" })])
 * //=> "第27行\n  ✗ 错误 抽查比例：抽查比例“-5%”为负数 [quota_negative]\n\n共1个错误，0个警告，0条提示\n"
 * ```
 * @public
 */
export function formatDiagnosticsText(diagnostics: readonly Issue[], options: FormatTextOptions = {}): string {
  requireArray(diagnostics, "formatDiagnosticsText", "diagnostics");
  const lang = options.lang === "en" ? "en" : "zh";
  const names = new Map<number, string>();
  for (const t of options.plan?.tasks ?? []) if (t.source) names.set(t.source.row, taskLabel(t.source.cells["序号"], t.name, lang));
  // Diagnostics from lintPlan name their task themselves (no plan needed).
  for (const d of diagnostics) {
    const t = (d as { task?: { row: number; index?: string; name: string } }).task;
    if (t && !names.has(t.row)) names.set(t.row, taskLabel(t.index, t.name, lang));
  }
  const groups = new Map<number | undefined, Issue[]>();
  for (const d of diagnostics) {
    const g = groups.get(d.row);
    if (g) g.push(d);
    else groups.set(d.row, [d]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER));
  const lines: string[] = [];
  if (options.title) lines.push(options.title, "");
  for (const row of keys) {
    const name = row === undefined ? undefined : names.get(row);
    if (row === undefined) lines.push(lang === "zh" ? "全表" : "Whole plan");
    else lines.push(lang === "zh" ? `第${row}行${name ? ` ${name}` : ""}` : `Row ${row}${name ? ` ${name}` : ""}`);
    for (const d of groups.get(row) ?? []) {
      const field = d.field ? `${d.field}${lang === "zh" ? "：" : ": "}` : "";
      lines.push(`  ${MARK[d.severity]} ${WORD[lang][d.severity]} ${field}${d.message[lang]} [${d.code}]`);
      if (d.hint) lines.push(`    ${lang === "zh" ? "提示：" : "hint: "}${d.hint[lang]}`);
    }
    lines.push("");
  }
  const count = (s: Issue["severity"]) => diagnostics.filter((d) => d.severity === s).length;
  const [e, w, i] = [count("error"), count("warning"), count("info")];
  lines.push(lang === "zh" ? `共${e}个错误，${w}个警告，${i}条提示` : `${e} error(s), ${w} warning(s), ${i} note(s)`);
  return `${lines.join("\n")}\n`;
}
