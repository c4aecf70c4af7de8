import type { Catalog, PhraseCatalog } from "./types.js";

/** Issue codes of the domain models (pools, plans, items). */
export const modelMessages = {
  uscc_invalid_length: { severity: "error", zh: "统一社会信用代码“{value}”应为18位，实际为{length}位", en: "Unified social credit code \"{value}\" must have 18 characters, it has {length}" },
  uscc_invalid_character: { severity: "error", zh: "统一社会信用代码“{value}”第{position}位“{char}”不是允许的字符（不含I、O、Z、S、V）", en: "Unified social credit code \"{value}\": character {position} \"{char}\" is not allowed (I, O, Z, S, V are never used)" },
  uscc_invalid_check: { severity: "error", zh: "统一社会信用代码“{value}”校验位错误：应为“{expected}”，实际为“{received}”", en: "Unified social credit code \"{value}\": wrong check character, expected \"{expected}\", found \"{received}\"" },
  region_code_invalid: { severity: "error", zh: "行政区划代码“{value}”应为6位数字", en: "Region code \"{value}\" must be 6 digits" },
  duplicate_entity_id: { severity: "error", zh: "实体编号重复：“{id}”出现在第{first}行和第{second}行", en: "Duplicate entity id \"{id}\" at rows {first} and {second}" },
  duplicate_inspector_id: { severity: "error", zh: "执法人员编号重复：“{id}”出现在第{first}行和第{second}行", en: "Duplicate inspector id \"{id}\" at rows {first} and {second}" },
  duplicate_item_id: { severity: "error", zh: "抽查事项编号重复：“{id}”出现在第{first}行和第{second}行", en: "Duplicate check item id \"{id}\" at rows {first} and {second}" },
  empty_pool: { severity: "warning", zh: "名录库为空", en: "The pool is empty" },
  inspector_without_credential: { severity: "warning", zh: "执法人员“{id}”没有执法证（不计入每组至少2名执法人员）", en: "Inspector \"{id}\" holds no law-enforcement credential (does not count toward the two-inspector minimum)" },
  identifier_invalid: { severity: "error", zh: "{path}：“{value}”首尾不能有空白，也不能含控制字符", en: "{path}: \"{value}\" must not start or end with white space or contain control characters" },
  date_invalid: { severity: "error", zh: "{path}：日期“{value}”无效，应为YYYY-MM-DD", en: "{path}: date \"{value}\" is invalid, expected YYYY-MM-DD" },
  csv_parse_error: { severity: "error", zh: "CSV 第{row}行无法解析：{detail}", en: "CSV row {row} cannot be parsed: {detail}" },
  csv_parse_errors_capped: { severity: "error", zh: "另有{count}处CSV语法问题未逐一列出（已列出前{shown}处，最后一处在第{row}行）", en: "{count} more CSV syntax problems are not listed (the first {shown} are; the last is in row {row})" },
  csv_missing_column: { severity: "error", zh: "缺少必需的列“{column}”（可用表头：{accepted}）", en: "Missing required column \"{column}\" (accepted headers: {accepted})" },
  csv_duplicate_column: { severity: "error", zh: "列“{column}”出现了两次（第{first}列和第{second}列）", en: "Column \"{column}\" appears twice (columns {first} and {second})" },
  csv_invalid_boolean: { severity: "error", zh: "“{value}”不是是/否值（可用：是、否、有、无、true、false、1、0）", en: "\"{value}\" is not a yes/no value (accepted: 是, 否, 有, 无, true, false, 1, 0)" },
  pool_cell_empty: { severity: "error", zh: "“{column}”为空：这一列每行都必须填写{fallback}", en: "\"{column}\" is blank: every row must fill this column{fallback}" },
  csv_invalid_number: { severity: "error", zh: "“{value}”不是非负整数", en: "\"{value}\" is not a non-negative integer" },
} as const satisfies Catalog;

/**
 * zh and en labels of each entity kind (检查对象类型).
 * @example
 * ```ts
 * entityKindLabels.individual.zh
 * //=> "个体工商户"
 * ```
 * @public
 */
export const entityKindLabels = {
  enterprise: { zh: "企业", en: "Enterprise" },
  individual: { zh: "个体工商户", en: "Individual business" },
  cooperative: { zh: "农民专业合作社", en: "Farmers' cooperative" },
  product: { zh: "产品", en: "Product" },
  project: { zh: "项目", en: "Project" },
  behavior: { zh: "行为", en: "Behaviour" },
  other: { zh: "其他", en: "Other" },
} as const satisfies PhraseCatalog;

/**
 * zh and en labels of each entity status (登记状态).
 * @example
 * ```ts
 * entityStatusLabels.deregistered.zh
 * //=> "注销"
 * ```
 * @public
 */
export const entityStatusLabels = {
  active: { zh: "存续", en: "Active" },
  deregistered: { zh: "注销", en: "Deregistered" },
  revoked: { zh: "吊销", en: "Licence revoked" },
  moved_out: { zh: "迁出", en: "Moved out" },
  suspended: { zh: "停业", en: "Suspended" },
  other: { zh: "其他", en: "Other" },
} as const satisfies PhraseCatalog;
