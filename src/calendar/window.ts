import type { DateRange } from "../model/plan.js";
import type { Message } from "../result.js";

/**
 * A calendar period a recurring rule repeats over.
 * @public
 */
export type CalendarPeriod = "month" | "quarter" | "halfYear";

/**
 * A window that is a rule rather than a date range (每季度…, 每月, 月初). Its concrete sub-windows in the
 * plan year are still listed in {@link InspectionWindow.windows}; the rule says how they were obtained.
 *
 * - `everyPeriod`: once in every period — "每月", "每季度一次", "每半年一次"; one sub-window per period.
 * - `periodStart`: at the start of every period — "月初"; read as the first `days` calendar days (default
 *   10, i.e. 上旬) and reported with a `window_ambiguous` warning.
 * - `periodEndWorkingDays`: the last `workingDays` working days of every period — "每季度结束前5个工作日";
 *   resolved with the working-day calendar, so holidays and 调休 count correctly.
 * @public
 */
export type RecurringRule =
  | { readonly kind: "everyPeriod"; readonly period: CalendarPeriod; readonly description: Message }
  | { readonly kind: "periodStart"; readonly period: CalendarPeriod; readonly days: number; readonly description: Message }
  | {
      readonly kind: "periodEndWorkingDays";
      readonly period: CalendarPeriod;
      readonly workingDays: number;
      readonly description: Message;
    };

/**
 * A parsed 抽查时间 / 抽取日期 cell.
 *
 * - `start`, `end`: the overall span (ISO, inclusive): first day of the first sub-window to the last day
 *   of the last one.
 * - `windows`: the sub-windows, sorted, disjoint, never empty. One element for a plain range ("3月—12月");
 *   several for "2023年6月、11月", "上半年（1-4月）；下半年（11-12月）" and for recurring rules. Gaps
 *   between them are not part of the window.
 * - `recurring`: present when the text is a rule ("每季度结束前5个工作日", "每月", "月初").
 * - `text`: the original wording.
 * @example
 * ```ts
 * const w: InspectionWindow = { start: "2023-06-01", end: "2023-11-30", windows: [{ start: "2023-06-01", end: "2023-06-30" }, { start: "2023-11-01", end: "2023-11-30" }], text: "2023年6月、11月" };
 * w.windows.length
 * //=> 2
 * ```
 * @public
 */
export interface InspectionWindow {
  readonly start: string;
  readonly end: string;
  readonly windows: readonly DateRange[];
  readonly recurring?: RecurringRule;
  readonly text: string;
}
