import { describe, expect, it } from "vitest";
import { chineseDaysCalendar, isWorkingDay } from "../../src/index.js";

// Expected values typed from the 国务院办公厅 notices 《关于2023年部分节假日安排的通知》 and
// 《关于2024年部分节假日安排的通知》 (holiday ranges and the listed 调休 working days), independently of
// the chinese-days data they test. Note 2024-02-09 (除夕) was not a holiday: the notice only encouraged leave.
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
