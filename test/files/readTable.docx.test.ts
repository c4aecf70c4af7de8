import { describe, expect, it } from "vitest";
import { readTable } from "../../src/files/index.js";
import { fixture, readFixture } from "./_fixtures.js";

// A .docx LibreOffice made from the 晋城 2023 seed plan: 地市 merged down (w:vMerge) over its tasks; a second
// table with a two-row heading (w:gridSpan over 比例/频次, w:vMerge on 事项).
describe("readTable: the tables of a Word document", () => {
  const { table, warnings } = readFixture("plan-jincheng-libreoffice.docx");
  const first = table.rows.filter((r) => r.table === 1);
  const second = table.rows.filter((r) => r.table === 2);

  it("reads every table in document order, rows numbered on across tables", () => {
    expect(table.format).toBe("docx");
    expect(first[0]?.cells[0]).toBe("地市");
    expect(second.length).toBe(3);
    expect(table.rows.map((r) => r.row)).toEqual(table.rows.map((_, i) => i + 1));
    expect(second.map((r) => r.tableRow)).toEqual([1, 2, 3]);
    expect(warnings[0]?.code).toBe("tables_read");
  });

  it("fills a vertical merge (w:vMerge) with the first cell's text, one info per range", () => {
    const body = first.slice(1);
    expect(body.length).toBe(15);
    expect(body.every((r) => r.cells[0] !== "")).toBe(true);
    expect(body[1]?.cells[0]).toBe("晋城市本级 (58)");
    const infos = warnings.filter((w) => w.code === "merge_filled");
    expect(infos.length).toBe(table.merges.length);
    expect(infos[0]?.params?.range).toBe("A2:A" + String(table.merges[0]?.bottom));
  });

  it("fills a horizontal span (w:gridSpan) across its grid columns", () => {
    expect(second[0]?.cells).toEqual(["事项", "抽查比例及频次", "抽查比例及频次"]);
    expect(second[1]?.cells).toEqual(["事项", "比例", "频次"]);
    expect(second[2]?.cells).toEqual(["印刷单位", "20%", "1次/年"]);
    const top = second[0]?.row as number;
    expect(table.merges).toEqual(expect.arrayContaining([
      { top, left: 2, bottom: top, right: 3 },
      { top, left: 1, bottom: top + 1, right: 1 },
    ]));
  });

  it("keeps the cells' text as written (task names, quotas)", () => {
    expect(first[1]?.cells[2]).toBe("对数字、出版物、包装装潢和其他印刷品印刷单位的双随机抽查");
    expect(first[1]?.cells[5]).toBe("20% 1次/年");
  });

  it("reads one table when asked (sheet = its 1-based position)", () => {
    const r = readTable(fixture("plan-jincheng-libreoffice.docx"), { sheet: 2 });
    expect(r.ok && r.value.rows.map((x) => x.cells[0])).toEqual(["事项", "事项", "印刷单位"]);
    expect(r.ok && r.value.sheet).toBe("2");
    const missing = readTable(fixture("plan-jincheng-libreoffice.docx"), { sheet: 3 });
    expect(!missing.ok && missing.issues[0]?.code).toBe("table_not_found");
  });
});
