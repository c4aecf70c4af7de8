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
    zh: "名录库中没有任何{group}，{targets}个检查对象都无法派出",
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
    zh: "每个检查组只有{size}名执法人员，少于《行政处罚法》第四十二条规定的两人（专家不计入）；只有法律另有规定时，才可在规则 legalException 中写明依据、决定人和日期并公开，且每组至少一人",
    en: "Each team has {size} counted officers, fewer than the two required by 行政处罚法 第42条 (experts do not count); only where a law provides otherwise may rules.legalException (citation, who decided, when) allow it, published, and never fewer than one",
  },
  match_department_count_zero: {
    severity: "error",
    zh: "{path}：参与部门“{department}”的人数为0；联合检查的每个参与部门至少派一名执法人员（《行政处罚法》第四十二条）",
    en: "{path}: participating department \"{department}\" has a count of 0; every department of a joint task sends at least one officer (行政处罚法 第42条)",
  },
  match_legal_exception: {
    severity: "warning",
    zh: "检查组低于《行政处罚法》第四十二条的两人下限（每组{size}人），依据法律另有规定：{citation}；由{decidedBy}于{decidedAt}决定",
    en: "Teams are below the two-officer floor of 行政处罚法 第42条 ({size} per team) because a law provides otherwise: {citation}; decided by {decidedBy} on {decidedAt}",
  },
  match_department_not_in_roster: {
    severity: "error",
    zh: "规则中的部门“{department}”在执法人员名录库中没有具有执法资格的人员：请在公告前核对部门名称或名录库",
    en: "Department \"{department}\" of the rules has no credentialed officer in the inspector pool: check the department name or the pool before announcing",
  },
  match_recusal_reason: {
    severity: "error",
    zh: "回避事由“{reason}”不在规定的列表中（{allowed}）；说明文字请写在 note 中",
    en: "Recusal reason \"{reason}\" is not in the closed list ({allowed}); free text goes in note",
  },
  match_recusal_undecided: {
    severity: "error",
    zh: "回避须写明决定方式（负责人决定 head_decision 或当事人申请 party_application）、决定人（姓名或职务）和日期 YYYY-MM-DD（《行政处罚法》第四十三条）：{detail}",
    en: "A recusal needs how it was decided (head_decision or party_application), who decided (name or role) and the date YYYY-MM-DD (行政处罚法 第43条): {detail}",
  },
  match_recusal_unaccountable: {
    severity: "warning",
    zh: "{count}条事后回避记录没有封闭列表中的事由或决定人、日期（早于该要求的记录），无法核对由谁决定",
    en: "{count} late recusal entries lack a reason from the closed list or who decided and when (records made before it was required); nobody can check who decided",
  },
  match_late_recusals_many: {
    severity: "warning",
    zh: "事后回避{total}次（{detail}），超过公布的阈值（同一检查对象最多1次，整个任务最多{limit}次）：反复回避可能被用来指定人员，请核查每次回避决定",
    en: "{total} late recusals ({detail}), above the published threshold (at most 1 per target and {limit} per task): repeated recusals can steer who is sent; check each decision",
  },
  match_log_chain_broken: {
    severity: "error",
    zh: "递补日志第{index}条的前一条摘要（prev）不符：日志中的记录被删除、修改或插入",
    en: "Log entry {index}'s previous digest (prev) does not match: an entry was dropped, edited or inserted",
  },
  match_log_head_mismatch: {
    severity: "error",
    zh: "公布的日志链头（logHead）{published}与日志重算的{computed}不符：最后的记录被删除或修改",
    en: "The published log head (logHead) {published} differs from the log's own {computed}: the last entry was dropped or edited",
  },
  match_log_rewritten: {
    severity: "error",
    zh: "此前公布的副本（{length}条记录，链头{head}）不是当前日志的开头：已公布的记录被删除或修改",
    en: "A copy published earlier ({length} entries, head {head}) is not a prefix of this log: published entries were dropped or edited",
  },
  match_log_unchained: {
    severity: "warning",
    zh: "递补日志没有哈希链（prev/logHead，早于 match-v1 §8.2 要求的记录）：删除或修改记录无法被发现",
    en: "The log has no hash chain (prev/logHead; a record made before match-v1 §8.2 required it): dropped or edited entries cannot be detected",
  },
  match_entities_not_committed: {
    severity: "warning",
    zh: "抽取公告承诺了名录库和规则，但未承诺选派所读取的检查对象属性（行政区划、上次检查人员）：这些属性可能在抽取后被修改",
    en: "The announcement commits to the pools and rules but not to the entity attributes matching reads (region, last inspectors): they could have been changed after the draw",
  },
} as const satisfies Catalog;
