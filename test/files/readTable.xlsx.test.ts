import { describe, expect, it } from "vitest";
import { readTable } from "../../src/files/index.js";
import { codes, fixture, readFixture } from "./_fixtures.js";

describe("readTable: an XLSX pool written by exceljs", () => {
  const { table, warnings } = readFixture("pool-exceljs.xlsx");
  const row = (n: number) => table.rows.find((r) => r.row === n)?.cells;

  it("reads the first visible sheet, lists every sheet in workbook order and says which it chose", () => {
    expect(table.format).toBe("xlsx");
    expect(table.sheet).toBe("名录库");
    expect(table.sheets).toEqual(["说明", "名录库"]);
    expect(codes(warnings)).toContain("sheet_chosen");
    expect(warnings.find((w) => w.code === "sheets_hidden")?.message.zh).toContain("说明");
  });

  it("numbers rows as the sheet does, the title row included", () => {
    expect(table.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(row(2)?.[0]).toBe("统一社会信用代码");
  });

  it("fills every cell of a merged range with the first cell's value, one info per range", () => {
    expect(row(1)).toEqual(Array(9).fill("焦作市文化娱乐场所检查对象名录库（2023年）"));
    expect([row(3)?.[3], row(4)?.[3], row(5)?.[3]]).toEqual(["A", "A", "A"]);
    expect([row(3)?.[4], row(4)?.[4], row(5)?.[4]]).toEqual(["存续", "存续", "存续"]);
    expect(table.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 9 },
      { top: 3, left: 4, bottom: 5, right: 4 },
      { top: 3, left: 5, bottom: 5, right: 5 },
    ]);
    expect(warnings.filter((w) => w.code === "merge_filled").map((w) => w.params?.range)).toEqual(["A1:I1", "D3:D5", "E3:E5"]);
  });

  it("shows dates as YYYY-MM-DD (custom yyyy-mm-dd and built-in id 14)", () => {
    expect(row(3)?.[5]).toBe("2023-02-01");
    expect(row(4)?.[5]).toBe("2022-12-31");
  });

  it("shows percents as the user sees them", () => {
    expect([row(3)?.[6], row(4)?.[6], row(5)?.[6], row(6)?.[6], row(7)?.[6], row(8)?.[6]]).toEqual(["5%", "10%", "5.50%", "100%", "0%", "20%"]);
  });

  it("reads rich text as plain text and a hyperlink as its text", () => {
    expect(row(4)?.[1]).toBe("焦作市中站区欢乐颂歌舞厅");
    expect(row(3)?.[7]).toBe("星光官网");
  });

  it("reads formulas by their cached value and warns when none was saved", () => {
    expect(row(4)?.[8]).toBe("2");
    expect(row(5)?.[8] ?? "").toBe("");
    expect(warnings.find((w) => w.code === "cell_formula_no_value")?.params?.cell).toBe("I5");
  });

  it("keeps an error cell's text and warns", () => {
    expect(row(6)?.[8]).toBe("#N/A");
    expect(warnings.find((w) => w.code === "cell_error_value")).toMatchObject({ severity: "warning", row: 6, params: { cell: "I6", value: "#N/A" } });
  });

  it("writes a long number-typed id out in digits and warns that precision was lost", () => {
    expect(row(7)?.[0]).toMatch(/^4108021990010112\d\d$/);
    expect(warnings.find((w) => w.code === "cell_number_precision")).toMatchObject({ severity: "warning", row: 7, params: { cell: "A7", digits: 18 } });
  });

  it("shows General numbers with at most 15 significant digits, booleans as TRUE/FALSE", () => {
    expect(row(8)?.[8]).toBe("0.3");
    expect(row(7)?.[8]).toBe("TRUE");
  });

  it("reads hidden rows, marks them and says so once", () => {
    expect(table.rows.find((r) => r.row === 6)).toMatchObject({ hidden: true, cells: expect.arrayContaining(["修武县云台演艺酒吧有限公司"]) });
    expect(warnings.filter((w) => w.code === "rows_hidden").map((w) => w.params?.rows)).toEqual(["6"]);
  });

  it("reads a hidden sheet when asked by name or by position, and says it is hidden", () => {
    for (const sheet of ["说明", 1, "1"] as const) {
      const r = readTable(fixture("pool-exceljs.xlsx"), { sheet });
      expect(r.ok && r.value.rows[0]?.cells).toEqual(["本表由名录库导出"]);
      expect(r.ok && codes(r.warnings)).toContain("sheet_hidden");
    }
  });

  it("refuses a sheet that is not there, naming the ones that are", () => {
    const r = readTable(fixture("pool-exceljs.xlsx"), { sheet: "名录" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "sheet_not_found", severity: "error" });
    expect(!r.ok && r.issues[0]?.message.zh).toContain("“名录库”");
  });
});

describe("readTable: other workbooks", () => {
  it("reads the 1904 date system", () => {
    expect(readFixture("date1904-exceljs.xlsx").table.rows[1]?.cells).toEqual(["2023-02-01"]);
  });

  it("reads the seed plan with its title row and 地市 merged down (exceljs)", () => {
    const { table, warnings } = readFixture("plan-jincheng-exceljs.xlsx");
    expect(table.rows[1]?.cells[0]).toBe("地市");
    const body = table.rows.slice(2);
    expect(body.every((r) => r.cells[0] !== "")).toBe(true);
    expect(body[1]?.cells[0]).toBe("晋城市本级 (58)");
    expect(warnings.filter((w) => w.code === "merge_filled").length).toBe(table.merges.length);
  });

  it("reads a workbook LibreOffice wrote (its own merges) the same way", () => {
    const { table } = readFixture("plan-jincheng-libreoffice.xlsx");
    expect(table.rows.some((r) => r.cells[0] === "地市")).toBe(true);
    const tasks = table.rows.filter((r) => /^\d+$/.test(r.cells[1] ?? ""));
    expect(tasks.length).toBeGreaterThan(10);
    expect(tasks.every((r) => r.cells[0] !== "")).toBe(true);
  });

  it("reads an ArrayBuffer like a Uint8Array", () => {
    const bytes = fixture("date1904-exceljs.xlsx");
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    const r = readTable(copy);
    expect(r.ok && r.value.rows[1]?.cells).toEqual(["2023-02-01"]);
  });

  it("decides by content: a workbook named .csv is read as a workbook, with an info", () => {
    const r = readTable(fixture("date1904-exceljs.xlsx"), { name: "pool.csv" });
    expect(r.ok && r.value.format).toBe("xlsx");
    expect(r.ok && r.warnings[0]?.code).toBe("file_format_mismatch");
  });

  it("refuses legacy .xls/.doc (OLE2) with a code telling the user to save as .xlsx", () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const r = readTable(ole2, { name: "名录库.xls" });
    expect(!r.ok && r.issues[0]?.code).toBe("file_legacy_office");
    expect(!r.ok && r.issues[0]?.message.zh).toContain(".xlsx");
  });

  it("refuses a damaged workbook with a coded error, never a throw", () => {
    const bytes = fixture("pool-exceljs.xlsx");
    const r = readTable(bytes.slice(0, bytes.length / 2), { name: "pool.xlsx" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]?.code).toMatch(/^file_(zip|xml)_/);
  });

  it("refuses an HTML table saved as .xls, as some registry systems export", () => {
    const html = new TextEncoder().encode("<html><body><table><tr><td>名称</td></tr></table></body></html>");
    const r = readTable(html, { name: "导出.xls" });
    expect(!r.ok && r.issues[0]?.code).toBe("file_html_table");
  });
});

describe("readTable: the same pool saved again by LibreOffice Calc", () => {
  // LibreOffice writes its own styles and shared strings, recalculates the formula exceljs left without a value,
  // and shows the hidden sheet again (so the sheet is named here).
  const ours = readFixture("pool-exceljs.xlsx").table;
  const { table, warnings } = readFixture("pool-libreoffice.xlsx", { sheet: "名录库" });

  it("gives the same cells, but for the recalculated formula and the long id (Calc keeps 15 digits, as Excel)", () => {
    const strip = (rows: typeof table.rows) => rows.map((r) => r.cells.slice(0, 8).filter((_, k) => !(r.row === 7 && k === 0)).join("|").replace(/\|+$/, ""));
    expect(strip(table.rows)).toEqual(strip(ours.rows));
    expect(table.rows.find((r) => r.row === 7)?.cells[0]).toBe("410802199001011000");
    expect(warnings.find((w) => w.code === "cell_number_precision")?.params?.cell).toBe("A7");
    expect(table.rows.find((r) => r.row === 5)?.cells[8]).toBe("山阳区麦乐迪量贩式KTV分店");
    expect(table.merges).toEqual(ours.merges);
    expect(warnings.some((w) => w.code === "cell_formula_no_value")).toBe(false);
  });

  it("keeps the hidden row hidden", () => {
    expect(table.rows.find((r) => r.row === 6)?.hidden).toBe(true);
  });

  it("reads a WPS .et saved as OOXML by its content (the name is a hint only)", () => {
    const r = readTable(fixture("pool-libreoffice.xlsx"), { name: "名录库.et", sheet: 2 });
    expect(r.ok && r.value.format).toBe("xlsx");
    expect(r.ok && r.warnings.some((w) => w.code === "file_format_mismatch")).toBe(false);
  });
});
