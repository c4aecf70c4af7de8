import type { Table, TableRow } from "../files/types.js";
import { type ResultCategory, ResultCategory as ResultCategorySchema, resultCategoryLabels, resultCategoryOf } from "../model/result.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue } from "./_issue.js";
import type { PublicationPackage, PublicListEntry } from "./publicationPackage.js";
import { requireArray, requireObject } from "../_internal/argument.js";

/** Column headers of the public list (公示清单), in order, per field. */
const LIST_HEADERS: readonly [keyof PublicListEntry, string][] = [
  ["entityName", "检查对象名称"], ["entityId", "统一社会信用代码"], ["taskId", "任务编号"], ["taskName", "抽查任务"], ["items", "抽查事项"],
  ["inspectedOn", "检查日期"], ["department", "检查实施机关"], ["category", "检查结果"], ["followUp", "后续处置"],
];

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. Written here rather than with
// papaparse so that the core bundle does not carry a CSV library for five lines of output.
const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csv = (rows: readonly (readonly string[])[]) => `\uFEFF${rows.map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;

/**
 * The public list (公示清单) as CSV for upload: UTF-8 with a BOM (so Excel and WPS open it as UTF-8), CRLF, Chinese
 * headers, the category as its zh label. {@link publicListFromTable} reads it back to the same entries.
 * @example
 * ```ts
 * const list = [{ entityName: "甲", entityId: "E1", taskId: "T1", taskName: "", items: "", inspectedOn: "2023-06-01",
 *   department: "某局", category: "no_problem", followUp: "" }];
 * publicListCsv({ list }).split("\r\n")[1]
 * //=> "甲,E1,T1,,,2023-06-01,某局,未发现问题,"
 * ```
 * @public
 */
export function publicListCsv(pkg: Pick<PublicationPackage, "list">): string {
  requireObject(pkg, "publicListCsv", "the package");
  requireArray(pkg.list, "publicListCsv", "the package's list");
  return csv(publicListRows(pkg));
}

/** The public list as rows of text, header first (the CSV's and the workbook's content). @internal */
export function publicListRows(pkg: Pick<PublicationPackage, "list">): string[][] {
  return [
    LIST_HEADERS.map(([, h]) => h),
    ...pkg.list.map((e) => LIST_HEADERS.map(([f]) => (f === "category" ? (resultCategoryLabels[e.category as ResultCategory]?.zh ?? e.category) : e[f]))),
  ];
}

/**
 * The task report (抽查情况) as a two-column CSV (项目, 数值), one row per figure and per result category, followed by
 * the digests that bind it to the draw record.
 * @example
 * ```ts
 * const record = { taskId: "T1", announcement: { digest: "a".repeat(64) }, selections: [{ id: "E1", stratum: "all" }], replacements: [] };
 * const pkg = unwrap(publicationPackage(record, [{ taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"], category: "无法联系",
 *   followUps: [{ kind: "abnormal_list", decidedOn: "2023-06-05" }] }], { department: "某局", publishedOn: "2023-06-06" }));
 * taskReportCsv(pkg).split("\r\n").find((l) => l.startsWith("问题发现率"))
 * //=> "问题发现率,100.00%"
 * ```
 * @public
 */
export function taskReportCsv(pkg: PublicationPackage): string {
  requireObject(pkg, "taskReportCsv", "the package");
  requireObject(pkg.report, "taskReportCsv", "the package's report");
  return csv(taskReportRows(pkg));
}

/** The task report as rows of text, header first. @internal */
export function taskReportRows(pkg: PublicationPackage): string[][] {
  const r = pkg.report;
  const rows: string[][] = [
    ["项目", "数值"],
    ["任务编号", pkg.taskId], ["抽查任务", pkg.taskName], ["检查实施机关", pkg.department], ["公示日期", pkg.publishedOn],
    ["抽取户数", String(r.drawn)], ["补抽户数", String(r.replaced)], ["应检查户数", String(r.targets)], ["已检查户数", String(r.inspected)],
    ...ResultCategorySchema.options.map((c) => [`检查结果：${resultCategoryLabels[c].zh}`, String(r.byCategory[c])]),
    ["发现问题户数", String(r.problems)], ["问题发现率", r.problemRate], ["公示期限", r.deadline],
    ["按期录入", String(r.enteredOnTime)], ["逾期录入", String(r.enteredLate)], ["录入日期不明", String(r.entryUnknown)],
    ["列入经营异常名录", String(r.abnormalListed)], ["逾期列入经营异常名录", String(r.abnormalListLate)],
    ["抽取记录摘要", pkg.recordDigest], ["抽取公告摘要", pkg.announcementDigest], ["公示清单摘要", pkg.listDigest], ["公示包摘要", pkg.digest],
  ];
  return rows;
}

/**
 * Reads a published public list (公示清单, as written by {@link publicListCsv}, read by the shared table reader) back into
 * entries, for {@link verifyResults}. Headers are matched by name (any order); the category may be a zh label or a code.
 * @returns the entries, or `csv_missing_column` / `result_category_unknown` issues with their rows.
 * @example
 * ```ts
 * const table = { format: "rows", merges: [], rows: [
 *   { row: 1, cells: ["检查对象名称", "统一社会信用代码", "任务编号", "抽查任务", "抽查事项", "检查日期", "检查实施机关", "检查结果", "后续处置"] },
 *   { row: 2, cells: ["甲", "E1", "T1", "", "", "2023-06-01", "某局", "未发现问题", ""] }] };
 * unwrap(publicListFromTable(table))[0].category
 * //=> "no_problem"
 * ```
 * @public
 */
export function publicListFromTable(table: Table): Result<PublicListEntry[]> {
  if (!table || !Array.isArray(table.rows)) return fail([issue("invalid_type", { path: "table", expected: "Table", received: table === null ? "null" : typeof table })]);
  const rows: readonly TableRow[] = table.rows;
  const [header, ...body] = rows;
  const names = (header?.cells ?? []).map((c) => String(c).replace(/^\uFEFF/, "").trim());
  const issues: Issue[] = [];
  const cols = new Map<keyof PublicListEntry, number>();
  for (const [f, h] of LIST_HEADERS) {
    const col = names.indexOf(h);
    if (col < 0) issues.push(issue("csv_missing_column", { column: h, accepted: LIST_HEADERS.map(([, x]) => x).join("、") }));
    else cols.set(f, col);
  }
  if (issues.length > 0) return fail(issues);
  const out: PublicListEntry[] = [];
  for (const r of body) {
    if (r.cells.every((c) => String(c ?? "").trim() === "")) continue;
    const e = Object.fromEntries(LIST_HEADERS.map(([f]) => [f, String(r.cells[cols.get(f)!] ?? "")])) as Record<keyof PublicListEntry, string>;
    const category = resultCategoryOf(e.category);
    if (!category) {
      issues.push(issue("result_category_unknown", { value: e.category, accepted: Object.values(resultCategoryLabels).map((l) => l.zh).join("、") }, { row: r.row, field: "检查结果" }));
      continue;
    }
    out.push({ ...e, category });
  }
  return settle(out, issues);
}
