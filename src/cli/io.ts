// Node-only file I/O for the command line: every failure becomes an Issue, never a stack trace.
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { SingleBar } from "cli-progress";
import { readCsv } from "../_internal/csv.js";
import {
  createIssue, type Entity, fail, type Inspector, ok, parseEntityPool, parseEntityPoolRows,
  parseInspectorPool, parseInspectorPoolRows, type Result,
} from "../index.js";

export type Lang = "zh" | "en";

/** Reads a UTF-8 text file (a BOM is dropped). */
export function readText(file: string): Result<string> {
  if (!existsSync(file)) return fail([createIssue("file_not_found", { file })]);
  try {
    return ok(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail([createIssue("file_unreadable", { file, detail: (e as Error).message })]);
  }
}

/** Reads a JSON file. */
export function readJson(file: string): Result<unknown> {
  const text = readText(file);
  if (!text.ok) return text;
  try {
    return ok(JSON.parse(text.value));
  } catch (e) {
    return fail([createIssue("json_invalid", { file, detail: (e as Error).message })]);
  }
}

/** Reads the first (or the named) worksheet of an .xlsx file as rows of cell text; merged cells beyond their first cell are blank, as in a CSV export. */
export async function readXlsxRows(data: Buffer | ArrayBuffer, sheetName?: string): Promise<{ rows: string[][]; sheet: string } | { error: string }> {
  // exceljs is heavy: loaded only when a workbook is actually read.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.getWorksheet(sheetName);
  if (!ws) return { error: sheetName === undefined ? "no worksheet" : `no worksheet named "${sheetName}"` };
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) {
      const cell = row.getCell(c);
      // A merged cell's other members repeat the master's value in exceljs; exports show them blank.
      cells.push(cell.isMerged && cell.master.address !== cell.address ? "" : cell.text ?? "");
    }
    rows.push(cells);
  }
  return { rows, sheet: ws.name };
}

/**
 * Runs `double-random lint` with the arguments after the command name and returns the exit code:
 * 0 when there are no errors, 1 when there are, 2 for a usage or file problem.
 */
const TABLE_FORMATS = ".csv, .tsv, .txt, .xlsx";

/** Reads a table (CSV/TSV through papaparse, XLSX through exceljs: the first worksheet, or `sheet`) as rows of text. */
export async function readTable(file: string, sheet?: string): Promise<Result<string[][]>> {
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") {
    if (!existsSync(file)) return fail([createIssue("file_not_found", { file })]);
    const x = await readXlsxRows(readFileSync(file), sheet);
    if ("error" in x) return fail([createIssue("workbook_unreadable", { file, detail: x.error })]);
    // Blank rows are kept: the pool readers drop them but count them, so rows are numbered as in Excel.
    return ok(x.rows);
  }
  if (![".csv", ".tsv", ".txt"].includes(ext)) return fail([createIssue("file_format_unsupported", { file, accepted: TABLE_FORMATS })]);
  const text = readText(file);
  if (!text.ok) return text;
  const { rows, problems } = readCsv(text.value);
  if (problems.length > 0) return fail(problems.map((p) => createIssue("csv_parse_error", { row: p.row, detail: p.message }, { row: p.row })));
  return ok(rows.map((r) => r.cells));
}

/** A progress bar on stderr for big pools (only on a terminal, or when forced). */
function progress(label: string, force: boolean): ((done: number, total: number) => void) | undefined {
  if (!force && !process.stderr.isTTY) return undefined;
  let bar: SingleBar | undefined;
  return (done, total) => {
    if (total < 20_000 && !force) return;
    if (!bar) {
      bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, noTTYOutput: force, hideCursor: true });
      bar.start(total, 0);
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
}

/** Loads an entity pool from .json (array of entities), .csv/.tsv or .xlsx. */
export async function loadEntities(file: string, options: { progress?: boolean; lang?: Lang } = {}): Promise<Result<Entity[]>> {
  const onProgress = progress(options.lang === "en" ? "validating" : "校验名录库", options.progress === true);
  if (extname(file).toLowerCase() === ".json") {
    const json = readJson(file);
    return json.ok ? parseEntityPool(json.value, onProgress ? { onProgress } : {}) : json;
  }
  const rows = await readTable(file);
  return rows.ok ? parseEntityPoolRows(rows.value, onProgress ? { onProgress } : {}) : rows;
}

/** Loads an inspector pool from .json, .csv/.tsv or .xlsx. */
export async function loadInspectors(file: string): Promise<Result<Inspector[]>> {
  if (extname(file).toLowerCase() === ".json") {
    const json = readJson(file);
    return json.ok ? parseInspectorPool(json.value) : json;
  }
  const rows = await readTable(file);
  return rows.ok ? parseInspectorPoolRows(rows.value) : rows;
}

// Printing and writing live in output.ts (light, atomic writes); re-exported for the modules that import them here.
export { printIssues, writeJson } from "./output.js";
