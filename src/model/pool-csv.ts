import { type CsvRow, cellText, isBlankRow, readCsv } from "../_internal/csv.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import type { Entity } from "./entity.js";
import type { Inspector } from "./inspector.js";
import { parseEntityPool, parseInspectorPool, type PoolOptions } from "./pool.js";
import { issue } from "./_issue.js";

type Field = { name: string; headers: readonly string[]; required?: boolean; list?: boolean; boolean?: boolean; integer?: boolean };

const ENTITY_FIELDS: readonly Field[] = [
  { name: "id", headers: ["统一社会信用代码", "社会信用代码", "信用代码", "对象编号", "主体编号", "编号", "id"], required: true },
  { name: "idKind", headers: ["编号类型", "idkind"] },
  { name: "name", headers: ["名称", "企业名称", "主体名称", "对象名称", "name"], required: true },
  { name: "kind", headers: ["类型", "主体类型", "对象类型", "kind"] },
  { name: "regionCode", headers: ["行政区划代码", "区划代码", "regioncode"] },
  { name: "industry", headers: ["行业", "所属行业", "industry"] },
  { name: "tier", headers: ["信用风险分类", "信用风险等级", "风险等级", "风险分类", "tier"] },
  { name: "status", headers: ["登记状态", "经营状态", "状态", "status"] },
  { name: "tags", headers: ["标签", "tags"], list: true },
  { name: "lastInspected", headers: ["上次检查日期", "最近检查日期", "lastinspected"] },
];

const INSPECTOR_FIELDS: readonly Field[] = [
  { name: "id", headers: ["执法证号", "人员编号", "编号", "id"], required: true },
  { name: "name", headers: ["姓名", "检查人员姓名", "name"], required: true },
  { name: "department", headers: ["所属部门", "部门", "department"], required: true },
  { name: "credential", headers: ["执法资格", "credential"], boolean: true },
  { name: "expert", headers: ["专家", "是否专家", "expert"], boolean: true },
  { name: "qualifications", headers: ["专业资质", "资质", "qualifications"], list: true },
  { name: "regions", headers: ["可派往区域", "区域", "regions"], list: true },
  { name: "loadCap", headers: ["工作量上限", "每批上限", "loadcap"], integer: true },
  { name: "conflicts", headers: ["回避对象", "回避", "conflicts"], list: true },
];

const YES = new Set(["是", "有", "true", "1", "yes", "y"]);
const NO = new Set(["否", "无", "false", "0", "no", "n"]);
// Lists inside one cell: planners separate with 、 ， ； or |.
const LIST_SEPARATOR = /[;；、,，|]/;

interface CsvTable {
  header: string[];
  /** Non-blank body rows with their spreadsheet row numbers (header = row 1, blank rows counted). */
  rows: CsvRow[];
}

function tableOf(rows: readonly { row: number; cells: readonly unknown[] }[]): CsvTable {
  const [header, ...body] = rows;
  return {
    header: (header?.cells ?? []).map((h) => cellText(h).trim()),
    rows: body.map((r) => ({ row: r.row, cells: r.cells.map(cellText) })).filter((r) => !isBlankRow(r.cells)),
  };
}

function readTableCsv(text: string, issues: Issue[]): CsvTable {
  const { rows, problems } = readCsv(text);
  for (const p of problems) issues.push(issue("csv_parse_error", { row: p.row, detail: p.message }, { row: p.row }));
  return tableOf(rows);
}

const numbered = (rows: readonly (readonly unknown[])[]) => rows.map((cells, i) => ({ row: i + 1, cells: Array.isArray(cells) ? cells : [cells] }));

/** The issue for an input of the wrong kind (a caller passing a File object, a number, a worksheet…). */
const notA = (expected: string, input: unknown): Result<never> =>
  fail([issue("invalid_type", { path: "(root)", expected, received: input === null ? "null" : Array.isArray(input) ? "array" : typeof input })]);

function mapColumns(header: readonly string[], fields: readonly Field[], issues: Issue[]): Map<number, Field> {
  const byHeader = new Map<string, Field>();
  for (const f of fields) for (const h of f.headers) byHeader.set(h.normalize("NFKC").toLowerCase(), f);
  const out = new Map<number, Field>();
  const firstColumn = new Map<string, number>();
  header.forEach((h, col) => {
    const f = byHeader.get(h.normalize("NFKC").toLowerCase());
    if (!f) return;
    const seen = firstColumn.get(f.name);
    if (seen !== undefined) {
      issues.push(issue("csv_duplicate_column", { column: h, first: seen + 1, second: col + 1 }, { field: h }));
      return;
    }
    firstColumn.set(f.name, col);
    out.set(col, f);
  });
  for (const f of fields) {
    if (f.required && !firstColumn.has(f.name)) {
      issues.push(issue("csv_missing_column", { column: f.headers[0] as string, accepted: f.headers.join("、") }));
    }
  }
  return out;
}

function toRecords(table: CsvTable, columns: Map<number, Field>, issues: Issue[], finish: (o: Record<string, unknown>) => void): Record<string, unknown>[] {
  return table.rows.map(({ row: line, cells }) => {
    const o: Record<string, unknown> = {};
    const attributes: Record<string, string> = {};
    cells.forEach((raw, col) => {
      const value = raw.trim();
      if (value === "") return;
      const f = columns.get(col);
      const header = table.header[col] ?? `column${col + 1}`;
      if (!f) {
        attributes[header] = value;
        return;
      }
      if (f.list) o[f.name] = value.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== "");
      else if (f.boolean) {
        const k = value.toLowerCase();
        if (YES.has(k)) o[f.name] = true;
        else if (NO.has(k)) o[f.name] = false;
        else issues.push(issue("csv_invalid_boolean", { value }, { row: line, field: header }));
      } else if (f.integer) {
        if (/^\d+$/.test(value)) o[f.name] = Number(value);
        else issues.push(issue("csv_invalid_number", { value }, { row: line, field: header }));
      } else o[f.name] = value;
    });
    if (Object.keys(attributes).length > 0) o.attributes = attributes;
    finish(o);
    return o;
  });
}

/**
 * Options of {@link parseEntityPoolCsv} and {@link parseInspectorPoolCsv}.
 * @public
 */
export interface PoolCsvOptions {
  /** Keep columns the SDK does not know as `attributes` (entities only). Default true. */
  readonly keepUnknownColumns?: boolean;
  /** Progress of row validation, see {@link PoolOptions}. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Reads an entity pool (检查对象名录库) from CSV text as exported from Excel/WPS or a registry. Headers may be
 * Chinese or English (统一社会信用代码/id, 名称/name, 类型/kind, 行政区划代码/regionCode, 行业/industry,
 * 信用风险分类/tier, 登记状态/status, 标签/tags, 上次检查日期/lastInspected); other columns are kept as
 * `attributes`. Rows are numbered as in the file (header = row 1).
 *
 * @returns every entity, or all issues with their rows: `csv_parse_error`, `csv_missing_column`,
 * `csv_duplicate_column`, `duplicate_entity_id` and the entity issues.
 * @example
 * ```ts
 * const r = parseEntityPoolCsv("统一社会信用代码,名称,信用风险分类\n91350100M000100Y43,某公司,D\n");
 * r.ok && r.value[0].tier
 * //=> "D"
 * ```
 * @public
 */
export function parseEntityPoolCsv(text: string, options: PoolCsvOptions = {}): Result<Entity[]> {
  if (typeof text !== "string") return notA("string", text);
  const issues: Issue[] = [];
  return entitiesFromTable(readTableCsv(text, issues), issues, options);
}

/**
 * Reads an entity pool from table rows (the first row is the header), e.g. a worksheet read by an XLSX
 * library or a grid pasted from a spreadsheet. Same headers and issues as {@link parseEntityPoolCsv}.
 * @example
 * ```ts
 * const r = parseEntityPoolRows([["id", "name", "status"], ["E1", "甲", "注销"]]);
 * r.ok && r.value[0].status
 * //=> "deregistered"
 * ```
 * @public
 */
export function parseEntityPoolRows(rows: readonly (readonly unknown[])[], options: PoolCsvOptions = {}): Result<Entity[]> {
  if (!Array.isArray(rows)) return notA("array", rows);
  return entitiesFromTable(tableOf(numbered(rows)), [], options);
}

function entitiesFromTable(table: CsvTable, issues: Issue[], options: PoolCsvOptions): Result<Entity[]> {
  const columns = mapColumns(table.header, ENTITY_FIELDS, issues);
  const records = toRecords(table, columns, issues, (o) => {
    if (typeof o.lastInspected === "string") o.inspections = [{ date: o.lastInspected }];
    delete o.lastInspected;
    if (options.keepUnknownColumns === false) delete o.attributes;
  });
  if (issues.some((i) => i.severity === "error")) return settle([], issues);
  const pool = parseEntityPool(records, { rowNumbers: table.rows.map((r) => r.row), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return pool.ok ? settle(pool.value, [...issues, ...pool.warnings]) : settle([], [...issues, ...pool.issues]);
}

/**
 * Reads an inspector pool (执法检查人员名录库) from CSV text. Headers: 执法证号/id, 姓名/name, 所属部门/department,
 * 执法资格/credential (是/否), 专家/expert (是/否), 专业资质/qualifications, 可派往区域/regions,
 * 工作量上限/loadCap, 回避对象/conflicts (entity ids).
 *
 * @returns every inspector, or all issues with their rows.
 * @example
 * ```ts
 * const r = parseInspectorPoolCsv("执法证号,姓名,所属部门,专家\nP1,张三,市场监管局,否\n");
 * r.ok && r.value[0].expert
 * //=> false
 * ```
 * @public
 */
export function parseInspectorPoolCsv(text: string): Result<Inspector[]> {
  if (typeof text !== "string") return notA("string", text);
  const issues: Issue[] = [];
  return inspectorsFromTable(readTableCsv(text, issues), issues);
}

/**
 * Reads an inspector pool from table rows (the first row is the header). Same headers and issues as
 * {@link parseInspectorPoolCsv}.
 * @example
 * ```ts
 * parseInspectorPoolRows([["执法证号", "姓名", "所属部门"], ["P1", "张三", "应急管理局"]]).ok
 * //=> true
 * ```
 * @public
 */
export function parseInspectorPoolRows(rows: readonly (readonly unknown[])[]): Result<Inspector[]> {
  if (!Array.isArray(rows)) return notA("array", rows);
  return inspectorsFromTable(tableOf(numbered(rows)), []);
}

function inspectorsFromTable(table: CsvTable, issues: Issue[]): Result<Inspector[]> {
  const columns = mapColumns(table.header, INSPECTOR_FIELDS, issues);
  const records = toRecords(table, columns, issues, (o) => {
    if (Array.isArray(o.conflicts)) o.conflicts = o.conflicts.map((entityId: string) => ({ entityId, reason: "declared" }));
    delete o.attributes;
  });
  if (issues.some((i) => i.severity === "error")) return settle([], issues);
  const pool = parseInspectorPool(records, { rowNumbers: table.rows.map((r) => r.row) });
  return pool.ok ? settle(pool.value, [...issues, ...pool.warnings]) : settle([], [...issues, ...pool.issues]);
}
