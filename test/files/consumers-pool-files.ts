// Pool files made the way the tools make them, for the consumer tests: an .xlsx written by exceljs (a title row merged
// over the table, runs of equal 信用风险分类 / 登记状态 merged down, dates as date cells, region codes as numbers), a CSV
// in UTF-8 (papaparse's writer, as a registry export) and in GBK/GB18030 (python3's codecs, as Excel "CSV (逗号分隔)"
// on Chinese Windows).
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import Papa from "papaparse";

export type Grid = string[][];

/** CSV text of a grid, quoted where needed, CRLF line ends as Excel writes them. */
export const csvOf = (grid: Grid): string => `${Papa.unparse(grid, { newline: "\r\n" })}\r\n`;

/** The bytes of `text` in a python3 codec: "gbk", "gb18030", "utf-16", "utf-8-sig". */
export function encode(text: string, codec: string): Buffer {
  const r = spawnSync("python3", ["-c", `import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("${codec}"))`], { input: Buffer.from(text, "utf8") });
  if (r.status !== 0) throw new Error(`python3 ${codec}: ${r.stderr.toString()}`);
  return r.stdout;
}

export interface XlsxOptions {
  /** A title row merged over the table, above the header. */
  readonly title?: string;
  /** Sort the body by these columns and merge runs of equal values in them (the master cell keeps the value). */
  readonly mergeRuns?: readonly string[];
  /** Columns whose ISO (or planner-typed) dates are written as date cells with this number format. */
  readonly dateColumns?: readonly string[];
  readonly dateFormat?: string;
  /** Columns written as number cells when the text is all digits (region codes, counts). */
  readonly numberColumns?: readonly string[];
}

const isoDate = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** An .xlsx workbook (exceljs) of a grid whose first row is the header. */
export async function xlsxOf(grid: Grid, options: XlsxOptions = {}): Promise<Buffer> {
  const [header = [], ...body] = grid;
  const col = (name: string) => header.indexOf(name);
  const runs = (options.mergeRuns ?? []).map(col).filter((c) => c >= 0);
  const rows = runs.length === 0 ? body : [...body].sort((a, b) => {
    for (const c of runs) if ((a[c] ?? "") !== (b[c] ?? "")) return (a[c] ?? "") < (b[c] ?? "") ? -1 : 1;
    return 0;
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名录库");
  let r = 1;
  if (options.title !== undefined) {
    ws.getCell(1, 1).value = options.title;
    if (header.length > 1) ws.mergeCells(1, 1, 1, header.length);
    r = 2;
  }
  const headerRow = r;
  header.forEach((h, c) => (ws.getCell(headerRow, c + 1).value = h));
  const dates = new Set((options.dateColumns ?? []).map(col));
  const numbers = new Set((options.numberColumns ?? []).map(col));
  rows.forEach((cells, i) => {
    cells.forEach((text, c) => {
      const cell = ws.getCell(headerRow + 1 + i, c + 1);
      const d = dates.has(c) ? isoDate.exec(text) : null;
      if (d) {
        cell.value = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
        cell.numFmt = options.dateFormat ?? "yyyy/m/d";
      } else if (numbers.has(c) && /^[1-9]\d{0,14}$/.test(text)) cell.value = Number(text);
      else if (text !== "") cell.value = text;
    });
  });
  for (const c of runs) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && (rows[i]?.[c] ?? "") === (rows[start]?.[c] ?? "")) continue;
      if (i - start > 1) ws.mergeCells(headerRow + 1 + start, c + 1, headerRow + i, c + 1);
      start = i;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
