// Properties of the reader: a table written as CSV (UTF-8, GB18030) or XLSX (exceljs, with merges) reads back to
// the same cells; random bytes and truncated packages give a Result, never a throw.
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/files/index.js";
import { fixture } from "./_fixtures.js";

const cjk = fc.constantFrom(..."名称登记状态存续注销吊销企业个体工商户焦作市解放区𡈼𠀀𪚥，。、“”（）");
const ascii = fc.constantFrom(..."abcXYZ019 -_,\"'\t;");
const text = fc.array(fc.oneof(cjk, ascii), { maxLength: 12 }).map((cs) => cs.join("").trim());
// Numbers written as the text a spreadsheet shows for them.
const number = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })).map((n) => String(Number(n.toPrecision(15))));
const cell = fc.oneof({ weight: 4, arbitrary: text }, { weight: 2, arbitrary: number }, { weight: 2, arbitrary: fc.constant("") });
const grid = fc.integer({ min: 1, max: 6 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 }));

const trim = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => {
    const out = [...r];
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out;
  });
const cellsOf = (r: ReturnType<typeof readTable>) => (r.ok ? trim(r.value.rows.map((x) => x.cells)) : r.issues.map((i) => i.code));
// A first row with no non-empty cell makes every format's trailing-empty rule agree.
const nonEmpty = (rows: string[][]) => rows.map((r, i) => (i === 0 ? r.map((c, k) => c || `h${k}`) : r));

function gb18030(text: string): Uint8Array {
  return new Uint8Array(execFileSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('gb18030'))"], { input: text }));
}

describe("round trip: random tables read back to identical cells", () => {
  it("CSV in UTF-8 (with CRLF, as Excel writes)", () => {
    fc.assert(fc.property(grid, (g) => {
      const rows = nonEmpty(g);
      const csv = Papa.unparse(rows, { newline: "\r\n" }) + "\r\n";
      expect(cellsOf(readTable(new TextEncoder().encode(csv)))).toEqual(trim(rows));
    }), { seed: 11, numRuns: 200 });
  });

  it("CSV in GB18030 (a GBK-compatible text, as Chinese Windows Excel saves it)", () => {
    // One python run for all samples: encode each table, then read every one back.
    const samples = fc.sample(grid, { seed: 11, numRuns: 60 }).map(nonEmpty);
    const texts = samples.map((rows) => Papa.unparse(rows, { newline: "\r\n" }) + "\r\n");
    const sep = "\u0000";
    const encoded = gb18030(texts.join(sep));
    let start = 0;
    samples.forEach((rows) => {
      const end = encoded.indexOf(0, start);
      const bytes = encoded.subarray(start, end < 0 ? encoded.length : end);
      start = end + 1;
      const r = readTable(bytes);
      expect(cellsOf(r)).toEqual(trim(rows));
      const pureAscii = bytes.every((b) => b < 0x80);
      expect(r.ok && r.value.encoding).toBe(pureAscii ? "utf-8" : "gb18030");
    });
  });

  it("XLSX written by exceljs, with random merges filled", async () => {
    const samples = fc.sample(fc.tuple(grid, fc.array(fc.tuple(fc.nat(7), fc.nat(5), fc.nat(2), fc.nat(2)), { maxLength: 3 })), { seed: 11, numRuns: 40 });
    for (const [g, merges] of samples) {
      const rows = nonEmpty(g);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("S");
      rows.forEach((r, i) => r.forEach((c, k) => {
        // Numbers are stored as numbers (as a user types them), text as text.
        ws.getCell(i + 1, k + 1).value = c !== "" && /^-?\d/.test(c) && String(Number(c)) === c ? Number(c) : c === "" ? null : c;
      }));
      const expected = rows.map((r) => [...r]);
      const taken: boolean[][] = [];
      for (const [top0, left0, h, w] of merges) {
        const top = Math.min(top0, rows.length - 1);
        const left = Math.min(left0, (rows[0]?.length ?? 1) - 1);
        const bottom = Math.min(top + h, rows.length - 1);
        const right = Math.min(left + w, (rows[0]?.length ?? 1) - 1);
        if (bottom === top && right === left) continue;
        let free = true;
        for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (taken[r]?.[c]) free = false;
        if (!free) continue;
        ws.mergeCells(top + 1, left + 1, bottom + 1, right + 1);
        const v = rows[top]?.[left] ?? "";
        for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) {
          (taken[r] ??= [])[c] = true;
          (expected[r] as string[])[c] = v;
        }
      }
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const r = readTable(bytes);
      expect(cellsOf(r)).toEqual(trim(expected));
    }
  });
});

describe("never throws on what a user's file holds", () => {
  it("random bytes give a Result", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(undefined, "a.xlsx", "a.csv", "a.docx", "a.tsv"), (bytes, name) => {
      const r = readTable(bytes, name === undefined ? {} : { name });
      expect(typeof r.ok).toBe("boolean");
      if (!r.ok) expect(r.issues.some((i) => i.severity === "error")).toBe(true);
      const all = r.ok ? r.warnings : r.issues;
      expect(all.every((i) => i.message.zh !== "" && i.message.en !== "" && !/\{\w+\}/.test(i.message.zh + i.message.en))).toBe(true);
    }), { seed: 11, numRuns: 500 });
  });

  it("random bytes behind a ZIP signature, truncated and corrupted packages give a Result", () => {
    const packages = ["pool-exceljs.xlsx", "plan-jincheng-libreoffice.docx", "date1904-exceljs.xlsx"].map(fixture);
    fc.assert(fc.property(fc.nat(2), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.uint8Array({ maxLength: 200 }), (which, cut, flips, tail) => {
      const source = packages[which] as Uint8Array;
      const truncated = source.slice(0, cut % (source.length + 1));
      const corrupted = source.slice();
      for (const [at, b] of flips) corrupted[at % corrupted.length] = b;
      for (const bytes of [truncated, corrupted, new Uint8Array([0x50, 0x4b, 3, 4, ...tail])]) {
        const r = readTable(bytes);
        expect(typeof r.ok).toBe("boolean");
      }
    }), { seed: 11, numRuns: 300 });
  });
});
