import { HOLIDAY_SOURCE, HOLIDAY_YEARS, HOLIDAYS, WORKDAYS } from "./_holidayData.js";
import { isoWeekday, parseIso } from "../_internal/dates.js";

/**
 * A source of working days (工作日): which dates are working days in the years it covers. Pass your own
 * to {@link isWorkingDay}, {@link addWorkingDays}, {@link publicationDeadline} and {@link parseWindow}
 * when a province or an organisation keeps a different calendar, or a newer year is needed before the
 * bundled data has it.
 *
 * @remarks
 * The functions of this SDK call `isWorkingDay` only for valid ISO dates inside
 * `[firstYear, lastYear]`; a date outside is reported as `calendar_year_not_covered`, never guessed.
 * `isWorkingDay` must be pure: answers are memoised per calendar object.
 * @example
 * ```ts
 * const weekdaysOnly: WorkdayCalendar = {
 *   source: "Mon–Fri, no holidays", firstYear: 2000, lastYear: 2100,
 *   isWorkingDay: (date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()),
 * };
 * isWorkingDay("2023-10-02", weekdaysOnly)
 * //=> { ok: true, value: true, warnings: [] }
 * ```
 * @public
 */
export interface WorkdayCalendar {
  /** Where the data comes from (package and version, or the notice it was typed from). */
  readonly source: string;
  /** First year whose holidays and make-up working days (调休) are known. */
  readonly firstYear: number;
  /** Last year whose holidays and make-up working days are known. */
  readonly lastYear: number;
  /** Whether an ISO date inside the covered years is a working day. */
  isWorkingDay(date: string): boolean;
}

/** Unpacks "YYYY:MMDD MMDD|…" into ISO dates (lazily, on first use). */
function unpack(packed: string): Set<string> {
  const out = new Set<string>();
  for (const group of packed.split("|")) {
    const [year, days = ""] = group.split(":");
    for (const md of days.split(" ")) out.add(`${year}-${md.slice(0, 2)}-${md.slice(2, 4)}`);
  }
  return out;
}

let tables: { holidays: Set<string>; workdays: Set<string> } | undefined;
function table(): { holidays: Set<string>; workdays: Set<string> } {
  tables ??= { holidays: unpack(HOLIDAYS), workdays: unpack(WORKDAYS) };
  return tables;
}

/**
 * The default {@link WorkdayCalendar}: mainland China's statutory holidays and 调休 make-up working days
 * from the `chinese-days` package (v1.5.7, `dist/chinese-days.json`, https://github.com/vsme/chinese-days; the dates are
 * packed into `_holidayData.ts` by scripts/make-holidays.ts),
 * which transcribes the 国务院办公厅 annual holiday notices (关于某年部分节假日安排的通知). It covers
 * 2004–2026. Monday to Friday are working days unless listed as holidays; Saturday and Sunday are
 * rest days unless listed as make-up working days.
 * @example
 * ```ts
 * chineseDaysCalendar.isWorkingDay("2023-10-07") // a Saturday, 调休 for 国庆节
 * //=> true
 * ```
 * @public
 */
export const chineseDaysCalendar: WorkdayCalendar = {
  source: HOLIDAY_SOURCE,
  firstYear: HOLIDAY_YEARS[0],
  lastYear: HOLIDAY_YEARS[1],
  isWorkingDay(date: string): boolean {
    const { holidays, workdays } = table();
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const day = parseIso(date);
    if (day === undefined) return false;
    return isoWeekday(day) <= 5;
  },
};
