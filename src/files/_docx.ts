// The tables of a Word document (.docx, and WPS's .wps saved as .docx): every top-level w:tbl in document order,
// horizontal spans (w:gridSpan) and vertical merges (w:vMerge) filled with the first cell's text.
import type { Issue, Result } from "../result.js";
import { fail, ok } from "../result.js";
import { fileParam, issue } from "./_issue.js";
import type { Package } from "./_package.js";
import { columnName } from "./_xlsx.js";
import { attribute, parseXml } from "./_xml.js";
import type { CellRange, Table, TableRow } from "./types.js";

interface DocCell {
  readonly column: number;
  readonly span: number;
  readonly vMerge: "restart" | "continue" | undefined;
  readonly text: string;
}

function readTables(xml: string): DocCell[][][] {
  const tables: DocCell[][][] = [];
  let depth = 0;
  let rows: DocCell[][] = [];
  let cells: DocCell[] = [];
  let column = 0;
  let inCell = false;
  let span = 1;
  let vMerge: DocCell["vMerge"];
  let paragraphs: string[] = [];
  let paragraph = "";
  let inText = false;
  parseXml(xml, {
    open(name, attrs) {
      if (name === "tbl") {
        depth++;
        if (depth === 1) rows = [];
        return;
      }
      if (depth === 0) return;
      if (depth === 1 && !inCell) {
        if (name === "tr") {
          cells = [];
          column = 0;
        } else if (name === "gridBefore") column += Math.max(0, Number(attribute(attrs, "val")) || 0);
        else if (name === "tc") {
          inCell = true;
          span = 1;
          vMerge = undefined;
          paragraphs = [];
          paragraph = "";
        }
        return;
      }
      if (!inCell) return;
      if (depth === 1 && name === "gridSpan") span = Math.max(1, Math.min(1000, Number(attribute(attrs, "val")) || 1));
      else if (depth === 1 && name === "vMerge") vMerge = attribute(attrs, "val") === "restart" ? "restart" : "continue";
      else if (name === "p") paragraph = "";
      else if (name === "t") inText = true;
      else if (name === "tab") paragraph += "\t";
      else if (name === "br" || name === "cr") paragraph += "\n";
    },
    close(name) {
      if (name === "tbl") {
        if (depth === 1) tables.push(rows);
        depth = Math.max(0, depth - 1);
        return;
      }
      if (depth === 0) return;
      if (name === "t") inText = false;
      else if (name === "p" && inCell) paragraphs.push(paragraph);
      else if (depth === 1 && name === "tc" && inCell) {
        inCell = false;
        while (paragraphs.length > 0 && paragraphs[paragraphs.length - 1] === "") paragraphs.pop();
        cells.push({ column, span, vMerge, text: paragraphs.join("\n") });
        column += span;
      } else if (depth === 1 && name === "tr" && !inCell) rows.push(cells);
    },
    text(s) {
      if (inText && inCell) paragraph += s;
    },
  });
  return tables;
}

/** Options of the document reader. */
export interface DocumentOptions {
  readonly name?: string;
  readonly sheet?: string | number;
}

/** Reads the tables of an opened Word package (`part` is the document part). */
export function readDocumentTable(pkg: Package, part: string, options: DocumentOptions): Result<Table> {
  const tables = readTables(pkg.text(part) ?? "");
  if (tables.length === 0) return fail([issue("table_none", { file: fileParam(options.name) })]);
  let chosen = tables.map((t, i) => [i + 1, t] as const);
  const issues: Issue[] = [];
  if (options.sheet !== undefined) {
    const k = typeof options.sheet === "number" ? options.sheet : /^\s*\d+\s*$/.test(options.sheet) ? Number(options.sheet) : Number.NaN;
    const one = chosen[k - 1];
    if (!Number.isInteger(k) || one === undefined) return fail([issue("table_not_found", { table: String(options.sheet), count: tables.length })]);
    chosen = [one];
  } else if (tables.length > 1) issues.push(issue("tables_read", { count: tables.length }));

  const rows: TableRow[] = [];
  const merges: CellRange[] = [];
  const mergeIssues: Issue[] = [];
  let running = 0;
  for (const [tableIndex, tableRows] of chosen) {
    // The merge each grid column is part of in the row above (to extend it down), by its left column.
    type Open = { top: number; left: number; bottom: number; right: number; value: string };
    let above = new Map<number, Open>();
    let previous: string[] = [];
    const ranges: Open[] = [];
    tableRows.forEach((docCells, i) => {
      const row = ++running;
      const cells: string[] = [];
      const here = new Map<number, Open>();
      for (const c of docCells) {
        const left = c.column + 1;
        const right = c.column + c.span;
        let open = c.vMerge === "continue" ? above.get(left) : undefined;
        if (c.vMerge === "continue" && open === undefined && i > 0) {
          // A continuation below a cell that did not say "restart": Word still shows one merged cell.
          open = { top: row - 1, left, bottom: row - 1, right, value: previous[c.column] ?? "" };
          ranges.push(open);
        }
        if (open === undefined && (c.span > 1 || c.vMerge === "restart")) {
          open = { top: row, left, bottom: row, right, value: c.text };
          ranges.push(open);
        }
        if (open !== undefined) {
          open.bottom = row;
          open.right = Math.max(open.right, right);
          here.set(left, open);
        }
        const value = open?.value ?? c.text;
        while (cells.length < c.column) cells.push("");
        for (let col = c.column; col < c.column + c.span; col++) cells[col] = value;
      }
      let end = cells.length;
      while (end > 0 && cells[end - 1] === "") end--;
      cells.length = end;
      rows.push({ row, cells, table: tableIndex, tableRow: i + 1 });
      above = here;
      previous = cells;
    });
    for (const r of ranges) {
      if (r.top === r.bottom && r.left === r.right) continue;
      merges.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
      mergeIssues.push(issue("merge_filled", { range: `${columnName(r.left)}${r.top}:${columnName(r.right)}${r.bottom}`, value: r.value }, { row: r.top }));
    }
  }
  const table: Table = {
    format: "docx",
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(chosen.length === 1 && options.sheet !== undefined ? { sheet: String(chosen[0]?.[0]) } : {}),
    rows,
    merges,
  };
  return ok(table, [...issues, ...mergeIssues]);
}
