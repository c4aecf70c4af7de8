// A worksheet as its user sees it in Excel/WPS: shared and inline strings (rich text as plain text), numbers
// through their number format, cached formula values, merged ranges filled, hidden rows and sheets reported.
import type { Issue, Result } from "../result.js";
import { fail, ok } from "../result.js";
import { fileParam, issue } from "./_issue.js";
import { formatNumber, integerDigits, isLongInteger, longDigits, type NumberFormatKind, numberFormatKind } from "./_numberFormat.js";
import { type Package, relationshipsOf } from "./_package.js";
import { attribute, parseXml } from "./_xml.js";
import type { CellRange, Table, TableRow } from "./types.js";

interface SheetEntry {
  readonly name: string;
  readonly hidden: boolean;
  /** The worksheet part, or undefined for a chart or dialog sheet. */
  readonly part: string | undefined;
}

/** Column letters (A = 1). */
export function columnName(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An A1 reference as [row, column], or undefined. */
function parseRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** The column of an A1 reference ("AB12" → 28), or 0. */
function refColumn(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else if (c !== 36) break;
  }
  return col > 16384 ? 0 : col;
}

/** `_x000D_`-style escapes of characters XML cannot hold (ECMA-376 ST_Xstring); `_x005F_` escapes "_". */
function unescapeXstring(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

function readWorkbook(pkg: Package, part: string): { sheets: SheetEntry[]; date1904: boolean; rels: ReturnType<typeof relationshipsOf> } {
  const rels = relationshipsOf(pkg, part);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(pkg.text(part) ?? "", {
    open(name, attrs) {
      if (name === "workbookPr") {
        const v = attribute(attrs, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (name === "sheet") {
        const rel = rels.get(attribute(attrs, "id") ?? "");
        const state = attribute(attrs, "state");
        const isWorksheet = rel !== undefined && !rel.external && /\/worksheet$/.test(rel.type);
        sheets.push({ name: attribute(attrs, "name") ?? "", hidden: state === "hidden" || state === "veryHidden", part: isWorksheet ? rel.target : undefined });
      }
    },
  });
  return { sheets, date1904, rels };
}

function readStyles(xml: string | undefined): NumberFormatKind[] {
  if (xml === undefined) return [];
  const codes = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open(name, attrs) {
      if (name === "numFmt") codes.set(Number(attribute(attrs, "numFmtId")), attribute(attrs, "formatCode") ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) ids.push(Number(attribute(attrs, "numFmtId") ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  const kinds = new Map<number, NumberFormatKind>();
  return ids.map((id) => {
    let k = kinds.get(id);
    if (k === undefined) kinds.set(id, (k = numberFormatKind(id, codes.get(id))));
    return k;
  });
}

/** Text runs of a string item: every `<t>` except the phonetic guides (`<rPh>`) that East Asian Excel adds. */
function stringCollector() {
  let depthRph = 0;
  let inT = false;
  let text = "";
  return {
    open(name: string) {
      if (name === "rPh") depthRph++;
      else if (name === "t" && depthRph === 0) inT = true;
    },
    close(name: string) {
      if (name === "rPh") depthRph--;
      else if (name === "t") inT = false;
    },
    text(s: string) {
      if (inT) text += s;
    },
    take(): string {
      const out = unescapeXstring(text);
      text = "";
      return out;
    },
  };
}

function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  const collect = stringCollector();
  parseXml(xml, {
    open(name) {
      if (name === "si") collect.take();
      else collect.open(name);
    },
    close(name) {
      if (name === "si") out.push(collect.take());
      else collect.close(name);
    },
    text: (s) => collect.text(s),
  });
  return out;
}

interface SheetData {
  rows: Map<number, string[]>;
  hidden: number[];
  merges: CellRange[];
  maxRow: number;
  maxColumn: number;
}

function readSheet(xml: string, strings: readonly string[], formats: readonly NumberFormatKind[], date1904: boolean, issues: Issue[]): SheetData {
  const rows = new Map<number, string[]>();
  const hidden: number[] = [];
  const merges: CellRange[] = [];
  let maxRow = 0;
  let maxColumn = 0;
  let rowNumber = 0;
  let cells: string[] = [];
  let column = 0;
  let type = "";
  let style = 0;
  let inCell = false;
  let element = "";
  let value = "";
  let hasValue = false;
  let formula: string | undefined;
  let inInline = false;
  const inline = stringCollector();

  const cellText = (): string => {
    if (type === "inlineStr") return inline.take();
    if (!hasValue) {
      if (formula !== undefined) issues.push(issue("cell_formula_no_value", { cell: `${columnName(column)}${rowNumber}`, formula: formula === "" ? "=" : `=${formula}` }, { row: rowNumber }));
      return "";
    }
    switch (type) {
      case "s":
        return strings[Number(value)] ?? "";
      case "str":
        return unescapeXstring(value);
      case "b":
        return value.trim() === "1" || value.trim() === "true" ? "TRUE" : "FALSE";
      case "e":
        issues.push(issue("cell_error_value", { cell: `${columnName(column)}${rowNumber}`, value }, { row: rowNumber }));
        return value;
      case "d": {
        const format = formats[style];
        return format?.kind === "date" && /^\d{4}-\d\d-\d\d/.test(value) ? value.slice(0, 10) : value;
      }
      default: {
        const n = Number(value);
        if (value.trim() === "" || Number.isNaN(n)) return value;
        const format = formats[style] ?? { kind: "general" };
        if (isLongInteger(n) && (format.kind === "general" || format.kind === "fixed")) {
          const digits = longDigits(value, n);
          issues.push(issue("cell_number_precision", { cell: `${columnName(column)}${rowNumber}`, value: digits, digits: integerDigits(n) }, { row: rowNumber }));
          return digits;
        }
        return formatNumber(n, format, date1904);
      }
    }
  };

  parseXml(xml, {
    open(name, attrs) {
      if (inCell) {
        if (inInline) inline.open(name);
        else if (name === "is") inInline = true;
        else if (name === "v" || name === "f") {
          element = name;
          if (name === "f") formula ??= "";
          else hasValue = true;
        }
        return;
      }
      if (name === "row") {
        const r = Number(attrs.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        cells = rows.get(rowNumber) ?? [];
        rows.set(rowNumber, cells);
        if (rowNumber > maxRow) maxRow = rowNumber;
        const h = attrs.hidden;
        if (h === "1" || h === "true") hidden.push(rowNumber);
        column = 0;
      } else if (name === "c") {
        const ref = attrs.r;
        const parsed = ref === undefined ? 0 : refColumn(ref);
        column = parsed > 0 ? parsed : column + 1;
        type = attrs.t ?? "";
        style = attrs.s === undefined ? 0 : Number(attrs.s) || 0;
        inCell = true;
        value = "";
        hasValue = false;
        formula = undefined;
        inInline = false;
      } else if (name === "mergeCell") {
        const [a, b] = (attribute(attrs, "ref") ?? "").split(":");
        const p = parseRef(a ?? "");
        const q = parseRef(b ?? a ?? "");
        if (p && q) merges.push({ top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) });
      }
    },
    close(name) {
      if (!inCell) return;
      if (inInline) {
        if (name === "is") inInline = false;
        else inline.close(name);
        return;
      }
      if (name === "v" || name === "f") element = "";
      else if (name === "c") {
        inCell = false;
        const text = cellText();
        if (column > maxColumn) maxColumn = column;
        if (rowNumber === 0) {
          // A cell outside any <row>: malformed, but its place is still known.
          rowNumber = 1;
          cells = rows.get(1) ?? [];
          rows.set(1, cells);
          maxRow = Math.max(maxRow, 1);
        }
        while (cells.length < column - 1) cells.push("");
        cells[column - 1] = text;
      }
    },
    text(s) {
      if (!inCell) return;
      if (inInline) inline.text(s);
      else if (element === "v") value += s;
      else if (element === "f") formula += s;
    },
  });
  return { rows, hidden, merges, maxRow, maxColumn };
}

/** "3, 5–7, 9": row numbers as ranges. */
function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

function rangeName(r: CellRange): string {
  return `${columnName(r.left)}${r.top}:${columnName(r.right)}${r.bottom}`;
}

/** Options of the workbook reader. */
export interface WorkbookOptions {
  readonly name?: string;
  readonly sheet?: string | number;
}

/** Reads one worksheet of an opened workbook package (`part` is the workbook part). */
export function readWorkbookTable(pkg: Package, part: string, options: WorkbookOptions): Result<Table> {
  const file = fileParam(options.name);
  const { sheets, date1904, rels } = readWorkbook(pkg, part);
  const names = sheets.map((s) => s.name);
  const issues: Issue[] = [];
  const worksheets = sheets.filter((s) => s.part !== undefined);
  if (worksheets.length === 0) return fail([issue("sheet_none", { file })]);

  let chosen: SheetEntry | undefined;
  const asked = options.sheet;
  if (asked !== undefined) {
    const byName = typeof asked === "string" ? (sheets.find((s) => s.name === asked) ?? sheets.find((s) => s.name.trim().toLowerCase() === asked.trim().toLowerCase())) : undefined;
    const index = typeof asked === "number" ? asked : /^\s*\d+\s*$/.test(String(asked)) ? Number(asked) : Number.NaN;
    chosen = byName ?? (Number.isInteger(index) ? sheets[index - 1] : undefined);
    if (chosen === undefined || chosen.part === undefined) return fail([issue("sheet_not_found", { sheet: String(asked), sheets: names.map((n) => `“${n}”`).join("、") })]);
    if (chosen.hidden) issues.push(issue("sheet_hidden", { sheet: chosen.name }));
  } else {
    chosen = worksheets.find((s) => !s.hidden) ?? (worksheets[0] as SheetEntry);
    if (chosen.hidden) issues.push(issue("sheet_hidden", { sheet: chosen.name }));
    if (sheets.length > 1) issues.push(issue("sheet_chosen", { count: sheets.length, sheets: names.map((n) => `“${n}”`).join("、"), sheet: chosen.name }));
    const hiddenOthers = sheets.filter((s) => s.hidden && s !== chosen);
    if (hiddenOthers.length > 0) issues.push(issue("sheets_hidden", { sheets: hiddenOthers.map((s) => `“${s.name}”`).join("、") }));
  }

  const relTarget = (suffix: RegExp, fallback: string) => [...rels.values()].find((r) => !r.external && suffix.test(r.type))?.target ?? fallback;
  const folder = part.slice(0, part.lastIndexOf("/") + 1);
  const strings = readSharedStrings(pkg.text(relTarget(/\/sharedStrings$/, `${folder}sharedStrings.xml`)));
  const formats = readStyles(pkg.text(relTarget(/\/styles$/, `${folder}styles.xml`)));
  const sheetXml = pkg.text(chosen.part as string) ?? "";
  const cellIssues: Issue[] = [];
  const data = readSheet(sheetXml, strings, formats, date1904, cellIssues);

  // Merged ranges: every cell carries the first cell's value, within the used area (a merge over whole
  // columns would otherwise make a million rows).
  const merges: CellRange[] = [];
  for (const m of data.merges) {
    const r: CellRange = { top: m.top, left: m.left, bottom: Math.max(m.top, Math.min(m.bottom, data.maxRow)), right: Math.max(m.left, Math.min(m.right, data.maxColumn)) };
    const value = data.rows.get(r.top)?.[r.left - 1] ?? "";
    for (let row = r.top; row <= r.bottom; row++) {
      let cells = data.rows.get(row);
      if (cells === undefined) data.rows.set(row, (cells = []));
      while (cells.length < r.right) cells.push("");
      for (let col = r.left; col <= r.right; col++) cells[col - 1] = value;
    }
    if (r.bottom > data.maxRow) data.maxRow = r.bottom;
    merges.push(r);
    issues.push(issue("merge_filled", { range: rangeName(r), value }, { row: r.top }));
  }
  if (data.hidden.length > 0) issues.push(issue("rows_hidden", { sheet: chosen.name, rows: rowRanges(data.hidden) }));

  const hiddenRows = new Set(data.hidden);
  const rows: TableRow[] = [];
  for (let row = 1; row <= data.maxRow; row++) {
    const cells = data.rows.get(row) ?? [];
    let end = cells.length;
    while (end > 0 && cells[end - 1] === "") end--;
    if (end < cells.length) cells.length = end;
    rows.push(hiddenRows.has(row) ? { row, cells, hidden: true } : { row, cells });
  }
  const table: Table = { format: "xlsx", ...(options.name !== undefined ? { name: options.name } : {}), sheet: chosen.name, sheets: names, rows, merges };
  return ok(table, [...issues, ...cellIssues]);
}
