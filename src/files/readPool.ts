// Pools straight from a file's bytes: the table reader, then the pool readers of the model. The convenience a CLI,
// a Node back end or a portal's upload handler wants; the guesses of both steps come back as infos.
import type { Entity } from "../model/entity.js";
import type { Inspector } from "../model/inspector.js";
import { parseEntityPoolTable, parseExpertPoolTable, parseInspectorPoolTable, type PoolTableOptions } from "../model/pool-table.js";
import { fail, ok, type Result } from "../result.js";
import { readTable, type ReadTableOptions } from "./readTable.js";
import type { Table } from "./types.js";

/**
 * Options of {@link readEntityPool}, {@link readInspectorPool} and {@link readExpertPool}: where to read (file name,
 * sheet, encoding) and how to read the pool.
 * @public
 */
export interface ReadPoolOptions extends PoolTableOptions {
  /** The file name, for messages; its extension is a hint (the content decides the format). */
  readonly name?: string;
  /** XLSX: the sheet, by name or 1-based position (default: the first visible sheet, reported). */
  readonly sheet?: string | number;
  /** CSV: the encoding (a WHATWG label such as "gbk"); detected when absent (reported). */
  readonly encoding?: string;
}

function readWith<T>(data: Uint8Array | ArrayBuffer | string, options: ReadPoolOptions, parse: (table: Table) => Result<T>): Result<T> {
  const where: ReadTableOptions = {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
  };
  const table = readTable(data, where);
  if (!table.ok) return table;
  const pool = parse(table.value);
  // The reader's guesses stay beside the pool's problems: "decoded as GB18030" explains a header it cannot find.
  return pool.ok ? ok(pool.value, [...table.warnings, ...pool.warnings]) : fail([...table.warnings, ...pool.issues]);
}

/**
 * Reads an entity pool (检查对象名录库) from a file's bytes: an .xlsx/.et workbook (merged 风险等级/登记状态 cells
 * filled, dates as dates), a CSV in UTF-8, GBK/GB18030 or UTF-16, or a Word table. `readTable`, then
 * `parseEntityPoolTable` of the main entry.
 *
 * @remarks
 * Issue codes: those of `readTable` (`file_*`, `sheet_*`, `merge_filled`…) and of `parseEntityPoolTable`
 * (`csv_missing_column`, `pool_cell_empty`, `date_invalid`, `table_title_rows`…). The reader's infos (encoding,
 * sheet, merges) come first, also when the pool fails.
 * @param data - the file's bytes (a browser `File` via `await file.arrayBuffer()`), or CSV text.
 * @param options - file name, sheet, encoding and the pool options, see {@link ReadPoolOptions}.
 * @returns every entity with the guesses as `info`; or every issue.
 * @example
 * ```ts
 * const gbk = new Uint8Array([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x45, 0x31, 0x2c, 0xbc, 0xd7]); // "编号,名称\nE1,甲" in GBK
 * const r = readEntityPool(gbk, { name: "名录库.csv" });
 * r.ok && [r.value[0].name, r.warnings.map((w) => w.code)]
 * //=> ["甲", ["file_encoding_guessed"]]
 * ```
 * @public
 */
export function readEntityPool(data: Uint8Array | ArrayBuffer | string, options: ReadPoolOptions = {}): Result<Entity[]> {
  const { name: _n, sheet: _s, encoding: _e, ...pool } = options ?? {};
  return readWith(data, options ?? {}, (t) => parseEntityPoolTable(t, pool));
}

/**
 * Reads an inspector pool (执法检查人员名录库) from a file's bytes, as {@link readEntityPool} reads entities.
 * @param data - the file's bytes, or CSV text.
 * @param options - file name, sheet, encoding.
 * @returns every inspector with the guesses as `info`; or every issue.
 * @example
 * ```ts
 * const r = readInspectorPool("执法证号,姓名,所属部门\nP1,张三,市场监管局\n", { name: "人员.csv" });
 * r.ok && r.value[0].department
 * //=> "市场监管局"
 * ```
 * @public
 */
export function readInspectorPool(data: Uint8Array | ArrayBuffer | string, options: ReadPoolOptions = {}): Result<Inspector[]> {
  return readWith(data, options ?? {}, parseInspectorPoolTable);
}

/**
 * Reads an expert pool (专家库) from a file's bytes: everyone an expert, 工作单位 and 专业领域 understood (see
 * `parseExpertPoolTable`).
 * @param data - the file's bytes, or CSV text.
 * @param options - file name, sheet, encoding.
 * @returns every expert with the guesses as `info`; or every issue.
 * @example
 * ```ts
 * const r = readExpertPool("专家编号,姓名,工作单位\nZJ-01,周专家,某设计院\n");
 * r.ok && r.value[0].expert
 * //=> true
 * ```
 * @public
 */
export function readExpertPool(data: Uint8Array | ArrayBuffer | string, options: ReadPoolOptions = {}): Result<Inspector[]> {
  return readWith(data, options ?? {}, parseExpertPoolTable);
}
