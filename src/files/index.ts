/**
 * double-random/files: tables from real files (XLSX/WPS, CSV in any encoding, DOCX) and what reads them.
 * Kept out of the main entry so that `import { draw } from "double-random"` never bundles ZIP or XML code.
 *
 * @packageDocumentation
 */
export type { CellRange, Table, TableFormat, TableRow } from "./types.js";
export { readTable, type ReadTableOptions } from "./readTable.js";
export {
  locateHeader, type DuplicateColumn, type HeaderColumn, type LocateHeaderOptions, type LocatedHeader, type RecognizeHeader,
} from "./header.js";
