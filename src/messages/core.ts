import type { Catalog } from "./types.js";

/** Issue codes shared by every area: generic validation failures mapped from schemas. */
export const coreMessages = {
  invalid_type: { severity: "error", zh: "{path}：类型不正确，应为{expected}，实际为{received}", en: "{path}: wrong type, expected {expected}, received {received}" },
  invalid_value: { severity: "error", zh: "{path}：取值不在允许范围内（允许：{expected}），实际为“{received}”", en: "{path}: value not allowed (allowed: {expected}), received \"{received}\"" },
  invalid_format: { severity: "error", zh: "{path}：格式不正确（应为{expected}）", en: "{path}: wrong format (expected {expected})" },
  too_small: { severity: "error", zh: "{path}：取值{limit}", en: "{path}: {limit}" },
  too_big: { severity: "error", zh: "{path}：取值{limit}", en: "{path}: {limit}" },
  unrecognized_key: { severity: "error", zh: "{path}：不认识的字段“{key}”", en: "{path}: unknown field \"{key}\"" },
  invalid_input: { severity: "error", zh: "{path}：输入无效（{detail}）", en: "{path}: invalid input ({detail})" },
  invalid_argument: { severity: "error", zh: "参数无效：{detail}", en: "Invalid argument: {detail}" },
  issues_capped: { severity: "warning", zh: "同一单元格另有{count}处问题未逐一列出（已列出前{shown}处）", en: "{count} more problems in the same cell are not listed (the first {shown} are)" },
} as const satisfies Catalog;
