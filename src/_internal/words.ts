import type { Message } from "../result.js";

/**
 * Words for the field names and enum values of the pools (the tables users fill in), so a schema failure reads in
 * the user's language: `kind` is 类型 (the column a pool table names it by), `enterprise` is 企业. Plain data for
 * the schema mapping (kept to the pools: both script-tag bundles carry it). test/cli/messages-zh.test.ts checks
 * these agree with the model's own label tables.
 */
export const fieldLabels: Readonly<Record<string, Message>> = {
  id: { zh: "编号", en: "id" },
  idKind: { zh: "编号类型", en: "idKind" },
  name: { zh: "名称", en: "name" },
  kind: { zh: "类型", en: "kind" },
  regionCode: { zh: "行政区划代码", en: "regionCode" },
  industry: { zh: "行业", en: "industry" },
  tier: { zh: "信用风险分类", en: "tier" },
  status: { zh: "登记状态", en: "status" },
  tags: { zh: "标签", en: "tags" },
  inspections: { zh: "以往检查记录", en: "inspections" },
  date: { zh: "日期", en: "date" },
  department: { zh: "所属部门", en: "department" },
  credential: { zh: "执法资格", en: "credential" },
  expert: { zh: "专家", en: "expert" },
  qualifications: { zh: "专业资质", en: "qualifications" },
  regions: { zh: "可派往区域", en: "regions" },
  loadCap: { zh: "工作量上限", en: "loadCap" },
  conflicts: { zh: "回避对象", en: "conflicts" },
};

/** zh words of the pools' enum values whose codes are English (tiers A–D are written as they are). */
export const valueLabels: Readonly<Record<string, Message>> = {
  // EntityKind
  enterprise: { zh: "企业", en: "enterprise" },
  individual: { zh: "个体工商户", en: "individual" },
  cooperative: { zh: "农民专业合作社", en: "cooperative" },
  product: { zh: "产品", en: "product" },
  project: { zh: "项目", en: "project" },
  behavior: { zh: "行为", en: "behavior" },
  other: { zh: "其他", en: "other" },
  // EntityStatus
  active: { zh: "存续", en: "active" },
  deregistered: { zh: "注销", en: "deregistered" },
  revoked: { zh: "吊销", en: "revoked" },
  moved_out: { zh: "迁出", en: "moved_out" },
  suspended: { zh: "停业", en: "suspended" },
  // EntityIdKind
  uscc: { zh: "统一社会信用代码", en: "uscc" },
  registration: { zh: "注册号", en: "registration" },
  // ConflictReason
  declared: { zh: "本人申报", en: "declared" },
  former_employer: { zh: "原工作单位", en: "former_employer" },
  relative: { zh: "亲属关系", en: "relative" },
  shareholding: { zh: "持股", en: "shareholding" },
  prior_inspection: { zh: "曾检查过", en: "prior_inspection" },
};

/** zh words of the value types a schema expects or receives. */
export const typeLabels: Readonly<Record<string, Message>> = {
  string: { zh: "文本", en: "string" },
  number: { zh: "数字", en: "number" },
  int: { zh: "整数", en: "integer" },
  bigint: { zh: "整数", en: "bigint" },
  boolean: { zh: "是/否", en: "boolean" },
  array: { zh: "列表", en: "array" },
  object: { zh: "对象", en: "object" },
  null: { zh: "空值", en: "null" },
  undefined: { zh: "缺失", en: "missing" },
  date: { zh: "日期", en: "date" },
  nan: { zh: "非数字", en: "NaN" },
};
