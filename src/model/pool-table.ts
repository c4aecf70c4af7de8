// Pools (检查对象名录库, 执法检查人员名录库, 专家库) from a Table, whatever file it was read from: the header is
// located (title rows, two-row headers), cells are mapped to fields by header text, and nothing is guessed silently.
import { isRealDate } from "../_internal/dates.js";
import { locateHeader, type HeaderColumn, type LocatedHeader } from "../files/header.js";
import type { Table, TableRow } from "../files/types.js";
import { fail, type Issue, type Message, type Result, settle } from "../result.js";
import type { Entity } from "./entity.js";
import type { Inspector } from "./inspector.js";
import { parseEntityPool, parseInspectorPool, type PoolOptions } from "./pool.js";
import { issue } from "./_issue.js";

interface Field {
  readonly name: string;
  readonly headers: readonly string[];
  /** The column must exist and every row must fill it. */
  readonly required?: boolean;
  /** The column may be absent, but where it exists a blank cell is an error: it would silently become this default. */
  readonly blankMeans?: Message;
  readonly list?: boolean;
  readonly boolean?: boolean;
  readonly integer?: boolean;
  readonly date?: boolean;
}

const ENTITY_FIELDS: readonly Field[] = [
  { name: "id", headers: ["统一社会信用代码", "社会信用代码", "信用代码", "对象编号", "主体编号", "编号", "id"], required: true },
  { name: "idKind", headers: ["编号类型", "idkind"] },
  { name: "name", headers: ["名称", "企业名称", "主体名称", "对象名称", "name"], required: true },
  { name: "kind", headers: ["类型", "主体类型", "对象类型", "kind"], blankMeans: { zh: "企业", en: "enterprise" } },
  { name: "regionCode", headers: ["行政区划代码", "区划代码", "regioncode"] },
  { name: "industry", headers: ["行业", "所属行业", "industry"] },
  { name: "tier", headers: ["信用风险分类", "信用风险等级", "风险等级", "风险分类", "tier"], blankMeans: { zh: "未分级", en: "no risk tier" } },
  { name: "status", headers: ["登记状态", "经营状态", "状态", "status"], blankMeans: { zh: "存续", en: "active" } },
  { name: "tags", headers: ["标签", "tags"], list: true },
  { name: "lastInspected", headers: ["上次检查日期", "最近检查日期", "lastinspected"], date: true },
  // The items of that inspection (draw-v1 §4.1); without them it names no item and counts for any rule's item.
  { name: "lastInspectedItems", headers: ["上次检查事项", "检查事项", "lastinspecteditems"], list: true },
];

const INSPECTOR_FIELDS: readonly Field[] = [
  { name: "id", headers: ["执法证号", "人员编号", "编号", "id"], required: true },
  { name: "name", headers: ["姓名", "检查人员姓名", "name"], required: true },
  { name: "department", headers: ["所属部门", "部门", "department"], required: true },
  { name: "credential", headers: ["执法资格", "credential"], boolean: true, blankMeans: { zh: "有执法资格", en: "holds a credential" } },
  { name: "expert", headers: ["专家", "是否专家", "expert"], boolean: true, blankMeans: { zh: "否", en: "no" } },
  { name: "qualifications", headers: ["专业资质", "资质", "qualifications"], list: true },
  { name: "regions", headers: ["可派往区域", "区域", "regions"], list: true },
  { name: "loadCap", headers: ["工作量上限", "每批上限", "loadcap"], integer: true },
  { name: "conflicts", headers: ["回避对象", "回避", "conflicts"], list: true },
];

// A 专家库 names the employer and the speciality in its own words; everyone in it is an expert.
const EXPERT_FIELDS: readonly Field[] = INSPECTOR_FIELDS.map((f) =>
  f.name === "id" ? { ...f, headers: [...f.headers, "专家编号", "证件号码"] }
  : f.name === "department" ? { ...f, headers: [...f.headers, "工作单位", "单位"] }
  : f.name === "qualifications" ? { ...f, headers: [...f.headers, "专业领域", "专业", "专长"] }
  : f.name === "expert" ? { ...f, blankMeans: { zh: "是", en: "yes" } }
  : f,
);

const YES = new Set(["是", "有", "true", "1", "yes", "y", "√"]);
const NO = new Set(["否", "无", "false", "0", "no", "n", "×"]);
// Lists inside one cell: planners separate with 、 ， ； or |.
const LIST_SEPARATOR = /[;；、,，|]/;

/** Header text as compared: NFKC (full-width letters and brackets become ASCII), no spaces, lower case, no `*` marks. */
function normalizeHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase().replace(/^\*+|\*+$/g, "");
}

function recognizerOf(fields: readonly Field[]): (text: string) => Field | undefined {
  const byHeader = new Map<string, Field>();
  for (const f of fields) for (const h of f.headers) byHeader.set(normalizeHeader(h), f);
  return (text) => {
    const h = normalizeHeader(text);
    // Templates add a note in brackets: 统一社会信用代码（必填）, 上次检查日期(YYYY-MM-DD).
    return byHeader.get(h) ?? byHeader.get(h.replace(/\([^()]*\)$/, ""));
  };
}

/**
 * The dates planners type, as ISO: 2023-02-01, 2023-2-1, 2023/2/1, 2023.2.1, 2023年2月1日, 20230201; a time of
 * day at midnight (as a spreadsheet's CSV export writes it) is dropped. `undefined` for anything else or a date
 * that does not exist.
 */
export function readDateText(text: string): string | undefined {
  const t = text.normalize("NFKC").trim().replace(/\s+0{1,2}:00(:00)?$/, "").replace(/\s+/g, "");
  const m = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))$/.exec(t);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[3] ?? m[5] ?? m[7]);
  const day = Number(m[4] ?? m[6] ?? m[8]);
  if (!isRealDate(year, month, day)) return undefined;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

interface Located {
  readonly header: LocatedHeader<string>;
  readonly columns: ReadonlyMap<number, Field>;
}

function locate(table: Table, fields: readonly Field[], issues: Issue[]): Located | undefined {
  const recognize = recognizerOf(fields);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const found = locateHeader(table, (text) => recognize(text)?.name, { otherwise: "first-row" });
  if (!found.ok) {
    for (const i of found.issues) issues.push(i);
    return undefined;
  }
  for (const i of found.warnings) issues.push(i);
  const header = found.value;
  for (const d of header.duplicates) {
    issues.push(issue("csv_duplicate_column", { column: d.text, first: d.first, second: d.column }, { field: d.text, ...(header.rows[0] ? { row: header.rows[0] } : {}) }));
  }
  for (const f of fields) {
    if (f.required && !header.fields.has(f.name)) {
      issues.push(issue("csv_missing_column", { column: f.headers[0] as string, accepted: f.headers.join("、") }));
    }
  }
  const columns = new Map<number, Field>();
  for (const [name, col] of header.fields) columns.set(col.index, byName.get(name) as Field);
  return { header, columns };
}

function toRecord(r: TableRow, located: Located, issues: Issue[], keepUnknown: boolean): Record<string, unknown> {
  const { header, columns } = located;
  const o: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  const width = Math.max(r.cells.length, header.columns.length);
  for (let index = 0; index < width; index++) {
    const value = (r.cells[index] ?? "").trim();
    const f = columns.get(index);
    const col: HeaderColumn<string> | undefined = header.columns[index];
    const name = col?.text ?? `第${index + 1}列`;
    if (value === "") {
      if (f && (f.required || f.blankMeans)) {
        const fallback = f.blankMeans ? { zh: `（留空会被当作“${f.blankMeans.zh}”）`, en: ` (a blank would be read as "${f.blankMeans.en}")` } : { zh: "", en: "" };
        issues.push(issue("pool_cell_empty", { row: r.row, column: name, fallback }, { row: r.row, field: name }));
      }
      continue;
    }
    if (!f) {
      if (keepUnknown) attributes[name] = value;
      continue;
    }
    if (f.list) o[f.name] = value.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== "");
    else if (f.boolean) {
      const k = value.toLowerCase();
      if (YES.has(k)) o[f.name] = true;
      else if (NO.has(k)) o[f.name] = false;
      else issues.push(issue("csv_invalid_boolean", { value }, { row: r.row, field: name }));
    } else if (f.integer) {
      if (/^\d+$/.test(value)) o[f.name] = Number(value);
      else issues.push(issue("csv_invalid_number", { value }, { row: r.row, field: name }));
    } else if (f.date) {
      const iso = readDateText(value);
      if (iso !== undefined) o[f.name] = iso;
      else issues.push(issue("date_invalid", { path: name, value }, { row: r.row, field: name }));
    } else o[f.name] = value;
  }
  if (Object.keys(attributes).length > 0) o.attributes = attributes;
  return o;
}

/**
 * Options of {@link parseEntityPoolTable} (and of the CSV and rows readers built on it).
 * @public
 */
export interface PoolTableOptions {
  /** Keep columns the SDK does not know as `attributes` (entities only), keyed by their header text. Default true. */
  readonly keepUnknownColumns?: boolean;
  /** Progress of row validation, see {@link PoolOptions}. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The issue for an input of the wrong kind (a caller passing a File object, a number, a worksheet…). */
export const notA = (expected: string, input: unknown): Result<never> =>
  fail([issue("invalid_type", { path: "(root)", expected, received: input === null ? "null" : Array.isArray(input) ? "array" : typeof input })]);
const isTable = (input: unknown): input is Table =>
  typeof input === "object" && input !== null && Array.isArray((input as Table).rows);

/** The rows of a pool table as records for the schema, or undefined after an error. */
function recordsOf(table: Table, fields: readonly Field[], issues: Issue[], keepUnknown: boolean): { records: Record<string, unknown>[]; rows: number[] } | undefined {
  const located = locate(table, fields, issues);
  if (!located) return undefined;
  const records: Record<string, unknown>[] = [];
  const rows: number[] = [];
  for (const r of located.header.body) {
    records.push(toRecord(r, located, issues, keepUnknown));
    rows.push(r.row);
  }
  return { records, rows };
}

/** Entity records from a table; shared by every entity pool reader. */
export function entitiesFromTable(table: Table, options: PoolTableOptions, issues: Issue[] = []): Result<Entity[]> {
  const read = recordsOf(table, ENTITY_FIELDS, issues, options.keepUnknownColumns !== false);
  if (!read || issues.some((i) => i.severity === "error")) return settle([], issues);
  for (const o of read.records) {
    // One inspection per named item (the same date), or one naming no item, which draw-v1 §4.1 counts for the rule's item.
    const items = Array.isArray(o.lastInspectedItems) ? (o.lastInspectedItems as string[]) : [];
    if (typeof o.lastInspected === "string") o.inspections = items.length > 0 ? items.map((itemId) => ({ date: o.lastInspected, itemId })) : [{ date: o.lastInspected }];
    delete o.lastInspected;
    delete o.lastInspectedItems;
  }
  const pool = parseEntityPool(read.records, { rowNumbers: read.rows, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return pool.ok ? settle(pool.value, [...issues, ...pool.warnings]) : settle([], [...issues, ...pool.issues]);
}

/** Inspector (or expert) records from a table; shared by every inspector pool reader. */
export function inspectorsFromTable(table: Table, issues: Issue[] = [], experts = false): Result<Inspector[]> {
  const read = recordsOf(table, experts ? EXPERT_FIELDS : INSPECTOR_FIELDS, issues, false);
  if (!read || issues.some((i) => i.severity === "error")) return settle([], issues);
  for (const o of read.records) {
    if (Array.isArray(o.conflicts)) o.conflicts = o.conflicts.map((entityId: string) => ({ entityId, reason: "declared" }));
    if (experts && o.expert === undefined) o.expert = true;
  }
  const pool = parseInspectorPool(read.records, { rowNumbers: read.rows });
  return pool.ok ? settle(pool.value, [...issues, ...pool.warnings]) : settle([], [...issues, ...pool.issues]);
}

/**
 * Reads an entity pool (检查对象名录库) from a {@link Table}: a workbook, CSV or Word table read by
 * `readTable` of `double-random/files`, or rows built in memory (`format: "rows"`).
 *
 * @remarks
 * The header is found by `locateHeader` (title rows above it and a two-row header are reported as info).
 * Headers, Chinese or English: 统一社会信用代码/id, 名称/name, 类型/kind, 行政区划代码/regionCode, 行业/industry,
 * 信用风险分类/tier, 登记状态/status, 标签/tags, 上次检查日期/lastInspected, 上次检查事项/lastInspectedItems (the items of
 * that inspection; without them it names no item, which draw-v1 §4.1 counts for the rule's item); spaces, full-width letters, `*` marks
 * and a trailing note in brackets ("名称（必填）") are ignored; other columns are kept as `attributes`. A blank
 * 类型, 信用风险分类 or 登记状态 cell where the column exists is an error (`pool_cell_empty`): left blank it would
 * silently become an active, untiered enterprise and change the strata. Dates may be typed as 2023/2/1, 2023.2.1,
 * 2023年2月1日 or 20230201 and are read as 2023-02-01; any other text is `date_invalid` showing the value.
 *
 * Issue codes: `csv_missing_column`, `csv_duplicate_column`, `pool_cell_empty`, `date_invalid`,
 * `table_header_not_found`, `duplicate_entity_id` and the entity issues (errors); `table_row_short`,
 * `table_row_long` and the entity warnings (warnings); `table_title_rows`, `table_header_combined`,
 * `table_header_repeated` (info).
 * @param table - the table, rows numbered as the user sees them.
 * @param options - see {@link PoolTableOptions}.
 * @returns every entity, or all issues, each with its `row` and column (`field`).
 * @example
 * ```ts
 * const table = { format: "rows", merges: [], rows: [
 *   { row: 1, cells: ["统一社会信用代码", "名称", "信用风险分类", "上次检查日期"] },
 *   { row: 2, cells: ["E1", "甲", "B", "2023/2/1"] },
 * ] };
 * const r = parseEntityPoolTable(table);
 * r.ok && [r.value[0].tier, r.value[0].inspections[0].date]
 * //=> ["B", "2023-02-01"]
 * ```
 * @public
 */
export function parseEntityPoolTable(table: Table, options: PoolTableOptions = {}): Result<Entity[]> {
  if (!isTable(table)) return notA("Table", table);
  return entitiesFromTable(table, options ?? {});
}

/**
 * Reads an inspector pool (执法检查人员名录库) from a {@link Table}. Headers: 执法证号/id, 姓名/name,
 * 所属部门/department, 执法资格/credential (是/否), 专家/expert (是/否), 专业资质/qualifications,
 * 可派往区域/regions, 工作量上限/loadCap, 回避对象/conflicts (entity ids). A blank 执法资格 or 专家 cell where the
 * column exists is `pool_cell_empty`. Same header location and issues as {@link parseEntityPoolTable}.
 * @param table - the table, rows numbered as the user sees them.
 * @returns every inspector, or all issues with their rows.
 * @example
 * ```ts
 * const table = { format: "rows", merges: [], rows: [
 *   { row: 1, cells: ["执法证号", "姓名", "所属部门", "执法资格"] },
 *   { row: 2, cells: ["P1", "张三", "市场监管局", ""] },
 * ] };
 * const r = parseInspectorPoolTable(table);
 * r.ok ? null : [r.issues[0].code, r.issues[0].row, r.issues[0].field]
 * //=> ["pool_cell_empty", 2, "执法资格"]
 * ```
 * @public
 */
export function parseInspectorPoolTable(table: Table): Result<Inspector[]> {
  if (!isTable(table)) return notA("Table", table);
  return inspectorsFromTable(table);
}

/**
 * Reads an expert pool (专家库) from a {@link Table}: the inspector columns, and also 工作单位 for the
 * department and 专业领域/专业 for the qualifications; everyone is an expert unless a 专家 column says 否.
 * Same issues as {@link parseInspectorPoolTable}.
 * @param table - the table, rows numbered as the user sees them.
 * @returns every expert, or all issues with their rows.
 * @example
 * ```ts
 * const table = { format: "rows", merges: [], rows: [
 *   { row: 1, cells: ["专家编号", "姓名", "工作单位", "专业领域"] },
 *   { row: 2, cells: ["ZJ-01", "周专家", "某设计院", "消防"] },
 * ] };
 * const r = parseExpertPoolTable(table);
 * r.ok && [r.value[0].expert, r.value[0].department, r.value[0].qualifications]
 * //=> [true, "某设计院", ["消防"]]
 * ```
 * @public
 */
export function parseExpertPoolTable(table: Table): Result<Inspector[]> {
  if (!isTable(table)) return notA("Table", table);
  return inspectorsFromTable(table, [], true);
}
