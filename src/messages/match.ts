import type { Catalog, PhraseCatalog } from "./types.js";

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

/**
 * Texts the match area puts into its issues (the `detail`, `group`, `part` params, hints): no issue codes of their
 * own, kept here so that every text of the area is in one catalog and typed by its placeholders.
 */
export const matchPhrases = {
  // Reading the record and the rules (match_record_invalid, match_invalid_rule).
  record_not_object: { zh: "不是对象", en: "not an object" },
  record_task_id_missing: { zh: "缺少任务编号 taskId", en: "taskId missing" },
  record_seed_missing: { zh: "缺少种子 seed", en: "seed missing" },
  record_selections_missing: { zh: "缺少抽中结果 selections", en: "selections missing" },
  record_section_missing: { zh: "缺少 {protocol} 选派部分", en: "no {protocol} matching section" },
  commitment_malformed: { zh: "选派承诺格式错误", en: "malformed matching commitment" },
  rule_count: { zh: "应为不小于0的整数", en: "expected an integer ≥ 0" },
  rule_department_names: { zh: "应为部门名称列表", en: "expected department names" },
  rule_department_count: { zh: "“{department}”的人数应为不小于0的整数", en: "count of \"{department}\" must be an integer ≥ 0" },
  rule_departments_shape: { zh: "应为部门列表或“部门: 人数”", en: "expected a list of departments or a record of counts" },
  rule_no_department: { zh: "没有参与部门", en: "no department takes part" },
  rule_department_name: { zh: "应为部门名称", en: "expected a department" },
  rule_legal_exception_shape: { zh: "应为 { basis, citation, decidedBy, decidedAt }", en: "expected { basis, citation, decidedBy, decidedAt }" },
  rule_qualifications: { zh: "应为资质列表", en: "expected a list of qualifications" },
  rule_boolean: { zh: "应为 true 或 false", en: "expected true or false" },
  rule_leader_shape: { zh: "应为 true、false 或 { department }", en: "expected true, false or { department }" },
  rule_leader_needs_member: { zh: "设组长时每组至少需要1名执法人员", en: "a leader needs at least one counted member" },
  rule_list: { zh: "应为列表", en: "expected a list" },
  rule_relationship_shape: { zh: "应为 { inspectorId, entityId, reason }", en: "expected { inspectorId, entityId, reason }" },
  // Slot groups and infeasibility (match_group_empty, match_no_eligible, match_infeasible).
  group_experts: { zh: "专家", en: "experts" },
  group_any_department: { zh: "任一参与部门执法人员", en: "inspectors of any participating department" },
  group_inspectors: { zh: "执法人员", en: "inspectors" },
  group_department: { zh: "{department}执法人员", en: "inspectors of {department}" },
  group_qualified: { zh: "{group}（{qualifications}）", en: "{group} ({qualifications})" },
  group_count: { zh: "{group}×{count}", en: "{group}×{count}" },
  infeasible_hint: {
    zh: "可增加上述部门符合条件的执法人员、提高工作量上限，或将检查对象分批检查",
    en: "Add eligible inspectors of these departments, raise the workload caps, or split the targets into batches",
  },
  // Published teams that do not fit the rules' shape (match_mismatch from recuseInspector).
  teams_count: { zh: "检查组数与抽中对象数不一致", en: "the number of teams differs from the number of targets" },
  team_unknown_target: { zh: "检查组对应的对象“{target}”不是抽中对象", en: "team of unknown target \"{target}\"" },
  team_unknown_person: { zh: "“{target}”检查组中有未知人员“{person}”", en: "unknown person \"{person}\" in the team of \"{target}\"" },
  team_slot_misfit: { zh: "“{person}”不符合“{target}”检查组的{slot}席位", en: "\"{person}\" does not fit a {slot} slot in the team of \"{target}\"" },
  // Verification (match_rule_violated, match_mismatch, match_late_recusals_many).
  team_not_drawn: { zh: "非抽中对象或重复", en: "not a drawn target, or two teams" },
  team_person_twice: { zh: "同一人重复", en: "a person twice" },
  team_counted_size: { zh: "执法人员{count}人，应为{required}人", en: "{count} counted members, {required} required" },
  team_expert_size: { zh: "专家{count}人，应为{required}人", en: "{count} experts, {required} required" },
  team_department_short: { zh: "{department}仅{count}人，至少应为{required}人", en: "{count} of {department}, at least {required} required" },
  team_not_in_counted_pool: { zh: "“{person}”不在执法检查人员名录库中", en: "\"{person}\" is not in the counted pool" },
  team_not_in_expert_pool: { zh: "“{person}”不在专家名录库中", en: "\"{person}\" is not in the expert pool" },
  team_ineligible: { zh: "“{person}”不符合选派条件（{reason}）", en: "\"{person}\": {reason}" },
  team_leader: { zh: "组长不符", en: "leader" },
  person_over_cap: { zh: "“{person}”承担{count}户，超出上限{cap}", en: "\"{person}\" has {count} assignments, cap {cap}" },
  target_without_team: { zh: "有抽中对象没有检查组", en: "a drawn target has no team" },
  rerun_impossible: { zh: "无法重新运行选派", en: "the matching cannot be re-run" },
  repairs_differ: { zh: "公布的修复次数为{published}，复算为{computed}", en: "repairs {published} published, {computed} re-run" },
  log_entry_unreplayable: { zh: "第{entry}条递补记录无法重放", en: "log entry {entry} cannot be replayed" },
  log_entry_differs: {
    zh: "第{entry}条递补记录不一致（复算：递补人员{replacement}，计数{counter}）",
    en: "log entry {entry} differs (re-run: replacement {replacement}, counter {counter})",
  },
  teams_differ: { zh: "检查组不一致：{targets}", en: "teams differ at {targets}" },
  counter_differs: { zh: "公布的随机数计数为{published}，复算为{computed}", en: "counter {published} published, {computed} re-run" },
  recusals_repeated: { zh: "同一对象多次：{targets}", en: "repeated at {targets}" },
  recusals_targets: { zh: "共{count}个检查对象", en: "{count} targets" },
  // The parts of a matching commitment (match_commitment_mismatch).
  part_rules: { zh: "选派规则", en: "matching rules" },
  part_inspectors: { zh: "执法人员名录库（含专家库）", en: "inspector pools" },
  part_entities: { zh: "检查对象属性（行政区划、检查记录）", en: "entity attributes (region, inspections)" },
} as const satisfies PhraseCatalog;
