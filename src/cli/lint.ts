// `double-random lint <plan.csv|plan.xlsx>`: Node-only. Reads the file, imports it, lints it, prints a report.
import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import {
  createIssue, formatDiagnosticsJson, formatDiagnosticsSarif, formatDiagnosticsText, type Issue, lintPlanTable,
} from "../index.js";
import { parse } from "./args.js";
import { printIssues, readText, readXlsxRows } from "./io.js";

export const USAGE = `double-random lint <plan.csv|plan.xlsx> --year 2023 [--format text|json|sarif] [--lang zh|en] [--fill-merged]
                   [--issuer 单位] [--completion-date YYYY-MM-DD] [--sheet 名称]

检查年度抽查计划表，有错误时退出码为1。 / Lints an annual inspection plan table; exits with 1 when there are errors.
`;

export async function runLint(argv: string[]): Promise<number> {
  const p = parse(argv, {
    year: { type: "string" },
    "fill-merged": { type: "boolean", default: false },
    issuer: { type: "string" },
    "completion-date": { type: "string" },
    sheet: { type: "string" },
  });
  if (!p.ok) return printIssues(p.issues, "zh"), process.stderr.write(USAGE), 2;
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
  if (!Number.isInteger(year)) problems.push(createIssue("cli_missing_argument", { argument: "--year" }));
  if (file === undefined || problems.length > 0) return printIssues(problems, lang), process.stderr.write(USAGE), 2;
  let input: string | string[][];
  let sheet: string | undefined;
  if ([".xlsx", ".xlsm"].includes(extname(file).toLowerCase())) {
    if (!existsSync(file)) return printIssues([createIssue("file_not_found", { file: file })], lang), 2;
    const x = await readXlsxRows(readFileSync(file), values.sheet as string | undefined);
    if ("error" in x) return printIssues([createIssue("workbook_unreadable", { file: file, detail: x.error })], lang), 2;
    input = x.rows;
    sheet = x.sheet;
  } else {
    const text = readText(file);
    if (!text.ok) return printIssues(text.issues, lang), 2;
    input = text.value;
  }
  const linted = lintPlanTable(input, {
    year,
    fillMerged: values["fill-merged"] === true,
    ...(typeof values.issuer === "string" ? { issuer: values.issuer } : {}),
    ...(typeof values["completion-date"] === "string" ? { completionDate: values["completion-date"] } : {}),
    ...(sheet === undefined ? {} : { sheet }),
  });
  const report: readonly Issue[] = linted.ok ? linted.value.diagnostics : linted.issues;
  const title = basename(file);
  const out =
    format === "json" ? formatDiagnosticsJson(report, { file })
    : format === "sarif" ? formatDiagnosticsSarif(report, { file, lang })
    : formatDiagnosticsText(report, { lang, title, ...(linted.ok ? { plan: linted.value.plan } : {}) });
  process.stdout.write(out);
  return report.some((i) => i.severity === "error") ? 1 : 0;
}
