import type { Catalog } from "./types.js";

/** Issue codes of the command line (Node only). */
export const cliMessages = {
  cli_unknown_command: { severity: "error", zh: "未知命令“{command}”", en: "Unknown command \"{command}\"" },
  cli_missing_argument: { severity: "error", zh: "缺少参数：{argument}", en: "Missing argument: {argument}" },
  cli_bad_option: { severity: "error", zh: "选项 {option} 的值“{value}”无效：{detail}", en: "Option {option}: invalid value \"{value}\": {detail}" },
  file_not_found: { severity: "error", zh: "找不到文件：{file}", en: "File not found: {file}" },
  file_unreadable: { severity: "error", zh: "无法读取文件 {file}：{detail}", en: "Cannot read {file}: {detail}" },
  file_format_unsupported: { severity: "error", zh: "不支持的文件格式：{file}（支持 {accepted}）", en: "Unsupported file format: {file} (accepted: {accepted})" },
  workbook_unreadable: { severity: "error", zh: "无法打开工作簿 {file}：{detail}", en: "Cannot open workbook {file}: {detail}" },
  json_invalid: { severity: "error", zh: "{file} 不是有效的 JSON：{detail}", en: "{file} is not valid JSON: {detail}" },
} as const satisfies Catalog;
