import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, chineseDaysCalendar, isWorkingDay } from "../../src/index.js";

const value = <T>(r: { ok: boolean; value?: T }): T | undefined => (r.ok ? r.value : undefined);

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
