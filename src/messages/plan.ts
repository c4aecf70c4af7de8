import type { Catalog } from "./types.js";

/** Issue codes of the plan area: importing plan tables (importPlanTable) and linting plans (lintPlan). */
export const planMessages = {
  // Import: table structure and provenance.
  plan_header_missing: { severity: "error", zh: "没有找到表头行：前{scanned}行中没有一行含有至少两个可识别的列名（如“抽查任务名称”“抽查比例”）", en: "No header row found: none of the first {scanned} rows has two recognised column names (such as 抽查任务名称, 抽查比例)" },
  plan_column_unknown: { severity: "info", zh: "第{column}列“{header}”不是可识别的列名，原文已保留", en: "Column {column} \"{header}\" is not a recognised column name; its text is kept" },
  plan_column_duplicate: { severity: "warning", zh: "第{column}列“{header}”与第{first}列表示同一字段（{field}），只使用第{first}列", en: "Column {column} \"{header}\" means the same field ({field}) as column {first}; only column {first} is used" },
  plan_row_skipped: { severity: "info", zh: "第{row}行未作为任务导入：{reason}", en: "Row {row} was not imported as a task: {reason}" },
  plan_cell_filled: { severity: "info", zh: "“{header}”为空（合并单元格），已按第{from}行填充为“{value}”", en: "\"{header}\" is blank (merged cell); filled from row {from} with \"{value}\"" },
  plan_targeting_assumed: { severity: "info", zh: "表中没有“抽查类型”列，所有任务按不定向处理", en: "The table has no 抽查类型 column; every task is taken as undirected (不定向)" },
  plan_fill_column_unknown: { severity: "error", zh: "要填充合并单元格的列{names}不是此表的列（此表可识别的列：{columns}）", en: "The column(s) {names} to fill merged cells in are not columns of this table (its recognised columns: {columns})" },
  lint_argument_unexpected: { severity: "error", zh: "多余的参数“{argument}”：lint 一次检查一个计划文件", en: "Unexpected argument \"{argument}\": lint checks one plan file at a time" },
  plan_csv_problem: { severity: "warning", zh: "CSV 解析问题：{detail}", en: "CSV parsing problem: {detail}" },
  // Lint: one code per finding.
  task_name_missing: { severity: "error", zh: "缺少抽查任务名称", en: "The task has no name (抽查任务名称)" },
  task_name_from_plan: { severity: "warning", zh: "抽查任务名称为空，已使用抽查计划名称“{name}”", en: "The task name is blank; the plan name \"{name}\" is used instead" },
  targeting_missing: { severity: "error", zh: "缺少抽查类型（定向/不定向）", en: "The targeting (抽查类型: 定向 directed / 不定向 undirected) is missing" },
  targeting_typo: { severity: "warning", zh: "抽查类型“{text}”应为“{expected}”", en: "Targeting \"{text}\" should read \"{expected}\"" },
  targeting_unrecognized: { severity: "error", zh: "抽查类型“{text}”不是“定向”或“不定向”", en: "Targeting \"{text}\" is neither 定向 (directed) nor 不定向 (undirected)" },
  quota_rounds_to_zero: { severity: "error", zh: "按抽查比例“{text}”，{pool}户的名录库四舍五入后抽取0户，比例形同虚设", en: "With the ratio \"{text}\" a pool of {pool} entities rounds to 0 to inspect: the ratio does not work" },
  window_after_completion: { severity: "warning", zh: "抽查时间“{text}”截至{end}，晚于计划完成日期{completion}", en: "The window \"{text}\" ends on {end}, after the plan's completion date {completion}" },
  task_year_mismatch: { severity: "error", zh: "{where}中的年份{found}年与计划年度{year}年不符", en: "The year {found} in the {where} differs from the plan year {year}" },
  frequency_impossible: { severity: "warning", zh: "频次“{frequency}”在抽查时间“{window}”内无法完成：{detail}", en: "The frequency \"{frequency}\" cannot be met within the window \"{window}\": {detail}" },
  cooperator_missing: { severity: "error", zh: "部门联合抽查任务没有配合部门", en: "The joint task has no cooperating department (配合部门)" },
  cooperator_is_initiator: { severity: "error", zh: "配合部门“{department}”就是发起部门本身", en: "The cooperating department \"{department}\" is the initiator itself" },
  cooperator_ambiguous: { severity: "warning", zh: "配合部门“{text}”含“或”，不确定由哪个部门配合", en: "The cooperating department \"{text}\" says \"or\" (或): which department cooperates is undecided" },
  initiator_missing: { severity: "error", zh: "缺少发起部门", en: "The initiating department (发起部门) is missing" },
  credit_requirement_missing: { severity: "warning", zh: "缺少智慧监管（信用风险分类）要求", en: "The credit-risk classification requirement (智慧监管（信用风险分类）要求) is missing" },
  credit_requirement_contradictory: { severity: "error", zh: "信用风险分类要求为“{credit}”，但抽查比例“{quota}”按风险等级区分", en: "The credit-risk requirement says \"{credit}\" but the ratio \"{quota}\" differs by risk tier" },
  directed_without_scope: { severity: "error", zh: "定向抽查任务没有抽查对象范围", en: "A directed (定向) task has no scope (抽查对象范围) to draw from" },
  task_duplicate: { severity: "warning", zh: "与第{first}行的任务重复（名称、事项、对象范围、发起部门、抽查时间均相同）", en: "Duplicates the task at row {first} (same name, items, scope, initiator and window)" },
  columns_shifted: { severity: "error", zh: "列错位：“{header}”列的内容“{value}”看起来是{looksLike}", en: "Shifted columns: the \"{header}\" cell \"{value}\" looks like {looksLike}" },
  inspectors_insufficient: { severity: "error", zh: "执法人员不足：需要至少{needed}人次，名录库中“{department}”可派{available}人次（每个检查对象至少2名执法人员）", en: "Not enough inspectors: {needed} inspector slots are needed, the pool of \"{department}\" offers {available} (at least two inspectors per entity)" },
  entity_inspections_above_cap: { severity: "warning", zh: "抽查事项“{item}”：每个检查对象每年预计被检查{expected}次，超过上限{cap}次（第{rows}行）", en: "Check item \"{item}\": each entity is expected to be inspected {expected} times a year, above the cap of {cap} (row(s) {rows})" },
  item_coverage_low: { severity: "warning", zh: "抽查事项清单覆盖率{coverage}，低于目标{target}：未列入计划的事项有{missing}", en: "Item-list coverage is {coverage}, below the target {target}; items not in the plan: {missing}" },
  item_not_in_list: { severity: "warning", zh: "抽查事项“{text}”不在抽查事项清单中", en: "The check item \"{text}\" is not in the item list" },
  credit_share_low: { severity: "warning", zh: "运用信用风险分类的任务占比{share}（{used}/{total}），低于目标{target}", en: "Tasks using credit-risk classification: {share} ({used}/{total}), below the target {target}" },
} as const satisfies Catalog;
