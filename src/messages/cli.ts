import type { Catalog } from "./types.js";

/** Issue codes of the command line (Node only). */
export const cliMessages = {
  cli_unknown_command: { severity: "error", zh: "未知命令“{command}”", en: "Unknown command \"{command}\"" },
  cli_missing_argument: { severity: "error", zh: "缺少参数：{argument}", en: "Missing argument: {argument}" },
  cli_bad_option: { severity: "error", zh: "选项 {option} 的值“{value}”无效：{detail}", en: "Option {option}: invalid value \"{value}\": {detail}" },
  cli_unknown_option: { severity: "error", zh: "不认识的选项 {option}（可用：{accepted}）", en: "Unknown option {option} (accepted: {accepted})" },
  cli_option_value_missing: { severity: "error", zh: "选项 {option} 缺少取值", en: "Option {option} needs a value" },
  cli_option_takes_no_value: { severity: "error", zh: "选项 {option} 不带取值", en: "Option {option} takes no value" },
  cli_bad_arguments: { severity: "error", zh: "命令行参数无法解析：{detail}", en: "Cannot parse the arguments: {detail}" },
  cli_internal_error: { severity: "error", zh: "内部错误（请报告此问题，设置 DOUBLE_RANDOM_DEBUG=1 可显示调用栈）：{detail}", en: "Internal error (please report it; DOUBLE_RANDOM_DEBUG=1 shows the stack): {detail}" },
  cli_salt_blank: { severity: "error", zh: "盐值为空或只有空白字符（{option}）：请填写部门提供的盐值", en: "The salt is empty or only spaces ({option}): give the salt the department provided" },
  cli_salt_whitespace: { severity: "warning", zh: "盐值首尾有空格或制表符，已按原样使用；若复核不通过，请检查复制时是否多带了空白", en: "The salt starts or ends with spaces or tabs and is used as given; if verification fails, check for whitespace picked up when copying it" },
  input_wrong_kind: { severity: "error", zh: "{input}：文件 {file} 看起来是{found}，不是{expected}", en: "{input}: the file {file} looks like {found}, not {expected}" },
  verify_salt_likely_wrong: { severity: "error", zh: "用给出的盐值，{count}个分层的摘要都无法重算：盐值很可能有误（或名录库不是抽取时的那一份）", en: "With the given salt, none of the {count} strata digests recompute: the salt is most likely wrong (or the pool is not the one drawn from)" },
  file_not_found: { severity: "error", zh: "找不到文件：{file}", en: "File not found: {file}" },
  file_unreadable: { severity: "error", zh: "无法读取文件 {file}：{detail}", en: "Cannot read {file}: {detail}" },
  file_format_unsupported: { severity: "error", zh: "不支持的文件格式：{file}（支持 {accepted}）", en: "Unsupported file format: {file} (accepted: {accepted})" },
  workbook_unreadable: { severity: "error", zh: "无法打开工作簿 {file}：{detail}", en: "Cannot open workbook {file}: {detail}" },
  json_invalid: { severity: "error", zh: "{file} 不是有效的 JSON：{detail}", en: "{file} is not valid JSON: {detail}" },
  output_is_directory: { severity: "error", zh: "无法写入 {file}：这是一个目录，请给出文件名（如 {file}/record.json）", en: "Cannot write {file}: it is a directory; give a file name (e.g. {file}/record.json)" },
  output_dir_missing: { severity: "error", zh: "无法写入 {file}：目录 {dir} 不存在，请先创建", en: "Cannot write {file}: the directory {dir} does not exist; create it first" },
  file_write_failed: { severity: "error", zh: "写入 {file} 失败（原文件未改动）：{detail}", en: "Writing {file} failed (the old file is unchanged): {detail}" },
} as const satisfies Catalog;
