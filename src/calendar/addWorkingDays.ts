import { fail, ok, type Result } from "../result.js";
import { formatIso } from "../_internal/dates.js";
import { checkedDay, stepWorkingDays } from "./_workdays.js";
import { chineseDaysCalendar, type WorkdayCalendar } from "./workdayCalendar.js";
import { issue } from "./_issue.js";

/**
 * The date `n` working days after `date` (before it when `n` is negative). `date` itself is not counted,
 * so `n = 1` is the next working day; `n = 0` returns `date` unchanged, working day or not.
 *
 * @param date - ISO `YYYY-MM-DD`.
 * @param n - A whole number of working days.
 * @param calendar - Defaults to {@link chineseDaysCalendar}.
 * @returns The ISO date; issues `calendar_date_invalid`, `calendar_year_not_covered` (also when the
 * count runs past the covered years), `invalid_argument` for a non-integer `n`.
 * @example
 * ```ts
 * addWorkingDays("2023-09-28", 1) // 9-29..10-06 are holidays, 10-07 is a 调休 Saturday
 * //=> { ok: true, value: "2023-10-07", warnings: [] }
 * ```
 * @public
 */
export function addWorkingDays(date: string, n: number, calendar: WorkdayCalendar = chineseDaysCalendar): Result<string> {
  if (!Number.isSafeInteger(n)) return fail([issue("invalid_argument", { detail: `n must be an integer, got ${String(n)}` }, { path: ["n"] })]);
  const day = checkedDay(date, calendar, ["date"]);
  if (typeof day !== "number") return fail([day]);
  const out = stepWorkingDays(day, n, calendar);
  if (typeof out !== "number") return fail([out]);
  return ok(formatIso(out));
}
