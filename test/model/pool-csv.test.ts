import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEntityPoolCsv, parseEntityPoolRows, parseInspectorPoolCsv, parseInspectorPoolRows } from "../../src/index.js";

const sample = (f: string) => readFileSync(new URL(`../../examples/data/${f}`, import.meta.url), "utf8");

describe("parseEntityPoolCsv", () => {
  it("reads the sample 焦作 pool: every row, with its one check-character typo as a warning", () => {
    const r = parseEntityPoolCsv(sample("jiaozuo-entertainment-pool.csv"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = sample("jiaozuo-entertainment-pool.csv").trim().split("\n").length - 1;
    expect(r.value).toHaveLength(lines);
    expect(r.warnings.map((w) => [w.code, w.row])).toEqual([["uscc_invalid_check", 18]]);
    expect(r.value[0]?.attributes).toHaveProperty("经营场所");
  });

  it("names a missing required column and the accepted headers", () => {
    const r = parseEntityPoolCsv("名称\n某公司\n");
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "csv_missing_column", params: { column: "统一社会信用代码" } });
  });

  it("reports rows as numbered in the file (header is row 1) and keeps BOM-prefixed headers", () => {
    const r = parseEntityPoolCsv("\uFEFFid,name,tier\nA,甲,B\nB,乙,X\n");
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "invalid_value", row: 3 });
  });

  it("reads lists and past inspections", () => {
    const r = parseEntityPoolCsv("id,name,tags,上次检查日期\nA,甲,消防重点单位、娱乐场所,2022-03-01\n");
    expect(r.ok && r.value[0]).toMatchObject({ tags: ["消防重点单位", "娱乐场所"], inspections: [{ date: "2022-03-01" }] });
  });

  it("rejects an impossible date", () => {
    const r = parseEntityPoolCsv("id,name,上次检查日期\nA,甲,2023-02-30\n");
    expect(r.ok ? null : r.issues[0]?.code).toBe("date_invalid");
  });
});

describe("parseInspectorPoolCsv", () => {
  it("reads the sample inspectors, yes/no columns and conflicts", () => {
    const r = parseInspectorPoolCsv(sample("jiaozuo-inspectors.csv"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.filter((p) => p.expert)).toHaveLength(4);
    expect(r.value.some((p) => p.conflicts.length > 0)).toBe(true);
  });
  it("rejects an unreadable yes/no value with its row and column", () => {
    const r = parseInspectorPoolCsv("执法证号,姓名,所属部门,专家\nP1,张三,市场监管局,也许\n");
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "csv_invalid_boolean", row: 2, field: "专家" });
  });
});

describe("parseEntityPoolRows / parseInspectorPoolRows", () => {
  it("read worksheet-like rows, numbers and empty cells included", () => {
    const r = parseEntityPoolRows([["统一社会信用代码", "名称", "行政区划代码", "信用风险分类"], ["E1", "甲", 410802, "A"], ["E2", "乙", "", "C"]]);
    expect(r.ok && r.value.map((e) => [e.regionCode, e.tier])).toEqual([["410802", "A"], [undefined, "C"]]);
    // A blank tier where the column exists would silently make the entity untiered: an error naming the cell.
    const blank = parseEntityPoolRows([["统一社会信用代码", "名称", "信用风险分类"], ["E1", "甲", null]]);
    expect(blank.ok ? null : blank.issues).toMatchObject([{ code: "pool_cell_empty", row: 2, field: "信用风险分类" }]);
    expect(parseInspectorPoolRows([["执法证号", "姓名", "所属部门", "工作量上限"], ["P1", "张三", "应急管理局", 5]])).toMatchObject({ ok: true, value: [{ loadCap: 5 }] });
  });
});

describe("row numbers are the spreadsheet's, blank rows included", () => {
  it("a blank line does not shift the rows reported after it (CSV)", () => {
    const r = parseEntityPoolCsv("id,name,tier\nE1,甲,B\n\nE2,乙,X\n");
    expect(r.ok ? null : r.issues.map((i) => [i.code, i.row])).toEqual([["invalid_value", 4]]);
  });
  it("a cell with a line break is still one row", () => {
    const r = parseEntityPoolCsv('id,name,tier\nE1,"甲\n（分店）",B\nE2,乙,X\n');
    expect(r.ok ? null : r.issues.map((i) => i.row)).toEqual([3]);
  });
  it("blank worksheet rows are counted too, and duplicates name the real rows", () => {
    const r = parseEntityPoolRows([["id", "name"], ["E1", "甲"], ["", ""], ["E1", "乙"]]);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "duplicate_entity_id", row: 4, params: { first: 2, second: 4 } });
  });
});
