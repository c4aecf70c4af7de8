import type { Message } from "../result.js";

type Where = "cli" | "library";

/** How to fill a merged column, in the words of where the hint is read. */
export function fillHint(header: string, where: Where): Message {
  return where === "cli"
    ? { zh: `若此格是合并单元格导出后的空白，加选项 --fill-merged ${header} 重新检查（或直接检查 .xlsx/.docx 原表）`, en: `If the blank comes from a merged cell, run again with --fill-merged ${header} (or lint the .xlsx/.docx itself)` }
    : { zh: `若此格是合并单元格导出后的空白，导入时用 fillMerged: ["${header}"]（或用 double-random/files 读取原表）`, en: `If the blank comes from a merged cell, import with fillMerged: ["${header}"] (or read the original with double-random/files)` };
}

const SHIFTED: Message = { zh: "核对本行各栏是否错位，把内容移回对应的列；本行空缺或无法识别的抽查时间、部门等多因错位引起，改正后请重新检查", en: "Check the row for shifted cells and move each text back to its column; its empty or unread window and departments come from the shift: lint again after fixing it" };

/** The hint of every error code the lint reports, for findings whose rule gave none. */
export const ERROR_HINTS: Readonly<Record<string, Message>> = {
  task_name_missing: { zh: "填写抽查任务名称；续行请与上一行合并或写明名称", en: "Name the task; a continuation row is merged with the row above or names the task" },
  targeting_missing: { zh: "填写“定向”或“不定向”", en: "Write 定向 (directed) or 不定向 (undirected)" },
  targeting_unrecognized: { zh: "改为“定向”或“不定向”；检查方式（如一般检查事项、现场检查）另列一栏", en: "Write 定向 or 不定向; the method (一般检查事项, 现场检查) belongs in its own column" },
  quota_empty: { zh: "填写抽查比例及频次，如“不低于5%；1次/年”", en: "Write the ratio and frequency, e.g. 不低于5%；1次/年" },
  quota_undecided: { zh: "公布计划前确定抽查比例", en: "Decide the ratio before the plan is published" },
  quota_negative: { zh: "比例应在0%—100%之间", en: "A ratio lies between 0% and 100%" },
  quota_over_100: { zh: "比例不超过100%；需要多次检查时写频次，如“100%；2次/年”", en: "At most 100%; repeated inspections are a frequency, e.g. 100%；2次/年" },
  quota_bare_number: { zh: "写明单位：%、‰ 或 家/户", en: "Write the unit: %, ‰ or a count (家/户)" },
  quota_number_too_long: { zh: "核对数字，比例如“5%”", en: "Check the number; a ratio reads like 5%" },
  quota_unrecognized: { zh: "写成“比例；频次”，如“不低于5%；1次/年”", en: "Write \"ratio; frequency\", e.g. 不低于5%；1次/年" },
  quota_unrecognized_text: { zh: "删去或移走无法识别的文字：日期写入抽查时间栏，适用对象写在比例之前（如“三级医院≥50%”）", en: "Remove or move the unread words: dates go to the window column, sub-populations before their ratio (三级医院≥50%)" },
  unsupported_structure: { zh: "一个任务写一个比例；不同对象的比例请写明适用对象，或拆成多个任务", en: "One ratio per task; name the sub-population of each ratio or split the task" },
  quota_column_shift: SHIFTED,
  columns_shifted: SHIFTED,
  quota_rounds_to_zero: { zh: "提高比例或写明最少抽查户数（如“不少于1户”）", en: "Raise the ratio or give a minimum count (不少于1户)" },
  window_empty: { zh: "填写抽查时间，如“3月—11月”", en: "Write the window, e.g. 3月—11月" },
  window_unparseable: { zh: "写成起止日期或月份，如“2023年3月1日至11月30日”“3月—11月”", en: "Write start and end, e.g. 2023年3月1日至11月30日 or 3月—11月" },
  window_outside_year: { zh: "改为计划年度内的时间", en: "Use dates within the plan year" },
  window_end_before_start: { zh: "核对起止日期的先后", en: "Check which date comes first" },
  window_invalid_date: { zh: "核对日期是否存在（如2月30日）", en: "Check the date exists (2月30日 does not)" },
  window_overlap: { zh: "合并或拆开重叠的时段", en: "Merge or separate the overlapping periods" },
  task_year_mismatch: { zh: "改为计划年度，或删去名称中的年份", en: "Use the plan year, or drop the year from the name" },
  cooperator_is_initiator: { zh: "删去与发起部门相同的配合部门；没有其他部门时应移出联合抽查计划", en: "Drop the initiator from the cooperators; without another department the task leaves the joint plan" },
  initiator_missing: { zh: "填写发起部门", en: "Name the initiating department" },
  credit_requirement_contradictory: { zh: "统一两栏：不涉及信用分类时比例不分等级，否则写明分类要求", en: "Make the two cells agree: without credit tiers the ratio is not tiered; otherwise state the requirement" },
  directed_without_scope: { zh: "填写抽查对象范围（筛选条件），或改为不定向", en: "Give the scope (filter), or make the task undirected" },
  inspectors_insufficient: { zh: "补充执法检查人员名录库，或降低抽查比例/分批实施", en: "Add inspectors to the pool, or lower the ratio / split into batches" },
  plan_fill_column_unknown: { zh: "列名须与表头一致（如“配合部门”），多个列用逗号分隔", en: "Use the header's own words (配合部门); separate several with commas" },
};
