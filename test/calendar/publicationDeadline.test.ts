import { describe, expect, it } from "vitest";
import { isWorkingDay, publicationDeadline, type WorkdayCalendar } from "../../src/index.js";

const value = <T>(r: { ok: boolean; value?: T }): T | undefined => (r.ok ? r.value : undefined);

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
