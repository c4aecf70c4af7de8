import type { Issue } from "../result.js";
import { requireArray } from "../_internal/argument.js";

/**
 * Options of {@link formatDiagnosticsJson}.
 * @public
 */
export interface FormatJsonOptions {
  /** The file the plan came from, recorded in the output. */
  readonly file?: string;
  /** Indentation; 2 by default, 0 for one line. */
  readonly indent?: number;
}

/**
 * Renders diagnostics as JSON for other programs: `{ version: 1, file, summary: { errors, warnings,
 * infos }, diagnostics: [...] }`, each diagnostic with `code`, `severity`, `row`, `field`, `message`
 * (zh and en), `hint` and, from {@link lintPlan}, `rule`.
 *
 * @param diagnostics - The findings.
 * @param options - File name and indentation.
 * @returns JSON text.
 * @example
 * ```ts
 * JSON.parse(formatDiagnosticsJson([])).summary
 * //=> { errors: 0, warnings: 0, infos: 0 }
 * ```
 * @public
 */
export function formatDiagnosticsJson(diagnostics: readonly Issue[], options: FormatJsonOptions = {}): string {
  requireArray(diagnostics, "formatDiagnosticsJson", "diagnostics");
  const count = (s: Issue["severity"]) => diagnostics.filter((d) => d.severity === s).length;
  const out = {
    version: 1,
    ...(options.file === undefined ? {} : { file: options.file }),
    summary: { errors: count("error"), warnings: count("warning"), infos: count("info") },
    diagnostics,
  };
  return `${JSON.stringify(out, null, options.indent ?? 2)}\n`;
}
