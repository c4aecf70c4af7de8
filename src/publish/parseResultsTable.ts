import { capIssuesPerCell } from "../_internal/capIssues.js";
import { formatIso, parseIso, toDayNumber } from "../_internal/dates.js";
import { locateHeader } from "../files/header.js";
import type { Table } from "../files/types.js";
import type { CheckMethod } from "../model/item.js";
import { checkMethodOf, type FollowUp, type InspectionResult, parseInspectionResult, resultCategoryLabels, resultCategoryOf } from "../model/result.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { issue } from "./_issue.js";

type FieldName =
  | "taskId" | "entityId" | "entityName" | "inspectionDates" | "concludedOn" | "enteredOn" | "department" | "teamIds" | "methods"
  | "items" | "problemItems" | "category" | "note" | "rectificationDeadline" | "abnormalListOn" | "verifiedOn" | "caseFiledOn"
  | "caseNumber" | "transferTo" | "transferredOn";

/** Column headers of a results table, as 公示系统 exports and department spreadsheets name them (zh first). */
const FIELDS: readonly { name: FieldName; headers: readonly string[] }[] = [
  { name: "taskId", headers: ["任务编号", "抽查任务编号", "taskid"] },
  { name: "entityId", headers: ["统一社会信用代码", "社会信用代码", "信用代码", "注册号", "对象编号", "主体编号", "entityid"] },
  { name: "entityName", headers: ["检查对象名称", "企业名称", "主体名称", "对象名称", "名称", "检查对象", "entityname"] },
  { name: "inspectionDates", headers: ["检查日期", "检查时间", "抽查日期", "inspectiondates"] },
  { name: "concludedOn", headers: ["检查结果形成日期", "结果形成日期", "concludedon"] },
  { name: "enteredOn", headers: ["录入日期", "结果录入日期", "enteredon"] },
  { name: "department", headers: ["检查实施机关", "检查机关", "检查部门", "实施部门", "department"] },
  { name: "teamIds", headers: ["检查人员", "检查人员编号", "执法人员", "执法证号", "teamids"] },
  { name: "methods", headers: ["检查方式", "methods"] },
  { name: "items", headers: ["抽查事项", "检查事项", "items"] },
  { name: "problemItems", headers: ["问题事项", "发现问题事项", "problemitems"] },
  { name: "category", headers: ["检查结果", "抽查结果", "抽查检查结果", "category"] },
  { name: "note", headers: ["问题描述", "备注", "note"] },
  { name: "rectificationDeadline", headers: ["责令改正期限", "整改期限"] },
  { name: "abnormalListOn", headers: ["列入经营异常名录日期", "列入经营异常名录决定日期", "列异日期"] },
  { name: "verifiedOn", headers: ["核实日期"] },
  { name: "caseFiledOn", headers: ["立案日期"] },
  { name: "caseNumber", headers: ["立案号", "案件编号"] },
  { name: "transferTo", headers: ["移送部门", "移送机关"] },
  { name: "transferredOn", headers: ["移送日期"] },
];
const REQUIRED: readonly FieldName[] = ["entityId", "entityName", "inspectionDates", "category"];
const LIST_SEPARATOR = /[;；、,，|\n]/;

/**
 * Options of {@link parseResultsTable}.
 * @public
 */
export interface ParseResultsTableOptions {
  /** The task id of every row, when the table has no 任务编号 column. */
  readonly taskId?: string;
}

const norm = (h: string) => h.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
const byHeader = new Map<string, FieldName>(FIELDS.flatMap((f) => f.headers.map((h) => [norm(h), f.name] as const)));

/** An ISO day from the date forms spreadsheets show (2023-06-01, 2023/6/1, 2023.6.1, 2023年6月1日); never a guess. */
function isoDay(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize("NFKC").trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return parseIso(iso) === undefined ? undefined : formatIso(toDayNumber(Number(m[1]), Number(m[2]), Number(m[3])));
}

/**
 * Reads a results table (检查结果表: CSV/XLSX with Chinese headers, as returned by the shared table reader or built in
 * memory) into {@link InspectionResult}s. The header is found by `locateHeader` (title rows above it, two-row headers and
 * repeated header rows are reported as `info`). Headers:
 * 任务编号, 统一社会信用代码 (对象编号), 检查对象名称 (企业名称), 检查日期 (several separated by 、), 检查结果形成日期, 录入日期,
 * 检查实施机关, 检查人员 (ids separated by 、), 检查方式, 抽查事项, 问题事项, 检查结果 (a category label), 问题描述, 责令改正期限,
 * 列入经营异常名录日期, 核实日期, 立案日期, 立案号, 移送部门, 移送日期.
 *
 * @returns every result, or every issue with its `row` and `field`: `table_header_not_found`, `csv_missing_column`,
 * `csv_duplicate_column`, `result_field_missing`,
 * `result_date_invalid`, `result_category_unknown`, `result_method_unknown`, and the model's issues.
 * @example
 * ```ts
 * const table = { format: "rows", merges: [], rows: [
 *   { row: 1, cells: ["任务编号", "统一社会信用代码", "企业名称", "检查日期", "检查结果", "责令改正期限"] },
 *   { row: 2, cells: ["T1", "91350100M000100Y43", "甲公司", "2023-06-01", "发现问题已责令改正", "2023-06-30"] } ] };
 * const r = parseResultsTable(table);
 * r.ok && [r.value[0].category, r.value[0].followUps[0].kind]
 * //=> ["corrected", "rectification"]
 * ```
 * @public
 */
export function parseResultsTable(table: Table, options: ParseResultsTableOptions = {}): Result<InspectionResult[]> {
  if (!table || !Array.isArray(table.rows)) {
    return fail([issue("invalid_type", { path: "table", expected: "Table", received: table === null ? "null" : typeof table })]);
  }
  const located = locateHeader(table, (text) => byHeader.get(norm(text)));
  if (!located.ok) return located;
  const issues: Issue[] = [...located.warnings];
  const { fields } = located.value;
  const required = options.taskId === undefined ? ["taskId" as const, ...REQUIRED] : REQUIRED;
  for (const f of required) {
    if (!fields.has(f)) {
      const headers = FIELDS.find((x) => x.name === f)!.headers;
      issues.push(issue("csv_missing_column", { column: headers[0]!, accepted: headers.join("、") }));
    }
  }
  for (const d of located.value.duplicates) issues.push(issue("csv_duplicate_column", { column: d.text, first: d.first, second: d.column }, { field: d.text }));
  if (issues.some((i) => i.severity === "error")) return fail(issues);
  const cols = new Map<FieldName, number>([...fields].map(([f, c]) => [f, c.index]));
  const headerText = (f: FieldName) => fields.get(f)?.text ?? f;

  const out: InspectionResult[] = [];
  for (const r of located.value.body) {
    const cell = (f: FieldName) => {
      const col = cols.get(f);
      return col === undefined ? "" : String(r.cells[col] ?? "").trim();
    };
    const list = (f: FieldName) => cell(f).split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== "");
    const at = (f: FieldName) => ({ row: r.row, field: headerText(f) });
    const rowIssues: Issue[] = [];
    const date = (f: FieldName, text: string) => {
      const d = isoDay(text);
      if (d === undefined) rowIssues.push(issue("result_date_invalid", { value: text }, at(f)));
      return d;
    };
    const optionalDate = (f: FieldName) => (cell(f) === "" ? undefined : date(f, cell(f)));

    for (const f of required) if (cell(f) === "") rowIssues.push(issue("result_field_missing", { row: r.row, field: headerText(f) }, at(f)));
    const dates = list("inspectionDates").map((t) => date("inspectionDates", t));
    let category: string | undefined;
    if (cell("category") !== "") {
      category = resultCategoryOf(cell("category"));
      if (!category) {
        const accepted = Object.values(resultCategoryLabels).map((l) => l.zh).join("、");
        rowIssues.push(issue("result_category_unknown", { value: cell("category"), accepted }, at("category")));
      }
    }
    const methods: CheckMethod[] = [];
    for (const m of list("methods")) {
      const code = checkMethodOf(m);
      if (code) methods.push(code);
      else rowIssues.push(issue("result_method_unknown", { value: m }, at("methods")));
    }
    const followUps: FollowUp[] = [];
    const deadline = optionalDate("rectificationDeadline");
    if (deadline) followUps.push({ kind: "rectification", deadline });
    const listed = optionalDate("abnormalListOn");
    const verified = optionalDate("verifiedOn");
    if (listed) followUps.push({ kind: "abnormal_list", decidedOn: listed, ...(verified ? { verifiedOn: verified } : {}) });
    const filed = optionalDate("caseFiledOn");
    if (filed || cell("caseNumber") !== "") followUps.push({ kind: "case", ...(filed ? { filedOn: filed } : {}), ...(cell("caseNumber") ? { caseNumber: cell("caseNumber") } : {}) });
    const transferredOn = optionalDate("transferredOn");
    if (cell("transferTo") !== "") followUps.push({ kind: "transfer", to: cell("transferTo"), ...(transferredOn ? { transferredOn } : {}) });
    const concludedOn = optionalDate("concludedOn");
    const enteredOn = optionalDate("enteredOn");
    if (rowIssues.length > 0) {
      for (const i of capIssuesPerCell(rowIssues, issue)) issues.push(i);
      continue;
    }
    const problems = new Set(list("problemItems"));
    const items = list("items");
    const itemSet = new Set(items);
    for (const p of problems) if (!itemSet.has(p)) items.push(p);
    const input = {
      taskId: cell("taskId") || options.taskId,
      entityId: cell("entityId"),
      entityName: cell("entityName"),
      inspectionDates: dates as string[],
      ...(concludedOn ? { concludedOn } : {}),
      ...(enteredOn ? { enteredOn } : {}),
      ...(cell("department") ? { department: cell("department") } : {}),
      teamIds: list("teamIds"),
      methods,
      findings: items.map((itemId) => ({ itemId, outcome: problems.has(itemId) ? "problem" : "compliant" })),
      category,
      followUps,
      ...(cell("note") ? { note: cell("note") } : {}),
    };
    const parsed = parseInspectionResult(input);
    if (parsed.ok) out.push(parsed.value);
    else for (const i of capIssuesPerCell(parsed.issues, issue)) issues.push({ ...i, row: r.row });
  }
  return settle(out, issues);
}
