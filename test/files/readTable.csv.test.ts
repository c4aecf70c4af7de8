import { describe, expect, it } from "vitest";
import { readTable } from "../../src/files/index.js";
import { parseEntityPoolCsv } from "../../src/model/pool-csv.js";
import { cellsOf, codes, fixture, readFixture } from "./_fixtures.js";

const expected = [
  ["统一社会信用代码", "名称", "类型", "信用风险分类", "登记状态", "上次检查日期"],
  ["91410802MA44K5YQ6B", "焦作市解放区星光KTV有限公司", "企业", "A", "存续", "2023-02-01"],
  ["91410803MA40R2DN0U", "焦作市中站区欢乐颂歌舞厅", "企业", "A", "存续", "2022-12-31"],
  ["92410811MA45N2XG7K", "山阳区麦乐迪量贩式KTV", "个体工商户", "A", "存续", ""],
  ["91410821MA3X7H0Q2F", "修武县云台演艺酒吧有限公司，\"二部\"", "企业", "C", "存续", ""],
];

describe("readTable: CSV/TSV in the encodings Excel and WPS save", () => {
  it.each([
    ["pool-utf8.csv", "utf-8", "file_encoding_used"],
    ["pool-utf8-bom.csv", "utf-8", "file_encoding_used"],
    ["pool-gbk.csv", "gb18030", "file_encoding_guessed"],
    ["pool-utf16le.txt", "utf-16le", "file_encoding_used"],
  ])("%s is decoded as %s, with an info saying so", (name, encoding, code) => {
    const { table, warnings } = readFixture(name);
    expect(table.format).toBe("csv");
    expect(table.encoding).toBe(encoding);
    expect(cellsOf(table.rows)).toEqual(expected);
    expect(table.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code, severity: "info" });
    expect(warnings[0]?.message.en).toContain(encoding);
  });

  it("says when a BOM decided the encoding", () => {
    expect(readFixture("pool-utf8-bom.csv").warnings[0]?.message.en).toContain("utf-8 (BOM)");
  });

  it("decodes GB18030 with a character outside GBK (four bytes)", () => {
    const { table } = readFixture("pool-gb18030.csv");
    expect(table.rows[5]?.cells[1]).toBe("沁阳市𡈼记餐馆");
  });

  it("refuses bytes valid in neither UTF-8 nor GB18030 with a coded error naming the line, never mojibake", () => {
    const r = readTable(fixture("invalid-bytes.csv"), { name: "invalid-bytes.csv" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "file_encoding_invalid", severity: "error", params: { line: 2 } });
    expect(!r.ok && r.issues[0]?.message.zh).toContain("UTF-8");
  });

  it("decodes with the encoding the caller names, and refuses bytes that do not fit it", () => {
    const gbk = readTable(fixture("pool-gbk.csv"), { encoding: "gbk" });
    expect(gbk.ok && gbk.value.rows[1]?.cells[1]).toBe("焦作市解放区星光KTV有限公司");
    expect(gbk.ok && gbk.value.encoding).toBe("gbk");
    const wrong = readTable(fixture("pool-gbk.csv"), { encoding: "utf-8" });
    expect(!wrong.ok && wrong.issues[0]?.code).toBe("file_encoding_mismatch");
    const unknown = readTable(fixture("pool-gbk.csv"), { encoding: "klingon" });
    expect(!unknown.ok && unknown.issues[0]?.code).toBe("file_encoding_unknown");
  });

  it("detects UTF-16 without a BOM by its NUL bytes", () => {
    const text = "名称\tid\r\nab\t1\r\n";
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff;
      le[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const r = readTable(le);
    expect(r.ok && cellsOf(r.value.rows)).toEqual([["名称", "id"], ["ab", "1"]]);
    expect(r.ok && r.value.encoding).toBe("utf-16le");
  });

  it("takes a string as text already decoded (no encoding info)", () => {
    const r = readTable("名称,状态\n甲,存续\n");
    expect(r.ok && cellsOf(r.value.rows)).toEqual([["名称", "状态"], ["甲", "存续"]]);
    expect(r.ok && r.value.encoding).toBeUndefined();
    expect(r.ok && r.warnings).toEqual([]);
  });

  it("keeps blank records so rows are numbered as the spreadsheet shows them; the final line break is no record", () => {
    const r = readTable("a,b\n\n1,2\r\n");
    expect(r.ok && r.value.rows.map((x) => x.row)).toEqual([1, 2, 3]);
    expect(r.ok && r.value.rows[2]?.cells).toEqual(["1", "2"]);
  });

  it("splits a .tsv on tabs even when commas are more frequent", () => {
    const r = readTable(new TextEncoder().encode("名称\t地址\n甲,乙\t丙,丁,戊\n"), { name: "pool.tsv" });
    expect(r.ok && cellsOf(r.value.rows)).toEqual([["名称", "地址"], ["甲,乙", "丙,丁,戊"]]);
  });

  it("reports a broken quote as a coded error with its row", () => {
    const r = readTable('名称,状态\n"甲,存续\n');
    expect(!r.ok && r.issues.some((i) => i.code === "csv_parse_error")).toBe(true);
    // papaparse's English message is not shown inside the Chinese one: its code is said in words.
    const e = r.ok ? undefined : r.issues.find((i) => i.code === "csv_parse_error");
    expect(e?.message.zh).toContain("引号没有闭合");
    expect(e?.message.zh.replace(/^CSV /, "")).not.toMatch(/[A-Za-z]/);
    expect(e?.message.en).toContain("not closed");
  });

  it("lists the first 50 CSV syntax problems of a file and counts the rest in one issue (an error too)", () => {
    // A quote after a quoted cell's closing quote, on every line: papaparse reads on into the next lines as one
    // record (row 2) and reports two problems per line, 240 in all.
    const text = `名称,状态\n${'"甲"乙,丙\n'.repeat(120)}`;
    const r = readTable(text);
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues.filter((i) => i.code === "csv_parse_error")).toHaveLength(50);
    const capped = issues.filter((i) => i.code === "csv_parse_errors_capped");
    expect(capped).toHaveLength(1);
    expect(capped[0]).toMatchObject({ severity: "error", row: 2 });
    expect(capped[0]?.message.en).toBe("190 more CSV syntax problems are not listed (the first 50 are; the last is in row 2)");
    expect(capped[0]?.message.zh).toBe("另有190处CSV语法问题未逐一列出（已列出前50处，最后一处在第2行）");
    // The same cap where a pool is read from CSV text (60 lines, 120 problems).
    const pool = parseEntityPoolCsv(`统一社会信用代码,名称\n${'"甲"乙,丙\n'.repeat(60)}`);
    const poolIssues = pool.ok ? [] : pool.issues;
    expect(poolIssues.filter((i) => i.code === "csv_parse_error")).toHaveLength(50);
    expect(poolIssues.filter((i) => i.code === "csv_parse_errors_capped").map((i) => i.message.en)).toEqual(["70 more CSV syntax problems are not listed (the first 50 are; the last is in row 2)"]);
    // 50 problems or fewer: all listed, no count.
    const few = readTable(`名称,状态\n${'"甲"乙,丙\n'.repeat(25)}`);
    expect(few.ok ? [] : codes(few.issues).filter((c) => c.startsWith("csv_"))).toEqual(Array.from({ length: 50 }, () => "csv_parse_error"));
  });

  it("refuses an empty file", () => {
    for (const empty of [new Uint8Array(0), ""]) {
      const r = readTable(empty);
      expect(!r.ok && codes(r.issues)).toEqual(["file_empty"]);
    }
  });

  it("says when a file named .xlsx is really a CSV", () => {
    const r = readTable(fixture("pool-utf8.csv"), { name: "pool.xlsx" });
    expect(r.ok && r.value.format).toBe("csv");
    expect(r.ok && codes(r.warnings)).toContain("file_format_mismatch");
  });
});
