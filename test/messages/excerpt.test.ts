import { describe, expect, it } from "vitest";
import { excerpt, MAX_QUOTED } from "../../src/messages/excerpt.js";
import { createIssue, parseQuota } from "../../src/index.js";

describe("excerpt", () => {
  it("keeps a text of at most MAX_QUOTED code units as it is", () => {
    const s = "甲".repeat(MAX_QUOTED);
    expect(excerpt(s)).toBe(s);
    expect(excerpt(s, "zh")).toBe(s);
  });

  it("cuts a longer text to its head and tail, saying how much was left out", () => {
    const s = `${"a".repeat(1000)}${"b".repeat(1000)}`;
    expect(excerpt(s, "zh")).toBe(`${"a".repeat(360)}…（略去1540字）…${"b".repeat(100)}`);
    expect(excerpt(s, "en")).toBe(`${"a".repeat(360)}… (1540 characters left out) …${"b".repeat(100)}`);
    expect(excerpt(s)).toBe(`${"a".repeat(360)}…${"b".repeat(100)}`);
  });

  it("never splits a surrogate pair", () => {
    const s = "😀".repeat(600);
    for (const lang of [undefined, "zh", "en"] as const) {
      const cut = excerpt(s, lang);
      expect(cut.length).toBeLessThan(MAX_QUOTED + 40);
      // Well-formed UTF-16: encoding and decoding gives the same string back.
      expect(new TextDecoder().decode(new TextEncoder().encode(cut))).toBe(cut);
    }
  });
});

describe("issues quote excerpts of long params", () => {
  it("an issue about a 1M-character cell is short in both languages and in its params", () => {
    const cell = `待定${"抽查".repeat(500_000)}`;
    const r = parseQuota(cell);
    expect(r.ok).toBe(false);
    const i = r.ok ? undefined : r.issues[0];
    expect(i?.code).toBe("quota_undecided");
    expect(i?.message.zh).toMatch(/^抽查比例“待定抽查抽查.*…（略去999542字）…(抽查){50}”尚未确定/);
    expect(JSON.stringify(i).length).toBeLessThan(3_000);
  });

  it("a Message param and the field are cut too", () => {
    const long = "x".repeat(10_000);
    const i = createIssue("invalid_argument", { detail: { zh: long, en: long } }, { field: long });
    expect(i.message.zh.length).toBeLessThan(600);
    expect(i.field?.length).toBeLessThanOrEqual(MAX_QUOTED);
    expect((i.params?.detail as { zh: string }).zh.length).toBeLessThanOrEqual(MAX_QUOTED);
  });
});
