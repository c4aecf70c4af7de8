import type { Catalog } from "./types.js";

/**
 * Issue codes of sizing and allocation (sampleSize, allocate): apart from the quota wording's catalog so that a
 * bundle that sizes strata (announce) does not carry the parser's messages.
 */
export const sizingMessages = {
  quota_no_size: { severity: "error", zh: "抽查比例“{text}”没有比例也没有数量，无法计算抽查数量", en: "The quota \"{text}\" has neither a ratio nor a count; no sample size can be computed" },
  quota_segments_need_choice: { severity: "error", zh: "抽查比例“{text}”对不同对象规定了不同比例（{scopes}），请指定 segment 逐一计算", en: "The quota \"{text}\" has different ratios for sub-populations ({scopes}); pass options.segment to size each one" },
  quota_segment_unknown: { severity: "error", zh: "抽查比例中没有适用对象“{segment}”（可选：{scopes}）", en: "The quota has no sub-population \"{segment}\" (available: {scopes})" },
  quota_invalid_pool_size: { severity: "error", zh: "名录库数量“{value}”应为非负整数", en: "Pool size \"{value}\" must be a non-negative integer" },
  quota_count_exceeds_pool: { severity: "warning", zh: "规定抽查{count}户，但名录库只有{pool}户，全部抽取", en: "The quota asks for {count} but the pool holds {pool}; all are drawn" },
  quota_count_mismatch: { severity: "warning", zh: "按比例计算为{size}户，与计划中的“约{count}家”不一致，以比例为准", en: "The ratio gives {size}, which differs from the plan's \"about {count}\"; the ratio is used" },
  quota_bounds_conflict: { severity: "error", zh: "比例要求至少{ratioSize}户，但数量上限为{count}户，互相矛盾", en: "The ratio requires at least {ratioSize} but the count allows at most {count}; the bounds conflict" },
  quota_minimum_one_exceeds_bound: { severity: "warning", zh: "按“不超过”计算为0户，因“至少抽1户”取1户，超出了上限", en: "The \"at most\" bound gives 0; minimumOne raised it to 1, above the bound" },
  allocation_duplicate_key: { severity: "error", zh: "分层“{key}”重复", en: "Stratum \"{key}\" appears more than once" },
  allocation_invalid_size: { severity: "error", zh: "分层“{key}”的数量“{value}”应为非负整数", en: "Stratum \"{key}\": size \"{value}\" must be a non-negative integer" },
  allocation_unknown_key: { severity: "error", zh: "{option}中的“{key}”不是任何分层", en: "\"{key}\" in {option} is not a stratum" },
  allocation_no_quota: { severity: "error", zh: "分层“{key}”没有适用的抽查规则，也没有任务的基础比例（options.base）", en: "Stratum \"{key}\" has no rule in the policy and no base quota (options.base) was given" },
  allocation_multiplier_needs_ratio: { severity: "error", zh: "分层“{key}”按基础比例的倍数抽查，但基础比例“{text}”没有比例", en: "Stratum \"{key}\" uses a multiplier of the base quota, but the base quota \"{text}\" has no ratio" },
  allocation_multiplier_capped: { severity: "warning", zh: "分层“{key}”的倍数比例超过100%，按100%计", en: "Stratum \"{key}\": the multiplied ratio is above 100%; 100% is used" },
  allocation_base_count_ignored: { severity: "warning", zh: "基础比例“{text}”中的数量要求针对整个任务，分层计算时未使用，请核对各层合计", en: "The count in the base quota \"{text}\" binds the whole task and is not used per stratum; check the total" },
  allocation_infeasible: { severity: "error", zh: "分配无法满足：{detail}（涉及分层：{strata}）", en: "The allocation cannot be met: {detail} (strata: {strata})" },
  allocation_no_weight: { severity: "error", zh: "总数为{total}，但所有分层的抽查权重都为0，无法分配", en: "The total is {total} but every stratum has zero weight; nothing to apportion by" },
  allocation_invalid_total: { severity: "error", zh: "总抽查数“{value}”应为非负整数", en: "Total \"{value}\" must be a non-negative integer" },
  allocation_invalid_minimum: { severity: "error", zh: "每层最少抽查数“{value}”应为非负整数", en: "The minimum per stratum \"{value}\" must be a non-negative integer" },
  allocation_minimum_raises_total: { severity: "warning", zh: "每层不少于{minimum}户，共需{needed}户，多于按比例计算的{total}户：按{needed}户抽取", en: "At least {minimum} per stratum needs {needed} in all, more than the {total} of the quota: {needed} are drawn" },
  allocation_total_exceeds_pool: { severity: "error", zh: "总抽查数{total}超过名录库总数{pool}", en: "The total {total} is more than the pool's {pool}" },
} as const satisfies Catalog;
