// `double-random lint <plan.csv|plan.xlsx>`: Node-only. Reads the file, imports it, lints it, prints a report.
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
// Lean on purpose: only the plan area, the table reader and the CLI's light helpers are loaded (no pools, draw or
// match, no zod).
import { createIssue } from "../createIssue.js";
import { readTable } from "../files/readTable.js";
import type { Table } from "../files/types.js";
import { formatDiagnosticsJson } from "../plan/formatJson.js";
import { formatDiagnosticsSarif } from "../plan/formatSarif.js";
import { formatDiagnosticsText } from "../plan/formatText.js";
import { lintPlanTable } from "../plan/lintPlanTable.js";
import type { Issue } from "../result.js";
import { contextOf, type Lang, parse } from "./args.js";
import { printIssues } from "./output.js";

export const USAGE = `double-random lint <plan.xlsx|plan.docx|plan.csv> --year 2023 [--format text|json|sarif] [--lang zh|en]
                   [--fill-merged [列名,列名]] [--issuer 单位] [--completion-date YYYY-MM-DD] [--sheet 名称]

检查年度抽查计划表，有错误时退出码为1。/ Lints an annual inspection plan table; exits with 1 when there are errors.
  --fill-merged            CSV 中合并单元格导出的空白按上一行填充（任务名称、比例及频次、信用风险分类要求、起止时间、
                           发起部门、配合部门、模式等常见合并列）/ fill blanks of merged cells in a CSV from the row above
  --fill-merged 配合部门,模式  只填充指定的列 / fill only the named columns
`;

/** Takes `--fill-merged`, `--fill-merged=列,列` and `--fill-merged 列,列` out of argv (a bare value follows only when it is not a file). */
function takeFillMerged(argv: readonly string[]): { rest: string[]; fill: boolean | string[] } {
  const rest: string[] = [];
  let fill: boolean | string[] = false;
  const list = (v: string) => v.split(/[,，、]/).map((s) => s.trim()).filter((s) => s !== "");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (a.startsWith("--fill-merged=")) {
      fill = list(a.slice("--fill-merged=".length));
      continue;
    }
    if (a === "--fill-merged") {
      const next = argv[i + 1];
      // "--fill-merged 配合部门": a value unless it names a file or is an option.
      if (next !== undefined && !next.startsWith("-") && !/\.(csv|txt|tsv|xlsx|xlsm|docx|json)$/i.test(next) && !existsSync(next)) {
        fill = list(next);
        i++;
      } else fill = true;
      continue;
    }
    rest.push(a);
  }
  return { rest, fill };
}

/** Usage problems, each with its hint. */
function printUsage(issues: readonly Issue[], lang: Lang): void {
  printIssues(issues.map((i) => (i.hint || !USAGE_HINTS[i.code] ? i : { ...i, hint: USAGE_HINTS[i.code] })), lang);
}

const USAGE_HINTS: Readonly<Record<string, { zh: string; en: string }>> = {
  lint_argument_unexpected: { zh: "一次只写一个计划文件；要填充的列写在 --fill-merged 之后，用逗号分隔（如 --fill-merged 配合部门,模式）", en: "Give one plan file; columns to fill follow --fill-merged, separated by commas (--fill-merged 配合部门,模式)" },
  cli_missing_argument: { zh: "例：double-random lint 计划表.xlsx --year 2024", en: "e.g. double-random lint plan.xlsx --year 2024" },
  plan_fill_column_unknown: { zh: "列名须与表头一致（如“配合部门”），多个列用逗号分隔", en: "Use the header's own words (配合部门); separate several with commas" },
};

export async function runLint(argv: string[]): Promise<number> {
  const { rest, fill } = takeFillMerged(argv);
  const p = parse(rest, {
    year: { type: "string" },
    issuer: { type: "string" },
    "completion-date": { type: "string" },
    sheet: { type: "string" },
  });
  if (!p.ok) return printUsage(p.issues, contextOf(argv).lang), process.stderr.write(USAGE), 2;
  const { positionals, lang } = p.value;
  const values = p.value.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  const year = Number(values.year);
  const format = values.format as string;
  const problems: Issue[] = [];
  if (file === undefined) problems.push(createIssue("cli_missing_argument", { argument: "<plan.xlsx|plan.docx|plan.csv>" }));
  for (const extra of positionals.slice(1)) problems.push(createIssue("lint_argument_unexpected", { argument: extra }));
  if (!Number.isInteger(year)) problems.push(createIssue("cli_missing_argument", { argument: "--year" }));
  if (file === undefined || problems.length > 0) return printUsage(problems, lang), process.stderr.write(USAGE), 2;
  // XLSX/WPS, DOCX tables and CSV in any encoding, through the shared reader: merged cells arrive filled.
  if (!existsSync(file)) return printUsage([createIssue("file_not_found", { file })], lang), 2;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return printUsage([createIssue("file_unreadable", { file, detail: (e as Error).message })], lang), 2;
  }
  const sheet = values.sheet as string | undefined;
  const read = readTable(bytes, { name: file, ...(sheet === undefined ? {} : { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet }) });
  if (!read.ok) return printUsage(read.issues, lang), 2;
  const input: Table = read.value;
  const notes = read.warnings;
  return report(file, input, notes, { year, fill, lang, format, values });
}

function report(
  file: string, input: Table, notes: readonly Issue[],
  o: { year: number; fill: boolean | string[]; lang: Lang; format: string; values: Record<string, string | boolean | undefined> },
): number {
  const { values } = o;
  const linted = lintPlanTable(input, {
    year: o.year,
    fillMerged: o.fill,
    hintsFor: "cli",
    ...(typeof values.issuer === "string" ? { issuer: values.issuer } : {}),
    ...(typeof values["completion-date"] === "string" ? { completionDate: values["completion-date"] } : {}),
  });
  // A table that cannot be read as a plan (no header row: not a plan, or not the file meant; an unknown
  // --fill-merged column) is an input problem: nothing was checked, exit 2.
  if (!linted.ok) return printUsage([...notes, ...linted.issues], o.lang), 2;
  // The reader's notes (encoding, sheet, merged cells it filled) come first, as the importer's do.
  const found: readonly Issue[] = [...notes, ...linted.value.diagnostics];
  const title = basename(file);
  const out =
    o.format === "json" ? formatDiagnosticsJson(found, { file })
    : o.format === "sarif" ? formatDiagnosticsSarif(found, { file, lang: o.lang })
    : formatDiagnosticsText(found, { lang: o.lang, title, plan: linted.value.plan });
  process.stdout.write(out);
  return found.some((i) => i.severity === "error") ? 1 : 0;
}
