import type { Catalog, PhraseCatalog } from "./types.js";

/** Issue codes of the quota wording (parseQuota, parseTierPolicy); sizing and allocation are in sizing.ts. */
export const quotaMessages = {
  quota_empty: { severity: "error", zh: "抽查比例为空", en: "The quota cell is empty" },
  quota_undecided: { severity: "error", zh: "抽查比例“{text}”尚未确定，无法计算抽查数量", en: "Quota \"{text}\" is not decided yet; no sample size can be computed" },
  quota_bare_number: { severity: "error", zh: "“{number}”没有单位，含义不明（可能是{readings}），请写明%、‰或家/户", en: "\"{number}\" has no unit and is ambiguous (it could be {readings}); write %, ‰ or a count such as 家/户" },
  quota_negative: { severity: "error", zh: "抽查比例“{number}”为负数", en: "Quota \"{number}\" is negative" },
  quota_over_100: { severity: "error", zh: "抽查比例“{number}”超过100%", en: "Quota \"{number}\" is above 100%" },
  quota_number_too_long: { severity: "error", zh: "数字“{number}”位数过多，不是有效的比例", en: "Number \"{number}\" has too many digits to be a quota" },
  quota_column_shift: { severity: "error", zh: "抽查比例栏的“{text}”看起来是{looksLike}，可能是表格错列", en: "The quota cell \"{text}\" looks like {looksLike}; the table columns may be shifted" },
  quota_unrecognized: { severity: "error", zh: "无法识别抽查比例“{text}”", en: "Cannot read the quota \"{text}\"" },
  quota_unrecognized_text: { severity: "error", zh: "抽查比例“{text}”中的{part}无法识别", en: "In the quota \"{text}\", {part} cannot be read" },
  unsupported_structure: { severity: "error", zh: "抽查比例“{text}”包含多个比例或数量（{detail}），无法归为一个比例；请拆分为多个任务或为每个比例写明适用对象", en: "The quota \"{text}\" holds several ratios or counts ({detail}) and cannot be one figure; split the task or name the sub-population of each" },
  quota_frequency_incomplete: { severity: "warning", zh: "频次“{part}”缺少次数，已忽略频次", en: "Frequency \"{part}\" has no number of times; the frequency was left out" },
  quota_frequency_bound_ignored: { severity: "warning", zh: "频次中的“{part}”（至少/不超过）没有保留，频次按{times}次计", en: "The bound \"{part}\" on the frequency is not kept; the frequency is {times} time(s)" },
  quota_base_described: { severity: "warning", zh: "比例以“{part}”为基数，请确认名录库就是该范围", en: "The ratio is of \"{part}\"; make sure the pool is exactly that population" },
  quota_approx_ratio: { severity: "warning", zh: "比例“{part}”是约数，按精确比例计算", en: "Ratio \"{part}\" is approximate; it is computed as an exact ratio" },
  quota_words_unused: { severity: "warning", zh: "抽查比例读作“{read}”；原文中未用到的文字：{words}，请确认这些文字不改变抽取数量", en: "The quota is read as \"{read}\"; words of the cell not used: {words}; make sure they do not change the sample size" },
  quota_ratio_without_number: { severity: "warning", zh: "“{part}”没有给出数字，这部分对象的抽取数量无法确定", en: "\"{part}\" gives no number: how many of those entities to draw cannot be computed" },
  quota_zero: { severity: "warning", zh: "抽查比例为0", en: "The quota is zero" },
  tier_policy_unrecognized: { severity: "error", zh: "无法从“{text}”读出分类抽查规则", en: "Cannot read a tier policy from \"{text}\"" },
  tier_policy_duplicate_tier: { severity: "error", zh: "“{tier}”类的规则出现了两次", en: "Tier \"{tier}\" has two rules" },
} as const satisfies Catalog;

/**
 * What a cell that belongs in another column of a plan table looks like (the `looksLike` of quota_column_shift and
 * columns_shifted), by the kind src/_internal/columnShift.ts classifies it as.
 */
export const columnShiftPhrases = {
  date: { zh: "日期", en: "a date" },
  department: { zh: "部门名称", en: "a department name" },
  ratio: { zh: "抽查比例", en: "a sampling ratio" },
  window: { zh: "抽查时间", en: "an inspection window" },
  creditRequirement: { zh: "“信用风险分类要求”栏的内容", en: "the credit-risk requirement column" },
  scope: { zh: "检查对象范围", en: "the scope of entities" },
} as const satisfies PhraseCatalog;
