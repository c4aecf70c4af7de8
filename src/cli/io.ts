// Node-only file I/O for the command line: every failure becomes an Issue, never a stack trace.
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { SingleBar } from "cli-progress";
import type { Table } from "../files/index.js";
import { createIssue, type Entity, fail, type Inspector, ok, parseEntityPool, parseInspectorPool, type Result } from "../index.js";

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

/** A table file named on the command line: `pool.xlsx`, or `pool.xlsx#名录库` to name its sheet. */
function tableFile(arg: string, sheet: string | undefined): { file: string; sheet?: string } {
  const hash = arg.lastIndexOf("#");
  // A file whose name really has a # in it is taken as named.
  if (hash > 0 && !existsSync(arg)) return { file: arg.slice(0, hash), sheet: arg.slice(hash + 1) };
  return sheet === undefined ? { file: arg } : { file: arg, sheet };
}

/** Reads a file's bytes, or the issue saying why not. */
function readBytes(file: string): Result<Uint8Array> {
  if (!existsSync(file)) return fail([createIssue("file_not_found", { file })]);
  try {
    return ok(readFileSync(file));
  } catch (e) {
    return fail([createIssue("file_unreadable", { file, detail: (e as Error).message })]);
  }
}

/**
 * Reads a table file through the one table reader of `double-random/files`: .xlsx/.et workbooks (`sheet`, or
 * `file.xlsx#sheet`), CSV/TSV in any encoding, .docx tables. The reader's guesses are infos in the warnings.
 */
export async function loadTable(arg: string, options: { sheet?: string } = {}): Promise<Result<Table>> {
  const named = tableName(arg);
  if (!named.ok) return named;
  const { file, sheet } = tableFile(arg, options.sheet);
  const bytes = readBytes(file);
  if (!bytes.ok) return bytes;
  return (await files()).readTable(bytes.value, { name: file, ...(sheet !== undefined ? { sheet } : {}) });
}

/**
 * A table file as a grid of cell texts, row k at index k - 1 (blank rows kept), merged cells filled: for callers that
 * build their own rows (publish). New code should take the {@link Table} of {@link loadTable}, with its infos.
 */
export async function readTable(file: string, sheet?: string): Promise<Result<string[][]>> {
  const t = await loadTable(file, sheet === undefined ? {} : { sheet });
  if (!t.ok) return t;
  const grid: string[][] = [];
  for (const r of t.value.rows) {
    while (grid.length < r.row - 1) grid.push([]);
    grid.push([...r.cells]);
  }
  return ok(grid, t.warnings);
}

/**
 * Reads the first (or the named) worksheet of an .xlsx file as rows of cell text, with merged cells beyond their
 * first cell blank, as in a CSV export (what `lint` was written against). Through the table reader; no exceljs.
 */
export async function readXlsxRows(data: Buffer | ArrayBuffer, sheetName?: string): Promise<{ rows: string[][]; sheet: string } | { error: string }> {
  const t = (await files()).readTable(data instanceof ArrayBuffer ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
    format: "xlsx", ...(sheetName !== undefined ? { sheet: sheetName } : {}),
  });
  if (!t.ok) return { error: t.issues.map((i) => i.message.en).join("; ") };
  // Asked for a workbook: text that happens to parse as CSV is not one (lint's callers read CSV themselves).
  if (t.value.format !== "xlsx") return { error: `not an .xlsx workbook (its content reads as ${t.value.format})` };
  const width = Math.max(0, ...t.value.rows.map((r) => r.cells.length));
  const grid: string[][] = [];
  for (const r of t.value.rows) {
    while (grid.length < r.row - 1) grid.push(Array(width).fill(""));
    grid.push([...r.cells, ...Array(width - r.cells.length).fill("")]);
  }
  for (const m of t.value.merges) {
    for (let row = m.top; row <= m.bottom; row++) {
      for (let col = m.left; col <= m.right; col++) if ((row !== m.top || col !== m.left) && grid[row - 1]) (grid[row - 1] as string[])[col - 1] = "";
    }
  }
  return { rows: grid, sheet: t.value.sheet ?? "" };
}

// The table reader (fflate, saxes) is loaded only when a command reads a table: the CLI starts lazily.
const files = () => import("../files/index.js");

// What a table file may be: the reader decides by content; these names are what the CLI accepts as tables
// (.xls/.doc too, so that the reader can say "save it as .xlsx" instead of "unsupported").
const TABLE_EXTENSIONS = [".csv", ".tsv", ".txt", ".tab", ".xlsx", ".xlsm", ".xls", ".et", ".docx", ".doc", ".wps"];
const TABLE_FORMATS = ".csv, .tsv, .txt, .xlsx, .et, .docx, .json";

/** The extension gate: a name the CLI cannot read as a table (a .pdf, an image) is refused before it is opened. */
function tableName(arg: string): Result<true> {
  const { file } = tableFile(arg, undefined);
  return TABLE_EXTENSIONS.includes(extname(file).toLowerCase()) ? ok(true) : fail([createIssue("file_format_unsupported", { file, accepted: TABLE_FORMATS })]);
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

/** `--sheet`, accepted by every command that reads a pool table. */
export const SHEET_OPTION = { sheet: { type: "string" } } as const;
/** Its help line, and the `file#sheet` form for the other table files of a command. */
export const SHEET_HELP = `  --sheet 工作表                     名录库工作簿中要读取的工作表（默认第一个可见工作表，并说明）；其他表格文件写作 文件.xlsx#工作表
                                    the sheet of the pool's workbook (default: the first visible one, said); other table files: file.xlsx#sheet
  表格文件 table files: .xlsx/.et、.csv/.tsv（UTF-8、GBK/GB18030、UTF-16 均可 any of these encodings）、.docx 表格`;

/** The `--sheet` of parsed options, as loader options. */
export function sheetOf(values: Readonly<Record<string, string | boolean | undefined | readonly string[]>>): { sheet?: string } {
  return typeof values.sheet === "string" ? { sheet: values.sheet } : {};
}

/** Options of the pool loaders: the sheet of a workbook (also `file.xlsx#sheet`), progress, language. */
export interface LoadOptions {
  readonly sheet?: string;
  readonly progress?: boolean;
  readonly lang?: Lang;
}

/** A pool from a table file, through `double-random/files` (the reader's guesses and the header location as infos). */
type Reader<T> = (bytes: Uint8Array, options: { name: string; sheet?: string }) => Result<T>;
function loadPool<T>(arg: string, sheet: string | undefined, read: Reader<T>): Result<T> {
  const named = tableName(arg);
  if (!named.ok) return named;
  const { file, sheet: chosen } = tableFile(arg, sheet);
  const bytes = readBytes(file);
  if (!bytes.ok) return bytes;
  return read(bytes.value, { name: file, ...(chosen !== undefined ? { sheet: chosen } : {}) });
}

/** Loads an entity pool from .json (array of entities) or a table file (.xlsx/.et, .csv/.tsv in any encoding, .docx). */
export async function loadEntities(file: string, options: LoadOptions = {}): Promise<Result<Entity[]>> {
  const onProgress = progress(options.lang === "en" ? "validating" : "校验名录库", options.progress === true);
  if (extname(file).toLowerCase() === ".json") {
    const json = readJson(file);
    return json.ok ? parseEntityPool(json.value, onProgress ? { onProgress } : {}) : json;
  }
  const { readEntityPool } = await files();
  return loadPool(file, options.sheet, (bytes, where) => readEntityPool(bytes, { ...where, ...(onProgress ? { onProgress } : {}) }));
}

/** Loads an inspector pool (or, with `experts`, a 专家库) from .json or a table file. */
export async function loadInspectors(file: string, options: LoadOptions & { experts?: boolean } = {}): Promise<Result<Inspector[]>> {
  if (extname(file).toLowerCase() === ".json") {
    const json = readJson(file);
    return json.ok ? parseInspectorPool(json.value) : json;
  }
  const { readExpertPool, readInspectorPool } = await files();
  return loadPool(file, options.sheet, options.experts ? readExpertPool : readInspectorPool);
}

// Printing and writing live in output.ts (light, atomic writes); re-exported for the modules that import them here.
export { printIssues, writeJson } from "./output.js";
