// Public API of `double-random/files`: the one table reader (XLSX/WPS, CSV/TSV in any encoding, DOCX tables).
// Kept out of the main entry so that `import { draw } from "double-random"` never bundles ZIP or XML code.
export { readTable, type ReadTableOptions } from "./readTable.js";
export type { CellRange, Table, TableFormat, TableRow } from "./types.js";
// Where a table's header is (title rows, two-row headers), shared by pools, plans and results.
export {
  locateHeader, type DuplicateColumn, type HeaderColumn, type LocateHeaderOptions, type LocatedHeader, type RecognizeHeader,
} from "./header.js";
// Pools straight from a file's bytes (readTable, then the pool readers of the main entry).
export { readEntityPool, readExpertPool, readInspectorPool, type ReadPoolOptions } from "./readPool.js";
