import type { Message } from "../result.js";
import { fail, ok, type Result } from "../result.js";
import { formatIso } from "../_internal/dates.js";
import { checkedDay, stepWorkingDays } from "./_workdays.js";
import { chineseDaysCalendar, type WorkdayCalendar } from "./workdayCalendar.js";
import { issue } from "./_issue.js";

/**
 * Options of {@link publicationDeadline}.
 * @public
 */
export interface PublicationDeadlineOptions {
  /** Working days allowed. Default 20 (see {@link publicationDeadline}). */
  readonly workingDays?: number;
  /** Defaults to {@link chineseDaysCalendar}. */
  readonly calendar?: WorkdayCalendar;
}

/**
 * The result of {@link publicationDeadline}.
 * @public
 */
export interface PublicationDeadline {
  /** Last day (inclusive, ISO) on which the result may still be published. */
  readonly deadline: string;
  /** The day the count started from (the inspection result was produced). */
  readonly completedOn: string;
  /** Working days counted. */
  readonly workingDays: number;
  /** Calendar source used, e.g. `chinese-days@1.5.7`. */
  readonly calendarSource: string;
  /** The rule, in words, with its legal basis. */
  readonly basis: Message;
}

/**
 * The 公示 deadline of an inspection result: `workingDays` (default 20) working days after the day the
 * result was produced, that day not counted — the last day on which publishing is still on time.
 *
 * @remarks
 * Basis: 《企业信息公示暂行条例》(国务院令第654号, 2014; revised 2024) 第六条第二款 — information produced
 * by the market regulator while performing its duties (including 抽查检查结果 under the "other
 * information" item) "应当自产生之日起20个工作日内予以公示"; the same 20-working-day period binds
 * enterprises' own filings (第十条 of the 2014 text). Counting "from the day it was produced" as
 * *excluding* that day follows the usual rule for periods (the first day is not counted; 民法典第二百零一条).
 * Pass `workingDays` for a local rule with another period.
 * @param completedOn - ISO date the result was produced (检查结果形成之日).
 * @returns Issues `calendar_date_invalid`, `calendar_year_not_covered`, `invalid_argument`.
 * @example
 * ```ts
 * publicationDeadline("2023-09-15").ok && publicationDeadline("2023-09-15").value.deadline
 * //=> "2023-10-19"
 * ```
 * @public
 */
export function publicationDeadline(completedOn: string, options: PublicationDeadlineOptions = {}): Result<PublicationDeadline> {
  const calendar = options.calendar ?? chineseDaysCalendar;
  const n = options.workingDays ?? 20;
  if (!Number.isSafeInteger(n) || n < 1) {
    return fail([issue("invalid_argument", { detail: `workingDays must be a positive integer, got ${String(n)}` }, { path: ["workingDays"] })]);
  }
  const day = checkedDay(completedOn, calendar, ["completedOn"]);
  if (typeof day !== "number") return fail([day]);
  const out = stepWorkingDays(day, n, calendar);
  if (typeof out !== "number") return fail([out]);
  return ok({
    deadline: formatIso(out),
    completedOn,
    workingDays: n,
    calendarSource: calendar.source,
    basis: {
      zh: `自检查结果形成之日（${completedOn}，当日不计）起${n}个工作日内公示，最迟${formatIso(out)}（《企业信息公示暂行条例》第六条：自产生之日起20个工作日内予以公示）`,
      en: `Publish within ${n} working days of the result (${completedOn}, not counted): by ${formatIso(out)} (Interim Regulations on Enterprise Information Disclosure, art. 6: within 20 working days of being produced)`,
    },
  });
}
