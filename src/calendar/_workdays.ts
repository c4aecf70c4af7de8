import { type Issue } from "../result.js";
import { formatIso, parseIso, partsOf, toDayNumber } from "../_internal/dates.js";
import type { WorkdayCalendar } from "./workdayCalendar.js";
import { issue } from "./_issue.js";

/** The not-covered issue for `year`. */
export function notCovered(year: number, calendar: WorkdayCalendar, path?: (string | number)[]): Issue {
  return issue(
    "calendar_year_not_covered",
    { source: calendar.source, year, first: calendar.firstYear, last: calendar.lastYear },
    path ? { path } : {},
  );
}

/** A validated day number inside the calendar's years, or the issue saying why not. */
export function checkedDay(date: unknown, calendar: WorkdayCalendar, path: (string | number)[] = []): number | Issue {
  const day = parseIso(date);
  if (day === undefined) return issue("calendar_date_invalid", { date: String(date) }, { path });
  const { year } = partsOf(day);
  if (year < calendar.firstYear || year > calendar.lastYear) return notCovered(year, calendar, path);
  return day;
}

interface Memo {
  first: number;
  last: number;
  days: Map<number, boolean>;
}

// Answers are memoised per calendar (calendars are pure: a date's status does not change), so counting
// 20 working days does not format and re-parse a date string on every step.
const memos = new WeakMap<WorkdayCalendar, Memo>();

function memoOf(calendar: WorkdayCalendar): Memo {
  let m = memos.get(calendar);
  if (!m) {
    m = { first: toDayNumber(calendar.firstYear, 1, 1), last: toDayNumber(calendar.lastYear, 12, 31), days: new Map() };
    memos.set(calendar, m);
  }
  return m;
}

/** Whether a day number is a working day; an issue when its year is not covered. */
export function workingDay(day: number, calendar: WorkdayCalendar): boolean | Issue {
  const m = memoOf(calendar);
  if (day < m.first || day > m.last) return notCovered(partsOf(day).year, calendar);
  let w = m.days.get(day);
  if (w === undefined) {
    w = calendar.isWorkingDay(formatIso(day));
    m.days.set(day, w);
  }
  return w;
}

/** Steps n working days from `day` (n may be negative; 0 returns `day`). */
export function stepWorkingDays(day: number, n: number, calendar: WorkdayCalendar): number | Issue {
  const dir = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = day;
  while (left > 0) {
    d += dir;
    const w = workingDay(d, calendar);
    if (typeof w !== "boolean") return w;
    if (w) left--;
  }
  return d;
}
