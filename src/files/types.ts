// The shape every file reader returns (XLSX/WPS, CSV in any encoding, DOCX tables) and every table consumer
// (pools, plans, results, the CLI and the offline page) reads. Contract shared by the areas; see DESIGN.md's data flow.

/**
 * The kinds of file the table reader understands. `rows` is a table handed over in memory (a grid pasted from a
 * spreadsheet, rows from a caller's own library).
 * @public
 */
export type TableFormat = "xlsx" | "csv" | "docx" | "rows";

/**
 * A rectangle of cells, 1-based and inclusive, in the row numbers of {@link TableRow.row} and column numbers
 * (A = 1).
 * @public
 */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * One row of a table as its user sees it.
 * @public
 */
export interface TableRow {
  /**
   * 1-based row number as the user sees it: the sheet row in XLSX (title rows and blank rows counted), the
   * record in CSV (the first line is row 1), the running row over the document's tables in DOCX.
   */
  readonly row: number;
  /**
   * Cell texts, column A first, as the user sees them: dates as `YYYY-MM-DD`, percents as shown ("5%"), numbers
   * as written, rich text as plain text, formulas by their cached value. Every cell of a merged range carries the
   * value of the range's first cell. Trailing empty cells may be omitted.
   */
  readonly cells: readonly string[];
  /** DOCX only: the 1-based index of the table in the document, and the 1-based row inside that table. */
  readonly table?: number;
  readonly tableRow?: number;
  /** True when the row is hidden in the workbook (still read: hiding is not deleting). */
  readonly hidden?: boolean;
}

/**
 * A table read from a file: every row (none dropped), the merged ranges that were filled, and where it came from.
 * What the reader guessed (encoding, sheet, merge fill) comes back as `info` issues beside it, never silently.
 * @public
 */
export interface Table {
  readonly format: TableFormat;
  /** The file name, when the caller gave one (used in messages). */
  readonly name?: string;
  /** XLSX: the sheet that was read; DOCX: undefined (all tables) or the chosen table as "1", "2"… */
  readonly sheet?: string;
  /** XLSX: every sheet's name, in workbook order. */
  readonly sheets?: readonly string[];
  /** CSV: the encoding the bytes were decoded with ("utf-8", "gb18030", "utf-16le", "utf-16be"). */
  readonly encoding?: string;
  readonly rows: readonly TableRow[];
  /** Merged ranges (XLSX merges, DOCX vMerge/gridSpan); their cells were filled with the first cell's value. */
  readonly merges: readonly CellRange[];
}
