import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWindow, type WorkdayCalendar } from "../../src/index.js";
import seeds from "../fixtures/calendar/seed-windows.json" with { type: "json" };

interface Expected {
  ok: boolean;
  start?: string;
  end?: string;
  windows?: [string, string][];
  recurring?: string;
  warnings?: string[];
  issues?: string[];
}

describe("parseWindow on every seed-plan cell", () => {
  it.each(seeds.map((s) => [s.text, s.source, s.expected as Expected] as const))("%j (%s)", (text, _source, expected) => {
    const r = parseWindow(text, { year: 2023 });
    if (!expected.ok) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(expected.issues);
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.start).toBe(expected.start);
    expect(r.value.end).toBe(expected.end);
    expect(r.value.windows.map((w) => [w.start, w.end])).toEqual(expected.windows);
    expect(r.value.recurring?.kind).toBe(expected.recurring);
    expect(r.warnings.map((w) => w.code)).toEqual(expected.warnings);
    expect(r.value.text).toBe(text);
  });

  it("covers all three seed plans", () => {
    const files = new Set(seeds.map((s) => s.source.split(":")[0]));
    expect([...files].sort()).toEqual(["jiaozuo-2023-plans.txt", "jincheng-2023-joint-plan.txt", "wugang-2023-gongxin-plan.txt"]);
  });
});

describe("parseWindow on the wording listed in issue 3", () => {
  const cases: [string, string, string, number][] = [
    ["3月—12月", "2023-03-01", "2023-12-31", 1],
    ["1月-11月", "2023-01-01", "2023-11-30", 1],
    ["2023年4月30日前", "2023-01-01", "2023-04-30", 1],
    ["上半年（1-4月）；下半年（11-12月）", "2023-01-01", "2023-12-31", 2],
    ["全年", "2023-01-01", "2023-12-31", 1],
    ["2023第四季度", "2023-10-01", "2023-12-31", 1],
    ["202302", "2023-02-01", "2023-02-28", 1],
    ["2023.04", "2023-04-01", "2023-04-30", 1],
    ["3.1-12.31", "2023-03-01", "2023-12-31", 1],
    ["2023年1月1日—12月31日", "2023-01-01", "2023-12-31", 1],
    ["每季度结束前5个工作日", "2023-03-27", "2023-12-29", 4],
    ["月初", "2023-01-01", "2023-12-10", 12],
    // Not in the seeds, common elsewhere:
    ["3月至11月底", "2023-03-01", "2023-11-30", 1],
    ["11月底前", "2023-01-01", "2023-11-30", 1],
    ["2023年度", "2023-01-01", "2023-12-31", 1],
    ["2023年全年", "2023-01-01", "2023-12-31", 1],
  ];
  it.each(cases)("%s", (text, start, end, n) => {
    const r = parseWindow(text, { year: 2023 });
    expect(r.ok && { start: r.value.start, end: r.value.end, n: r.value.windows.length }).toEqual({ start, end, n });
  });

  it("9月份之前 is ambiguous: a result plus a warning naming the reading taken and the other one", () => {
    const r = parseWindow("9月份之前", { year: 2023 });
    expect(r.ok && r.value.end).toBe("2023-08-31");
    expect(r.ok && r.warnings[0]?.code).toBe("window_ambiguous");
    expect(r.ok && r.warnings[0]?.message.zh).toContain("2023-08-31");
    expect(r.ok && r.warnings[0]?.message.zh).toContain("2023-09-30");
    expect(r.ok && r.warnings[0]?.message.en).toContain("ambiguous");
  });

  it("the caller can choose the reading of 月前, and then no warning is given", () => {
    const r = parseWindow("9月份之前", { year: 2023, monthBefore: "inclusive" });
    expect(r.ok && [r.value.end, r.warnings.length]).toEqual(["2023-09-30", 0]);
  });

  it("cuts a recurring rule to the plan's overall period (舞钢: 每月 within 2023年4月至12月)", () => {
    const r = parseWindow("每月", { year: 2023, within: { start: "2023-04-01", end: "2023-12-31" } });
    expect(r.ok && r.value.windows.length).toBe(9);
    expect(r.ok && [r.value.start, r.value.end]).toEqual(["2023-04-01", "2023-12-31"]);
    const bad = parseWindow("每月", { year: 2023, within: { start: "2023-12-31", end: "2023-04-01" } });
    expect(!bad.ok && bad.issues[0]?.code).toBe("calendar_date_invalid");
  });

  it("月初 can be given an explicit length", () => {
    const r = parseWindow("月初", { year: 2023, monthStartDays: 5 });
    expect(r.ok && [r.value.windows[1], r.warnings.length]).toEqual([{ start: "2023-02-01", end: "2023-02-05" }, 0]);
    expect(r.ok && r.value.recurring).toMatchObject({ kind: "periodStart", period: "month", days: 5 });
  });
});

describe("parseWindow issues", () => {
  const bad: [string, string][] = [
    ["", "window_empty"],
    ["   \n ", "window_empty"],
    ["待定", "window_unparseable"],
    ["2024年3月", "window_outside_year"],
    ["2022年1月1日—2023年3月31日", "window_outside_year"],
    ["2023年第一季度；2024年第一季度", "window_outside_year"],
    ["6月—3月", "window_end_before_start"],
    ["2月30日前", "window_invalid_date"],
    ["13月", "window_invalid_date"],
    ["3-8", "window_unparseable"],
    ["1-4月；3-6月", "window_overlap"],
  ];
  it.each(bad)("%j → %s", (text, code) => {
    const r = parseWindow(text, { year: 2023 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain(code);
  });

  it("a 调休-aware rule in a year the calendar does not cover is an issue, not a guess", () => {
    const r = parseWindow("每季度结束前5个工作日", { year: 2031 });
    expect(!r.ok && r.issues[0]?.code).toBe("calendar_year_not_covered");
  });

  it("uses a caller's working-day calendar", () => {
    const everyDay: WorkdayCalendar = { source: "every day", firstYear: 2000, lastYear: 2100, isWorkingDay: () => true };
    const r = parseWindow("每季度结束前5个工作日", { year: 2031, calendar: everyDay });
    expect(r.ok && r.value.windows[0]).toEqual({ start: "2031-03-27", end: "2031-03-31" });
  });

  it("reports a bad year or a non-string instead of throwing", () => {
    expect(parseWindow("3月", { year: 23 }).ok).toBe(false);
    expect(parseWindow(42 as unknown as string, { year: 2023 }).ok).toBe(false);
    expect(parseWindow("3月", undefined as unknown as { year: number }).ok).toBe(false);
  });

  it("a half with months outside it is kept but warned about", () => {
    const r = parseWindow("上半年（7-8月）", { year: 2023 });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["window_half_mismatch"]);
  });

  it("does not mutate its context", () => {
    const ctx = Object.freeze({ year: 2023, monthBefore: "inclusive" as const });
    expect(parseWindow("9月份之前", ctx).ok).toBe(true);
    expect(ctx).toEqual({ year: 2023, monthBefore: "inclusive" });
  });
});

describe("parseWindow on a cell of many dates", () => {
  it("lists the first ten issues and counts the rest with their worst severity", () => {
    const r = parseWindow(`${"2021年3月1日、".repeat(25)}2023年3月1日；3月1日—2月1日`, { year: 2023 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.slice(0, 10).map((i) => i.code)).toEqual(Array(10).fill("window_outside_year"));
    expect(r.issues[0]?.message.en).toContain("2021");
    expect(r.issues).toHaveLength(11);
    // The 15 dates past the tenth are counted (each as often as it is read), not listed.
    expect(r.issues[10]).toMatchObject({ code: "issues_capped", severity: "error", params: { shown: 10 } });
    expect(r.issues[10]?.params?.count).toBeGreaterThanOrEqual(15);
  });

  it("counts warnings past the cap as warnings", () => {
    const r = parseWindow("3月；".repeat(15), { year: 2023 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.slice(0, 10).map((i) => i.code)).toEqual(Array(10).fill("window_duplicate"));
    expect(r.warnings[10]).toMatchObject({ code: "issues_capped", severity: "warning", params: { count: 4 } });
  });
});

describe("parseWindow properties", () => {
  it("never throws on arbitrary strings and always returns a Result", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseWindow(s, { year: 2023 });
        return typeof r.ok === "boolean";
      }),
      { numRuns: 3000, seed: 20230517 },
    );
  });

  it("never throws on arbitrary Unicode, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => typeof parseWindow(s, { year: 2023 }).ok === "boolean"),
      { numRuns: 3000, seed: 99 },
    );
  });

  it("never throws on strings built from window characters", () => {
    const alphabet = fc.constantFrom(..."0123456789年月日号份前之以至到-—~.、，；;（）()上下半全季度第一二三四每结束个工作初旬 ".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (cs) => {
        const r = parseWindow(cs.join(""), { year: 2023 });
        if (r.ok) {
          // Every success is a well-formed window of the plan year.
          const ws = r.value.windows;
          for (let i = 0; i < ws.length; i++) {
            const w = ws[i]!;
            if (!(w.start <= w.end && w.start.startsWith("2023-") && w.end.startsWith("2023-"))) return false;
            if (i > 0 && !(ws[i - 1]!.end < w.start)) return false;
          }
          return r.value.start === ws[0]!.start && r.value.end === ws[ws.length - 1]!.end;
        }
        return r.issues.length > 0;
      }),
      { numRuns: 5000, seed: 42 },
    );
  });

  it("month ranges a-b月 span exactly months a..b", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom("-", "—", "--", "至", "～"), (a, b, sep) => {
        const r = parseWindow(`${a}月${sep}${b}月`, { year: 2024 });
        if (b < a) return !r.ok && r.issues[0]?.code === "window_end_before_start";
        const last = new Date(Date.UTC(2024, b, 0)).getUTCDate();
        return r.ok && r.value.start === `2024-${String(a).padStart(2, "0")}-01` && r.value.end === `2024-${String(b).padStart(2, "0")}-${last}`;
      }),
      { seed: 7 },
    );
  });

  it("returns on very long adversarial inputs (no catastrophic backtracking)", () => {
    for (const s of ["1".repeat(50_000) + "前", "3月-".repeat(20_000), "年".repeat(50_000) + "x", "2023年3月、".repeat(10_000) + "?", "（".repeat(30_000) + "上半年"]) {
      expect(parseWindow(s, { year: 2023 }).ok).toBe(false);
    }
  });
});
