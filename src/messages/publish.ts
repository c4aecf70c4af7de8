import type { Catalog } from "./types.js";

/** Issue codes of the publish area (一公开: inspection results, their reconciliation, the publication package). */
export const publishMessages = {
  // Reading results tables.
  result_field_missing: { severity: "error", zh: "第{row}行缺少“{field}”", en: "Row {row} has no \"{field}\"" },
  result_category_unknown: { severity: "error", zh: "检查结果“{value}”不是公示的结果类别（可用：{accepted}）", en: "\"{value}\" is not a published result category (accepted: {accepted})" },
  result_method_unknown: { severity: "error", zh: "检查方式“{value}”无法识别（可用：现场检查、书面检查、网络监测、抽样检测、其他）", en: "Inspection method \"{value}\" is not recognised (accepted: 现场检查, 书面检查, 网络监测, 抽样检测, 其他)" },
  result_date_invalid: { severity: "error", zh: "“{value}”不是有效日期（应为YYYY-MM-DD，多个日期用“、”分隔）", en: "\"{value}\" is not a valid date (expected YYYY-MM-DD, several separated by 、)" },
  // Reconciliation against the draw record.
  result_task_mismatch: { severity: "error", zh: "“{id}”的检查结果属于任务“{taskId}”，不是抽取记录的任务“{recordTask}”", en: "The result for \"{id}\" belongs to task \"{taskId}\", not to the record's task \"{recordTask}\"" },
  result_missing: { severity: "error", zh: "抽中的检查对象“{id}”没有检查结果", en: "The drawn entity \"{id}\" has no inspection result" },
  result_not_drawn: { severity: "error", zh: "“{id}”不在抽取名单中（含补抽），却有检查结果：未经抽取的检查", en: "\"{id}\" was not drawn (replacements included) yet has an inspection result: an inspection without a draw" },
  result_duplicate: { severity: "error", zh: "“{id}”有{count}条检查结果", en: "\"{id}\" has {count} inspection results" },
  replacement_unjustified: { severity: "error", zh: "补抽替换了“{id}”，但其检查结果“{category}”不构成补抽理由（只有无法联系、已注销、已吊销、已迁出、已关闭停业或正在清算可以）", en: "A replacement draw replaced \"{id}\" but its result \"{category}\" does not justify it (only unreachable, deregistered, revoked, moved out, closed or liquidating do)" },
  replacement_reason_unknown: { severity: "warning", zh: "补抽替换了“{id}”，理由“{reason}”无法对应到结果类别，且没有该对象的检查结果可以印证", en: "A replacement draw replaced \"{id}\" for \"{reason}\", which matches no result category, and no result for it confirms the reason" },
  result_team_not_checked: { severity: "info", zh: "抽取记录没有选派部分（match-v1），检查人员未核对", en: "The record has no matching section (match-v1): teams were not checked" },
  result_team_missing: { severity: "warning", zh: "“{id}”的检查结果没有填写检查人员", en: "The result for \"{id}\" names no inspectors" },
  result_team_unmatched_target: { severity: "warning", zh: "“{id}”在抽取记录中没有选派的检查组（补抽晚于选派？），检查人员未核对", en: "\"{id}\" has no matched team in the record (replaced after matching?): its inspectors were not checked" },
  result_team_mismatch: { severity: "error", zh: "“{id}”的检查人员{inspectors}不在选派的检查组中，也没有递补记录", en: "Inspectors {inspectors} of \"{id}\" are not in its matched team and no 递补 is logged" },
  result_team_incomplete: { severity: "warning", zh: "选派给“{id}”的检查人员{inspectors}未出现在其检查结果中", en: "Matched inspectors {inspectors} of \"{id}\" are missing from its result" },
  result_team_recused: { severity: "error", zh: "检查人员“{inspector}”已对“{id}”回避（递补记录），却出现在其检查结果中", en: "Inspector \"{inspector}\" was recused from \"{id}\" (logged 递补) yet appears in its result" },
  result_window_missing: { severity: "info", zh: "未提供任务的抽查时间，检查日期未核对", en: "No task window given: inspection dates were not checked" },
  result_date_outside_window: { severity: "error", zh: "“{id}”的检查日期{date}不在任务抽查时间{start}～{end}内", en: "\"{id}\" was inspected on {date}, outside the task window {start} to {end}" },
  result_entry_date_missing: { severity: "warning", zh: "“{id}”的检查结果没有录入日期，无法核对是否在{deadline}前录入", en: "The result for \"{id}\" has no entry date: whether it was entered by {deadline} cannot be checked" },
  result_entered_late: { severity: "error", zh: "“{id}”的检查结果{entered}录入，晚于公示期限{deadline}（{basis}）", en: "The result for \"{id}\" was entered on {entered}, after the deadline {deadline} ({basis})" },
  abnormal_list_late: { severity: "error", zh: "“{id}”列入经营异常名录的决定日期{decided}晚于{deadline}（自核实之日{verified}起10个工作日，《企业经营异常名录管理暂行办法》）", en: "\"{id}\" was put on the abnormal-operations list on {decided}, after {deadline} (10 working days from verification on {verified})" },
  abnormal_list_expected: { severity: "warning", zh: "“{id}”的结果为“{category}”，但没有列入经营异常名录的记录（应自核实之日起10个工作日内作出决定）", en: "\"{id}\" is \"{category}\" but has no abnormal-operations listing (due within 10 working days of verification)" },
  follow_up_expected: { severity: "warning", zh: "“{id}”的结果为“{category}”，但缺少“{action}”的后续处置记录", en: "\"{id}\" is \"{category}\" but the follow-up \"{action}\" is not recorded" },
  // The publication package and its verification.
  publish_id_withheld: { severity: "info", zh: "个体工商户“{name}”的编号不是统一社会信用代码，公示清单中不公开该编号", en: "The individual business \"{name}\" has no unified social credit code: its identifier is withheld from the public list" },
  publish_package_invalid: { severity: "error", zh: "公示包格式不正确：{detail}", en: "The publication package is malformed: {detail}" },
  publish_entity_missing: { severity: "error", zh: "公示清单缺少抽中的检查对象“{id}”", en: "The published list lacks the drawn entity \"{id}\"" },
  publish_entity_extra: { severity: "error", zh: "公示清单中的“{id}”不在抽取名单中（含补抽）", en: "\"{id}\" in the published list was not drawn (replacements included)" },
  publish_entity_duplicate: { severity: "error", zh: "公示清单中“{id}”出现了{count}次", en: "\"{id}\" appears {count} times in the published list" },
  publish_withheld_unmatched: { severity: "error", zh: "公示清单中未公开编号的“{name}”无法对应到抽中的个体工商户", en: "The list entry \"{name}\" with a withheld identifier matches no drawn individual business" },
  publish_count_mismatch: { severity: "error", zh: "抽查情况中“{fieldName}”为{stated}，按抽取记录和公示清单应为{actual}", en: "The task report says {fieldName} = {stated}; the record and the list give {actual}" },
  publish_binding_mismatch: { severity: "error", zh: "公示包绑定的{what}为{stated}，而抽取记录给出{actual}", en: "The package binds the {what} {stated}; the record gives {actual}" },
  publish_digest_mismatch: { severity: "error", zh: "{what}摘要不符：声明{stated}，重算得{actual}", en: "The {what} digest does not hold: stated {stated}, recomputed {actual}" },
  publish_digest_not_checked: { severity: "info", zh: "只有公示清单、没有公示包摘要，摘要未核对", en: "Only the list was given, without the package digest: the digest was not checked" },
} as const satisfies Catalog;
