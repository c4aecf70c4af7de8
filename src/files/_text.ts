// CSV/TSV bytes as the tools save them: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text",
// tab-separated), GBK/GB18030 (Excel's "CSV" on Chinese Windows). Decoded by the platform's TextDecoder,
// never by guesswork that could turn into mojibake: bytes that fit no encoding are an error.
import { csvProblemIssues, readCsv } from "../_internal/csv.js";
import type { Issue, Result } from "../result.js";
import { fail, ok } from "../result.js";
import { fileParam, issue } from "./_issue.js";
import type { Table, TableRow } from "./types.js";

/** Decodes strictly, or returns undefined. */
function decode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The line of the first byte that `encoding` cannot decode (1-based). */
function badLine(bytes: Uint8Array, encoding: string): number {
  const text = new TextDecoder(encoding).decode(bytes);
  const at = text.indexOf("\uFFFD");
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
}

/** A UTF-16 file without a BOM shows as NUL bytes in every other place (ASCII text being most of a CSV). */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd > n / 2 / 3 && even === 0) return "utf-16le";
  if (even > n / 2 / 3 && odd === 0) return "utf-16be";
  return undefined;
}

/** Decoded text of a CSV file, the encoding used, and what the user should be told about it. */
export function decodeText(bytes: Uint8Array, options: { name?: string; encoding?: string }): Result<{ text: string; encoding: string }> {
  const file = fileParam(options.name);
  const used = (text: string, encoding: string, guessed = false) =>
    ok({ text, encoding }, [issue(guessed ? "file_encoding_guessed" : "file_encoding_used", { file, encoding })]);
  const mismatch = (encoding: string) => fail<{ text: string; encoding: string }>([issue("file_encoding_mismatch", { file, encoding, line: badLine(bytes, encoding) })]);

  if (options.encoding !== undefined) {
    let label: string;
    try {
      label = new TextDecoder(options.encoding).encoding;
    } catch {
      return fail([issue("file_encoding_unknown", { encoding: options.encoding })]);
    }
    // "gbk" is decoded by the GB18030 decoder on every platform; it is named as asked.
    const text = decode(bytes, label);
    return text === undefined ? mismatch(label) : used(text, label);
  }
  const bom: [number[], string][] = [[[0xef, 0xbb, 0xbf], "utf-8"], [[0xff, 0xfe], "utf-16le"], [[0xfe, 0xff], "utf-16be"]];
  for (const [mark, encoding] of bom) {
    if (mark.every((b, i) => bytes[i] === b)) {
      const text = decode(bytes, encoding);
      return text === undefined ? mismatch(encoding) : used(text, `${encoding} (BOM)`);
    }
  }
  const wide = utf16WithoutBom(bytes);
  if (wide !== undefined) {
    const text = decode(bytes, wide);
    if (text !== undefined) return used(text, wide, false);
  }
  const utf8 = decode(bytes, "utf-8");
  if (utf8 !== undefined) return used(utf8, "utf-8");
  const gb = decode(bytes, "gb18030");
  if (gb !== undefined) return used(gb, "gb18030", true);
  return fail([issue("file_encoding_invalid", { file, line: badLine(bytes, "utf-8") })]);
}

/** Options of the CSV reader. */
export interface TextTableOptions {
  readonly name?: string;
  /** "\t" for a .tsv file; detected otherwise. */
  readonly delimiter?: string;
}

/** Parses decoded CSV/TSV text into a table (papaparse: quotes, line breaks in cells, delimiter detection). */
export function readTextTable(text: string, encoding: string | undefined, options: TextTableOptions, warnings: readonly Issue[]): Result<Table> {
  // The line break that ends the last record is not a record of its own (Excel ends every file with one); left
  // in, papaparse would count a one-field record and miss the delimiter of a short file.
  const body = text.replace(/(\r\n|\n|\r)$/, "");
  // Excel and WPS on Chinese systems save commas ("CSV") or tabs ("Unicode text"); a semicolon or bar in a
  // cell must not be taken for the delimiter.
  const { rows, problems } = readCsv(body, options.delimiter ? { delimiter: options.delimiter } : { delimitersToGuess: [",", "\t"] });
  const issues = csvProblemIssues(problems, issue);
  const out: TableRow[] = rows.map((r) => ({ row: r.row, cells: r.cells }));
  const table: Table = {
    format: "csv",
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(encoding !== undefined ? { encoding: encoding.replace(/ \(BOM\)$/, "") } : {}),
    rows: out,
    merges: [],
  };
  const all = [...warnings, ...issues];
  return all.some((i) => i.severity === "error") ? fail(all) : ok(table, all);
}

/** The first characters of a text, for recognising HTML or XML disguised as a spreadsheet. */
export function looksLike(text: string): "html" | "spreadsheet-xml" | undefined {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (/^<\?xml[^>]*>\s*(<\?mso-application[^>]*>\s*)?<(ss:)?workbook/.test(head)) return "spreadsheet-xml";
  if (/^(<!doctype html|<html|<table|<meta|<head|<body)/.test(head)) return "html";
  return undefined;
}

