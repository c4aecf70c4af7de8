// What the calendar knows about periods, in one place: the periods a plan repeats over (年/半年/季度/月), how many
// months each spans and how many fit in a year, their words in zh and en ("每季度", "half-year", "第三季度", "H2"),
// the words a quota or window cell writes them with, and the day spans of each period of a year. Read by the window
// and quota readers, the batch scheduler, the quota's description and the lint rules on frequencies.
import { daysInMonth, toDayNumber } from "../_internal/dates.js";
import type { Message } from "../result.js";
import type { CalendarPeriod } from "./window.js";

/** A period a plan repeats over (a quota frequency's `per`, without `plan`: once per task window). */
export type Period = "year" | "halfYear" | "quarter" | "month";

/** Months in one period. */
export const PERIOD_MONTHS: Readonly<Record<Period, number>> = { year: 12, halfYear: 6, quarter: 3, month: 1 };

/** Periods in a year. */
export const PERIODS_PER_YEAR: Readonly<Record<Period, number>> = { year: 1, halfYear: 2, quarter: 4, month: 12 };

/** The period's noun, as in "每{季度}最后5个工作日" / "the last 5 working days of every {quarter}". */
export const PERIOD_NAME: Readonly<Record<CalendarPeriod, Message>> = {
  month: { zh: "月", en: "month" },
  quarter: { zh: "季度", en: "quarter" },
  halfYear: { zh: "半年", en: "half-year" },
};

/** "Every period", as a frequency is said: "每季度1次" / "1 a quarter". */
export const EVERY_PERIOD: Readonly<Record<Period, Message>> = {
  year: { zh: "每年", en: "a year" },
  halfYear: { zh: "每半年", en: "every half year" },
  quarter: { zh: "每季度", en: "a quarter" },
  month: { zh: "每月", en: "a month" },
};

/** The `i`-th period of a year by name (0-based): "3月" / "month 3", "第三季度" / "Q3", "下半年" / "H2". */
export function periodOfYear(period: CalendarPeriod, i: number): Message {
  if (period === "month") return { zh: `${i + 1}月`, en: `month ${i + 1}` };
  if (period === "quarter") return { zh: `第${"一二三四"[i]}季度`, en: `Q${i + 1}` };
  return i === 0 ? { zh: "上半年", en: "H1" } : { zh: "下半年", en: "H2" };
}

/** The word of a recurring window cell ("每{季度}结束前5个工作日", "每{半年}一次") to its period. */
export const CALENDAR_PERIOD_OF_WORD: Readonly<Record<string, CalendarPeriod>> = { 月: "month", 季度: "quarter", 半年: "halfYear" };

/** The words a quota cell writes a period with after "次/" or "/" ("1次/季度", "2/年"), longest first. */
export const PERIOD_WORDS: ReadonlyArray<readonly [string, Period]> = [
  ["半年", "halfYear"],
  ["季度", "quarter"],
  ["季", "quarter"],
  ["年", "year"],
  ["月", "month"],
];

/** The periods of a year as day spans (day numbers, both ends included), in order. */
export function periodSpans(year: number, period: CalendarPeriod): Array<{ s: number; e: number }> {
  const months = PERIOD_MONTHS[period];
  const out: Array<{ s: number; e: number }> = [];
  for (let first = 1; first <= 12; first += months) {
    const last = first + months - 1;
    out.push({ s: toDayNumber(year, first, 1), e: toDayNumber(year, last, daysInMonth(year, last)) });
  }
  return out;
}

/** A quarter named in a task or plan name ("2021年第一季度…"): the digit in group 1 (一二三四 or 1–4). */
export const NAMED_QUARTER = /第([一二三四1-4])季度/;

/** A half year named in a task or plan name ("上半年…"): 上 or 下 in group 1. */
export const NAMED_HALF = /([上下])半年/;
