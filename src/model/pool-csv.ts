import { cellText, csvProblemIssues, readCsv } from "../_internal/csv.js";
import type { Table } from "../files/types.js";
import type { Issue, Result } from "../result.js";
import type { Entity } from "./entity.js";
import type { Inspector } from "./inspector.js";
import { entitiesFromTable, inspectorsFromTable, notA, type PoolTableOptions } from "./pool-table.js";
import { issue } from "./_issue.js";

// The CSV-text and rows readers of pools: thin wrappers that build a Table and read it as parseEntityPoolTable does.

/** CSV text as a Table (a BOM dropped, every record kept and numbered as in the file); parse problems are errors. */
function csvTable(text: string, issues: Issue[]): Table {
  const { rows, problems } = readCsv(text);
  for (const i of csvProblemIssues(problems, issue)) issues.push(i);
  return { format: "csv", rows, merges: [] };
}

/** Rows of cell values (numbers, dates, rich text from a spreadsheet library) as a Table numbered from 1. */
const rowsTable = (rows: readonly (readonly unknown[])[]): Table => ({
  format: "rows",
  merges: [],
  rows: rows.map((cells, i) => ({ row: i + 1, cells: (Array.isArray(cells) ? cells : [cells]).map(cellText) })),
});

/**
 * Options of {@link parseEntityPoolCsv} and {@link parseInspectorPoolCsv}.
 * @public
 */
export type PoolCsvOptions = PoolTableOptions;

/**
 * Reads an entity pool (检查对象名录库) from CSV text as exported from Excel/WPS or a registry. Headers may be
 * Chinese or English (统一社会信用代码/id, 名称/name, 类型/kind, 行政区划代码/regionCode, 行业/industry,
 * 信用风险分类/tier, 登记状态/status, 标签/tags, 上次检查日期/lastInspected); other columns are kept as
 * `attributes`. Rows are numbered as in the file (the first line is row 1); the header is found as
 * {@link parseEntityPoolTable} finds it (title rows above it are reported). The text must already be decoded: for
 * the bytes of a GBK or UTF-16 file use `readEntityPool` of `double-random/files`.
 *
 * @returns every entity, or all issues with their rows: `csv_parse_error` (the first 50; `csv_parse_errors_capped` counts the rest), `csv_missing_column`,
 * `csv_duplicate_column`, `pool_cell_empty`, `date_invalid`, `duplicate_entity_id` and the entity issues; see
 * {@link parseEntityPoolTable}.
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
  const table = csvTable(text, issues);
  return entitiesFromTable(table, options ?? {}, issues);
}

/**
 * Reads an entity pool from table rows numbered from 1 (the header is the first row, or the row below the title
 * rows), e.g. a grid pasted from a spreadsheet; cell values are read as text (`Date` as its ISO day). Same headers and issues as {@link parseEntityPoolCsv}.
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
  return entitiesFromTable(rowsTable(rows), options ?? {});
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
  const table = csvTable(text, issues);
  return inspectorsFromTable(table, issues);
}

/**
 * Reads an inspector pool from table rows numbered from 1 (the header is the first row, or the row below the
 * title rows). Same headers and issues as
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
  return inspectorsFromTable(rowsTable(rows));
}
