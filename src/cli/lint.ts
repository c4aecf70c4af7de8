// `double-random lint <plan.csv|plan.xlsx>`: Node-only. Reads the file, imports it, lints it, prints a report.
import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
// Lean on purpose: only the plan area and the CLI's light helpers are loaded (no pools, draw or match), and exceljs
// only when a workbook is read.
import { createIssue } from "../createIssue.js";
import type { Table } from "../files/types.js";
import { formatDiagnosticsJson } from "../plan/formatJson.js";
import { formatDiagnosticsSarif } from "../plan/formatSarif.js";
import { formatDiagnosticsText } from "../plan/formatText.js";
import { lintPlanTable } from "../plan/lintPlanTable.js";
import type { Issue } from "../result.js";
import { contextOf, type Lang, parse } from "./args.js";
import { printIssues } from "./output.js";

/** A UTF-8 text file (a BOM dropped), or the coded issue why not. */
function readText(file: string): { ok: true; value: string } | { ok: false; issues: Issue[] } {
  if (!existsSync(file)) return { ok: false, issues: [createIssue("file_not_found", { file })] };
  try {
    return { ok: true, value: readFileSync(file, "utf8").replace(/^\uFEFF/, "") };
  } catch (e) {
    return { ok: false, issues: [createIssue("file_unreadable", { file, detail: (e as Error).message })] };
  }
}

export const USAGE = `double-random lint <plan.csv|plan.xlsx> --year 2023 [--format text|json|sarif] [--lang zh|en]
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

/** An .xlsx as a {@link Table}: merged cells filled with their first cell's text, the merges listed (until the shared reader lands). */
export async function readWorkbookTable(file: string, sheetName: string | undefined): Promise<Table | { error: string }> {
  // exceljs is heavy: loaded only when a workbook is actually read.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.getWorksheet(sheetName);
  if (!ws) return { error: sheetName === undefined ? "no worksheet" : `no worksheet named "${sheetName}"` };
  const rows = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged ? (cell.master.text ?? "") : (cell.text ?? ""));
    }
    rows.push({ row: r, cells });
  }
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).flatMap((ref) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    return m ? [{ top: Number(m[2]), left: col(m[1] as string), bottom: Number(m[4]), right: col(m[3] as string) }] : [];
  });
  return { format: "xlsx", name: basename(file), sheet: ws.name, sheets: wb.worksheets.map((w) => w.name), rows, merges };
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
  if (file === undefined) problems.push(createIssue("cli_missing_argument", { argument: "<plan.csv|plan.xlsx>" }));
  for (const extra of positionals.slice(1)) problems.push(createIssue("lint_argument_unexpected", { argument: extra }));
  if (!Number.isInteger(year)) problems.push(createIssue("cli_missing_argument", { argument: "--year" }));
  if (file === undefined || problems.length > 0) return printUsage(problems, lang), process.stderr.write(USAGE), 2;
  let input: string | Table;
  if ([".xlsx", ".xlsm"].includes(extname(file).toLowerCase())) {
    if (!existsSync(file)) return printUsage([createIssue("file_not_found", { file })], lang), 2;
    const x = await readWorkbookTable(file, values.sheet as string | undefined);
    if ("error" in x) return printUsage([createIssue("workbook_unreadable", { file, detail: x.error })], lang), 2;
    input = x;
  } else {
    const text = readText(file);
    if (!text.ok) return printUsage(text.issues, lang), 2;
    input = text.value;
  }
  return report(file, input, { year, fill, lang, format, values });
}

function report(
  file: string, input: string | Table,
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
  // A table that cannot be read (no header, an unknown --fill-merged column) is a usage problem: exit 2.
  if (!linted.ok && linted.issues.some((i) => i.code === "plan_fill_column_unknown")) {
    return printUsage(linted.issues, o.lang), 2;
  }
  const found: readonly Issue[] = linted.ok ? linted.value.diagnostics : linted.issues;
  const title = basename(file);
  const out =
    o.format === "json" ? formatDiagnosticsJson(found, { file })
    : o.format === "sarif" ? formatDiagnosticsSarif(found, { file, lang: o.lang })
    : formatDiagnosticsText(found, { lang: o.lang, title, ...(linted.ok ? { plan: linted.value.plan } : {}) });
  process.stdout.write(out);
  return found.some((i) => i.severity === "error") ? 1 : 0;
}
