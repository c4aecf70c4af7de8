import type { Issue, Result } from "../result.js";
import { fail } from "../result.js";
import { readDocumentTable } from "./_docx.js";
import { fileParam, issue } from "./_issue.js";
import { mainPart, openPackage, type Package } from "./_package.js";
import { decodeText, looksLike, readTextTable } from "./_text.js";
import { readWorkbookTable } from "./_xlsx.js";
import { MAX_UNZIPPED_MB, ZipTooLarge } from "./_zip.js";
import type { Table, TableFormat } from "./types.js";

/**
 * Options of {@link readTable}.
 * @public
 */
export interface ReadTableOptions {
  /** The file name, for messages; its extension is a hint only (the content decides the format). */
  readonly name?: string;
  /** The format the caller expects; a hint like the extension (the content decides). */
  readonly format?: TableFormat;
  /**
   * XLSX: the sheet to read, by name or 1-based position in workbook order (default: the first visible sheet).
   * DOCX: the 1-based table to read (default: every table, one after the other).
   */
  readonly sheet?: string | number;
  /** CSV: the encoding to decode with (a WHATWG label such as "gbk", "utf-16le"); detected when absent. */
  readonly encoding?: string;
}

const LEGACY_OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);
}

/** The format a file name's extension suggests. */
function formatOfName(name: string | undefined): TableFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(name ?? "")?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  if (["xlsx", "xlsm", "xls", "et", "ett", "xltx"].includes(ext)) return "xlsx";
  if (["docx", "docm", "doc", "wps", "wpt", "dotx"].includes(ext)) return "docx";
  if (["csv", "tsv", "txt", "tab"].includes(ext)) return "csv";
  return undefined;
}

function describe(format: TableFormat): string {
  return format === "xlsx" ? "xlsx" : format === "docx" ? "docx" : format === "csv" ? "csv" : format;
}

function readPackage(bytes: Uint8Array, options: ReadTableOptions, hint: TableFormat | undefined): Result<Table> {
  const file = fileParam(options.name);
  let pkg: Package;
  let main: string | undefined;
  try {
    pkg = openPackage(bytes);
    main = mainPart(pkg);
  } catch (e) {
    if (e instanceof ZipTooLarge) return fail([issue("file_zip_too_large", { file, limit: MAX_UNZIPPED_MB })]);
    return fail([issue("file_zip_unreadable", { file, detail: e instanceof Error ? e.message : String(e) })]);
  }
  const head = main === undefined ? "" : (safeText(pkg, main) ?? "").slice(0, 4096);
  const root = /<(?:[\w.-]+:)?(workbook|document)[\s>/]/.exec(head)?.[1];
  if (main === undefined || root === undefined) {
    const names = pkg.names;
    const detail = names.includes("mimetype") || names.includes("content.xml")
      ? "OpenDocument (.ods/.odt)"
      : names.some((n) => /\.bin$/i.test(n) && n.startsWith("xl/"))
        ? "Excel binary workbook (.xlsb)"
        : names.some((n) => n.startsWith("ppt/"))
          ? "PowerPoint (.pptx)"
          : names.slice(0, 5).join(", ") || "empty";
    return fail([issue("file_zip_unknown", { file, detail })]);
  }
  const format: TableFormat = root === "workbook" ? "xlsx" : "docx";
  const notes: Issue[] = hint !== undefined && hint !== format ? [issue("file_format_mismatch", { file, expected: describe(hint), actual: describe(format) })] : [];
  const where = { ...(options.name !== undefined ? { name: options.name } : {}), ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) };
  let result: Result<Table>;
  try {
    result = format === "xlsx" ? readWorkbookTable(pkg, main, where) : readDocumentTable(pkg, main, where);
  } catch (e) {
    if (e instanceof ZipTooLarge) return fail([issue("file_zip_too_large", { file, limit: MAX_UNZIPPED_MB })]);
    const detail = e instanceof Error ? e.message : String(e);
    // saxes reports "part:line:column: message"; fflate reports damaged data.
    return fail([issue(/^\d+:\d+: /.test(detail) || /xml|tag|entity|attribute/i.test(detail) ? "file_xml_unreadable" : "file_zip_unreadable", { file, part: main, detail })]);
  }
  return result.ok ? { ...result, warnings: [...notes, ...result.warnings] } : result;
}

function safeText(pkg: Package, part: string): string | undefined {
  try {
    return pkg.text(part);
  } catch {
    return undefined;
  }
}

/**
 * Reads a table from the bytes of a file as its user sees it in Excel/WPS or Word: an XLSX workbook (also WPS's
 * .et saved as .xlsx), a CSV/TSV in UTF-8, UTF-16 or GBK/GB18030, or the tables of a DOCX document. The format is
 * decided by the content (the name's extension and `format` are hints); every guess (encoding, sheet, merged
 * cells filled, hidden rows) comes back as an `info` issue; it never throws on what a user's file holds.
 *
 * @remarks
 * Synchronous, in browsers and Node (a `File` is read with `await file.arrayBuffer()` first). Cells are texts:
 * dates `YYYY-MM-DD`, percents as shown ("5%"), numbers with at most 15 significant digits, rich text as plain
 * text, formulas by their cached value, every cell of a merged range carrying the first cell's value. A string
 * is CSV/TSV text already decoded.
 *
 * Issue codes: `file_empty`, `file_legacy_office`, `file_html_table`, `file_zip_unreadable`, `file_zip_unknown`,
 * `file_zip_too_large`, `file_xml_unreadable`, `file_format_mismatch`, `file_encoding_used`,
 * `file_encoding_guessed`, `file_encoding_invalid`, `file_encoding_mismatch`, `file_encoding_unknown`,
 * `csv_parse_error` (the first 50 of a file; `csv_parse_errors_capped` counts the rest), `sheet_chosen`, `sheet_not_found`, `sheet_none`, `sheet_hidden`, `sheets_hidden`,
 * `rows_hidden`, `merge_filled`, `cell_error_value`, `cell_formula_no_value`, `cell_number_precision`,
 * `table_none`, `table_not_found`, `tables_read`.
 *
 * @param data - The file's bytes, or CSV text.
 * @param options - File name (for messages and as a hint), expected format, sheet, encoding.
 * @returns The table, with the guesses as `info` and doubtful cells as `warning` issues; or the issues that
 * stopped it.
 * @example
 * ```ts
 * const bytes = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0xbc, 0xd7]); // "名称\n甲" saved as GBK
 * const r = readTable(bytes, { name: "pool.csv" });
 * r.ok && [r.value.rows[1].cells, r.value.encoding, r.warnings[0].code]
 * //=> [["甲"], "gb18030", "file_encoding_guessed"]
 * ```
 * @public
 */
export function readTable(data: Uint8Array | ArrayBuffer | string, options: ReadTableOptions = {}): Result<Table> {
  const file = fileParam(options.name);
  const hint = options.format !== undefined && options.format !== "rows" ? options.format : formatOfName(options.name);
  const delimiter = /\.(tsv|tab)$/i.test(options.name ?? "") ? "\t" : undefined;
  const textOptions = { ...(options.name !== undefined ? { name: options.name } : {}), ...(delimiter ? { delimiter } : {}) };
  try {
    if (typeof data === "string") {
      if (data.replace(/^\uFEFF/, "") === "") return fail([issue("file_empty", { file })]);
      return readTextTable(data, undefined, textOptions, []);
    }
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.length === 0) return fail([issue("file_empty", { file })]);
    if (startsWith(bytes, LEGACY_OLE2)) return fail([issue("file_legacy_office", { file })]);
    if (isZip(bytes)) return readPackage(bytes, options, hint);
    const decoded = decodeText(bytes, options.encoding !== undefined ? { ...textOptions, encoding: options.encoding } : textOptions);
    if (!decoded.ok) return decoded;
    const kind = looksLike(decoded.value.text);
    if (kind === "html") return fail([issue("file_html_table", { file })]);
    if (kind === "spreadsheet-xml") return fail([issue("file_legacy_office", { file })]);
    if (decoded.value.text.replace(/^\uFEFF/, "") === "") return fail([issue("file_empty", { file })]);
    const notes = hint !== undefined && hint !== "csv" ? [issue("file_format_mismatch", { file, expected: describe(hint), actual: "csv" })] : [];
    return readTextTable(decoded.value.text, decoded.value.encoding, textOptions, [...notes, ...decoded.warnings]);
  } catch (e) {
    // A defect of ours, not of the file: still a value, so a portal keeps running; the detail names it.
    return fail([issue("file_zip_unreadable", { file, detail: e instanceof Error ? e.message : String(e) })]);
  }
}
