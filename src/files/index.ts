/**
 * double-random/files: tables from real files (XLSX/WPS, CSV in any encoding, DOCX) and what reads them.
 *
 * @packageDocumentation
 */
export type { CellRange, Table, TableFormat, TableRow } from "./types.js";
export {
  locateHeader, type DuplicateColumn, type HeaderColumn, type LocateHeaderOptions, type LocatedHeader, type RecognizeHeader,
} from "./header.js";
