// Pure calendar dates, shared by the model (IsoDate), the calendar and the draw (recent-inspection cutoff).
// A date is an ISO `YYYY-MM-DD` string at the API and a day number (days since 1970-01-01, proleptic Gregorian) inside: integer arithmetic on day numbers cannot be
// shifted by the host's time zone or DST, which date-fns 4's local-time `Date` arithmetic can be without
// @date-fns/utc (not a dependency). date-fns is still used where it is zone-free (days in a month).
// The function's own module: the package root loads all of date-fns (≈0.4 s of start-up for a CLI command).
import { getDaysInMonth } from "date-fns/getDaysInMonth";

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in month `month` (1-12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  // Constructed at noon local time so the local calendar day is the intended one in every zone.
  return getDaysInMonth(new Date(year, month - 1, 15, 12));
}

/** Whether y-m-d names a real date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Day number of y-m-d (no validation). */
export function toDayNumber(year: number, month: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** Parses an ISO date; `undefined` unless it is a real `YYYY-MM-DD` date. */
export function parseIso(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const m = ISO.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isRealDate(y, mo, d) ? toDayNumber(y, mo, d) : undefined;
}

/** Year, month (1-12), day of a day number. */
export function partsOf(day: number): { year: number; month: number; day: number } {
  const t = new Date(day * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** ISO text of a day number. */
export function formatIso(day: number): string {
  const p = partsOf(day);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** 1 = Monday … 7 = Sunday (ISO weekday). 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** ISO text of y-m-d. */
export function iso(year: number, month: number, day: number): string {
  return formatIso(toDayNumber(year, month, day));
}

/** First and last day of a month, as ISO. */
export function monthRange(year: number, month: number): { start: string; end: string } {
  return { start: iso(year, month, 1), end: iso(year, month, daysInMonth(year, month)) };
}
