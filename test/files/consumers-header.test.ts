// locateHeader: the header of a table as planners' and registries' files have it (title rows, two-row headers under
// merged parents, page-break repeats, short and long rows), and properties over random tables.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateHeader, type Table } from "../../src/files/index.js";

type Field = "index" | "name" | "quota" | "ratio" | "frequency" | "id" | "tier";
const KNOWN: Record<string, Field> = { 序号: "index", 任务名称: "name", 抽查比例: "quota", 编号: "id", 名称: "name", 风险等级: "tier" };
const recognize = (text: string, parent?: string): Field | undefined => {
  if (parent === "抽查比例/频次") return text === "比例" ? "ratio" : text === "频次" ? "frequency" : undefined;
  return KNOWN[text];
};
const table = (rows: (readonly string[])[], extra: Partial<Table> = {}): Table => ({
  format: "rows",
  merges: [],
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
  ...extra,
});
const codes = (r: { ok: boolean; warnings?: readonly { code: string }[]; issues?: readonly { code: string }[] }) =>
  (r.ok ? r.warnings : r.issues)?.map((i) => i.code);

describe("locateHeader: where the header is", () => {
  it("skips title rows above the header with one info naming them, and keeps every body row's number", () => {
    const r = locateHeader(table([["焦作市2023年度双随机抽查计划"], [], ["制表单位：焦作市公安局", ""], ["序号", "任务名称"], ["1", "甲"], [], ["2", "乙"]]), recognize);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows).toEqual([4]);
    expect(r.value.body.map((b) => b.row)).toEqual([5, 7]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: "table_title_rows", severity: "info", row: 4, params: { header: 4, rows: "1、3" } });
    expect(r.warnings[0]?.message.zh).toContain("焦作市2023年度双随机抽查计划；制表单位：焦作市公安局");
  });

  it("says nothing when the header is the first row", () => {
    const r = locateHeader(table([["编号", "名称"], ["E1", "甲"]]), recognize);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it("takes the row naming the most fields, not the first row naming two", () => {
    // A note row that happens to name two fields sits above the real header.
    const r = locateHeader(table([["编号", "名称", "说明：本表……"], ["序号", "编号", "名称", "风险等级"], ["1", "E1", "甲", "A"]]), recognize);
    expect(r.ok && r.value.rows).toEqual([2]);
  });

  it("fails with table_header_not_found, or takes the first non-blank row when asked", () => {
    const t = table([[], ["甲", "乙"], ["1", "2"]]);
    expect(codes(locateHeader(t, recognize))).toEqual(["table_header_not_found"]);
    const r = locateHeader(t, recognize, { otherwise: "first-row" });
    expect(r.ok && [r.value.rows, r.value.columns.map((c) => c.text), r.value.fields.size]).toEqual([[2], ["甲", "乙"], 0]);
    expect(locateHeader(table([]), recognize, { otherwise: "first-row" })).toMatchObject({ ok: true, value: { rows: [], body: [] } });
  });

  it("looks only at the first scanRows rows", () => {
    const rows = [...Array.from({ length: 20 }, (_, i) => [`标题${i}`]), ["编号", "名称"], ["E1", "甲"]];
    expect(codes(locateHeader(table(rows), recognize))).toEqual(["table_header_not_found"]);
    expect(locateHeader(table(rows), recognize, { scanRows: 25 })).toMatchObject({ ok: true, value: { rows: [21] } });
  });
});

describe("locateHeader: two-row headers", () => {
  // 抽查比例/频次 merged over two sub-columns; 序号 and 任务名称 merged over both header rows. The reader fills merges.
  const filled = table(
    [
      ["序号", "任务名称", "抽查比例/频次", "抽查比例/频次"],
      ["序号", "任务名称", "比例", "频次"],
      ["1", "娱乐场所检查", "5%", "1次/年"],
    ],
    { format: "xlsx", merges: [{ top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 2, bottom: 2, right: 2 }, { top: 1, left: 3, bottom: 1, right: 4 }] },
  );

  it("combines them per column, keeps both parts, maps the sub-column under its parent", () => {
    const r = locateHeader(filled, recognize);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows).toEqual([1, 2]);
    expect(r.value.columns.map((c) => [c.text, c.parts, c.field])).toEqual([
      ["序号", ["序号"], "index"],
      ["任务名称", ["任务名称"], "name"],
      ["抽查比例/频次（比例）", ["抽查比例/频次", "比例"], "ratio"],
      ["抽查比例/频次（频次）", ["抽查比例/频次", "频次"], "frequency"],
    ]);
    expect(r.value.fields.get("frequency")?.column).toBe(4);
    expect(r.value.body.map((b) => b.row)).toEqual([3]);
    expect(codes(r)).toEqual(["table_header_combined"]);
    expect(r.warnings[0]?.message.zh).toContain("抽查比例/频次 → 比例 | 频次");
  });

  it("finds the pair when the lower row names more fields, and under a title row", () => {
    const r = locateHeader(table([["某计划"], ["基本信息", "基本信息", "风险等级"], ["编号", "名称", "风险等级"], ["E1", "甲", "A"]]), recognize);
    expect(r.ok && [r.value.rows, r.value.columns.map((c) => c.field), codes(r)]).toEqual([[2, 3], ["id", "name", "tier"], ["table_title_rows", "table_header_combined"]]);
  });

  it("reads the CSV export of the same header (merged cells blank after the first)", () => {
    const r = locateHeader(table([["序号", "任务名称", "抽查比例/频次", ""], ["", "", "比例", "频次"], ["1", "甲", "5%", "1次/年"]], { format: "csv" }), recognize);
    expect(r.ok && r.value.columns.map((c) => c.field)).toEqual(["index", "name", "ratio", "frequency"]);
  });

  it("never reads a title merged over the whole table, or a data row, as the lower half", () => {
    const titled = locateHeader(table([["名录库", "名录库", "名录库"], ["编号", "名称", "风险等级"], ["E1", "甲", "A"]]), recognize);
    expect(titled.ok && [titled.value.rows, codes(titled)]).toEqual([[2], ["table_title_rows"]]);
    const plain = locateHeader(table([["编号", "名称", "名称"], ["E1", "甲", "乙"]]), recognize);
    expect(plain.ok && plain.value.rows).toEqual([1]);
    // A 填报单位 | 填报日期 line merged in two halves over the header.
    const halves = locateHeader(table([["填报单位：焦作市公安局", "填报单位：焦作市公安局", "填报日期：2023-01-05"], ["编号", "名称", "风险等级"], ["E1", "甲", "A"]], {
      format: "xlsx", merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
    }), recognize);
    expect(halves.ok && [halves.value.rows, codes(halves)]).toEqual([[2], ["table_title_rows"]]);
    // A CSV header with an empty last field, and a data row whose first cell is blank.
    const csv = locateHeader(table([["编号", "名称", ""], ["", "甲", "乙"]], { format: "csv" }), recognize);
    expect(csv.ok && [csv.value.rows, csv.value.body.map((b) => b.row)]).toEqual([[1], [2]]);
  });
});

describe("locateHeader: body rows", () => {
  it("leaves out header rows repeated at page breaks, with one info", () => {
    const r = locateHeader(table([["编号", "名称"], ["E1", "甲"], ["编号", "名称"], ["E2", "乙"], ["编号", "名称"], ["E3", "丙"]]), recognize);
    expect(r.ok && r.value.body.map((b) => b.cells[0])).toEqual(["E1", "E2", "E3"]);
    expect(r.ok && r.warnings.map((w) => [w.code, w.params?.rows])).toEqual([["table_header_repeated", "3、5"]]);
  });

  it("warns about a CSV row shorter than the header and any row with text beyond it, naming the row", () => {
    const rows = [["编号", "名称", "风险等级"], ["E1", "甲"], ["E2", "乙", "A", "", "多出来的"], ["E3", "丙", "B", ""]];
    const csv = locateHeader(table(rows, { format: "csv" }), recognize);
    expect(csv.ok && csv.warnings.map((w) => [w.code, w.row, w.severity])).toEqual([["table_row_short", 2, "warning"], ["table_row_long", 3, "warning"]]);
    expect(csv.ok && csv.warnings[1]?.message.en).toBe('This row goes beyond the header: "多出来的" from column 5');
    // A workbook leaves trailing blank cells out: a short row there is not a finding.
    const xlsx = locateHeader(table(rows, { format: "xlsx" }), recognize);
    expect(xlsx.ok && xlsx.warnings.map((w) => w.code)).toEqual(["table_row_long"]);
  });

  it("lists a field named twice, keeping the first column", () => {
    const r = locateHeader(table([["编号", "名称", "名称"], ["E1", "甲", "乙"]]), recognize);
    expect(r.ok && [r.value.duplicates, r.value.fields.get("name")?.column, r.value.columns.map((c) => c.text)]).toEqual([
      [{ field: "name", column: 3, text: "名称(2)", first: 2 }],
      2,
      ["编号", "名称", "名称(2)"],
    ]);
  });

  it("names a column without a header text by its number", () => {
    const r = locateHeader(table([["编号", "", "名称"], ["E1", "x", "甲"]]), recognize);
    expect(r.ok && r.value.columns.map((c) => c.text)).toEqual(["编号", "第2列", "名称"]);
  });

  it("reads numbers and nulls handed by plain JavaScript as text, and refuses a non-table", () => {
    const loose = { format: "rows", merges: [], rows: [{ row: 1, cells: ["编号", "名称"] }, { row: 2, cells: [7, null] }] } as unknown as Table;
    expect(locateHeader(loose, recognize)).toMatchObject({ ok: true, value: { body: [{ row: 2, cells: ["7", ""] }] } });
    expect(codes(locateHeader(null as unknown as Table, recognize))).toEqual(["invalid_argument"]);
  });

  it("does not mutate its input", () => {
    const t = table([["标题"], ["编号", "名称"], ["E1", "甲"]]);
    const copy = structuredClone(t);
    locateHeader(t, recognize);
    expect(t).toEqual(copy);
  });
});

describe("locateHeader: properties", () => {
  const headerNames = Object.keys(KNOWN);
  const text = fc.string({ maxLength: 8 }).filter((s) => !(s.trim() in KNOWN) && s.trim() !== "");
  const arbitraryTable = fc.record({
    titles: fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { maxLength: 5 }),
    header: fc.shuffledSubarray(headerNames.filter((h) => h !== "名称"), { minLength: 2 }),
    body: fc.array(fc.array(fc.oneof(text, fc.constant("")), { minLength: 1, maxLength: 6 }), { maxLength: 12 }),
  });

  it("finds the header below any title rows, keeps every non-blank body row in order, and reports the titles once", () => {
    fc.assert(
      fc.property(arbitraryTable, ({ titles, header, body }) => {
        const t = table([...titles, header, ...body]);
        const r = locateHeader(t, recognize);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.rows).toEqual([titles.length + 1]);
        const expected = body.map((cells, i) => ({ row: titles.length + 2 + i, cells })).filter((b) => b.cells.some((c) => c.trim() !== ""));
        expect(r.value.body).toEqual(expected);
        expect(r.warnings.filter((w) => w.code === "table_title_rows")).toHaveLength(titles.length > 0 ? 1 : 0);
        expect([...r.value.fields.values()].map((c) => c.text)).toEqual(header);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("never throws on any table of strings, and every message has its placeholders filled", () => {
    const cell = fc.oneof(fc.constantFrom(...headerNames, "抽查比例/频次", "比例", "频次", ""), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 25 }), fc.constantFrom("csv", "xlsx", "rows"), (rows, format) => {
        const r = locateHeader(table(rows, { format: format as Table["format"] }), recognize, { otherwise: "first-row" });
        for (const i of r.ok ? r.warnings : r.issues) expect(`${i.message.zh}${i.message.en}`).not.toMatch(/\{\w+\}/);
      }),
      { seed: 12, numRuns: 500 },
    );
  });
});
