import Papa from "papaparse";
import type { Issue, Message } from "../result.js";

/** A CSV record and its 1-based row number as a spreadsheet shows it (header = row 1, blank rows counted). */
export interface CsvRow {
  readonly row: number;
  readonly cells: string[];
}

/** A problem papaparse reported, with the row it concerns; `detail` is its meaning in words (zh, en). */
export interface CsvProblem {
  readonly row: number;
  readonly code: string;
  readonly message: string;
  readonly detail: { readonly zh: string; readonly en: string };
}

// papaparse's error codes (its docs: "Errors"), in words; its own messages are English only.
const CSV_PROBLEM: Record<string, { zh: string; en: string }> = {
  MissingQuotes: { zh: "引号没有闭合（一个单元格以引号开头却没有结束引号）", en: "a quoted cell is not closed" },
  InvalidQuotes: { zh: "引号使用不正确（引号内的引号应写成两个引号）", en: "a quote inside a quoted cell is not doubled" },
  TooFewFields: { zh: "列数少于表头", en: "fewer cells than the header" },
  TooManyFields: { zh: "列数多于表头", en: "more cells than the header" },
};

function detailOf(code: string, message: string): { zh: string; en: string } {
  return CSV_PROBLEM[code] ?? { zh: `无法解析（${code}）`, en: message };
}

/**
 * Reads CSV text as exported from Excel/WPS: BOM dropped, delimiter detected, every record kept (blank ones too,
 * so that callers number rows exactly as the spreadsheet does; a cell with line breaks is still one row).
 * A one-column file has no delimiter to detect; that is not reported. `delimiter` fixes it (a .tsv file);
 * `delimitersToGuess` narrows the guess.
 */
export function readCsv(text: string, options: { delimiter?: string; delimitersToGuess?: string[] } = {}): { rows: CsvRow[]; problems: CsvProblem[] } {
  const parsed = Papa.parse<unknown>(text.replace(/^\uFEFF/, ""), {
    header: false,
    skipEmptyLines: false,
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.delimitersToGuess ? { delimitersToGuess: options.delimitersToGuess } : {}),
  });
  const rows = parsed.data.map((cells, i) => ({
    row: i + 1,
    cells: Array.isArray(cells) ? cells.map((c) => (c === null || c === undefined ? "" : String(c))) : [],
  }));
  const problems = parsed.errors
    .filter((e) => e.code !== "UndetectableDelimiter")
    .map((e) => ({ row: (e.row ?? 0) + 1, code: e.code, message: e.message, detail: detailOf(e.code, e.message) }));
  return { rows, problems };
}

/** True when every cell of a row is blank. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/**
 * The text of one cell as a spreadsheet library or a caller gives it: strings as they are, numbers and booleans
 * written out, dates as ISO days, rich-text cells by their `text`, anything else as JSON; never throws.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object" && "text" in value && typeof (value as { text: unknown }).text === "string") {
    return (value as { text: string }).text;
  }
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    // Circular objects, or objects whose toString is not callable: no text to show.
    return "";
  }
}

/** How many CSV syntax problems of one file are listed before the rest are counted. */
export const MAX_CSV_PROBLEMS = 50;

/** What {@link csvProblemIssues} needs of an area's issue builder. */
interface CsvIssue {
  (code: "csv_parse_error", params: { row: number; detail: Message }, options: { row: number }): Issue;
  (code: "csv_parse_errors_capped", params: { count: number; shown: number; row: number }, options: { row: number }): Issue;
}

/**
 * The problems of {@link readCsv} as issues: the first {@link MAX_CSV_PROBLEMS} as `csv_parse_error` with their rows,
 * then one `csv_parse_errors_capped` counting the rest (a stray quote in every line of a 1 MB file made 285,713).
 */
export function csvProblemIssues(problems: readonly CsvProblem[], issue: CsvIssue): Issue[] {
  const out = problems.slice(0, MAX_CSV_PROBLEMS).map((p) => issue("csv_parse_error", { row: p.row, detail: p.detail }, { row: p.row }));
  const last = problems[problems.length - 1];
  if (problems.length > MAX_CSV_PROBLEMS && last) out.push(issue("csv_parse_errors_capped", { count: problems.length - MAX_CSV_PROBLEMS, shown: MAX_CSV_PROBLEMS, row: last.row }, { row: last.row }));
  return out;
}
