import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, generalText, isLongInteger, longDigits, numberFormatKind, serialDate } from "../../src/files/_numberFormat.js";

describe("number formats: which kind a format is", () => {
  it.each([
    [14, undefined, "date"], [22, undefined, "date"], [27, undefined, "date"], [36, undefined, "date"], [50, undefined, "date"], [58, undefined, "date"],
    [20, undefined, "time"], [45, undefined, "time"], [9, undefined, "percent"], [10, undefined, "percent"], [0, undefined, "general"], [49, undefined, "general"],
    [164, "yyyy-mm-dd", "date"], [164, "yyyy\"年\"m\"月\"d\"日\"", "date"], [164, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "date"], [164, "m/d", "date"],
    [164, "h:mm", "time"], [164, "[h]:mm:ss", "time"], [164, "mm:ss", "time"], [164, "0.0%", "percent"], [164, "0.00E+00", "general"],
    [164, "\"d\"0", "fixed"], [164, "#,##0.000", "fixed"], [164, "@", "general"], [164, "General", "general"], [164, "[Red]0.00;[Blue]-0.00", "fixed"],
  ] as const)("id %s code %s is %s", (id, code, kind) => {
    expect(numberFormatKind(id, code).kind).toBe(kind);
  });
});

describe("number formats: the text a spreadsheet shows", () => {
  it("General keeps at most 15 significant digits", () => {
    expect(generalText(1.0000000002 + 1e-16)).toBe("1.0000000002");
    expect(generalText(0.1 + 0.2)).toBe("0.3");
    expect(generalText(123456789012345)).toBe("123456789012345");
  });
  it("percents and fixed decimals round half away from zero", () => {
    expect(formatNumber(0.05, { kind: "percent", decimals: 0 }, false)).toBe("5%");
    expect(formatNumber(0.05, { kind: "percent", decimals: 2 }, false)).toBe("5.00%");
    expect(formatNumber(0.055, { kind: "percent", decimals: 0 }, false)).toBe("6%");
    expect(formatNumber(-1.005, { kind: "fixed", decimals: 2 }, false)).toBe("-1.01");
  });
  it("dates: the 1900 system with its 1900-02-29, and the 1904 system", () => {
    expect(serialDate(1, false)).toBe("1900-01-01");
    expect(serialDate(59, false)).toBe("1900-02-28");
    expect(serialDate(60, false)).toBe("1900-02-29");
    expect(serialDate(61, false)).toBe("1900-03-01");
    expect(serialDate(44958, false)).toBe("2023-02-01");
    expect(serialDate(44958.99, false)).toBe("2023-02-01");
    expect(serialDate(43496, true)).toBe("2023-02-01");
    expect(serialDate(-1, false)).toBeUndefined();
    expect(serialDate(2_958_465, false)).toBe("9999-12-31");
    expect(serialDate(2_957_003, true)).toBe("9999-12-31");
    expect(serialDate(2_957_004, true)).toBeUndefined();
  });
  it("a time below one day is shown as a time", () => {
    expect(formatNumber(0.5, { kind: "time" }, false)).toBe("12:00:00");
  });
  it("long integers are written out in digits", () => {
    expect(isLongInteger(410802199001011260)).toBe(true);
    expect(isLongInteger(123456789012345)).toBe(false);
    expect(longDigits("410802199001011234", 410802199001011234)).toBe("410802199001011234");
    expect(longDigits("4.10802199001011E+17", 4.10802199001011e17)).toBe("410802199001011000");
  });
  it("property: a date serial and the day it shows are one day apart per serial (1900 system, after 1900-03-01)", () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: 2_958_464 - 1462 }), (n) => {
      const a = Date.parse(serialDate(n, false) as string);
      const b = Date.parse(serialDate(n + 1, false) as string);
      expect(b - a).toBe(86_400_000);
      expect(serialDate(n, true)).toBe(serialDate(n + 1462, false));
    }), { seed: 11 });
  });
  it("property: General text reads back to the stored number within 15 significant digits", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Number(generalText(x))).toBe(Number(x.toPrecision(15)));
    }), { seed: 11 });
  });
});
