import type { Catalog } from "./types.js";

/** Issue codes of finding the header of a table (src/files/header.ts), shared by pools, plans and results. */
export const tableMessages = {
  table_header_not_found: { severity: "error", zh: "前{scanned}行中没有表头（没有一行含{minimum}个已知列名）", en: "No header in the first {scanned} rows (no row names {minimum} known columns)" },
  table_title_rows: { severity: "info", zh: "表头在第{header}行，其上的第{rows}行作为标题跳过：{texts}", en: "Header at row {header}; row(s) {rows} above it skipped as titles: {texts}" },
  table_header_combined: { severity: "info", zh: "第{rows}行是两行表头，按列合并为：{groups}", en: "Rows {rows} are a two-row header, combined per column: {groups}" },
  table_header_repeated: { severity: "info", zh: "第{rows}行重复表头（如分页处），已跳过", en: "Row(s) {rows} repeat the header (e.g. at a page break), skipped" },
  table_row_short: { severity: "warning", zh: "这一行只有{cells}格，表头有{columns}列：缺的格按空白读", en: "This row has {cells} cells, the header {columns}: missing cells read as blank" },
  table_row_long: { severity: "warning", zh: "这一行超出表头：第{column}列起还有“{text}”", en: "This row goes beyond the header: \"{text}\" from column {column}" },
} as const satisfies Catalog;
