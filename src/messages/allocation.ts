import type { PhraseCatalog } from "./types.js";

/** How `allocate` explains each stratum's count and why an allocation cannot be met (phrases, not issues). */
export const allocationPhrases = {
  stratum_tier: { zh: "{tier}类（{label}）", en: "tier {tier} ({label})" },
  stratum_untiered: { zh: "未分类", en: "untiered" },
  exempt_by_policy: { zh: "{who}：按策略免于抽查（无事不扰），抽取0户", en: "{who}: exempt by the policy, 0 drawn" },
  all_drawn: { zh: "{who}：全部抽查，{n}户", en: "{who}: all {n} are drawn" },
  by_tier_quota: { zh: "{who}按“{quota}”", en: "{who} by \"{quota}\"" },
  by_base_multiple: { zh: "{who}按基础比例“{base}”的{factor}倍", en: "{who} by {factor} × the base quota \"{base}\"" },
  by_base: { zh: "{who}按基础比例“{base}”", en: "{who} by the base quota \"{base}\"" },
  sized: { zh: "{label}：{size}", en: "{label}: {size}" },
  minimum_above_cap: { zh: "下限高于上限（上限不超过分层数量，免查分层为0）", en: "a minimum is above its cap (a cap never exceeds N_h; an exempt stratum's is 0)" },
  total_below_minimums: { zh: "总数{total}小于各分层下限之和{sum}", en: "the total {total} is below the sum of minimums {sum}" },
  total_above_caps: { zh: "总数{total}大于各分层上限之和{sum}", en: "the total {total} is above the sum of caps {sum}" },
  held_exempt: { zh: "免于抽查", en: "exempt" },
  held_at_minimum: { zh: "按下限{n}", en: "held at its minimum {n}" },
  held_at_cap: { zh: "按上限{n}", en: "held at its cap {n}" },
  by_weight: { zh: "按权重{weight}分得{share}，最大余数法取{n}", en: "weight {weight} gives {share}, largest remainder gives {n}" },
  apportioned: { zh: "总数{total}分配：{why}（策略：{policy}）", en: "total {total} apportioned: {why} (policy: {policy})" },
} as const satisfies PhraseCatalog;
