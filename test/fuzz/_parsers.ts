// Every exported reader of user text, each fed one cell (issue 16 item 4): the quota/frequency/window/period readers,
// the calendar reader, the plan-cell readers (import and lint of a plan table with the cell in every column), the
// model parsers of pool rows (records, rows, CSV text, tables), the results table, and `readTable` of
// `double-random/files` on a CSV of one huge cell. Shared by the fuzz tests and bench/parsers.bench.ts.
import {
  checkMethodOf, importPlanTable, lintPlan, lintPlanTable, looksLikeUscc, parseCheckItem, parseEntity, parseEntityPool, parseEntityPoolCsv,
  parseEntityPoolRows, parseEntityPoolTable, parseExpertPoolTable, parseInspectionResult, parseInspector, parseInspectorPool,
  parseInspectorPoolCsv, parseInspectorPoolRows, parseInspectorPoolTable, parsePlan, parseQuota, parseResultsTable, parseRiskTier,
  parseTask, parseTierPolicy, parseWindow, publicListFromTable, resultCategoryOf, validateUscc, type Issue, type Plan, type Table,
} from "../../src/index.js";
import { locateHeader, readEntityPool, readExpertPool, readInspectorPool, readTable } from "../../src/files/index.js";

/** What a reader gave back, reduced to its issues (for the checks on their size). */
export type Outcome = readonly Issue[];

export interface Reader {
  /** The exported function(s) and how the cell reaches them. */
  readonly name: string;
  /** One cell (in every column of a table reader): for the bench. */
  readonly run: (cell: string) => Outcome;
  /**
   * Many cells in one call where the reader takes a table (a row per `width` cells), else one call per cell: so that
   * the property tests put 10^5 cells through every reader in seconds. Returns the issues of all calls.
   */
  readonly many: (cells: readonly string[]) => Outcome;
  /** The cell is read as a whole file (its line breaks make rows): issues are per row, not per cell. */
  readonly wholeFile?: boolean;
}

const issuesOf = (r: unknown): Outcome => {
  if (Array.isArray(r)) return r as Issue[];
  if (typeof r !== "object" || r === null || !("ok" in r)) return [];
  const x = r as { ok: boolean; issues?: Issue[]; warnings?: Issue[]; value?: { diagnostics?: Issue[] } };
  return x.ok ? [...(x.warnings ?? []), ...(x.value?.diagnostics ?? [])] : (x.issues ?? []);
};

const PLAN_HEADER = ["发起部门", "序号", "抽查计划名称", "抽查任务名称", "抽查类型", "抽查事项", "抽查对象范围", "抽查比例", "抽取日期", "配合部门", "信用风险分类要求", "抽查检查模式"];
const ENTITY_HEADER = ["统一社会信用代码", "名称", "类型", "行政区划代码", "行业", "信用风险分类", "登记状态", "标签", "上次检查日期", "备注"];
const INSPECTOR_HEADER = ["执法证号", "姓名", "所属部门", "执法资格", "专家", "专业资质", "可派往区域", "工作量上限", "回避对象"];
const EXPERT_HEADER = ["专家编号", "姓名", "工作单位", "专业领域", "回避对象"];
const LIST_HEADER = ["检查对象名称", "统一社会信用代码", "任务编号", "抽查任务", "抽查事项", "检查日期", "检查实施机关", "检查结果", "后续处置"];
const RESULTS_HEADER = ["任务编号", "统一社会信用代码", "检查对象名称", "检查日期", "检查实施机关", "检查人员", "检查方式", "抽查事项", "问题事项", "检查结果", "问题描述", "责令改正期限"];

/** A header row and one row holding the cell in every column (the cell is also a valid-looking neighbour's prefix). */
const grid = (header: readonly string[], cell: string): string[][] => [[...header], header.map(() => cell)];
const tableOf = (rows: string[][]): Table => ({ format: "rows", merges: [], rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const csvOf = (rows: string[][]): string => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");
/** Cells laid out row by row under the header, as many rows as it takes. */
const rowsOf = (header: readonly string[], cells: readonly string[]): string[][] => {
  const rows: string[][] = [[...header]];
  for (let k = 0; k < cells.length; k += header.length) {
    const row = cells.slice(k, k + header.length) as string[];
    while (row.length < header.length) row.push("");
    rows.push(row);
  }
  return rows;
};
const eachCell = (run: (cell: string) => Outcome) => (cells: readonly string[]): Outcome => {
  const out: Issue[] = [];
  for (const c of cells) for (const i of run(c)) out.push(i);
  return out;
};
/** Cells `keys.length` at a time as records (the last one padded with empty cells). */
const recordsOf = (keys: readonly string[], cells: readonly string[]): Record<string, string>[] => {
  const out: Record<string, string>[] = [];
  for (let k = 0; k < cells.length; k += keys.length) out.push(Object.fromEntries(keys.map((key, j) => [key, cells[k + j] ?? ""])));
  return out;
};
const packed = (keys: readonly string[], run: (record: Record<string, string>) => Outcome) => (cells: readonly string[]): Outcome => {
  const out: Issue[] = [];
  for (const r of recordsOf(keys, cells)) for (const i of run(r)) out.push(i);
  return out;
};
const recordOf = (header: readonly string[], keys: readonly string[], cell: string) => Object.fromEntries([...header.map((h) => [h, cell]), ...keys.map((k) => [k, cell])]);

/**
 * A plan object (not imported: straight from JSON) with the cell in every text field of each task, `cells.length` at a
 * time per task (the last padded with empty cells).
 */
const TASK_FIELDS = ["id", "name", "planName", "scope", "quotaText", "windowText", "initiator", "mode", "creditRequirement", "region", "responsible", "items", "cooperators"] as const;
export const planOf = (cells: readonly string[]): Plan => {
  const tasks: Plan["tasks"] = [];
  for (const r of recordsOf(TASK_FIELDS, cells)) {
    tasks.push({
      id: r.id as string, name: r.name as string, planName: r.planName as string, scope: r.scope as string, targeting: "undirected",
      quotaText: r.quotaText as string, windowText: r.windowText as string, initiator: r.initiator as string, mode: r.mode as string,
      creditRequirement: r.creditRequirement as string, region: r.region as string, responsible: r.responsible as string,
      items: r.items === "" ? [] : [r.items as string], cooperators: r.cooperators === "" ? [] : [r.cooperators as string],
      source: { row: tasks.length + 2, cells: Object.fromEntries(PLAN_HEADER.map((h, j) => [h, cells[j] ?? ""])) },
    });
  }
  return { year: 2023, issuer: cells[0] ?? "", tasks };
};
/** A recognizer of the entity pool's headers, for `locateHeader`. */
const recognizePool = (text: string) => (ENTITY_HEADER.includes(text.trim()) ? text.trim() : undefined);

export const READERS: readonly Reader[] = [
  {
    name: "parseQuota",
    run: (c) => issuesOf(parseQuota(c)),
    many: eachCell((c) => issuesOf(parseQuota(c))),
  },
  {
    name: "parseTierPolicy",
    run: (c) => issuesOf(parseTierPolicy(c)),
    many: eachCell((c) => issuesOf(parseTierPolicy(c))),
  },
  {
    name: "parseWindow",
    run: (c) => issuesOf(parseWindow(c, { year: 2023 })),
    many: eachCell((c) => issuesOf(parseWindow(c, { year: 2023 }))),
  },
  {
    name: "parseWindow (monthBefore, monthStartDays)",
    run: (c) => issuesOf(parseWindow(c, { year: 2024, monthBefore: "inclusive", monthStartDays: 5 })),
    many: eachCell((c) => issuesOf(parseWindow(c, { year: 2024, monthBefore: "inclusive", monthStartDays: 5 }))),
  },
  {
    name: "parseRiskTier",
    run: (c) => issuesOf(parseRiskTier(c)),
    many: eachCell((c) => issuesOf(parseRiskTier(c))),
  },
  {
    name: "validateUscc, looksLikeUscc",
    run: (c) => (looksLikeUscc(c) ? [] : validateUscc(c)),
    many: eachCell((c) => (looksLikeUscc(c) ? [] : validateUscc(c))),
  },
  {
    name: "resultCategoryOf, checkMethodOf",
    run: (c) => (resultCategoryOf(c) === undefined && checkMethodOf(c) === undefined ? [] : []),
    many: eachCell((c) => (resultCategoryOf(c) === undefined && checkMethodOf(c) === undefined ? [] : [])),
  },
  {
    name: "importPlanTable (cell in every column)",
    run: (c) => issuesOf(importPlanTable(grid(PLAN_HEADER, c), { year: 2023, fillMerged: true })),
    many: (cs) => issuesOf(importPlanTable(rowsOf(PLAN_HEADER, cs), { year: 2023, fillMerged: true })),
  },
  {
    name: "lintPlanTable (cell in every column)",
    run: (c) => issuesOf(lintPlanTable(grid(PLAN_HEADER, c), { year: 2023, issuer: "焦作市市场监督管理局" })),
    many: (cs) => issuesOf(lintPlanTable(rowsOf(PLAN_HEADER, cs), { year: 2023, issuer: "焦作市市场监督管理局" })),
  },
  {
    name: "parseTask (record of cells)",
    run: (c) => issuesOf(parseTask({ id: c, name: c, quotaText: c, windowText: c, items: [c], initiator: c, targeting: c })),
    many: packed(["id", "name", "quotaText", "windowText", "items", "initiator", "targeting"], (r) => issuesOf(parseTask({ ...r, items: [r.items] }))),
  },
  {
    name: "parseEntity (record of cells)",
    run: (c) => issuesOf(parseEntity(recordOf([], ["id", "name", "kind", "tier", "status", "regionCode", "industry"], c))),
    many: packed(["id", "name", "kind", "tier", "status", "regionCode", "industry"], (r) => issuesOf(parseEntity(r))),
  },
  {
    name: "parseInspector (record of cells)",
    run: (c) => issuesOf(parseInspector(recordOf([], ["id", "name", "department", "regions", "qualifications"], c))),
    many: packed(["id", "name", "department", "regions", "qualifications"], (r) => issuesOf(parseInspector(r))),
  },
  {
    name: "parseCheckItem (record of cells)",
    run: (c) => issuesOf(parseCheckItem(recordOf([], ["id", "name", "basis", "category", "method"], c))),
    many: packed(["id", "name", "basis", "category", "method"], (r) => issuesOf(parseCheckItem(r))),
  },
  {
    name: "parseInspectionResult (record of cells)",
    run: (c) => issuesOf(parseInspectionResult(recordOf([], ["taskId", "entityId", "entityName", "category", "note", "department"], c))),
    many: packed(["taskId", "entityId", "entityName", "category", "note", "department"], (r) => issuesOf(parseInspectionResult(r))),
  },
  {
    name: "parseEntityPool (one record)",
    run: (c) => issuesOf(parseEntityPool([{ id: c, name: c, kind: c, tier: c, status: c }])),
    many: (cs) => issuesOf(parseEntityPool(recordsOf(["id", "name", "kind", "tier", "status"], cs))),
  },
  {
    name: "parseEntityPoolRows",
    run: (c) => issuesOf(parseEntityPoolRows(grid(ENTITY_HEADER, c))),
    many: (cs) => issuesOf(parseEntityPoolRows(rowsOf(ENTITY_HEADER, cs))),
  },
  {
    name: "parseEntityPoolCsv",
    run: (c) => issuesOf(parseEntityPoolCsv(csvOf(grid(ENTITY_HEADER, c)))),
    many: (cs) => issuesOf(parseEntityPoolCsv(csvOf(rowsOf(ENTITY_HEADER, cs)))),
  },
  {
    name: "parseEntityPoolTable",
    run: (c) => issuesOf(parseEntityPoolTable(tableOf(grid(ENTITY_HEADER, c)))),
    many: (cs) => issuesOf(parseEntityPoolTable(tableOf(rowsOf(ENTITY_HEADER, cs)))),
  },
  {
    name: "parseInspectorPoolRows",
    run: (c) => issuesOf(parseInspectorPoolRows(grid(INSPECTOR_HEADER, c))),
    many: (cs) => issuesOf(parseInspectorPoolRows(rowsOf(INSPECTOR_HEADER, cs))),
  },
  {
    name: "parseInspectorPoolCsv",
    run: (c) => issuesOf(parseInspectorPoolCsv(csvOf(grid(INSPECTOR_HEADER, c)))),
    many: (cs) => issuesOf(parseInspectorPoolCsv(csvOf(rowsOf(INSPECTOR_HEADER, cs)))),
  },
  {
    name: "parseInspectorPoolTable",
    run: (c) => issuesOf(parseInspectorPoolTable(tableOf(grid(INSPECTOR_HEADER, c)))),
    many: (cs) => issuesOf(parseInspectorPoolTable(tableOf(rowsOf(INSPECTOR_HEADER, cs)))),
  },
  {
    name: "parseExpertPoolTable",
    run: (c) => issuesOf(parseExpertPoolTable(tableOf(grid(EXPERT_HEADER, c)))),
    many: (cs) => issuesOf(parseExpertPoolTable(tableOf(rowsOf(EXPERT_HEADER, cs)))),
  },
  {
    name: "parseResultsTable",
    run: (c) => issuesOf(parseResultsTable(tableOf(grid(RESULTS_HEADER, c)))),
    many: (cs) => issuesOf(parseResultsTable(tableOf(rowsOf(RESULTS_HEADER, cs)))),
  },
  {
    name: "parsePlan (plan JSON, the cell in every field)",
    run: (c) => issuesOf(parsePlan(planOf(TASK_FIELDS.map(() => c)))),
    many: (cs) => issuesOf(parsePlan(planOf(cs))),
  },
  {
    name: "lintPlan (plan object, the cell in every field)",
    run: (c) => lintPlan(planOf(TASK_FIELDS.map(() => c)), { year: 2023 }),
    many: (cs) => lintPlan(planOf(cs), { year: 2023 }),
  },
  {
    name: "parseInspectorPool (one record)",
    run: (c) => issuesOf(parseInspectorPool([{ id: c, name: c, department: c, regions: [c], qualifications: [c] }])),
    many: (cs) => issuesOf(parseInspectorPool(recordsOf(["id", "name", "department", "regions", "qualifications"], cs))),
  },
  {
    name: "publicListFromTable",
    run: (c) => issuesOf(publicListFromTable(tableOf(grid(LIST_HEADER, c)))),
    many: (cs) => issuesOf(publicListFromTable(tableOf(rowsOf(LIST_HEADER, cs)))),
  },
  {
    name: "locateHeader (title rows of the cell)",
    run: (c) => issuesOf(locateHeader(tableOf([[c], [c, c], [...ENTITY_HEADER], ENTITY_HEADER.map(() => c)]), recognizePool)),
    many: (cs) => issuesOf(locateHeader(tableOf([...cs.slice(0, 10).map((c) => [c, c]), [...ENTITY_HEADER], ...rowsOf(ENTITY_HEADER, cs).slice(1)]), recognizePool)),
  },
  {
    name: "readTable (CSV of one huge cell)",
    run: (c) => issuesOf(readTable(new TextEncoder().encode(csvOf([["抽查比例"], [c]])), { name: "cell.csv" })),
    many: (cs) => issuesOf(readTable(new TextEncoder().encode(csvOf([["抽查比例"], ...cs.map((c) => [c])])), { name: "cells.csv" })),
  },
  {
    name: "readTable (the cell as CSV text)",
    run: (c) => issuesOf(readTable(c)),
    many: eachCell((c) => issuesOf(readTable(c))),
    wholeFile: true,
  },
  {
    name: "readEntityPool (CSV bytes)",
    run: (c) => issuesOf(readEntityPool(new TextEncoder().encode(csvOf(grid(ENTITY_HEADER, c))), { name: "pool.csv" })),
    many: (cs) => issuesOf(readEntityPool(new TextEncoder().encode(csvOf(rowsOf(ENTITY_HEADER, cs))), { name: "pool.csv" })),
  },
  {
    name: "readInspectorPool (CSV bytes)",
    run: (c) => issuesOf(readInspectorPool(new TextEncoder().encode(csvOf(grid(INSPECTOR_HEADER, c))), { name: "inspectors.csv" })),
    many: (cs) => issuesOf(readInspectorPool(new TextEncoder().encode(csvOf(rowsOf(INSPECTOR_HEADER, cs))), { name: "inspectors.csv" })),
  },
  {
    name: "readExpertPool (CSV bytes)",
    run: (c) => issuesOf(readExpertPool(new TextEncoder().encode(csvOf(grid(EXPERT_HEADER, c))), { name: "experts.csv" })),
    many: (cs) => issuesOf(readExpertPool(new TextEncoder().encode(csvOf(rowsOf(EXPERT_HEADER, cs))), { name: "experts.csv" })),
  },
];
