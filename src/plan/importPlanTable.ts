import { cellText, isBlankRow, readCsv } from "../_internal/csv.js";
import type { CellRange, Table } from "../files/types.js";
import type { Plan, Task } from "../model/plan.js";
import { fail, type Issue, ok, type Result } from "../result.js";
import { type PlanField, normalizeHeader, readTargeting, recognizeHeader, splitDepartments } from "./_columns.js";
import { type FilledCell, rememberFilled } from "./_filled.js";
import { looksShifted } from "../_internal/columnShift.js";
import { cachedParsers, type PlanReadings, type TaskReadings } from "./_readings.js";
import { issue } from "./_issue.js";

export type { PlanField } from "./_columns.js";

/**
 * A plan table: CSV text, rows as arrays of cells (the first rows may be titles, then the header row), rows
 * as records keyed by header (as a spreadsheet library or `Papa.parse(..., { header: true })` gives them), or
 * a {@link Table} from the file readers (`double-random/files`: XLSX, DOCX, CSV in any encoding), whose merged
 * cells arrive filled and whose row numbers are the ones the planner sees.
 * @public
 */
export type PlanTableInput = string | readonly (readonly unknown[])[] | readonly Readonly<Record<string, unknown>>[] | Table;

/**
 * Options of {@link importPlanTable}.
 * @public
 */
export interface ImportPlanTableOptions {
  /** The plan year (计划年度): dates without a year belong to it. */
  readonly year: number;
  /**
   * Merged cells arrive as blanks in CSV exports. `true` fills blanks down from the row above in the columns
   * plans merge in practice: 序号, 地市, 抽查计划名称, 抽查类型, 抽查比例及频次, 信用风险分类要求, 抽查时间,
   * 发起部门, 配合部门, 抽查检查模式, 责任单位, and 抽查任务名称 when the row continues the task above (its 序号
   * is blank too; without a 序号 column names are not filled). A list names the columns (header text or
   * {@link PlanField}) to fill; a name that is no column of the table is an error (`plan_fill_column_unknown`).
   * Every filled cell is reported (`plan_cell_filled`, info). A repeated header row stops the filling. Default:
   * no filling. A {@link Table} from the file readers needs none: its merged cells arrive filled.
   */
  readonly fillMerged?: boolean | readonly string[];
  /** Header text → field, for headers this SDK does not recognise (or to override it). */
  readonly columns?: Readonly<Record<string, PlanField>>;
  /** 制定单位: used as the initiator of tasks whose table has no 发起部门. */
  readonly issuer?: string;
  /** Name of the plan. */
  readonly name?: string;
  /** 计划完成日期 (ISO), e.g. "2023-12-15" when the notice says "12月15日前全部完成". */
  readonly completionDate?: string;
  /** Prefix of generated task ids (the id is prefix + table row number). Default "R". */
  readonly idPrefix?: string;
  /** Sheet name recorded in the provenance of every task. */
  readonly sheet?: string;
}

const DEFAULT_FILL: readonly PlanField[] = [
  "index", "region", "planName", "name", "targeting", "quota", "creditRequirement", "window", "initiator", "cooperators", "mode", "responsible",
];
const FIELDS: readonly PlanField[] = [
  "index", "region", "planName", "name", "targeting", "items", "scope", "quota", "window", "creditRequirement", "initiator", "cooperators", "mode", "responsible",
];
const HEADER_SCAN_ROWS = 20;
// The cells a shifted row loses to its neighbours; block-level cells (发起部门 headings, 地市, 序号) are still filled.
const SHIFTABLE: ReadonlySet<PlanField> = new Set(["name", "targeting", "quota", "window", "creditRequirement", "cooperators", "mode"]);

interface Row {
  readonly row: number;
  readonly cells: readonly string[];
}

function isTable(input: unknown): input is Table {
  return input !== null && typeof input === "object" && !Array.isArray(input) && Array.isArray((input as Table).rows) && typeof (input as Table).format === "string";
}

/** For a Table: the row a merged cell's text comes from, by "row:column" (1-based), for every cell but the first of a range. */
function mergeOrigins(merges: readonly CellRange[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top) out.set(`${r}:${c}`, m.top);
    }
  }
  return out;
}

function toRows(input: PlanTableInput, issues: Issue[]): Row[] {
  if (isTable(input)) return input.rows.map((r) => ({ row: r.row, cells: r.cells.map(cellText) }));
  if (typeof input === "string") {
    const { rows, problems } = readCsv(input);
    // Papaparse reports quoting problems but still returns every record; they are worth a warning only.
    for (const p of problems) issues.push(issue("plan_csv_problem", { detail: `${p.code}: ${p.message}` }, { row: p.row }));
    return rows;
  }
  if (!Array.isArray(input)) return [];
  if (input.length > 0 && input.every((r) => r !== null && typeof r === "object" && !Array.isArray(r))) {
    const records = input as readonly Readonly<Record<string, unknown>>[];
    const header: string[] = [];
    const seen = new Set<string>();
    for (const r of records) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), header.push(k));
    return [
      { row: 1, cells: header },
      ...records.map((r, i) => ({ row: i + 2, cells: header.map((h) => cellText(r[h])) })),
    ];
  }
  return (input as readonly unknown[]).map((r, i) => ({ row: i + 1, cells: Array.isArray(r) ? r.map(cellText) : [cellText(r)] }));
}


function fieldOf(header: string, overrides: Readonly<Record<string, PlanField>> | undefined): PlanField | undefined {
  if (overrides) {
    if (Object.prototype.hasOwnProperty.call(overrides, header)) return overrides[header];
    const n = normalizeHeader(header);
    for (const [k, v] of Object.entries(overrides)) if (normalizeHeader(k) === n) return v;
  }
  return recognizeHeader(header);
}

function recognizedCount(cells: readonly string[], overrides: Readonly<Record<string, PlanField>> | undefined): number {
  const fields = new Set<PlanField>();
  for (const c of cells) {
    // Headers are short; long cells (抽查事项 texts) are never normalised and matched.
    if (c.length > 40) continue;
    const f = fieldOf(c, overrides);
    if (f !== undefined) fields.add(f);
  }
  return fields.size;
}

/**
 * Reads a plan table (抽查计划表) as planners write it into a typed {@link Plan}: every row becomes a task,
 * its quota read with `parseQuota` and its window with `parseWindow`, and every cell's original text kept
 * in `task.source` (row number and column header: provenance; a cell filled from a merged cell above holds
 * the filled text and the fill is reported).
 *
 * @remarks
 * Recognised headers (any width, spaces ignored): 序号, 地市, 抽查计划名称, 抽查任务名称, 抽查类型/抽查方式,
 * 抽查事项, 抽查对象范围/检查对象, 抽查比例/抽取比例/抽查比例及频次/抽查数量/抽查数量/比例,
 * 抽取日期/抽查日期/抽查时间/抽查检查起止时间, 智慧监管（信用风险分类）要求, 发起部门, 配合部门, 抽查检查模式, 责任单位.
 * Unknown headers are reported (`plan_column_unknown`) and their cells kept in the provenance. Title rows
 * above the header and header rows repeated at page breaks are skipped and reported (`plan_row_skipped`),
 * blank rows are ignored; no other row is ever dropped.
 *
 * The import fails only when no header row is found. Problems inside cells (an unreadable quota, a
 * 抽查类型 typo, a missing name) are attached to their row and column as warnings here, so that the plan can
 * still be read; {@link lintPlan} reports them with their real severity. Tasks whose 抽查类型 cannot be read
 * carry `targeting: "undirected"` and a warning; their raw text stays in `source.cells`.
 *
 * Issue codes: `plan_header_missing`, `invalid_argument` (errors); `plan_column_duplicate`,
 * `plan_csv_problem`, `task_name_missing`, `task_name_from_plan`, `targeting_missing`, `targeting_typo`,
 * `targeting_unrecognized` and the codes of `parseQuota` and `parseWindow` (as warnings);
 * `plan_column_unknown`, `plan_row_skipped`, `plan_cell_filled` (info).
 *
 * @param input - CSV text, rows of cells, or records keyed by header.
 * @param options - plan year, merged-cell filling, header overrides, see {@link ImportPlanTableOptions}.
 * @returns The plan; warnings carry every problem found, each with `row` and `field` (the column header).
 * @example
 * ```ts
 * const csv = "抽查任务名称,抽查类型,抽查比例,抽取日期\n娱乐场所治安管理监督检查,不定向,每半年3%,2023年1月1日—12月31日";
 * const r = importPlanTable(csv, { year: 2023, issuer: "焦作市公安局" });
 * r.ok && r.value.tasks[0].quota?.frequency
 * //=> { times: 1, per: "halfYear" }
 * ```
 * @public
 */
export function importPlanTable(input: PlanTableInput, options: ImportPlanTableOptions): Result<Plan> {
  return readPlanTable(input, options).result;
}

/**
 * {@link importPlanTable} with what it read from every task's quota and window cells, so that the lint of the
 * same plan (`lintPlanTable`) does not read them again.
 * @internal
 */
export function readPlanTable(input: PlanTableInput, options: ImportPlanTableOptions): { result: Result<Plan>; readings: PlanReadings | undefined } {
  const year = options?.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 2000 || year > 2100) {
    return { result: fail([issue("invalid_argument", { detail: `year must be an integer 2000–2100, got ${String(year)}` })]), readings: undefined };
  }
  if (typeof input !== "string" && !Array.isArray(input) && !isTable(input)) {
    return { result: fail([issue("invalid_argument", { detail: "input must be CSV text, an array of rows or a Table" })]), readings: undefined };
  }
  const merged = isTable(input) ? mergeOrigins(input.merges ?? []) : new Map<string, number>();
  const sheet = options.sheet ?? (isTable(input) ? input.sheet : undefined);
  const issues: Issue[] = [];
  const rows = toRows(input, issues);
  const overrides = options.columns;

  // The header is the first row naming two known fields; anything above it is a title.
  const headerIndex = rows.slice(0, HEADER_SCAN_ROWS).findIndex((r) => recognizedCount(r.cells, overrides) >= 2);
  if (headerIndex < 0) {
    return { result: fail([...issues, issue("plan_header_missing", { scanned: Math.min(rows.length, HEADER_SCAN_ROWS) })]), readings: undefined };
  }
  for (const r of rows.slice(0, headerIndex)) {
    if (!isBlankRow(r.cells)) {
      issues.push(issue("plan_row_skipped", { row: r.row, reason: { zh: "表头之前的标题行", en: "title row above the header" } }, { row: r.row }));
    }
  }

  let headerRow = rows[headerIndex] as Row;
  let firstData = headerIndex + 1;
  // A header written on two rows (舞钢: 清单中的抽查项目 over 抽查类别 / 抽查事项 / 事项类别): in a Table the second row's
  // other cells are merged down from the first. The lower row names the columns it splits.
  const below = rows[headerIndex + 1];
  if (below && merged.size > 0) {
    const width = headerRow.cells.length;
    let down = 0;
    for (let c = 1; c <= width; c++) if (merged.get(`${below.row}:${c}`) === headerRow.row) down++;
    if (down * 2 >= width) {
      const cells = headerRow.cells.map((h, c) => (merged.get(`${below.row}:${c + 1}`) === headerRow.row || (below.cells[c] ?? "").trim() === "" ? h : (below.cells[c] as string)));
      issues.push(issue("plan_row_skipped", { row: below.row, reason: { zh: "表头的第二行，已与上一行合并为列名", en: "second header row, joined with the one above" } }, { row: below.row }));
      headerRow = { row: headerRow.row, cells };
      firstData = headerIndex + 2;
    }
  }
  const headers: string[] = [];
  const columnField: (PlanField | undefined)[] = [];
  const fieldColumn = new Map<PlanField, number>();
  const usedNames = new Set<string>();
  headerRow.cells.forEach((raw, col) => {
    let name = raw.trim() === "" ? `第${col + 1}列` : raw.trim();
    for (let k = 2; usedNames.has(name); k++) name = `${raw.trim() || `第${col + 1}列`}(${k})`;
    usedNames.add(name);
    headers.push(name);
    const field = raw.trim() === "" ? undefined : fieldOf(raw, overrides);
    if (field === undefined) {
      columnField.push(undefined);
      if (raw.trim() !== "") issues.push(issue("plan_column_unknown", { column: col + 1, header: name }, { row: headerRow.row, field: name }));
      return;
    }
    const first = fieldColumn.get(field);
    if (first !== undefined) {
      columnField.push(undefined);
      issues.push(issue("plan_column_duplicate", { column: col + 1, header: name, first: first + 1, field }, { row: headerRow.row, field: name }));
      return;
    }
    fieldColumn.set(field, col);
    columnField.push(field);
  });

  if (!fieldColumn.has("targeting")) issues.push(issue("plan_targeting_assumed", {}, { row: headerRow.row }));

  const fill = new Set<PlanField>();
  if (options.fillMerged === true) for (const f of DEFAULT_FILL) fill.add(f);
  else if (Array.isArray(options.fillMerged)) {
    const unknown: string[] = [];
    for (const name of options.fillMerged as readonly string[]) {
      const f = (FIELDS as readonly string[]).includes(name) ? (name as PlanField) : fieldOf(String(name), overrides);
      if (f !== undefined && fieldColumn.has(f)) fill.add(f);
      else unknown.push(String(name));
    }
    if (unknown.length > 0) {
      return { result: fail([...issues, issue("plan_fill_column_unknown", {
        names: { zh: unknown.map((n) => `“${n}”`).join("、"), en: unknown.map((n) => `"${n}"`).join(", ") },
        columns: { zh: headers.filter((_, c) => columnField[c] !== undefined).join("、"), en: headers.filter((_, c) => columnField[c] !== undefined).join(", ") },
      })]), readings: undefined };
    }
  }
  const last = new Map<PlanField, { value: string; row: number }>();

  const idPrefix = options.idPrefix ?? "R";
  const parsers = cachedParsers(year);
  const tasks: Task[] = [];
  const byTask = new Map<Task, TaskReadings>();
  for (const r of rows.slice(firstData)) {
    if (isBlankRow(r.cells)) continue;
    if (recognizedCount(r.cells, overrides) >= 2 && r.cells.every((c) => c.trim() === "" || fieldOf(c, overrides) !== undefined)) {
      issues.push(issue("plan_row_skipped", { row: r.row, reason: { zh: "重复的表头行", en: "repeated header row" } }, { row: r.row }));
      last.clear();
      continue;
    }
    const cells: Record<string, string> = {};
    headers.forEach((h, col) => {
      cells[h] = r.cells[col] ?? "";
    });
    for (let col = headers.length; col < r.cells.length; col++) {
      // Cells beyond the header are kept (a shifted row must not lose text).
      if ((r.cells[col] ?? "").trim() !== "") cells[`第${col + 1}列`] = r.cells[col] ?? "";
    }
    const filled = new Map<PlanField, FilledCell>();
    const indexCol = fieldColumn.get("index");
    // A row continues the task above (晋城 52's second line: its own 事项 and 比例, everything else merged) when it
    // has no 序号 of its own and at least two other merged-looking blanks. A row that only lacks its name (焦作's
    // "第二季度" row between 第一 and 第三季度) is a missing name, not a continuation.
    const blankOf = (f: PlanField) => {
      const c = fieldColumn.get(f);
      return c !== undefined && (r.cells[c] ?? "").trim() === "";
    };
    const continues = (indexCol === undefined || blankOf("index")) &&
      (["quota", "window", "creditRequirement", "initiator", "cooperators"] as const).filter(blankOf).length >= 2;
    // A shifted row's blanks come from the shift: filling them would hide it and invent findings.
    const shifted = fill.size > 0 && looksShifted((f) => {
      const c = fieldColumn.get(f);
      return c === undefined ? "" : (r.cells[c] ?? "");
    });
    const value = (field: PlanField): string => {
      const col = fieldColumn.get(field);
      const own = col === undefined ? "" : (r.cells[col] ?? "").trim();
      if (col !== undefined) {
        const from = merged.get(`${r.row}:${col + 1}`);
        if (from !== undefined) filled.set(field, { from, how: "merge" });
      }
      if (own !== "" || col === undefined) {
        if (own !== "") last.set(field, { value: own, row: r.row });
        return own;
      }
      const prev = last.get(field);
      if (fill.has(field) && prev && !(shifted && SHIFTABLE.has(field)) && (field !== "name" || continues || options.fillMerged !== true)) {
        filled.set(field, { from: prev.row, how: "fill" });
        // The provenance keeps the text the task was built from; the fill itself is reported.
        cells[headers[col] as string] = prev.value;
        issues.push(issue("plan_cell_filled", { header: headers[col] as string, from: prev.row, value: prev.value }, { row: r.row, field: headers[col] as string }));
        return prev.value;
      }
      return "";
    };
    const where = (field: PlanField) => {
      const col = fieldColumn.get(field);
      return { row: r.row, field: col === undefined ? field : (headers[col] as string), severity: "warning" as const };
    };
    const asWarnings = (list: readonly Issue[], field: PlanField) =>
      list.map((i) => ({ ...i, row: r.row, field: where(field).field, severity: i.severity === "error" ? ("warning" as const) : i.severity }));

    const region = value("region");
    const planName = value("planName");
    let name = value("name");
    if (name === "") {
      if (planName !== "") {
        issues.push(issue("task_name_from_plan", { name: planName }, where("name")));
        name = planName;
      } else {
        issues.push(issue("task_name_missing", {}, where("name")));
        name = "（未填写名称）";
      }
    }
    const targetingText = value("targeting");
    const reading = readTargeting(targetingText);
    let targeting: Task["targeting"] = "undirected";
    if (reading.status === "ok") targeting = reading.value;
    else if (reading.status === "typo") {
      targeting = reading.value;
      issues.push(issue("targeting_typo", { text: targetingText, expected: reading.expected }, where("targeting")));
    } else if (reading.status === "missing") {
      if (fieldColumn.has("targeting")) issues.push(issue("targeting_missing", {}, where("targeting")));
    } else issues.push(issue("targeting_unrecognized", { text: targetingText }, where("targeting")));

    const itemsText = value("items");
    const quotaText = value("quota");
    const windowText = value("window");
    const initiator = value("initiator") || (fieldColumn.has("initiator") ? "" : (options.issuer ?? "").trim());
    const task: Task = {
      id: `${idPrefix}${r.row}`,
      name,
      items: itemsText === "" ? [] : [itemsText],
      scope: value("scope"),
      targeting,
      quotaText,
      windowText,
      initiator,
      cooperators: splitDepartments(value("cooperators")),
      source: sheet === undefined ? { row: r.row, cells } : { row: r.row, cells, sheet },
    };
    if (planName !== "") task.planName = planName;
    if (region !== "") task.region = region;
    const mode = value("mode");
    if (mode !== "") task.mode = mode;
    const responsible = value("responsible");
    if (responsible !== "") task.responsible = responsible;
    if (fieldColumn.has("creditRequirement")) task.creditRequirement = value("creditRequirement");
    const q = parsers.quota(quotaText);
    const w = parsers.window(windowText);
    if (q.ok) task.quota = q.value;
    if (w.ok) task.windows = w.value.windows.map((d) => ({ start: d.start, end: d.end }));
    // A blank cell is the lint's business (quota_empty, window_empty); here only written text is reported.
    if (quotaText !== "") for (const i of asWarnings(q.ok ? q.warnings : q.issues, "quota")) issues.push(i);
    if (windowText !== "") for (const i of asWarnings(w.ok ? w.warnings : w.issues, "window")) issues.push(i);
    byTask.set(task, { quota: q, window: w });
    rememberFilled(task, filled);
    tasks.push(task);
  }

  const plan: Plan = { year, issuer: (options.issuer ?? "").trim(), tasks };
  if (options.name !== undefined) plan.name = options.name;
  if (options.completionDate !== undefined) plan.completionDate = options.completionDate;
  return { result: ok(plan, issues), readings: { year, byTask } };
}
