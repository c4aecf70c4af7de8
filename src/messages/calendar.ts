import type { Catalog } from "./types.js";

/** Issue codes of the calendar area (windows, working days, batch schedules). */
export const calendarMessages = {
  window_empty: { severity: "error", zh: "抽查时间为空", en: "The inspection window is empty" },
  window_unparseable: { severity: "error", zh: "无法识别的抽查时间：“{text}”", en: "Cannot read the inspection window \"{text}\"" },
  window_outside_year: { severity: "error", zh: "抽查时间“{text}”不在计划年度{planYear}年内（{year}年）", en: "The window \"{text}\" lies outside the plan year {planYear} ({year})" },
  window_end_before_start: { severity: "error", zh: "抽查时间“{text}”的结束日期{end}早于开始日期{start}", en: "The window \"{text}\" ends ({end}) before it starts ({start})" },
  window_invalid_date: { severity: "error", zh: "抽查时间“{text}”含有不存在的日期", en: "The window \"{text}\" names a date that does not exist" },
  window_overlap: { severity: "error", zh: "抽查时间的两个时段重叠：{first} 与 {second}", en: "Two sub-windows overlap: {first} and {second}" },
  window_duplicate: { severity: "warning", zh: "抽查时间“{text}”重复出现，已按一个时段处理", en: "The window \"{text}\" is repeated; it is read once" },
  window_ambiguous: { severity: "warning", zh: "抽查时间“{text}”有歧义：按“{reading}”理解（另一种理解：“{alternative}”）", en: "The window \"{text}\" is ambiguous: read as \"{reading}\" (the other reading: \"{alternative}\")" },
  window_unit_inferred: { severity: "warning", zh: "抽查时间“{text}”缺少单位，按“{reading}”理解", en: "The window \"{text}\" lacks a unit; read as \"{reading}\"" },
  window_half_mismatch: { severity: "warning", zh: "抽查时间“{text}”括号内的月份不在{half}内", en: "In \"{text}\" the months in brackets fall outside the {half}" },
  calendar_date_invalid: { severity: "error", zh: "日期“{date}”无效，应为存在的 YYYY-MM-DD 日期", en: "\"{date}\" is not a valid YYYY-MM-DD date" },
  calendar_year_not_covered: { severity: "error", zh: "工作日历“{source}”不含{year}年（覆盖{first}—{last}年），无法判断节假日和调休", en: "The working-day calendar \"{source}\" does not cover {year} (it covers {first}–{last}); holidays and make-up days are unknown" },
  batch_pool_invalid: { severity: "error", zh: "检查对象数量“{poolSize}”无效，应为非负整数", en: "Pool size \"{poolSize}\" is invalid: expected a non-negative integer" },
  batch_frequency_mismatch: { severity: "warning", zh: "抽查频次“{frequency}”与抽查时间的时段数（{windows}个）不一致，按频次分批", en: "The frequency \"{frequency}\" does not match the {windows} sub-windows; batches follow the frequency" },
  batch_period_outside_window: { severity: "warning", zh: "抽查时间只覆盖部分{period}，第{index}批仅在{start}至{end}", en: "The window covers only part of a {period}: batch {index} runs only {start} to {end}" },
  batch_window_too_short: { severity: "error", zh: "抽查时间只有{days}天，无法分成{times}批", en: "The window has {days} days, too few for {times} batches" },
  batch_pool_exhausted: { severity: "warning", zh: "避免重复检查后，第{index}批只剩{left}户可抽（应抽{wanted}户）", en: "After excluding earlier draws, batch {index} has only {left} entities left ({wanted} wanted)" },
} as const satisfies Catalog;
