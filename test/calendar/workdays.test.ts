import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, chineseDaysCalendar, isWorkingDay, publicationDeadline, type WorkdayCalendar } from "../../src/index.js";

const value = <T>(r: { ok: boolean; value?: T }): T | undefined => (r.ok ? r.value : undefined);

// Checked against the 国务院办公厅 notices: 国办发明电〔2022〕16号 (2023 holidays) and
// 国办发明电〔2023〕7号 (2024 holidays).
describe("isWorkingDay against the official 2023 and 2024 holiday notices", () => {
  const cases: [string, boolean, string][] = [
    ["2023-01-02", false, "元旦 observed on Monday"],
    ["2023-01-21", false, "春节 Saturday"],
    ["2023-01-27", false, "春节 Friday"],
    ["2023-01-28", true, "调休 Saturday for 春节"],
    ["2023-01-29", true, "调休 Sunday for 春节"],
    ["2023-04-05", false, "清明节"],
    ["2023-04-23", true, "调休 Sunday for 劳动节"],
    ["2023-05-03", false, "劳动节"],
    ["2023-05-06", true, "调休 Saturday for 劳动节"],
    ["2023-06-22", false, "端午节"],
    ["2023-06-23", false, "端午节"],
    ["2023-06-25", true, "调休 Sunday for 端午节"],
    ["2023-09-28", true, "Thursday before 中秋"],
    ["2023-09-29", false, "中秋节"],
    ["2023-10-02", false, "国庆节 Monday"],
    ["2023-10-06", false, "国庆节 Friday"],
    ["2023-10-07", true, "调休 Saturday for 国庆节"],
    ["2023-10-08", true, "调休 Sunday for 国庆节"],
    ["2023-10-09", true, "an ordinary Monday"],
    ["2023-10-14", false, "an ordinary Saturday"],
    ["2024-01-01", false, "元旦"],
    ["2024-02-04", true, "调休 Sunday for 春节"],
    ["2024-02-12", false, "春节 Monday"],
    ["2024-02-18", true, "调休 Sunday for 春节"],
    ["2024-04-07", true, "调休 Sunday for 清明节"],
    ["2024-04-28", true, "调休 Sunday for 劳动节"],
    ["2024-05-01", false, "劳动节"],
    ["2024-05-11", true, "调休 Saturday for 劳动节"],
    ["2024-06-10", false, "端午节"],
    ["2024-09-14", true, "调休 Saturday for 中秋节"],
    ["2024-09-16", false, "中秋节 Monday"],
    ["2024-09-29", true, "调休 Sunday for 国庆节"],
    ["2024-10-07", false, "国庆节 Monday"],
    ["2024-10-12", true, "调休 Saturday for 国庆节"],
  ];
  it.each(cases)("%s is %s (%s)", (date, expected) => {
    expect(isWorkingDay(date)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it("records the calendar's source and covered years", () => {
    expect(chineseDaysCalendar.source).toBe("chinese-days@1.5.7");
    expect([chineseDaysCalendar.firstYear, chineseDaysCalendar.lastYear]).toEqual([2004, 2026]);
  });

  it("reports a year the calendar does not cover, and invalid dates", () => {
    const r = isWorkingDay("2031-03-03");
    expect(!r.ok && r.issues[0]?.code).toBe("calendar_year_not_covered");
    expect(!r.ok && r.issues[0]?.message.zh).toContain("2031");
    for (const bad of ["2023-02-29", "2023-13-01", "20230301", "", "2023-1-1"]) {
      const b = isWorkingDay(bad);
      expect(!b.ok && b.issues[0]?.code).toBe("calendar_date_invalid");
    }
  });
});

describe("addWorkingDays", () => {
  it("crosses the 2023 国庆 holiday onto the 调休 weekend", () => {
    expect(value(addWorkingDays("2023-09-28", 1))).toBe("2023-10-07");
    expect(value(addWorkingDays("2023-09-28", 2))).toBe("2023-10-08");
    expect(value(addWorkingDays("2023-09-28", 3))).toBe("2023-10-09");
    expect(value(addWorkingDays("2023-10-07", -1))).toBe("2023-09-28");
    expect(value(addWorkingDays("2023-10-01", 0))).toBe("2023-10-01");
  });

  it("crosses a year boundary (2023-12-29 + 1 → 2024-01-02)", () => {
    expect(value(addWorkingDays("2023-12-29", 1))).toBe("2024-01-02");
  });

  it("stops at the edge of the covered years with an issue", () => {
    const r = addWorkingDays("2026-12-30", 5);
    expect(!r.ok && r.issues[0]?.code).toBe("calendar_year_not_covered");
    const f = addWorkingDays("2023-01-03", 1.5);
    expect(!f.ok && f.issues[0]?.code).toBe("invalid_argument");
  });

  const dates = fc.integer({ min: 0, max: 2 * 365 }).map((k) => new Date(Date.UTC(2023, 0, 1 + k)).toISOString().slice(0, 10));

  it("lands on a working day for n > 0 and is strictly increasing in n", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const a = value(addWorkingDays(d, n));
        const b = value(addWorkingDays(d, n + 1));
        return a !== undefined && b !== undefined && value(isWorkingDay(a)) === true && a > d && b > a;
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it("counts exactly n working days between the date and the result", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const out = value(addWorkingDays(d, n))!;
        let count = 0;
        for (let t = Date.parse(d) + 86_400_000; t <= Date.parse(out); t += 86_400_000) {
          if (chineseDaysCalendar.isWorkingDay(new Date(t).toISOString().slice(0, 10))) count++;
        }
        return count === n;
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("is undone by the opposite step when it starts on a working day", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (d, n) => {
        if (!value(isWorkingDay(d))) return true;
        return value(addWorkingDays(value(addWorkingDays(d, n))!, -n)) === d;
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});

describe("publicationDeadline", () => {
  it("counts 20 working days after the result, across 中秋/国庆 2023", () => {
    // 9-18..22 (5), 9-25..28 (9), 10-07, 10-08 调休 (11), 10-09..13 (16), 10-16..19 (20).
    const r = publicationDeadline("2023-09-15");
    expect(r.ok && r.value.deadline).toBe("2023-10-19");
    expect(r.ok && r.value.basis.zh).toContain("企业信息公示暂行条例");
    expect(r.ok && r.value.calendarSource).toBe("chinese-days@1.5.7");
  });

  it("counts across 春节 2024", () => {
    // 2-05..09 (5; 除夕 2-09 is not a statutory holiday, the notice only encourages leave), 2-10..17 holidays,
    // 2-18 Sun 调休 (6), 2-19..23 (11), 2-26..3-01 (16), 3-04..07 (20).
    expect(value(isWorkingDay("2024-02-09"))).toBe(true);
    expect(value(publicationDeadline("2024-02-04"))?.deadline).toBe("2024-03-07");
  });

  it("takes another period and another calendar", () => {
    const weekdays: WorkdayCalendar = {
      source: "weekdays",
      firstYear: 2000,
      lastYear: 2100,
      isWorkingDay: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    };
    expect(value(publicationDeadline("2023-09-15", { workingDays: 7, calendar: weekdays }))?.deadline).toBe("2023-09-26");
  });

  it("rejects a bad period or date", () => {
    expect(publicationDeadline("2023-09-15", { workingDays: 0 }).ok).toBe(false);
    expect(publicationDeadline("2023/09/15").ok).toBe(false);
  });
});
