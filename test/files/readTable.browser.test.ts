// In Chromium, as a portal meets an uploaded file: the bytes of an .xlsx, a .docx and a GBK CSV as an ArrayBuffer
// (what `await file.arrayBuffer()` gives), read to the same cells as in Node.
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/files/index.js";
import docxUrl from "../fixtures/files/plan-jincheng-libreoffice.docx?url";
import gbkUrl from "../fixtures/files/pool-gbk.csv?url";
import xlsxUrl from "../fixtures/files/pool-exceljs.xlsx?url";

const bytesOf = async (url: string): Promise<ArrayBuffer> => (await fetch(url)).arrayBuffer();

describe("readTable in Chromium", () => {
  it("reads an .xlsx from an ArrayBuffer: merges filled, dates and percents as shown", async () => {
    const r = readTable(await bytesOf(xlsxUrl), { name: "pool.xlsx" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = (n: number) => r.value.rows.find((x) => x.row === n)?.cells;
    expect(row(3)?.slice(0, 7)).toEqual(["91410802MA44K5YQ6B", "焦作市解放区星光KTV有限公司", "企业", "A", "存续", "2023-02-01", "5%"]);
    expect(row(5)?.[3]).toBe("A");
    expect(row(4)?.[1]).toBe("焦作市中站区欢乐颂歌舞厅");
  });

  it("reads a GBK CSV from an ArrayBuffer with the browser's gb18030 decoder, and says so", async () => {
    const r = readTable(await bytesOf(gbkUrl), { name: "pool.csv" });
    expect(r.ok && r.value.rows[1]?.cells.slice(0, 2)).toEqual(["91410802MA44K5YQ6B", "焦作市解放区星光KTV有限公司"]);
    expect(r.ok && r.value.encoding).toBe("gb18030");
    expect(r.ok && r.warnings[0]?.code).toBe("file_encoding_guessed");
  });

  it("reads the tables of a .docx with vertical merges filled", async () => {
    const r = readTable(await bytesOf(docxUrl), { name: "plan.docx", sheet: 1 });
    expect(r.ok && r.value.rows.slice(1).every((x) => x.cells[0] === "晋城市本级 (58)" || x.cells[0] !== "")).toBe(true);
    expect(r.ok && r.value.rows[2]?.cells[0]).toBe("晋城市本级 (58)");
  });
});
