// Pools from Tables: header location, blank cells that would silently change a draw, dates as planners type them,
// expert pools, and the CSV/rows readers giving the same pools as the Table reader.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Table } from "../../src/files/index.js";
import {
  buildManifest, parseEntityPoolCsv, parseEntityPoolTable, parseExpertPoolTable, parseInspectorPoolCsv, parseInspectorPoolTable, unwrap,
} from "../../src/index.js";
import { readDateText } from "../../src/model/pool-table.js";

const table = (rows: (readonly string[])[], extra: Partial<Table> = {}): Table => ({
  format: "rows",
  merges: [],
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
  ...extra,
});
const issuesOf = (r: { ok: boolean; issues?: readonly { code: string; row?: number; field?: string }[] }) =>
  r.ok ? [] : (r.issues ?? []).map((i) => [i.code, i.row, i.field]);

describe("parseEntityPoolTable: blank cells never become defaults silently", () => {
  const header = ["统一社会信用代码", "名称", "类型", "信用风险分类", "登记状态"];
  it("a blank 类型, 信用风险分类 or 登记状态 where the column exists is an error naming row and column", () => {
    const r = parseEntityPoolTable(table([header, ["E1", "甲", "企业", "A", "存续"], ["E2", "乙"], ["E3", "丙", "", "B", "存续"]]));
    expect(issuesOf(r)).toEqual([
      ["pool_cell_empty", 3, "类型"], ["pool_cell_empty", 3, "信用风险分类"], ["pool_cell_empty", 3, "登记状态"],
      ["pool_cell_empty", 4, "类型"],
    ]);
    expect(r.ok ? null : r.issues[1]?.message.zh).toBe("“信用风险分类”为空：这一列每行都必须填写（留空会被当作“未分级”）");
    expect(r.ok ? null : r.issues[2]?.message.en).toBe('"登记状态" is blank: every row must fill this column (a blank would be read as "active")');
  });
  it("a blank id or name is the same error, not a type error", () => {
    expect(issuesOf(parseEntityPoolTable(table([["编号", "名称"], ["", "甲"], ["E2", " "]])))).toEqual([["pool_cell_empty", 2, "编号"], ["pool_cell_empty", 3, "名称"]]);
  });
  it("without the column, the default is the documented one (no tier, active)", () => {
    const r = parseEntityPoolTable(table([["编号", "名称"], ["E1", "甲"]]));
    expect(r.ok && [r.value[0]?.tier, r.value[0]?.status, r.value[0]?.kind]).toEqual([undefined, "active", "enterprise"]);
  });
  it("an inspector's blank 执法资格 or 专家 where the column exists is an error", () => {
    const r = parseInspectorPoolTable(table([["执法证号", "姓名", "所属部门", "执法资格", "专家"], ["P1", "张三", "市场监管局", "", "否"], ["P2", "李四", "", "是", ""]]));
    expect(issuesOf(r)).toEqual([["pool_cell_empty", 2, "执法资格"], ["pool_cell_empty", 3, "所属部门"], ["pool_cell_empty", 3, "专家"]]);
  });
});

describe("parseEntityPoolTable: dates as planners type them", () => {
  it.each([["2023-02-01"], ["2023-2-1"], ["2023/2/1"], ["2023.2.1"], ["2023年2月1日"], ["2023 年 2 月 1 日"], ["20230201"], ["2023/2/1 0:00:00"], ["２０２３／２／１"]])(
    "%s is 2023-02-01",
    (text) => {
      const r = parseEntityPoolTable(table([["编号", "名称", "上次检查日期"], ["E1", "甲", text]]));
      expect(r.ok && r.value[0]?.inspections).toEqual([{ date: "2023-02-01" }]);
    },
  );
  it.each([["2023-02-30"], ["2023/13/1"], ["23/2/1"], ["2023-02"], ["2023/2/1 8:30"], ["二〇二三年二月一日"], ["45000"], ["Wed Feb 01 2023 08:00:00 GMT+0800"]])(
    "%s is refused with a coded error showing the value",
    (text) => {
      const r = parseEntityPoolTable(table([["编号", "名称", "上次检查日期"], ["E1", "甲", text]]));
      expect(r.ok ? null : r.issues).toMatchObject([{ code: "date_invalid", row: 2, field: "上次检查日期", params: { value: text } }]);
      expect(r.ok ? "" : r.issues[0]?.message.zh).toBe(`上次检查日期：日期“${text}”无效，应为YYYY-MM-DD`);
    },
  );
  it("every real date, written in each of the forms, reads back as itself", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), fc.constantFrom("-", "/", ".", "年", ""), (d, sep) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const text = sep === "年" ? `${y}年${m}月${day}日` : sep === "" ? iso.replace(/-/g, "") : `${y}${sep}${m}${sep}${day}`;
        expect(readDateText(text)).toBe(iso);
      }),
      { seed: 21, numRuns: 500 },
    );
  });
  it("mixed separators and impossible days are not dates", () => {
    expect([readDateText("2023-2/1"), readDateText("2024/2/29"), readDateText("2023/2/29"), readDateText("")]).toEqual([undefined, "2024-02-29", undefined, undefined]);
  });
});

describe("parseEntityPoolTable: headers as files have them", () => {
  it("skips title rows (one info), reads notes in brackets, * marks, full-width letters and spaces in headers", () => {
    const r = parseEntityPoolTable(table([["焦作市娱乐场所检查对象名录库（2023年）"], ["*统一社会信用代码", "名称（必填）", "信用 风险 分类", "ＴＡＧＳ"], ["E1", "甲", "D", "娱乐场所、消防重点单位"]]));
    expect(r.ok && r.value[0]).toMatchObject({ id: "E1", name: "甲", tier: "D", tags: ["娱乐场所", "消防重点单位"] });
    expect(r.ok && r.warnings.map((w) => [w.code, w.severity])).toEqual([["table_title_rows", "info"]]);
  });
  it("a two-row header: fields under their merged parent, unknown columns kept by their combined name", () => {
    const r = parseEntityPoolTable(table(
      [
        ["序号", "基本信息", "基本信息", "风险与状态", "风险与状态", "联系方式", "联系方式"],
        ["序号", "统一社会信用代码", "名称", "信用风险分类", "登记状态", "电话", "地址"],
        ["1", "E1", "甲", "B", "存续", "0391-1", "解放路1号"],
      ],
      { format: "xlsx", merges: [{ top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 2, bottom: 1, right: 3 }, { top: 1, left: 4, bottom: 1, right: 5 }, { top: 1, left: 6, bottom: 1, right: 7 }] },
    ));
    expect(r.ok && r.value[0]).toMatchObject({ id: "E1", tier: "B", attributes: { 序号: "1", "联系方式（电话）": "0391-1", "联系方式（地址）": "解放路1号" } });
  });
  it("names a missing required column and the accepted headers", () => {
    const r = parseEntityPoolTable(table([["名称", "备注"], ["甲", ""]]));
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "csv_missing_column", params: { column: "统一社会信用代码" } });
  });
  it("a row longer than the header is a warning naming the row, its text kept", () => {
    const r = parseEntityPoolTable(table([["编号", "名称"], ["E1", "甲", "多出"]]));
    expect(r.ok && r.warnings.map((w) => [w.code, w.row])).toEqual([["table_row_long", 2]]);
    expect(r.ok && r.value[0]?.attributes).toEqual({ 第3列: "多出" });
  });
  it("refuses what is not a table", () => {
    expect(issuesOf(parseEntityPoolTable("编号,名称" as unknown as Table))).toEqual([["invalid_type", undefined, undefined]]);
    expect(issuesOf(parseInspectorPoolTable([] as unknown as Table))).toEqual([["invalid_type", undefined, undefined]]);
  });
});

describe("parseExpertPoolTable", () => {
  it("reads a 专家库 in its own words; everyone is an expert", () => {
    const r = parseExpertPoolTable(table([["专家编号", "姓名", "工作单位", "专业领域"], ["ZJ-01", "周专家", "某设计院", "消防、电气"]]));
    expect(r.ok && r.value).toEqual([{ id: "ZJ-01", name: "周专家", department: "某设计院", credential: true, expert: true, qualifications: ["消防", "电气"], regions: [], conflicts: [] }]);
  });
  it("reads the same file as the inspector reader does when it has the inspector columns", () => {
    const csv = "编号,姓名,所属部门,专家,专业资质\nZJ-01,周专家,焦作市应急管理局,是,消防\n";
    const asTable = table(csv.trim().split("\n").map((l) => l.split(",")));
    expect(unwrap(parseExpertPoolTable(asTable))).toEqual(unwrap(parseInspectorPoolCsv(csv)));
  });
});

describe("one pool, three shapes: the same entities and the same manifest", () => {
  // What a registry's workbook looks like: 风险等级 and 登记状态 merged down over runs of rows (the reader fills them),
  // against the same pool written out cell by cell as CSV.
  const csv = [
    "统一社会信用代码,名称,信用风险分类,登记状态,上次检查日期",
    "91410800MA00000001,甲,A,存续,2023-02-01",
    "91410800MA00000002,乙,A,存续,",
    "91410800MA00000003,丙,B,存续,2022-11-30",
    "91410800MA00000004,丁,B,注销,",
    "91410800MA00000005,戊,B,注销,",
  ].join("\n");
  const xlsxLike = table(
    [
      ["焦作市检查对象名录库"],
      ["统一社会信用代码", "名称", "信用风险分类", "登记状态", "上次检查日期"],
      ["91410800MA00000001", "甲", "A", "存续", "2023-02-01"],
      ["91410800MA00000002", "乙", "A", "存续"],
      ["91410800MA00000003", "丙", "B", "存续", "2022-11-30"],
      ["91410800MA00000004", "丁", "B", "注销"],
      ["91410800MA00000005", "戊", "B", "注销"],
    ],
    { format: "xlsx", merges: [{ top: 3, left: 3, bottom: 4, right: 3 }, { top: 5, left: 3, bottom: 7, right: 3 }, { top: 3, left: 4, bottom: 5, right: 4 }, { top: 6, left: 4, bottom: 7, right: 4 }] },
  );
  it("gives byte-identical manifests", () => {
    const a = unwrap(parseEntityPoolCsv(csv));
    const b = unwrap(parseEntityPoolTable(xlsxLike));
    expect(b).toEqual(a);
    const m = (pool: typeof a) => JSON.stringify(unwrap(buildManifest(pool, { stratify: "tier", salt: "盐" })));
    expect(m(b)).toBe(m(a));
  });
});
