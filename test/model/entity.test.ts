import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEntity, parseEntityPool, parseRiskTier, riskTierLabels } from "../../src/index.js";

describe("parseRiskTier", () => {
  it("reads letters, labels and full-width letters", () => {
    expect(parseRiskTier("Ｄ")).toMatchObject({ ok: true, value: "D" });
    expect(parseRiskTier("较高风险")).toMatchObject({ ok: true, value: "C" });
    expect(parseRiskTier("a类")).toMatchObject({ ok: true, value: "A" });
    for (const [tier, label] of Object.entries(riskTierLabels)) {
      expect(parseRiskTier(label.zh)).toMatchObject({ ok: true, value: tier });
      expect(parseRiskTier(label.en)).toMatchObject({ ok: true, value: tier });
    }
  });
  it("rejects anything else with both messages", () => {
    const r = parseRiskTier("E");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.code).toBe("invalid_value");
      expect(r.issues[0]?.message.zh).toContain("低风险");
      expect(r.issues[0]?.message.en).toContain("received");
    }
  });
});

describe("parseEntity", () => {
  it("applies defaults and accepts Chinese labels", () => {
    const r = parseEntity({ id: "E1", name: "焦作市某超市", kind: "个体工商户", status: "存续", tier: "高风险" });
    expect(r).toMatchObject({ ok: true, value: { kind: "individual", status: "active", tier: "D", tags: [], inspections: [] } });
  });

  it("validates a declared USCC, check character included", () => {
    const r = parseEntity({ id: "91350100M000100Y44", idKind: "uscc", name: "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "uscc_invalid_check", path: ["id"] });
  });

  it("warns (does not fail) when an undeclared id looks like a USCC with a wrong check character", () => {
    const r = parseEntity({ id: "91350100M000100Y44", name: "x" });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]).toMatchObject({ code: "uscc_invalid_check", severity: "warning" });
  });

  it("allows other id kinds for products, projects and behaviours", () => {
    expect(parseEntity({ id: "PRJ-2023-0042", idKind: "project", name: "某工程", kind: "项目" }).ok).toBe(true);
  });

  it("reports bad fields with a path and bilingual messages", () => {
    const r = parseEntity({ id: " E1", name: "", regionCode: "4108", status: "倒闭", extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const codes = r.issues.map((i) => i.code).sort();
      expect(codes).toEqual(["identifier_invalid", "invalid_value", "region_code_invalid", "too_small", "unrecognized_key"].sort());
      for (const i of r.issues) {
        expect(i.message.zh.length).toBeGreaterThan(0);
        expect(i.message.en.length).toBeGreaterThan(0);
      }
    }
  });

  it("never throws on arbitrary input (property)", () => {
    fc.assert(fc.property(fc.anything(), (x) => { parseEntity(x); }));
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ id: "E1", name: "某店", kind: "企业", tags: Object.freeze(["a"]) });
    const copy = structuredClone(input);
    parseEntity(input);
    expect(input).toEqual(copy);
  });
});

describe("parseEntityPool", () => {
  it("names both rows of a duplicate id, even when one row is broken", () => {
    const r = parseEntityPool([{ id: "E1", name: "甲" }, { id: "E2", name: "乙" }, { id: "E1", name: "" }], { firstRow: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const dup = r.issues.find((i) => i.code === "duplicate_entity_id");
      expect(dup).toMatchObject({ row: 4, params: { id: "E1", first: 2, second: 4 } });
      expect(r.issues.find((i) => i.code === "too_small")).toMatchObject({ row: 4, path: [2, "name"] });
    }
  });

  it("keeps every valid row, in input order (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => /^\S(.*\S)?$/u.test(s) && !/\p{Cc}/u.test(s)), { maxLength: 30 }), (ids) => {
        const r = parseEntityPool(ids.map((id) => ({ id, name: `n${id}` })));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.map((e) => e.id)).toEqual(ids);
      }),
    );
  });

  it("warns on an empty pool and rejects a non-array", () => {
    expect(parseEntityPool([])).toMatchObject({ ok: true, warnings: [{ code: "empty_pool" }] });
    expect(parseEntityPool({}).ok).toBe(false);
  });
});

describe("an identifier with surrounding white space or control characters", () => {
  it("is a coded issue, worded in each language (no English inside the Chinese)", () => {
    const r = parseInspectorLike(" 914101007000000001 ");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const i = r.issues.find((x) => x.code === "identifier_invalid");
    expect(i?.message.zh).toMatch(/首尾不能有空白/);
    expect(i?.message.zh.replace(/“[^”]*”/g, "")).not.toMatch(/[A-Za-z]{3,}/);
    expect(i?.message.en).toMatch(/white space/);
  });
});

function parseInspectorLike(id: string) {
  return parseEntity({ id, name: "某某公司", kind: "enterprise", regionCode: "410100", riskTier: "A" });
}
