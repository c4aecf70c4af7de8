// Where a table's header is, shared by every consumer of a Table (entity/inspector pools, plans, results): title
// rows above it, a two-row header under merged parent names, header rows repeated at page breaks, rows shorter or
// longer than the header. Pure: no ZIP, XML or decoding here, so the core can use it without the file readers.
import { coreMessages } from "../messages/core.js";
import { tableMessages } from "../messages/table.js";
import { fail, type Issue, issueFactory, ok, type Result } from "../result.js";
import type { Table, TableRow } from "./types.js";

const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...tableMessages });

/**
 * Maps one header text to the field it names, or `undefined` for a text the consumer does not know. `parent` is
 * the merged name above it in a two-row header (e.g. "频次" under "抽查比例/频次").
 * @public
 */
export type RecognizeHeader<F extends string> = (text: string, parent?: string) => F | undefined;

/**
 * Options of {@link locateHeader}.
 * @public
 */
export interface LocateHeaderOptions {
  /** How many rows from the top may hold the header (title rows above it included). Default 20. */
  readonly scanRows?: number;
  /** How many different known fields a row must name to be the header. Default 2. */
  readonly minFields?: number;
  /**
   * When no row names `minFields` fields: `"fail"` (default) fails with `table_header_not_found`; `"first-row"`
   * takes the first non-blank row, for consumers that then report the columns they miss by name.
   */
  readonly otherwise?: "fail" | "first-row";
}

/**
 * One column of a located header.
 * @public
 */
export interface HeaderColumn<F extends string> {
  /** 0-based index into {@link TableRow.cells}. */
  readonly index: number;
  /** 1-based column number as the user sees it (A = 1). */
  readonly column: number;
  /**
   * The header text messages use: the cell's text, or `parent（sub）` under a two-row header
   * ("抽查比例/频次（频次）"), or `第N列` for a column without a header text. Unique within the header.
   */
  readonly text: string;
  /** The header texts from top to bottom: one, or `[parent, sub]` under a two-row header. */
  readonly parts: readonly string[];
  /** The field {@link RecognizeHeader} mapped the column to, if any (the first column of a field keeps it). */
  readonly field?: F;
}

/**
 * A column naming a field that an earlier column already named: it is read as an unknown column.
 * @public
 */
export interface DuplicateColumn<F extends string> {
  readonly field: F;
  /** The later column (1-based) and its text. */
  readonly column: number;
  readonly text: string;
  /** The column (1-based) that keeps the field. */
  readonly first: number;
}

/**
 * Where a table's header is and what is below it.
 * @public
 */
export interface LocatedHeader<F extends string> {
  /** The header's row numbers ({@link TableRow.row}): one, or two for a two-row header. Empty for an empty table. */
  readonly rows: readonly number[];
  /** Every column up to the last one with a header text. */
  readonly columns: readonly HeaderColumn<F>[];
  /** Field → the column that feeds it. */
  readonly fields: ReadonlyMap<F, HeaderColumn<F>>;
  /** Columns naming a field twice (consumers report them with their own code and severity). */
  readonly duplicates: readonly DuplicateColumn<F>[];
  /** The rows below the header with their row numbers: blank rows and repeated header rows left out. */
  readonly body: readonly TableRow[];
}

const DEFAULT_SCAN_ROWS = 20;
// Header texts are short; a long cell (an 抽查事项 text, a title sentence) is never matched against the fields.
const LONGEST_HEADER = 40;

const blank = (s: string | undefined) => s === undefined || s.trim() === "";
const isBlankRow = (r: TableRow) => r.cells.every((c) => blank(c));
/** 1-based number after the last non-blank cell. */
const widthOf = (cells: readonly string[]) => {
  for (let i = cells.length - 1; i >= 0; i--) if (!blank(cells[i])) return i + 1;
  return 0;
};

function fieldsNamed<F extends string>(cells: readonly string[], recognize: RecognizeHeader<F>): Set<F> {
  const out = new Set<F>();
  for (const raw of cells) {
    const c = raw.trim();
    if (c === "" || c.length > LONGEST_HEADER) continue;
    const f = recognize(c);
    if (f !== undefined) out.add(f);
  }
  return out;
}

/** Rows listed for a message: "1", "1、2", "3–5". */
function rowList(rows: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && (rows[j + 1] as number) === (rows[j] as number) + 1) j++;
    parts.push(j - i >= 2 ? `${rows[i]}–${rows[j]}` : rows.slice(i, j + 1).join("、"));
    i = j + 1;
  }
  return parts.join("、");
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The groups of a parent row over a sub-row, or `undefined` when `sub` is not the lower row of a two-row header.
 * A group is a run of ≥ 2 columns under one merged parent: the reader fills merges, so the parent text repeats
 * across the run (a CSV export leaves the cells after the first blank instead: read so only for `format: "csv"`). Every other column is one header
 * cell spanning both rows: blank in the sub-row, or its text repeated there by the merge fill.
 */
function groupsOf(parent: TableRow, sub: TableRow, width: number, csv: boolean): { start: number; end: number }[] | undefined {
  const p = (i: number) => (parent.cells[i] ?? "").trim();
  const s = (i: number) => (sub.cells[i] ?? "").trim();
  const groups: { start: number; end: number }[] = [];
  let spanning = 0;
  for (let i = 0; i < width; ) {
    if (p(i) === "") {
      if (s(i) !== "") return undefined; // a sub text with no parent over it
      i++;
      continue;
    }
    let j = i;
    // A CSV export writes a merge's other cells as empty fields: they extend the run, but only inside the row.
    const continues = (k: number) => p(k) === p(i) || (csv && p(k) === "" && k < parent.cells.length);
    while (j + 1 < width && continues(j + 1) && s(j + 1) !== "" && s(i) !== "" && s(i) !== p(i)) j++;
    if (j > i) {
      for (let k = i; k <= j; k++) if (s(k) === "" || s(k) === p(i)) return undefined;
      groups.push({ start: i, end: j });
    } else {
      if (s(i) !== "" && s(i) !== p(i)) return undefined; // a single column with two different texts: not a header pair
      spanning++;
    }
    i = j + 1;
  }
  // A title merged over the table, or a 填报单位 | 填报日期 line merged in two halves, is not a parent row: a two-row
  // header has columns spanning both rows (序号, 名称…) beside its parents. One without any is read from its lower
  // row alone, the upper one reported as a title.
  return groups.length > 0 && spanning > 0 ? groups : undefined;
}

/**
 * Finds the header row of a table read from a file (or built in memory), and what lies below it.
 *
 * @remarks
 * The header is the row, among the first `scanRows` (20), whose cells `recognize` maps to the most different
 * fields (at least `minFields`, 2); the first such row wins a tie. Non-blank rows above it are titles
 * (one `table_title_rows` info names them). A two-row header — a merged parent such as 抽查比例/频次 over the
 * sub-columns 比例 | 频次, the other header cells merged over both rows — is combined per column: the column's
 * `parts` keep both texts, `recognize(sub, parent)` maps it, and one `table_header_combined` info says so. Rows
 * below the header that repeat it (page breaks) are left out with one `table_header_repeated` info; blank rows
 * are left out silently, every other row is kept with its row number. A CSV row with fewer cells than the header
 * (`table_row_short`) and any row with text beyond the last header column (`table_row_long`) are warnings naming
 * the row. Texts are compared trimmed; recognising variants (NFKC, spaces, aliases) is `recognize`'s business.
 *
 * Issue codes: `table_header_not_found`, `invalid_argument` (errors); `table_row_short`, `table_row_long`
 * (warnings); `table_title_rows`, `table_header_combined`, `table_header_repeated` (info).
 *
 * @param table - a {@link Table} from the file reader, or built in memory (`format: "rows"`).
 * @param recognize - header text (and the merged parent above it) → field, `undefined` for unknown texts.
 * @param options - see {@link LocateHeaderOptions}.
 * @returns the header rows, its columns and their fields, the duplicated fields and the body rows.
 * @example
 * ```ts
 * const table = { format: "rows", merges: [], rows: [
 *   { row: 1, cells: ["2023年名录库"] },
 *   { row: 2, cells: ["编号", "名称"] },
 *   { row: 3, cells: ["E1", "甲"] },
 * ] };
 * const r = locateHeader(table, (t) => (t === "编号" ? "id" : t === "名称" ? "name" : undefined));
 * r.ok && [r.value.rows, r.value.body.map((b) => b.row), r.warnings[0].code]
 * //=> [[2], [3], "table_title_rows"]
 * ```
 * @public
 */
export function locateHeader<F extends string>(
  table: Table,
  recognize: RecognizeHeader<F>,
  options: LocateHeaderOptions = {},
): Result<LocatedHeader<F>> {
  if (typeof table !== "object" || table === null || !Array.isArray(table.rows)) {
    return fail([issue("invalid_argument", { detail: "table must be a Table with a rows array" })]);
  }
  if (typeof recognize !== "function") return fail([issue("invalid_argument", { detail: "recognize must be a function" })]);
  const scanRows = options.scanRows ?? DEFAULT_SCAN_ROWS;
  const minFields = options.minFields ?? 2;
  // The contract says texts; a caller's JavaScript may still hand numbers or nulls, which are read as text.
  const rows: readonly TableRow[] = table.rows.map((r, i) => ({
    ...r,
    row: typeof r?.row === "number" ? r.row : i + 1,
    cells: Array.isArray(r?.cells) ? (r.cells as readonly unknown[]).map((c) => (typeof c === "string" ? c : c == null ? "" : String(c))) : [],
  }));
  const issues: Issue[] = [];

  let best = -1;
  let bestScore = 0;
  const scanned = Math.min(rows.length, scanRows);
  for (let i = 0; i < scanned; i++) {
    const score = fieldsNamed((rows[i] as TableRow).cells, recognize).size;
    if (score > bestScore) (best = i), (bestScore = score);
  }
  if (bestScore < minFields) {
    best = -1;
    if (options.otherwise === "first-row") best = rows.findIndex((r) => !isBlankRow(r));
    else return fail([issue("table_header_not_found", { scanned, minimum: minFields })]);
    if (best < 0) return ok({ rows: [], columns: [], fields: new Map(), duplicates: [], body: [] });
  }

  type Groups = readonly { start: number; end: number }[];
  // Each column's header texts, top to bottom: [text], or [parent, sub] under a group of a two-row header.
  const partsOf = (upper: TableRow, lower: TableRow | undefined, groups: Groups | undefined): string[][] => {
    const cell = (r: TableRow | undefined, i: number) => (r?.cells[i] ?? "").trim();
    const width = Math.max(widthOf(upper.cells), lower ? widthOf(lower.cells) : 0);
    return Array.from({ length: width }, (_, i) => {
      const g = groups?.find((x) => i >= x.start && i <= x.end);
      return g ? [cell(upper, g.start), cell(lower, i)] : [cell(upper, i) || cell(lower, i)];
    });
  };
  const fieldOf = (parts: readonly string[]): F | undefined => {
    const last = parts[parts.length - 1] as string;
    return last === "" || last.length > LONGEST_HEADER ? undefined : parts.length === 2 ? recognize(last, parts[0]) : recognize(last);
  };
  // The lower row of a two-row header names fields too (the merge fill repeats the spanning texts there), so the
  // best row may be either row of the pair. A pair is taken on the workbook's word (its merges cover the groups),
  // or when read as a pair it names at least as many fields as the best single row: a data row under a CSV header
  // never does.
  const merges = table.merges ?? [];
  const pairAt = (u: number): Groups | undefined => {
    const upper = rows[u];
    const lower = rows[u + 1];
    if (!upper || !lower || isBlankRow(upper)) return undefined;
    const g = groupsOf(upper, lower, Math.max(widthOf(upper.cells), widthOf(lower.cells)), table.format === "csv");
    if (!g) return undefined;
    const evidenced = g.every((x) => merges.some((m) => m.top === upper.row && m.bottom === upper.row && m.left === x.start + 1 && m.right === x.end + 1));
    return evidenced || new Set(partsOf(upper, lower, g).map(fieldOf).filter((f) => f !== undefined)).size >= bestScore ? g : undefined;
  };
  let top = best;
  let groups = best > 0 ? pairAt(best - 1) : undefined;
  if (groups) top = best - 1;
  else groups = pairAt(best);
  const headerRows = rows.slice(top, groups ? top + 2 : top + 1);
  const upper = headerRows[0] as TableRow;
  const lower = headerRows[1];

  const columns: HeaderColumn<F>[] = [];
  const fields = new Map<F, HeaderColumn<F>>();
  const duplicates: DuplicateColumn<F>[] = [];
  const usedTexts = new Set<string>();
  partsOf(upper, lower, groups).forEach((parts, i) => {
    const own = (parts.length === 2 ? `${parts[0]}（${parts[1]}）` : parts[0]) || `第${i + 1}列`;
    let text = own;
    for (let k = 2; usedTexts.has(text); k++) text = `${own}(${k})`;
    usedTexts.add(text);
    const field = fieldOf(parts);
    const first = field === undefined ? undefined : fields.get(field);
    const col: HeaderColumn<F> = field !== undefined && !first ? { index: i, column: i + 1, text, parts, field } : { index: i, column: i + 1, text, parts };
    if (field !== undefined && first) duplicates.push({ field, column: i + 1, text, first: first.column });
    if (col.field !== undefined) fields.set(col.field, col);
    columns.push(col);
  });
  const width = columns.length;

  const titles = rows.slice(0, top).filter((r) => !isBlankRow(r));
  if (titles.length > 0) {
    const texts = titles.map((r) => clip(r.cells.find((c) => !blank(c))?.trim() ?? "")).join("；");
    issues.push(issue("table_title_rows", { header: upper.row, rows: rowList(titles.map((r) => r.row)), texts }, { row: upper.row }));
  }
  if (groups && lower) {
    const described = groups.map((g) => `${columns[g.start]?.parts[0]} → ${columns.slice(g.start, g.end + 1).map((c) => c.parts[1]).join(" | ")}`);
    issues.push(issue("table_header_combined", { rows: rowList([upper.row, lower.row]), groups: described.join("；") }, { row: upper.row }));
  }

  const headerTexts = headerRows.map((r) => r.cells.map((c) => c.trim()));
  const repeatsHeader = (r: TableRow) => {
    const filled = r.cells.filter((c) => !blank(c)).length;
    return filled >= Math.min(2, width) && headerTexts.some((h) => r.cells.every((c, i) => blank(c) || c.trim() === h[i]));
  };
  const body: TableRow[] = [];
  const repeated: number[] = [];
  for (const r of rows.slice(top + headerRows.length)) {
    if (isBlankRow(r)) continue;
    if (repeatsHeader(r)) {
      repeated.push(r.row);
      continue;
    }
    // Only a CSV row's length is its own: spreadsheet and Word readers may omit trailing blank cells.
    if (table.format === "csv" && r.cells.length < width) {
      issues.push(issue("table_row_short", { row: r.row, cells: r.cells.length, columns: width }, { row: r.row }));
    }
    const extra = r.cells.findIndex((c, i) => i >= width && !blank(c));
    if (extra >= 0) {
      const text = clip(r.cells.slice(extra).filter((c) => !blank(c)).join(" | "), 40);
      issues.push(issue("table_row_long", { row: r.row, column: extra + 1, text }, { row: r.row }));
    }
    body.push(r);
  }
  if (repeated.length > 0) issues.push(issue("table_header_repeated", { rows: rowList(repeated) }, { row: repeated[0] as number }));

  return ok({ rows: headerRows.map((r) => r.row), columns, fields, duplicates, body }, issues);
}
