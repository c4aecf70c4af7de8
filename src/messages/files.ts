import type { Catalog } from "./types.js";

/**
 * Issue codes of the table reader (`double-random/files`: XLSX/WPS workbooks, CSV/TSV in any encoding, DOCX tables).
 * Guesses the reader makes (encoding, sheet, merge fill, hidden rows) are `info`, so a user can read them.
 */
export const fileMessages = {
  file_empty: { severity: "error", zh: "文件{file}是空的", en: "The file{file} is empty" },
  file_legacy_office: { severity: "error", zh: "文件{file}是旧版 Office/WPS 格式（.xls/.doc/.et/.wps）或是加密文件，无法读取；请在 Excel/WPS 中“另存为”.xlsx 或 .docx 后再试", en: "The file{file} is in the legacy Office/WPS format (.xls/.doc/.et/.wps) or encrypted, and cannot be read; save it as .xlsx or .docx in Excel/WPS and try again" },
  file_html_table: { severity: "error", zh: "文件{file}实际是网页（HTML）表格，不是真正的 Excel 文件；请在 Excel/WPS 中打开后“另存为”.xlsx 或 CSV", en: "The file{file} is really a web page (HTML table), not an Excel file; open it in Excel/WPS and save it as .xlsx or CSV" },
  file_zip_unreadable: { severity: "error", zh: "文件{file}是损坏或不完整的压缩包（.xlsx/.docx），无法读取：{detail}", en: "The file{file} is a damaged or truncated ZIP package (.xlsx/.docx) and cannot be read: {detail}" },
  file_zip_unknown: { severity: "error", zh: "文件{file}是压缩包，但既不是 Excel/WPS 工作簿也不是 Word 文档（{detail}）；请另存为 .xlsx、.docx 或 CSV", en: "The file{file} is a ZIP package but neither an Excel/WPS workbook nor a Word document ({detail}); save it as .xlsx, .docx or CSV" },
  file_zip_too_large: { severity: "error", zh: "文件{file}解压后超过{limit}MB，拒绝读取", en: "The file{file} expands to more than {limit} MB; it is not read" },
  file_xml_unreadable: { severity: "error", zh: "文件{file}中的“{part}”不是有效的 XML，无法读取：{detail}", en: "Part \"{part}\" of the file{file} is not valid XML: {detail}" },
  file_format_mismatch: { severity: "info", zh: "文件{file}的扩展名或指定格式为“{expected}”，但内容是{actual}，按{actual}读取", en: "The file{file} is named or declared as \"{expected}\" but its content is {actual}; it is read as {actual}" },
  file_encoding_used: { severity: "info", zh: "文件{file}按 {encoding} 编码读取", en: "The file{file} was decoded as {encoding}" },
  file_encoding_guessed: { severity: "info", zh: "文件{file}不是有效的 UTF-8，按 {encoding}（中文 Windows 的 GBK/GB18030）读取", en: "The file{file} is not valid UTF-8; it was decoded as {encoding} (GBK/GB18030, as saved on Chinese Windows)" },
  file_encoding_invalid: { severity: "error", zh: "文件{file}既不是有效的 UTF-8 也不是有效的 GB18030/GBK 编码（第{line}行起有无效字节）；请在 Excel/WPS 中“另存为”CSV UTF-8", en: "The file{file} is neither valid UTF-8 nor valid GB18030/GBK (invalid bytes from line {line}); save it as \"CSV UTF-8\" in Excel/WPS" },
  file_encoding_mismatch: { severity: "error", zh: "文件{file}不是有效的 {encoding} 编码（第{line}行起有无效字节）", en: "The file{file} is not valid {encoding} (invalid bytes from line {line})" },
  file_encoding_unknown: { severity: "error", zh: "不认识的编码“{encoding}”", en: "Unknown encoding \"{encoding}\"" },
  sheet_chosen: { severity: "info", zh: "工作簿有{count}个工作表（{sheets}），读取了“{sheet}”；如需其他工作表请指定 sheet", en: "The workbook has {count} sheets ({sheets}); \"{sheet}\" was read (choose another with the sheet option)" },
  sheet_not_found: { severity: "error", zh: "工作簿中没有工作表“{sheet}”（现有：{sheets}）", en: "The workbook has no sheet \"{sheet}\" (it has: {sheets})" },
  sheet_none: { severity: "error", zh: "工作簿{file}中没有可读取的工作表", en: "The workbook{file} has no worksheet to read" },
  sheet_hidden: { severity: "info", zh: "工作表“{sheet}”是隐藏的，仍按要求读取", en: "Sheet \"{sheet}\" is hidden; it was read as asked" },
  sheets_hidden: { severity: "info", zh: "工作簿有隐藏的工作表：{sheets}（未读取；如需读取请指定 sheet）", en: "The workbook has hidden sheets: {sheets} (not read; choose one with the sheet option)" },
  rows_hidden: { severity: "info", zh: "工作表“{sheet}”中第{rows}行是隐藏的，已照常读取（隐藏不等于删除）", en: "Rows {rows} of sheet \"{sheet}\" are hidden; they were read like the others (hiding is not deleting)" },
  merge_filled: { severity: "info", zh: "合并单元格{range}：每个单元格都取首个单元格的值“{value}”", en: "Merged cells {range}: every cell carries the first cell's value \"{value}\"" },
  cell_error_value: { severity: "warning", zh: "单元格{cell}的值是错误“{value}”", en: "Cell {cell} holds the error value \"{value}\"" },
  cell_formula_no_value: { severity: "warning", zh: "单元格{cell}是公式“{formula}”，但文件中没有保存计算结果，按空值读取；请在 Excel/WPS 中打开并保存后再试", en: "Cell {cell} holds the formula \"{formula}\" but the file has no computed value for it; it is read as empty (open and save the file in Excel/WPS)" },
  cell_number_precision: { severity: "warning", zh: "单元格{cell}是数字“{value}”（{digits}位）：电子表格只保存15位有效数字，末几位可能已经丢失；身份证号、统一社会信用代码等请以文本格式保存", en: "Cell {cell} is the number \"{value}\" ({digits} digits): spreadsheets keep only 15 significant digits, so the last digits may be lost; store ids (身份证号, USCC) as text" },
  table_none: { severity: "error", zh: "文档{file}中没有表格", en: "The document{file} has no table" },
  table_not_found: { severity: "error", zh: "文档中没有第{table}个表格（共{count}个）", en: "The document has no table {table} (it has {count})" },
  tables_read: { severity: "info", zh: "文档有{count}个表格，已按顺序连在一起读取（行号连续编号）；如只需其中一个请指定 sheet", en: "The document has {count} tables; they were read one after the other (rows numbered on); choose one with the sheet option" },
} as const satisfies Catalog;
