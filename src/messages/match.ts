import type { Catalog } from "./types.js";

/** Issue codes of the match area (随机选派执法检查人员). */
export const matchMessages = {
  match_record_invalid: {
    severity: "error",
    zh: "{path}：抽取记录不可用于选派（{detail}）",
    en: "{path}: the draw record cannot be used for matching ({detail})",
  },
  match_target_without_entity: {
    severity: "error",
    zh: "{path}：抽中的检查对象“{id}”在检查对象名录中不存在",
    en: "{path}: drawn target \"{id}\" is not in the entity pool",
  },
  match_duplicate_target: {
    severity: "error",
    zh: "{path}：检查对象“{id}”在抽取结果中出现了两次",
    en: "{path}: target \"{id}\" appears twice in the draw",
  },
  match_duplicate_person: {
    severity: "error",
    zh: "人员编号“{id}”重复出现（{first}和{second}）",
    en: "Person id \"{id}\" appears twice ({first} and {second})",
  },
  match_two_departments: {
    severity: "error",
    zh: "人员“{id}”同时登记在两个部门：“{first}”和“{second}”",
    en: "Person \"{id}\" is registered in two departments: \"{first}\" and \"{second}\"",
  },
  match_negative_cap: {
    severity: "error",
    zh: "{path}：工作量上限应为不小于0的整数，实际为{value}",
    en: "{path}: workload cap must be an integer ≥ 0, received {value}",
  },
  match_invalid_rule: {
    severity: "error",
    zh: "{path}：选派规则无效（{detail}）",
    en: "{path}: invalid matching rule ({detail})",
  },
  match_unknown_inspector: {
    severity: "error",
    zh: "{path}：执法人员“{id}”不在执法检查人员名录库中",
    en: "{path}: inspector \"{id}\" is not in the inspector pool",
  },
  match_unknown_target: {
    severity: "error",
    zh: "{path}：“{id}”不是本次抽中的检查对象",
    en: "{path}: \"{id}\" is not a drawn target of this record",
  },
  match_entities_required: {
    severity: "error",
    zh: "规则“{rule}”需要检查对象名录（entities）才能执行",
    en: "Rule \"{rule}\" needs the entity pool (entities) to be applied",
  },
  match_region_unknown: {
    severity: "warning",
    zh: "{count}个检查对象没有行政区划代码，未按执法人员可派区域筛选（如“{sample}”）",
    en: "{count} targets have no region code; inspectors' regions were not checked for them (e.g. \"{sample}\")",
  },
  match_no_eligible: {
    severity: "error",
    zh: "检查对象“{target}”需要{need}名{group}，但没有符合条件的人员（该组共{pool}人：回避{conflicts}人，资质不符{qualifications}人，区域不符{regions}人，无执法资格{credential}人）",
    en: "Target \"{target}\" needs {need} of {group} but nobody qualifies (group of {pool}: {conflicts} recused, {qualifications} lack qualifications, {regions} outside their regions, {credential} without credential)",
  },
  match_group_empty: {
    severity: "error",
    zh: "名录库中没有{group}，{targets}个检查对象都无法派出",
    en: "The pools hold no {group} at all; none of the {targets} targets can be staffed",
  },
  match_infeasible: {
    severity: "error",
    zh: "无法组成合法检查组：{targets}个检查对象（如{sample}）共需{slots}人次（{groups}），经回避、资质、区域和工作量上限筛选后只有{people}名人员可派，最多提供{capacity}人次；缺{missing}人次",
    en: "No lawful teams exist: {targets} targets (e.g. {sample}) need {slots} assignments ({groups}); after recusal, qualifications, regions and workload caps only {people} people are eligible, offering at most {capacity}; {missing} missing",
  },
  match_leader_department: {
    severity: "error",
    zh: "{path}：组长须来自“{department}”，但规则未保证每组至少有一名该部门人员",
    en: "{path}: the team leader must come from \"{department}\" but the rules do not guarantee a member of it in every team",
  },
  match_not_in_team: {
    severity: "error",
    zh: "执法人员“{inspector}”不在检查对象“{target}”的检查组中",
    en: "Inspector \"{inspector}\" is not in the team of target \"{target}\"",
  },
  match_refill_impossible: {
    severity: "error",
    zh: "“{inspector}”回避后，检查对象“{target}”的空缺无法递补：没有符合条件且有余量的人员，调整其他检查组也不能补足",
    en: "After \"{inspector}\" recused, the vacancy at target \"{target}\" cannot be refilled: nobody eligible has spare capacity, and no rearrangement of other teams helps",
  },
  match_mismatch: {
    severity: "error",
    zh: "选派结果复核不一致：{detail}",
    en: "Matching does not verify: {detail}",
  },
  match_rule_violated: {
    severity: "error",
    zh: "检查对象“{target}”的检查组违反规则：{detail}",
    en: "The team of target \"{target}\" breaks a rule: {detail}",
  },
  match_commitment_mismatch: {
    severity: "error",
    zh: "选派所用的{part}与抽取公告中事先承诺的不符：公告为{expected}，实际为{found}",
    en: "The {part} used for matching differ from those committed in the announcement: announced {expected}, found {found}",
  },
  match_not_committed: {
    severity: "warning",
    zh: "抽取公告未事先承诺执法人员名录库和选派规则：复核只能证明检查组出自所给的名录库，不能证明该名录库在抽取前已确定",
    en: "The announcement did not commit to the inspector pools and matching rules: verification shows the teams follow from the pools given, not that those pools were fixed before the draw",
  },
  match_below_legal_minimum: {
    severity: "error",
    zh: "每组执法人员{size}人，少于两人（行政处罚法第42条，专家不计）；法律另有规定时须写明 legalException",
    en: "{size} officers per team, fewer than two (行政处罚法 第42条; experts do not count) without a legalException",
  },
  match_department_count_zero: {
    severity: "error",
    zh: "{path}：部门“{department}”人数为0（第42条）",
    en: "{path}: department \"{department}\" has a count of 0 (第42条)",
  },
  match_legal_exception: {
    severity: "warning",
    zh: "每组{size}人，低于第42条下限，依据{citation}（{decidedBy}，{decidedAt}）",
    en: "{size} per team, below 第42条, under {citation} ({decidedBy}, {decidedAt})",
  },
  match_department_not_in_roster: {
    severity: "error",
    zh: "部门“{department}”在名录库中没有具有执法资格的人员",
    en: "Department \"{department}\" has no credentialed officer in the roster",
  },
  match_recusal_reason: {
    severity: "error",
    zh: "回避事由“{reason}”不在列表中（{allowed}），说明请写在 note",
    en: "Recusal reason \"{reason}\" is not in the list ({allowed}); free text goes in note",
  },
  match_recusal_undecided: {
    severity: "error",
    zh: "回避须写明决定方式、决定人和日期（第四十三条）：{detail}",
    en: "A recusal needs how, by whom and when it was decided (第43条): {detail}",
  },
  match_recusal_unaccountable: {
    severity: "warning",
    zh: "{count}条事后回避没有规定事由或决定人、日期",
    en: "{count} late recusals lack a listed reason or who decided and when",
  },
  match_late_recusals_many: {
    severity: "warning",
    zh: "事后回避{total}次（{detail}），超过阈值（每对象1次，每任务{limit}次）",
    en: "{total} late recusals ({detail}), above the threshold (1 per target, {limit} per task)",
  },
  match_log_chain_broken: {
    severity: "error",
    zh: "递补记录第{index}条 prev 不符：记录被删改",
    en: "Log entry {index}: prev does not match",
  },
  match_log_head_mismatch: {
    severity: "error",
    zh: "链头 logHead {published} 与日志重算的 {computed} 不符",
    en: "logHead {published} differs from the log's {computed}",
  },
  match_log_rewritten: {
    severity: "error",
    zh: "此前公布的副本（{length}条，{head}）不是本日志的开头：记录被删改",
    en: "An earlier copy ({length} entries, {head}) is not a prefix of this log",
  },
  match_log_unchained: {
    severity: "warning",
    zh: "递补日志无哈希链（旧记录），删改无法发现",
    en: "The log has no hash chain (an older record)",
  },
  match_entities_not_committed: {
    severity: "warning",
    zh: "公告未承诺检查对象属性（区划、检查记录）",
    en: "The announcement does not commit to the entity attributes",
  },
} as const satisfies Catalog;
