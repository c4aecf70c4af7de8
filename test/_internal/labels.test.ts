import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aliasesOf, labelLimit, longerThanLabel, normalizeLabel } from "../../src/_internal/labels.js";
import { resultCategoryOf } from "../../src/model/result.js";
import { parseRiskTier } from "../../src/model/tier.js";
import { generator, PLAN_WORDS, shortCell } from "../fuzz/_vocabulary.js";

/** What a lookup compares: the label as normalizeLabel keys it. */
const keyOf = (s: string) => s.normalize("NFKC").trim().toLowerCase();

// Characters that compose, decompose, widen or vanish at the edges under NFKC, beside the plan vocabulary.
const tricky = fc.constantFrom("e", "\u0301", "\u0308", "\u0304", "A", "\u1100", "\u1161", "\u11a8", "ﬀ", "ﷺ", "¨", "　", " ", "Ａ", "，", ",", "İ", "⑴", "㍿", "中", "\ud800", "𠀀", "a\u0345");
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.array(fc.oneof(tricky, fc.constantFrom(...PLAN_WORDS)), { maxLength: 30 }).map((xs) => xs.join("")),
);

describe("longerThanLabel", () => {
  it("says longer only when NFKC, trim and lower-casing leave more than the limit", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 25 }), (t, limit) => {
        if (longerThanLabel(t, limit)) expect(keyOf(t).length).toBeGreaterThan(limit);
        if (longerThanLabel(t, limit, 0x2c)) expect(keyOf(t.normalize("NFKC").replace(/[、，,。\s]/g, "")).length).toBeGreaterThan(limit);
      }),
      { numRuns: 5_000 },
    );
  });

  it("holds on fuzzed plan cells", () => {
    const next = generator(5);
    for (let k = 0; k < 5_000; k++) {
      const t = shortCell(next, 60);
      for (const limit of [0, 5, 20]) if (longerThanLabel(t, limit)) expect(keyOf(t).length).toBeGreaterThan(limit);
    }
  });

  it("stops at a long cell without normalising it", () => {
    expect(longerThanLabel("一".repeat(21), 20)).toBe(true);
    expect(longerThanLabel("一".repeat(20), 20)).toBe(false);
    expect(longerThanLabel(",".repeat(21), 20, 0x2c)).toBe(false);
  });
});

describe("labelLimit", () => {
  it("covers every key", () => {
    const aliases = aliasesOf({ x: { zh: "甲", en: "A rather long English label" } });
    expect(labelLimit(aliases)).toBe("a rather long english label".length);
    expect(labelLimit(aliasesOf({ a: { zh: "甲", en: "A" } }))).toBe(1);
  });

  it("finds no label in the names every object inherits (the tables have no prototype)", () => {
    const aliases = aliasesOf({ x: { zh: "甲乙", en: "Alpha beta" } });
    for (const v of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", " Constructor "]) expect(normalizeLabel(v, aliases)).toBe(v);
    for (const v of ["constructor", "__proto__", "toString"]) {
      expect(parseRiskTier(v).ok).toBe(false);
      expect(resultCategoryOf(v)).toBeUndefined();
    }
    expect(parseRiskTier("Ｃ类")).toMatchObject({ ok: true, value: "C" });
  });

  it("leaves normalizeLabel's answers as they were", () => {
    const aliases = aliasesOf({ x: { zh: "甲乙", en: "Alpha beta" } }, { 丙: "x" });
    for (const v of ["甲乙", " ＡＬＰＨＡ beta ", "x", "丙", "alpha beta".repeat(9), "甲".repeat(40), "constructor"]) {
      const expected = aliases[keyOf(v)] ?? v;
      expect(normalizeLabel(v, aliases)).toBe(expected);
    }
  });
});
