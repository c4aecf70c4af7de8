import type { Quota } from "../model/quota.js";
import type { DateRange } from "../model/plan.js";
import { parseQuota } from "../quota/parseQuota.js";
import { sampleSize, type SampleSizeOptions, type SampleSizeRule } from "../quota/sampleSize.js";
import { DoubleRandomError, fail, type Issue, type Message, type Result, settle } from "../result.js";
import { formatIso, parseIso, toDayNumber } from "../_internal/dates.js";
import { parseWindow } from "./parseWindow.js";
import type { CalendarPeriod, InspectionWindow } from "./window.js";
import { issue } from "./_issue.js";
import { gcd } from "../_internal/fraction.js";

/**
 * Input of {@link scheduleBatches}: a task's quota, window and pool size. Quota and window may be given
 * as parsed values or as the cell text (then `year` is required and the parse warnings are passed on).
 * @public
 */
export interface ScheduleBatchesInput {
  /** A {@link Quota} from `parseQuota`, or the 抽查比例及频次 text. */
  readonly quota: Quota | string;
  /** A {@link InspectionWindow} from {@link parseWindow}, or the 抽查时间 text. */
  readonly window: InspectionWindow | string;
  /** Plan year, needed when `window` is text. */
  readonly year?: number;
  /** Entities in the pool (名录库) at the start of the year. */
  readonly poolSize: number;
  /**
   * 避免重复检查: entities drawn in an earlier batch of the year are excluded from later ones, so later
   * batches draw from what is left. Default `false` (every batch draws from the whole pool).
   */
  readonly avoidRepeats?: boolean;
  /** Passed to `sampleSize` for every batch (rounding, minimumOne, segment). */
  readonly sizeOptions?: SampleSizeOptions;
}

/**
 * One batch: a part of the window with its own draw.
 * @public
 */
export interface Batch {
  /** 1-based, in date order. */
  readonly index: number;
  /** First day of the batch (ISO). */
  readonly start: string;
  /** Last day of the batch (ISO). */
  readonly end: string;
  /** The days of the batch: one range, or several when it spans gaps between sub-windows. */
  readonly windows: readonly DateRange[];
  /** Entities to draw in this batch. */
  readonly size: number;
  /** Entities the batch draws from (the pool, less earlier draws when avoiding repeats). */
  readonly eligible: number;
  /** The `sampleSize` rule that fixed the size, or `cumulative_share` / `pool_left`. */
  readonly rule: SampleSizeRule | "cumulative_share" | "pool_left";
  readonly explanation: Message;
}

/**
 * An exact probability as a reduced fraction. Numerator and denominator are decimal strings because
 * Π (N − n_i) / N^k outgrows `Number.MAX_SAFE_INTEGER` quickly; `approx` is for display only.
 * @public
 */
export interface ExactProbability {
  readonly numerator: string;
  readonly denominator: string;
  readonly approx: number;
}

/**
 * The result of {@link scheduleBatches}.
 * @public
 */
export interface BatchSchedule {
  readonly batches: readonly Batch[];
  /** Σ batch sizes: inspections in the year. */
  readonly totalDraws: number;
  readonly poolSize: number;
  readonly avoidRepeats: boolean;
  /** How the batches were laid out, in words. */
  readonly layout: Message;
  /**
   * The chance that one given entity is drawn at least once in the year: Σ n_i / N when avoiding
   * repeats (the batches are disjoint), otherwise 1 − Π (N − n_i) / N (independent draws).
   */
  readonly chanceAtLeastOnce: ExactProbability;
}

interface Piece {
  s: number;
  e: number;
}

const PERIOD_MONTHS: Record<CalendarPeriod, number> = { month: 1, quarter: 3, halfYear: 6 };
const PERIOD_ZH: Record<CalendarPeriod, string> = { month: "月", quarter: "季度", halfYear: "半年" };
const PERIOD_EN: Record<CalendarPeriod, string> = { month: "month", quarter: "quarter", halfYear: "half-year" };

function days(pieces: Piece[]): number {
  return pieces.reduce((n, p) => n + p.e - p.s + 1, 0);
}

/** Splits the days of `pieces` into `k` consecutive parts of near-equal length (earlier parts get the extra day). */
function splitDays(pieces: Piece[], k: number): Piece[][] {
  const total = days(pieces);
  const out: Piece[][] = [];
  let i = 0;
  let cursor = pieces[0]?.s ?? 0;
  for (let part = 0; part < k; part++) {
    let want = Math.floor(total / k) + (part < total % k ? 1 : 0);
    const chunk: Piece[] = [];
    while (want > 0) {
      const p = pieces[i] as Piece;
      const take = Math.min(want, p.e - cursor + 1);
      chunk.push({ s: cursor, e: cursor + take - 1 });
      want -= take;
      cursor += take;
      if (cursor > p.e) {
        i++;
        cursor = pieces[i]?.s ?? cursor;
      }
    }
    out.push(chunk);
  }
  return out;
}

function clip(pieces: Piece[], s: number, e: number): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const a = Math.max(p.s, s);
    const b = Math.min(p.e, e);
    if (a <= b) out.push({ s: a, e: b });
  }
  return out;
}

function probability(n: bigint, d: bigint): ExactProbability {
  const g = n === 0n ? d : gcd(n, d);
  const num = n / g;
  const den = d / g;
  // Scaled integer division keeps `approx` right to ~15 digits even when both parts are huge.
  const approx = Number((num * 10n ** 15n) / den) / 1e15;
  return { numerator: String(num), denominator: String(den), approx };
}

/**
 * The chance that one given entity is drawn at least once over batches of the given sizes from a pool of
 * N, as an exact fraction. Without exclusion each batch is an independent simple random sample:
 * P(never) = Π (N − n_i)/N. With exclusion, batch i picks a given entity with probability n_i/N (it
 * survives the earlier batches with (N − Σ_{j<i} n_j)/N and is then picked with n_i/(N − Σ_{j<i} n_j)),
 * and the events are disjoint, so the chance is Σ n_i / N.
 */
function chanceOf(sizes: number[], N: number, avoidRepeats: boolean): ExactProbability {
  if (N === 0) return probability(0n, 1n);
  const n = BigInt(N);
  if (avoidRepeats) return probability(BigInt(sizes.reduce((a, b) => a + b, 0)), n);
  let never = 1n;
  let den = 1n;
  for (const s of sizes) {
    never *= n - BigInt(s);
    den *= n;
  }
  return probability(den - never, den);
}

function periodPieces(year: number, period: CalendarPeriod): Piece[] {
  const step = PERIOD_MONTHS[period];
  const out: Piece[] = [];
  for (let m = 1; m <= 12; m += step) {
    const next = m + step;
    out.push({ s: toDayNumber(year, m, 1), e: (next > 12 ? toDayNumber(year + 1, 1, 1) : toDayNumber(year, next, 1)) - 1 });
  }
  return out;
}

/**
 * Splits a task's window into batches (抽查批次), each with its own draw size from `sampleSize`.
 *
 * Layout rules:
 * - Quota frequency 每半年 / 每季度 / 每月 (`per: halfYear | quarter | month`, `times` t): one batch per
 *   calendar half / quarter / month that meets the window (t batches when t > 1), cut to the window's days;
 *   a period only partly inside the window gets a `batch_period_outside_window` warning.
 * - `n次/年` or `抽查n次` (`per: year | plan`): one batch per sub-window when the window has exactly n;
 *   otherwise the window's days are cut into n consecutive near-equal parts (`batch_frequency_mismatch`
 *   when the window had several sub-windows).
 * - No frequency: one batch per sub-window (a recurring window such as "每半年一次" or a list such as
 *   "2023年6月、11月"), or a single batch.
 * - Each batch's size is `sampleSize(quota, poolSize)` — the quota applies to the whole pool. A
 *   `cumulative` quota ("抽查比例之和≥20%") is the year's total, shared out as evenly as possible (earlier
 *   batches take the remainder).
 * - With `avoidRepeats`, a batch draws from the entities not drawn before and is capped at what is left
 *   (`batch_pool_exhausted`).
 *
 * @returns The batches (disjoint, in date order, together covering every day of the window), the year's
 * total and each entity's exact chance of being drawn at least once. Issues: `batch_pool_invalid`,
 * `batch_window_too_short`, every issue of `parseQuota`, {@link parseWindow} and `sampleSize`; warnings
 * `batch_frequency_mismatch`, `batch_period_outside_window`, `batch_pool_exhausted`.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when the input, a hand-built quota or a hand-built window is
 * not of its type (a wrong call, not user text).
 * @example
 * ```ts
 * const r = scheduleBatches({ quota: "每半年 20%", window: "2023年1月1日—12月31日", year: 2023, poolSize: 12 });
 * r.ok && r.value.batches.map((b) => [b.start, b.end, b.size])
 * //=> [["2023-01-01", "2023-06-30", 3], ["2023-07-01", "2023-12-31", 3]]
 * r.ok && r.value.chanceAtLeastOnce
 * //=> { numerator: "7", denominator: "16", approx: 0.4375 }
 * ```
 * @public
 */
export function scheduleBatches(input: ScheduleBatchesInput): Result<BatchSchedule> {
  if (typeof input !== "object" || input === null) throw new DoubleRandomError("invalid_argument", "scheduleBatches expects { poolSize, quota, window, year? }");
  const issues: Issue[] = [];
  const N = input.poolSize;
  if (typeof N !== "number" || !Number.isSafeInteger(N) || N < 0) {
    return fail([issue("batch_pool_invalid", { poolSize: String(N) }, { path: ["poolSize"] })]);
  }
  let quota: Quota;
  if (typeof input.quota === "string") {
    const q = parseQuota(input.quota);
    if (!q.ok) return q;
    for (const i of q.warnings) issues.push(i);
    quota = q.value;
  } else quota = input.quota;
  if (typeof quota !== "object" || quota === null) throw new DoubleRandomError("invalid_argument", "quota must be text or a Quota (parseQuota)");
  let window: InspectionWindow;
  if (typeof input.window === "string") {
    if (input.year === undefined) {
      return fail([issue("invalid_argument", { detail: "year is required when window is text" }, { path: ["year"] })]);
    }
    const w = parseWindow(input.window, { year: input.year });
    if (!w.ok) return w;
    for (const i of w.warnings) issues.push(i);
    window = w.value;
  } else window = input.window;
  // A hand-built window is a programmer's value, not user text: a wrong shape is a wrong call.
  if (typeof window !== "object" || window === null || !Array.isArray(window.windows) || !window.windows.every((w) => typeof w === "object" && w !== null)) {
    throw new DoubleRandomError("invalid_argument", "window must be text or an InspectionWindow { windows: [{ start, end }] } (parseWindow)");
  }

  const pieces: Piece[] = [];
  for (const w of window.windows) {
    const s = parseIso(w.start);
    const e = parseIso(w.end);
    if (s === undefined || e === undefined || e < s) {
      return fail([issue("calendar_date_invalid", { date: `${w.start}—${w.end}` }, { path: ["window", "windows"] })]);
    }
    pieces.push({ s, e });
  }
  if (pieces.length === 0) return fail([issue("window_empty")]);
  pieces.sort((a, b) => a.s - b.s);

  const freq = quota.frequency;
  let groups: Piece[][];
  let layout: Message;
  if (freq && (freq.per === "halfYear" || freq.per === "quarter" || freq.per === "month")) {
    const first = pieces[0] as Piece;
    const last = pieces[pieces.length - 1] as Piece;
    const y0 = new Date(first.s * 86_400_000).getUTCFullYear();
    const y1 = new Date(last.e * 86_400_000).getUTCFullYear();
    groups = [];
    for (let y = y0; y <= y1; y++) {
      for (const period of periodPieces(y, freq.per)) {
        const inside = clip(pieces, period.s, period.e);
        if (inside.length === 0) continue;
        if (days(inside) < period.e - period.s + 1) {
          const index = groups.length + 1;
          issues.push(
            issue("batch_period_outside_window", {
              period: PERIOD_ZH[freq.per],
              index,
              start: formatIso((inside[0] as Piece).s),
              end: formatIso((inside[inside.length - 1] as Piece).e),
            }),
          );
        }
        if (days(inside) < freq.times) {
          return fail([issue("batch_window_too_short", { days: days(inside), times: freq.times })]);
        }
        if (freq.times > 1) for (const g of splitDays(inside, freq.times)) groups.push(g);
        else groups.push(inside);
      }
    }
    layout = {
      zh: `按每${PERIOD_ZH[freq.per]}${freq.times}次分批，共${groups.length}批`,
      en: `${freq.times} batch(es) per ${PERIOD_EN[freq.per]}: ${groups.length} in all`,
    };
  } else if (freq) {
    const t = freq.times;
    if (pieces.length === t) {
      groups = pieces.map((p) => [p]);
      layout = { zh: `${t}次，每个时段一批`, en: `${t} times, one batch per sub-window` };
    } else {
      if (days(pieces) < t) return fail([issue("batch_window_too_short", { days: days(pieces), times: t })]);
      if (pieces.length > 1) {
        issues.push(issue("batch_frequency_mismatch", { frequency: `${t}次/${freq.per === "year" ? "年" : "计划"}`, windows: pieces.length }));
      }
      groups = t === 1 ? [pieces] : splitDays(pieces, t);
      layout = t === 1 ? { zh: "1次，整个抽查时间一批", en: "once, one batch over the whole window" } : { zh: `${t}次，抽查时间等分为${t}批`, en: `${t} times, the window cut into ${t} equal batches` };
    }
  } else if (pieces.length > 1) {
    groups = pieces.map((p) => [p]);
    layout = { zh: `未写频次，按抽查时间的${pieces.length}个时段各一批`, en: `no frequency given: one batch per sub-window (${pieces.length})` };
  } else {
    groups = [pieces];
    layout = { zh: "未写频次，整个抽查时间一批", en: "no frequency given: one batch over the whole window" };
  }

  const base = sampleSize(quota, N, input.sizeOptions);
  if (!base.ok) return base;
  for (const i of base.warnings) issues.push(i);
  const k = groups.length;
  const sizes: number[] = [];
  const rules: Batch["rule"][] = [];
  const notes: Message[] = [];
  for (let i = 0; i < k; i++) {
    if (quota.cumulative) {
      const share = Math.floor(base.value.size / k) + (i < base.value.size % k ? 1 : 0);
      sizes.push(share);
      rules.push("cumulative_share");
      notes.push({
        zh: `全年合计${base.value.size}户（${base.value.explanation.zh}），分${k}批，本批${share}户`,
        en: `year total ${base.value.size} (${base.value.explanation.en}) over ${k} batches: ${share} in this one`,
      });
    } else {
      sizes.push(base.value.size);
      rules.push(base.value.rule);
      notes.push(base.value.explanation);
    }
  }

  const batches: Batch[] = [];
  let drawn = 0;
  for (let i = 0; i < k; i++) {
    const g = groups[i] as Piece[];
    const eligible = input.avoidRepeats ? N - drawn : N;
    let size = sizes[i] as number;
    let rule = rules[i] as Batch["rule"];
    let explanation = notes[i] as Message;
    if (size > eligible) {
      issues.push(issue("batch_pool_exhausted", { index: i + 1, left: eligible, wanted: size }));
      explanation = {
        zh: `${explanation.zh}；避免重复检查后只剩${eligible}户，本批抽${eligible}户`,
        en: `${explanation.en}; only ${eligible} left after excluding earlier draws, so ${eligible}`,
      };
      size = eligible;
      rule = "pool_left";
    }
    sizes[i] = size;
    drawn += size;
    batches.push({
      index: i + 1,
      start: formatIso((g[0] as Piece).s),
      end: formatIso((g[g.length - 1] as Piece).e),
      windows: g.map((p) => ({ start: formatIso(p.s), end: formatIso(p.e) })),
      size,
      eligible,
      rule,
      explanation,
    });
  }
  return settle(
    {
      batches,
      totalDraws: sizes.reduce((a, b) => a + b, 0),
      poolSize: N,
      avoidRepeats: input.avoidRepeats === true,
      layout,
      chanceAtLeastOnce: chanceOf(sizes, N, input.avoidRepeats === true),
    },
    issues,
  );
}
