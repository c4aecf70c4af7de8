import type { DateRange } from "../model/plan.js";
import { capResult, pushCapped } from "../_internal/capIssues.js";
import { calendarMessages } from "../messages/calendar.js";
import { fail, type Issue, type Message, type Result, settle } from "../result.js";
import { daysInMonth, formatIso, isRealDate, parseIso, toDayNumber } from "../_internal/dates.js";
import { stepWorkingDays, workingDay } from "./_workdays.js";
import { CALENDAR_PERIOD_OF_WORD, PERIOD_NAME, periodSpans } from "./period.js";
import type { CalendarPeriod, RecurringRule, InspectionWindow } from "./window.js";
import { chineseDaysCalendar, type WorkdayCalendar } from "./workdayCalendar.js";
import { issue } from "./_issue.js";

/**
 * Context and options of {@link parseWindow}.
 * @public
 */
export interface ParseWindowContext {
  /** The plan year: dates without a year belong to it, dates outside it are an issue. */
  readonly year: number;
  /** Resolves working-day rules ("每季度结束前5个工作日"). Defaults to {@link chineseDaysCalendar}. */
  readonly calendar?: WorkdayCalendar;
  /**
   * How to read "N月前" / "N月份之前": `exclusive` (default) ends on the last day of month N-1, `inclusive`
   * on the last day of month N. Without this option the reading taken is reported as `window_ambiguous`.
   */
  readonly monthBefore?: "exclusive" | "inclusive";
  /** How many calendar days "月初" spans (default 10, i.e. 上旬); without it a warning says so. */
  readonly monthStartDays?: number;
  /**
   * The plan's overall inspection period (e.g. 舞钢's "2023年4月至12月"): the sub-windows of a recurring
   * rule ("每月") are cut to it. Dates written out explicitly are not cut.
   */
  readonly within?: DateRange;
}

/** A span of day numbers, inclusive. */
interface Span {
  s: number;
  e: number;
}

/** A date as written: any of its parts may be missing; `bare` is a number without a unit. */
interface Point {
  y?: number;
  m?: number;
  d?: number;
  bare?: number;
}

interface State {
  readonly year: number;
  readonly text: string;
  readonly options: ParseWindowContext;
  readonly issues: Issue[];
  /** window_invalid_date is reported (once per cell: a flag, since a scan of the issues per date was quadratic). */
  invalidDate?: boolean;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

// Every pattern below is anchored and free of nested or adjacent overlapping quantifiers, so matching is
// linear in the input length (fuzzed in the tests).
const RE_RANGE_SEP = /[-~\u2010-\u2015\u2212\u2E3A\u2E3B\u301C]+|至|到/g;
const RE_YM_COMPACT = /^(\d{4})(\d{2})$/;
const RE_YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_Y_DOT = /^(\d{4})\.(\d{1,2})(?:\.(\d{1,2}))?$/;
const RE_MD_DOT = /^(\d{1,2})\.(\d{1,2})$/;
const RE_CJK_DATE = /^(?:(\d{4})年)?(?:(\d{1,2})月份?)?(?:(\d{1,2})[日号])?$/;
const RE_YEAR = /^(\d{4})(?:年度?)?$/;
const RE_MONTH_END = /^(.+月份?)(?:底|末)$/;
const RE_BARE = /^(\d{1,2})$/;
const RE_BEFORE = /^(.+?)(?:之前|以前|前)$/;
const RE_HALF = /^(?:(\d{4})年?(?:度)?)?(上|下)半年(?:[（(]([^（()）]+)[）)])?$/;
const RE_QUARTER = /^(?:(\d{4})年?(?:度)?)?第?([一二三四1-4])季度$/;
const RE_WHOLE_YEAR = /^(?:(\d{4})年?(?:度)?)?全年度?$/;
const RE_PERIOD_END = /^每(季度|半年|月)(?:结束前|末前|末|最后)(\d{1,2})个?工作日内?$/;
const RE_EVERY = /^每(季度|半年|月)(?:一次|1次|至少一次|至少1次)?$/;
const RE_MONTH_START = /^(?:每月)?(月初|上旬)$/;

/** Punctuation a cell may end with that says nothing: "。", ".", "，", ",", "；", ";", "、". */
const TRAILING = new Set([0x3002, 0x2e, 0xff0c, 0x2c, 0xff1b, 0x3b, 0x3001]);

/** NFKC, each run of spaces one space, trimmed, without trailing punctuation. */
function normalize(text: string): string {
  const t = text.normalize("NFKC").replace(/\s+/g, " ").trim();
  // From the end backwards: a regex (/[。.，,；;、]+$/) tried every punctuation mark of the cell.
  let end = t.length;
  while (end > 0 && TRAILING.has(t.charCodeAt(end - 1))) end--;
  return end === t.length ? t : t.slice(0, end);
}

/** Text from {@link normalize} (its only spaces are single " ") without spaces, its range dashes and words "~". */
function compactOf(s: string): string {
  return s.replace(/ /g, "").replace(RE_RANGE_SEP, "~");
}

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

function parsePoint(s: string): Point | null {
  let m = RE_YMD_COMPACT.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = RE_YM_COMPACT.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]) };
  m = RE_Y_DOT.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]), ...(m[3] !== undefined ? { d: Number(m[3]) } : {}) };
  m = RE_MD_DOT.exec(s);
  // "0.05" is a ratio from a shifted column, not a month.
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? { m: Number(m[1]), d: Number(m[2]) } : null;
  m = RE_YEAR.exec(s);
  if (m) return { y: Number(m[1]) };
  m = RE_BARE.exec(s);
  if (m) return { bare: Number(m[1]) };
  m = RE_CJK_DATE.exec(s);
  if (m && (m[1] !== undefined || m[2] !== undefined || m[3] !== undefined)) {
    // "2023年5日" names a day of no month.
    if (m[3] !== undefined && m[2] === undefined) return null;
    const p: Point = {};
    if (m[1] !== undefined) p.y = Number(m[1]);
    if (m[2] !== undefined) p.m = Number(m[2]);
    if (m[3] !== undefined) p.d = Number(m[3]);
    return p;
  }
  return null;
}

/**
 * Adds an issue of a kind a cell can repeat per date or span (`code` gives its severity): built only under the
 * per-cell cap that parseWindow applies (capResult), counted past it.
 */
function report(st: State, code: keyof typeof calendarMessages, make: () => Issue): void {
  pushCapped(st.issues, calendarMessages[code].severity, make);
}

function checkYear(st: State, y: number): void {
  if (y !== st.year) report(st, "window_outside_year", () => issue("window_outside_year", { text: st.text, year: y, planYear: st.year }));
}

/** The span a point covers: a day, a month or a year. `null` when the date does not exist. */
function spanOf(st: State, p: Point, fallbackYear: number): Span | null {
  const y = p.y ?? fallbackYear;
  if (p.y !== undefined) checkYear(st, p.y);
  if (p.m === undefined) return { s: toDayNumber(y, 1, 1), e: toDayNumber(y, 12, 31) };
  if (p.d === undefined) {
    if (!isRealDate(y, p.m, 1)) return invalidDate(st);
    return { s: toDayNumber(y, p.m, 1), e: toDayNumber(y, p.m, daysInMonth(y, p.m)) };
  }
  if (!isRealDate(y, p.m, p.d)) return invalidDate(st);
  const d = toDayNumber(y, p.m, p.d);
  return { s: d, e: d };
}

function invalidDate(st: State): null {
  if (!st.invalidDate) st.issues.push(issue("window_invalid_date", { text: st.text }));
  st.invalidDate = true;
  return null;
}

/** Sentinel: the text was understood but names an impossible date (the issue is already recorded). */
const INVALID: Span[] = [];

function parseBefore(st: State, inner: string, year: number): Span[] | null {
  // "11月底前" is unambiguous: through the last day of November.
  const monthEnd = RE_MONTH_END.exec(inner);
  if (monthEnd?.[1] !== undefined) {
    const q = parsePoint(monthEnd[1]);
    if (!q || q.m === undefined || q.d !== undefined) return null;
    const y = q.y ?? year;
    const span = spanOf(st, q, y);
    return span ? [{ s: toDayNumber(y, 1, 1), e: span.e }] : INVALID;
  }
  const p = parsePoint(inner);
  if (!p || p.bare !== undefined || p.m === undefined) return null;
  const y = p.y ?? year;
  const span = spanOf(st, p, y);
  if (!span) return INVALID;
  const start = toDayNumber(y, 1, 1);
  if (p.d !== undefined) return [{ s: start, e: span.e }];
  // "9月份之前": up to the end of August, or through September? Never chosen silently.
  const chosen = st.options.monthBefore ?? "exclusive";
  const exclusiveEnd = span.s - 1;
  const inclusiveEnd = span.e;
  if (st.options.monthBefore === undefined) {
    st.issues.push(
      issue("window_ambiguous", {
        text: st.text,
        reading: `${formatIso(start)}—${formatIso(exclusiveEnd)}`,
        alternative: `${formatIso(start)}—${formatIso(inclusiveEnd)}`,
      }),
    );
  }
  return [{ s: start, e: chosen === "exclusive" ? exclusiveEnd : inclusiveEnd }];
}

function parseRangeOrPoint(st: State, s: string, year: number): Span[] | null {
  const before = RE_BEFORE.exec(s);
  if (before?.[1] !== undefined && !before[1].includes("~")) return parseBefore(st, before[1], year);
  const parts = s.split("~");
  if (parts.length > 2) return null;
  if (parts.length === 1) {
    const p = parsePoint(s);
    if (!p || p.bare !== undefined) return null;
    const span = spanOf(st, p, year);
    return span ? [span] : INVALID;
  }
  const left = parsePoint(parts[0] ?? "");
  // "3月至11月底": the end of a month is where a month range ends anyway.
  const rightText = parts[1] ?? "";
  const rightEnd = RE_MONTH_END.exec(rightText);
  const right = parsePoint(rightEnd?.[1] ?? rightText);
  if (!left || !right) return null;
  if (left.bare !== undefined && right.bare !== undefined) return null;
  if (left.bare !== undefined) {
    // "3-8月": the unit written once on the right applies to both ends.
    if (right.d !== undefined) Object.assign(left, { m: right.m, d: left.bare });
    else if (right.m !== undefined) left.m = left.bare;
    else return null;
    delete left.bare;
  }
  if (right.bare !== undefined) {
    const reading = left.d !== undefined ? "日" : left.m !== undefined ? "月" : "";
    if (reading === "") return null;
    if (reading === "日") Object.assign(right, { m: left.m, d: right.bare });
    else right.m = right.bare;
    report(st, "window_unit_inferred", () => issue("window_unit_inferred", { text: st.text, reading: `${parts[0]}~${right.bare}${reading}` }));
    delete right.bare;
  }
  if (right.d !== undefined && right.m === undefined) right.m = left.m;
  const ly = left.y ?? year;
  const a = spanOf(st, left, ly);
  const b = spanOf(st, right, right.y ?? ly);
  if (!a || !b) return INVALID;
  if (b.e < a.s) {
    report(st, "window_end_before_start", () => issue("window_end_before_start", { text: st.text, start: formatIso(a.s), end: formatIso(b.e) }));
    return INVALID;
  }
  return [{ s: a.s, e: b.e }];
}

function halfSpan(y: number, half: "上" | "下"): Span {
  return half === "上" ? { s: toDayNumber(y, 1, 1), e: toDayNumber(y, 6, 30) } : { s: toDayNumber(y, 7, 1), e: toDayNumber(y, 12, 31) };
}

function parseSegment(st: State, s: string): Span[] | null {
  let m = RE_HALF.exec(s);
  if (m) {
    const y = num(m[1]) ?? st.year;
    if (m[1] !== undefined) checkYear(st, y);
    const half = halfSpan(y, m[2] as "上" | "下");
    if (m[3] === undefined) return [half];
    const inner = parseSegment(st, m[3]);
    if (inner === null || inner === INVALID) return inner;
    if (inner.some((x) => x.s < half.s || x.e > half.e)) {
      const named = m[2] === "上" ? "上半年" : "下半年";
      report(st, "window_half_mismatch", () => issue("window_half_mismatch", { text: st.text, half: named }));
    }
    return inner;
  }
  m = RE_QUARTER.exec(s);
  if (m) {
    const y = num(m[1]) ?? st.year;
    if (m[1] !== undefined) checkYear(st, y);
    const q = CN_DIGIT[m[2] ?? ""] ?? 1;
    return [{ s: toDayNumber(y, q * 3 - 2, 1), e: toDayNumber(y, q * 3, daysInMonth(y, q * 3)) }];
  }
  m = RE_WHOLE_YEAR.exec(s);
  if (m) {
    const y = num(m[1]) ?? st.year;
    if (m[1] !== undefined) checkYear(st, y);
    return [{ s: toDayNumber(y, 1, 1), e: toDayNumber(y, 12, 31) }];
  }
  const items = s.split(/[、,，]/);
  if (items.length > 1) {
    // "2023年6月、11月": later items inherit the year written on an earlier one.
    let year = st.year;
    const out: Span[] = [];
    for (const item of items) {
      const y = /^(\d{4})年/.exec(item);
      if (y) year = Number(y[1]);
      const spans = parseRangeOrPoint(st, item, year);
      if (spans === null) return null;
      for (const sp of spans) out.push(sp);
    }
    return out;
  }
  return parseRangeOrPoint(st, s, st.year);
}

function describe(zh: string, en: string): Message {
  return { zh, en };
}

function parseRecurring(st: State, compact: string): { rule: RecurringRule; spans: Span[] } | null | undefined {
  let m = RE_PERIOD_END.exec(compact);
  if (m) {
    const period = CALENDAR_PERIOD_OF_WORD[m[1] ?? ""] ?? "quarter";
    const n = Number(m[2]);
    if (n < 1) return null;
    const calendar = st.options.calendar ?? chineseDaysCalendar;
    const spans: Span[] = [];
    for (const p of periodSpans(st.year, period)) {
      // The last working day of the period, then n-1 working days back.
      let last = p.e;
      for (;;) {
        const w = workingDay(last, calendar);
        if (typeof w !== "boolean") {
          st.issues.push(w);
          return undefined;
        }
        if (w) break;
        last--;
      }
      const first = stepWorkingDays(last, -(n - 1), calendar);
      if (typeof first !== "number") {
        st.issues.push(first);
        return undefined;
      }
      spans.push({ s: Math.max(first, p.s), e: last });
    }
    return {
      rule: {
        kind: "periodEndWorkingDays",
        period,
        workingDays: n,
        description: describe(`每${PERIOD_NAME[period].zh}最后${n}个工作日`, `the last ${n} working days of every ${PERIOD_NAME[period].en}`),
      },
      spans,
    };
  }
  m = RE_EVERY.exec(compact);
  if (m) {
    const period = CALENDAR_PERIOD_OF_WORD[m[1] ?? ""] ?? "month";
    return {
      rule: { kind: "everyPeriod", period, description: describe(`每${PERIOD_NAME[period].zh}一次`, `once every ${PERIOD_NAME[period].en}`) },
      spans: periodSpans(st.year, period),
    };
  }
  m = RE_MONTH_START.exec(compact);
  if (m) {
    const explicit = st.options.monthStartDays;
    const days = explicit ?? 10;
    if (!Number.isSafeInteger(days) || days < 1 || days > 28) return null;
    if (explicit === undefined && m[1] === "月初") {
      st.issues.push(issue("window_ambiguous", { text: st.text, reading: "每月1—10日 / days 1–10 of each month", alternative: "每月前几个工作日 / the first working days of each month" }));
    }
    return {
      rule: { kind: "periodStart", period: "month", days, description: describe(`每月前${days}天`, `the first ${days} days of every month`) },
      spans: periodSpans(st.year, "month").map((p) => ({ s: p.s, e: p.s + days - 1 })),
    };
  }
  return null;
}

/** What `text.split` at the characters `separator` accepts (by char code) gives, one piece at a time. */
function* pieces(text: string, separator: (c: number) => boolean): Generator<string> {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (separator(text.charCodeAt(i))) {
      yield text.slice(start, i);
      start = i + 1;
    }
  }
  yield text.slice(start);
}

/** Parses whitespace-separated chunks when each is a window by itself ("3月-11月 3月-11月"). */
function parseChunks(st: State, t: string): Span[] | null {
  if (!t.includes(" ")) return null;
  const scratch: State = { ...st, issues: [], invalidDate: false };
  const out: Span[] = [];
  // Chunk by chunk, not split first: a long cell usually fails at its first chunk, and the array of all of them was
  // most of the garbage.
  for (const c of pieces(t, (c) => c === 0x20)) {
    const spans = parseSegment(scratch, compactOf(c));
    if (spans === null || spans === INVALID) return null;
    for (const sp of spans) out.push(sp);
  }
  for (const i of scratch.issues) st.issues.push(i);
  if (scratch.invalidDate) st.invalidDate = true;
  return out;
}

function unparseable(text: string, extra: Issue[] = []): Result<InspectionWindow> {
  return fail([...extra, issue("window_unparseable", { text: text.length > 60 ? `${text.slice(0, 57)}...` : text })]);
}

/**
 * Reads a 抽查时间 / 抽取日期 / 抽查检查起止时间 cell of a plan into dates of the plan year.
 *
 * Understood: month ranges ("3月—12月", "3-8 月", "5—6月", "7-12月份"), day ranges ("2023年1月1日—12月31日",
 * "2月 1 日至 12 月 31 日", "3.1-12.31", "2023.3.1—2023.12.30"), single months and days ("5月", "202302",
 * "2023.04", "2023. 02. 10"), deadlines ("2023年4月30日前", "6月30日前"), lists ("2023年6月、11月"),
 * halves and quarters ("下半年", "上半年（1-4月）；下半年（11-12月）", "2023第四季度"), "全年", and
 * recurring rules ("每季度结束前5个工作日", "每半年一次", "每季度一次", "每月", "月初").
 * "X日前" includes day X (the usual reading of official deadlines). Full-width characters, spaces and
 * line breaks inside the cell are tolerated. Runs in time linear in the text; never throws.
 *
 * @param text - The cell as written.
 * @param ctx - The plan year and reading options, see {@link ParseWindowContext}.
 * @returns A {@link InspectionWindow}. Issues: `window_empty`, `window_unparseable`, `window_outside_year`,
 * `window_end_before_start`, `window_invalid_date`, `window_overlap`, `calendar_year_not_covered`
 * (working-day rules), `invalid_type`, `invalid_argument`; warnings `window_ambiguous` ("9月份之前",
 * "月初"), `window_unit_inferred` ("3月-11"), `window_duplicate`, `window_half_mismatch`.
 * @example
 * ```ts
 * parseWindow("2023年6月、11月", { year: 2023 })
 * //=> { ok: true, value: { start: "2023-06-01", end: "2023-11-30", windows: [{ start: "2023-06-01", end: "2023-06-30" }, { start: "2023-11-01", end: "2023-11-30" }], text: "2023年6月、11月" }, warnings: [] }
 * parseWindow("9月份之前", { year: 2023 }).warnings[0].code
 * //=> "window_ambiguous"
 * ```
 * @public
 */
export function parseWindow(text: string, ctx: ParseWindowContext): Result<InspectionWindow> {
  // One cell: a hostile one reports its first issues and counts the rest.
  return capResult(readWindow(text, ctx), issue);
}

function readWindow(text: string, ctx: ParseWindowContext): Result<InspectionWindow> {
  if (typeof text !== "string") {
    return fail([issue("invalid_type", { path: "text", expected: "string", received: text === null ? "null" : typeof text }, { path: ["text"] })]);
  }
  const year = (ctx as ParseWindowContext | undefined)?.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1000 || year > 9999) {
    return fail([issue("invalid_argument", { detail: `ctx.year must be a 4-digit integer year, got ${String(year)}` }, { path: ["ctx", "year"] })]);
  }
  const t = normalize(text);
  if (t === "") return fail([issue("window_empty")]);
  const st: State = { year, text: t, options: ctx, issues: [] };
  const compact = compactOf(t);

  const recurring = parseRecurring(st, compact);
  if (recurring === undefined) return fail(st.issues);
  let spans: Span[] | null;
  let rule: RecurringRule | undefined;
  if (recurring) {
    spans = recurring.spans;
    rule = recurring.rule;
    if (ctx.within !== undefined) {
      const a = parseIso(ctx.within.start);
      const b = parseIso(ctx.within.end);
      if (a === undefined || b === undefined || b < a) {
        return fail([issue("calendar_date_invalid", { date: `${String(ctx.within.start)}—${String(ctx.within.end)}` }, { path: ["ctx", "within"] })]);
      }
      spans = spans.map((x) => ({ s: Math.max(x.s, a), e: Math.min(x.e, b) })).filter((x) => x.s <= x.e);
    }
  } else {
    spans = parseChunks(st, t);
    if (spans === null) {
      spans = [];
      // Parts between ";" and "；".
      for (const part of pieces(compact, (c) => c === 0x3b || c === 0xff1b)) {
        if (part === "") continue;
        const got = parseSegment(st, part);
        if (got === null) return unparseable(t);
        for (const sp of got) spans.push(sp);
      }
    }
  }
  if (spans.length === 0) return st.issues.length > 0 ? fail(st.issues) : unparseable(t);

  // Sorted, identical repeats read once, overlaps refused (a batch must know which sub-window it is in).
  spans.sort((a, b) => a.s - b.s || a.e - b.e);
  const unique: Span[] = [];
  for (const sp of spans) {
    const prev = unique[unique.length - 1];
    if (prev && prev.s === sp.s && prev.e === sp.e) {
      report(st, "window_duplicate", () => issue("window_duplicate", { text: `${formatIso(sp.s)}—${formatIso(sp.e)}` }));
      continue;
    }
    if (prev && sp.s <= prev.e) {
      report(st, "window_overlap", () =>
        issue("window_overlap", { first: `${formatIso(prev.s)}—${formatIso(prev.e)}`, second: `${formatIso(sp.s)}—${formatIso(sp.e)}` }),
      );
    }
    unique.push(sp);
  }
  const windows: DateRange[] = unique.map((x) => ({ start: formatIso(x.s), end: formatIso(x.e) }));
  const first = unique[0] as Span;
  const last = unique.reduce((a, b) => (b.e > a.e ? b : a));
  const value: InspectionWindow = {
    start: formatIso(first.s),
    end: formatIso(last.e),
    windows,
    ...(rule ? { recurring: rule } : {}),
    text,
  };
  return settle(value, st.issues);
}
