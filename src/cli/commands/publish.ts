// `double-random publish`: results table + draw record → publication package (JSON, CSV, XLSX), after reconciliation.
// Also the `--results` check of `double-random verify` (checkPublishedResults), kept here so verify.ts only calls it.
import { mkdirSync } from "node:fs";
import { extname, join } from "node:path";
import {
  createIssue, type Issue, parseResultsTable, publicationPackage, type PublicationPackage, publicListCsv, publicListFromTable, type PublicListEntry,
  type ResultsRecord, resultCategoryLabels, type ResultCategory, ResultCategory as Categories, type Table, taskReportCsv, verifyResults,
} from "../../index.js";
import { publicListRows, taskReportRows } from "../../publish/csv.js";
import { contextOf, type Lang, parse } from "../args.js";
import { loadEntities, readJson, readTable } from "../io.js";
import { EXIT, failWith, printIssues, writeFileAtomic, writeJson } from "../output.js";

export const HELP = `double-random publish <record.json> --results 检查结果.csv|.xlsx --department 检查实施机关 --published-on YYYY-MM-DD
        [--window 2023-05-01..2023-06-30] [--task-name 名称] [--task-id T1] [--pool 名录库.csv] -o 公示目录/
  核对检查结果与抽取记录（漏检、未抽先查、重复、补抽理由、检查人员、日期、20个工作日公示期限、经营异常名录10个工作日），
  通过后写出公示包：公示包.json、公示清单.csv、抽查情况.csv、公示.xlsx（两张表）。--pool 用于识别个体工商户。
  Reconcile the results with the draw record, then write the publication package: 公示包.json, 公示清单.csv (public list),
  抽查情况.csv (task report) and 公示.xlsx (both sheets). Exit 1 when the results do not reconcile.`;

async function tableOf(file: string): Promise<{ ok: true; table: Table } | { ok: false; issues: readonly Issue[] }> {
  const rows = await readTable(file);
  if (!rows.ok) return { ok: false, issues: rows.issues };
  return { ok: true, table: { format: extname(file).toLowerCase().startsWith(".xls") ? "xlsx" : "csv", name: file, merges: [], rows: rows.value.map((cells, k) => ({ row: k + 1, cells })) } };
}

function windowOf(text: string | boolean | undefined, issues: Issue[]): { start: string; end: string } | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|～|~|至)\s*(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!m) {
    issues.push(createIssue("cli_bad_option", { option: "--window", value: text, detail: "YYYY-MM-DD..YYYY-MM-DD" }));
    return undefined;
  }
  return { start: m[1]!, end: m[2]! };
}

/** The public list and the task report as one workbook (exceljs, already a dependency of the CLI; loaded on use). */
async function writeXlsx(pkg: PublicationPackage, file: string): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: string[][]) => {
    const ws = wb.addWorksheet(name);
    for (const line of rows) ws.addRow(line);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 18));
  };
  sheet("公示清单", publicListRows(pkg));
  sheet("抽查情况", taskReportRows(pkg));
  await wb.xlsx.writeFile(file);
}

export async function run(argv: string[]): Promise<number> {
  const p = parse(argv, {
    results: { type: "string" }, department: { type: "string" }, "published-on": { type: "string" }, window: { type: "string" },
    "task-name": { type: "string" }, "task-id": { type: "string" }, pool: { type: "string" },
  });
  if (!p.ok) return failWith(contextOf(argv), p.issues, EXIT.usage);
  const ctx = p.value;
  const { values, positionals, lang, json } = ctx;
  const zh = lang === "zh";
  const issues: Issue[] = [];
  if (!positionals[0]) issues.push(createIssue("cli_missing_argument", { argument: "<record.json>" }));
  for (const a of ["results", "department", "published-on"] as const) if (typeof values[a] !== "string") issues.push(createIssue("cli_missing_argument", { argument: `--${a}` }));
  if (typeof values["published-on"] === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(values["published-on"])) {
    issues.push(createIssue("cli_bad_option", { option: "--published-on", value: values["published-on"], detail: "YYYY-MM-DD" }));
  }
  const window = windowOf(values.window, issues);
  if (issues.some((i) => i.severity === "error")) return failWith(ctx, issues, EXIT.usage);
  const record = readJson(positionals[0] as string);
  if (!record.ok) return failWith(ctx, record.issues, EXIT.usage);
  const rec = record.value as ResultsRecord;
  if (!rec || typeof rec !== "object" || !Array.isArray(rec.selections)) {
    return failWith(ctx, [createIssue("cli_bad_option", { option: "<record.json>", value: positionals[0] as string, detail: { zh: "应为抽取记录（含 selections）", en: "a draw record (with selections)" } })], EXIT.usage);
  }
  const table = await tableOf(values.results as string);
  if (!table.ok) return failWith(ctx, table.issues, EXIT.usage);
  const results = parseResultsTable(table.table, { taskId: typeof values["task-id"] === "string" ? values["task-id"] : rec.taskId });
  if (!results.ok) return failWith(ctx, results.issues, EXIT.usage);
  const pool = typeof values.pool === "string" ? await loadEntities(values.pool) : undefined;
  if (pool && !pool.ok) return failWith(ctx, pool.issues, EXIT.usage);
  const pkg = publicationPackage(rec, results.value, {
    department: values.department as string, publishedOn: values["published-on"] as string,
    ...(window ? { window } : {}), ...(typeof values["task-name"] === "string" ? { taskName: values["task-name"] } : {}),
    ...(pool?.ok ? { entities: pool.value } : {}),
  });
  if (!pkg.ok) {
    // The results were read and checked: they do not reconcile (exit 1), every mismatch listed on stdout.
    if (json) return failWith(ctx, [...results.warnings, ...pkg.issues], EXIT.negative);
    const errors = pkg.issues.filter((i) => i.severity === "error").length;
    process.stdout.write(`${zh ? "✗ 检查结果与抽取记录不一致" : "✗ The results do not reconcile with the draw record"}: ${errors} ${zh ? "处" : "mismatch(es)"}\n`);
    printIssues([...results.warnings, ...pkg.issues], lang, "stdout");
    return EXIT.negative;
  }
  const v = pkg.value;
  if (typeof values.out === "string") {
    mkdirSync(values.out, { recursive: true });
    for (const [name, text] of [["公示包.json", `${JSON.stringify(v, null, 2)}\n`], ["公示清单.csv", publicListCsv(v)], ["抽查情况.csv", taskReportCsv(v)]] as const) {
      const w = writeFileAtomic(join(values.out, name), text);
      if (!w.ok) return failWith(ctx, w.issues, EXIT.usage);
    }
    await writeXlsx(v, join(values.out, "公示.xlsx"));
  }
  if (json) writeJson(v);
  else {
    const r = v.report;
    const label = (c: ResultCategory) => (zh ? resultCategoryLabels[c].zh : resultCategoryLabels[c].en);
    process.stdout.write(`${zh ? "✓ 公示包已生成" : "✓ Publication package built"}: ${v.taskId} · ${zh ? "抽取" : "drawn"} ${r.drawn} · ${zh ? "补抽" : "replaced"} ${r.replaced} · ${zh ? "已检查" : "inspected"} ${r.inspected}/${r.targets} · ${zh ? "问题发现率" : "problem rate"} ${r.problemRate}\n`);
    for (const c of Categories.options) if (r.byCategory[c] > 0) process.stdout.write(`  ${label(c)}  ${r.byCategory[c]}\n`);
    if (r.deadline) process.stdout.write(`  ${zh ? "公示期限" : "deadline"} ${r.deadline} · ${zh ? "按期录入" : "entered on time"} ${r.enteredOnTime} · ${zh ? "逾期" : "late"} ${r.enteredLate}\n`);
    process.stdout.write(`  ${zh ? "公示包摘要" : "package digest"} ${v.digest}\n  ${zh ? "公示清单摘要" : "list digest"} ${v.listDigest}\n`);
    if (typeof values.out === "string") process.stdout.write(`  → ${join(values.out, "公示包.json")}、公示清单.csv、抽查情况.csv、公示.xlsx\n`);
  }
  printIssues([...results.warnings, ...pkg.warnings], lang);
  return EXIT.ok;
}

/** Options `verify` adds for the published results (publish-v1 §6). */
export const VERIFY_RESULTS_OPTIONS = { results: { type: "string" }, "list-digest": { type: "string" } } as const;

/**
 * `verify … --results 公示包.json | 公示清单.csv`: checks the published list against the record. Returns a line for the
 * summary and the issues (errors are mismatches); nothing when `--results` was not given.
 */
export async function checkPublishedResults(record: unknown, values: Record<string, string | boolean | undefined>, lang: Lang): Promise<{ note: string; issues: Issue[]; inputProblem?: boolean }> {
  if (typeof values.results !== "string") return { note: "", issues: [] };
  const zh = lang === "zh";
  const file = values.results;
  let pkg: PublicationPackage | { list: PublicListEntry[] };
  if (extname(file).toLowerCase() === ".json") {
    const j = readJson(file);
    if (!j.ok) return { note: "", issues: [...j.issues], inputProblem: true };
    pkg = j.value as PublicationPackage;
  } else {
    const t = await tableOf(file);
    if (!t.ok) return { note: "", issues: [...t.issues], inputProblem: true };
    const list = publicListFromTable(t.table);
    if (!list.ok) return { note: "", issues: [...list.issues], inputProblem: true };
    pkg = { list: list.value };
  }
  const r = verifyResults(record as ResultsRecord, pkg, typeof values["list-digest"] === "string" ? { listDigest: values["list-digest"] } : {});
  if (!r.ok) return { note: zh ? "  公示结果复核未通过\n" : "  Published results: mismatches\n", issues: [...r.issues] };
  const note = zh
    ? `  公示结果复核通过：${r.value.entries} 条 = 抽中 ${r.value.targets} 户（含补抽）${r.value.digestChecked ? "，摘要相符" : ""}\n`
    : `  Published results verified: ${r.value.entries} entries = ${r.value.targets} drawn (replacements included)${r.value.digestChecked ? ", digest holds" : ""}\n`;
  return { note, issues: [...r.warnings] };
}
