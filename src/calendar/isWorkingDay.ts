import { fail, ok, type Result } from "../result.js";
import { checkedDay } from "./_workdays.js";
import { chineseDaysCalendar, type WorkdayCalendar } from "./workdayCalendar.js";

/**
 * Whether an ISO date is a working day (工作日) in mainland China: statutory holidays are not, 调休
 * make-up Saturdays and Sundays are.
 *
 * @param date - ISO `YYYY-MM-DD`.
 * @param calendar - Defaults to {@link chineseDaysCalendar}.
 * @returns `true` or `false`; issues `calendar_date_invalid`, `calendar_year_not_covered`.
 * @example
 * ```ts
 * isWorkingDay("2023-10-07") // Saturday, 国庆节 调休 working day
 * //=> { ok: true, value: true, warnings: [] }
 * isWorkingDay("2023-10-02") // Monday, 国庆节
 * //=> { ok: true, value: false, warnings: [] }
 * ```
 * @public
 */
export function isWorkingDay(date: string, calendar: WorkdayCalendar = chineseDaysCalendar): Result<boolean> {
  const day = checkedDay(date, calendar, ["date"]);
  if (typeof day !== "number") return fail([day]);
  return ok(calendar.isWorkingDay(date));
}
