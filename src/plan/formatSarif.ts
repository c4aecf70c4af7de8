import { messages } from "../messages/index.js";
import type { Issue, IssueCode } from "../result.js";
import { taskLabel } from "./_label.js";
import { lintRules } from "./rules/index.js";
import { requireArray } from "../_internal/argument.js";

/**
 * Options of {@link formatDiagnosticsSarif}.
 * @public
 */
export interface FormatSarifOptions {
  /** URI of the linted file (relative paths are fine), used in every location. */
  readonly file?: string;
  /** Language of the texts; Chinese by default. Both languages are kept in each result's properties. */
  readonly lang?: "zh" | "en";
  /** Version of the tool recorded in the log. */
  readonly toolVersion?: string;
}

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/**
 * Renders diagnostics as a SARIF 2.1.0 log (the format code-scanning tools read): one run, one
 * reporting descriptor per issue code (with the rule's description and rationale), one result per
 * diagnostic located at its row (`region.startLine`) of `file`. Plan-level findings carry the file only.
 *
 * @param diagnostics - The findings.
 * @param options - File URI, language, tool version.
 * @returns SARIF JSON text.
 * @example
 * ```ts
 * JSON.parse(formatDiagnosticsSarif([], { file: "plan.csv" })).version
 * //=> "2.1.0"
 * ```
 * @public
 */
export function formatDiagnosticsSarif(diagnostics: readonly Issue[], options: FormatSarifOptions = {}): string {
  requireArray(diagnostics, "formatDiagnosticsSarif", "diagnostics");
  const lang = options.lang === "en" ? "en" : "zh";
  const ruleOf = new Map<IssueCode, (typeof lintRules)[number]>();
  for (const r of lintRules) for (const c of r.codes) if (!ruleOf.has(c)) ruleOf.set(c, r);
  const codes = [...new Set(diagnostics.map((d) => d.code))];
  const index = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((code) => {
    const rule = ruleOf.get(code);
    const entry = messages[code];
    return {
      id: code,
      ...(rule ? { name: rule.id } : {}),
      shortDescription: { text: rule ? rule.description[lang] : entry[lang] },
      fullDescription: { text: rule ? rule.rationale[lang] : entry[lang] },
      defaultConfiguration: { level: LEVEL[entry.severity] },
      properties: { messageTemplate: { zh: entry.zh, en: entry.en } },
    };
  });
  const artifact = options.file === undefined ? undefined : { uri: options.file.replace(/\\/g, "/") };
  const results = diagnostics.map((d) => {
    const physical: Record<string, unknown> = {};
    if (artifact) physical.artifactLocation = artifact;
    if (d.row !== undefined) physical.region = { startLine: d.row };
    const location: Record<string, unknown> = {};
    if (Object.keys(physical).length > 0) location.physicalLocation = physical;
    const task = (d as { task?: { row: number; index?: string; name: string } }).task;
    const logical: Array<Record<string, string>> = [];
    if (task) logical.push({ name: taskLabel(task.index, task.name, lang), kind: "object" });
    if (d.field !== undefined) logical.push({ name: d.field, kind: "member" });
    if (logical.length > 0) location.logicalLocations = logical;
    // Viewers show the message text alone: it names the row and the task.
    const where = task
      ? lang === "zh" ? `第${task.row}行（${taskLabel(task.index, task.name, lang)}）：` : `Row ${task.row} (${taskLabel(task.index, task.name, lang)}): `
      : d.row !== undefined ? (lang === "zh" ? `第${d.row}行：` : `Row ${d.row}: `) : "";
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code) ?? 0,
      level: LEVEL[d.severity],
      message: { text: `${where}${d.message[lang]}` },
      ...(Object.keys(location).length > 0 ? { locations: [location] } : {}),
      properties: {
        ...("rule" in d ? { rule: (d as { rule: string }).rule } : {}),
        ...(d.field !== undefined ? { field: d.field } : {}),
        message: d.message,
        ...(task ? { task } : {}),
        ...(d.hint ? { hint: d.hint } : {}),
      },
    };
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "double-random lint",
            version: options.toolVersion ?? "0.1.0",
            rules,
          },
        },
        ...(artifact ? { artifacts: [{ location: artifact }] } : {}),
        columnKind: "unicodeCodePoints",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
