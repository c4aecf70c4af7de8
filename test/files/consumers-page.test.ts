// The offline verification page reads the pools planners actually have: an .xlsx with merged 信用风险分类/登记状态
// cells and a GBK CSV, through the script-tag table reader (dist/double-random.files.global.js), and verifies a record
// drawn from the UTF-8 CSV of the same pool — in Debian's chromium, from file://, with the network off. An .xlsx
// inspector pool with a merged 所属部门 re-checks the teams.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openVerifyPage } from "../_internal/verify-page.js";
import { announce, diceEntropy, draw, matchInspectors, parseEntityPoolCsv, parseInspectorPoolCsv, unwrap } from "../../src/index.js";
import { encode, type Grid, xlsxOf } from "./consumers-pool-files.js";

const root = new URL("../../", import.meta.url).pathname;
const salt = "焦作公安2023-盐-7f3a9c";
const csv = readFileSync(join(root, "examples/data/jiaozuo-entertainment-pool.csv"), "utf8");
const inspectorsCsv = readFileSync(join(root, "examples/data/jiaozuo-inspectors.csv"), "utf8");
const gridOf = (text: string): Grid => Papa.parse<string[]>(text.trim(), { header: false }).data;

let browser: Browser;
let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consumers-page-"));
  const pool = unwrap(parseEntityPoolCsv(csv));
  const a = unwrap(announce({
    taskId: "JZ-2023-GA-07", pool, stratify: "tier", salt, sizes: { A: 3, B: 4, C: 3, D: 2 },
    entropySource: { kind: "dice", description: "2023-03-01 焦作市公安局 公开掷骰（20位）" },
  })).announcement;
  const record = unwrap(draw(a, pool, unwrap(diceEntropy("27182818284590452353")), { salt }));
  const inspectors = unwrap(parseInspectorPoolCsv(inspectorsCsv));
  const teams = unwrap(matchInspectors({
    record, inspectors, entities: pool,
    rules: { departments: ["焦作市公安局"], minCredentialed: 2, qualifications: ["治安管理"], loadCap: 3 },
  })).record;
  writeFileSync(file("record.json"), JSON.stringify(teams, null, 2));
  writeFileSync(file("名录库.xlsx"), await xlsxOf(gridOf(csv), {
    title: "焦作市文化娱乐场所检查对象名录库（2023年）",
    mergeRuns: ["信用风险分类", "登记状态"],
    dateColumns: ["上次检查日期"],
    numberColumns: ["行政区划代码"],
  }));
  writeFileSync(file("名录库-gbk.csv"), encode(csv, "gbk"));
  writeFileSync(file("执法人员.xlsx"), await xlsxOf(gridOf(inspectorsCsv), { mergeRuns: ["所属部门"], numberColumns: ["工作量上限"] }));
  // A pool that lost its tiers: the same workbook with one merged run of 信用风险分类 cleared, as an export without
  // merge fill would leave it. The page must refuse it, naming the row and column, not verify a different pool.
  const broken = gridOf(csv);
  const tier = broken[0]!.indexOf("信用风险分类");
  broken[3]![tier] = "";
  writeFileSync(file("名录库-缺分类.xlsx"), await xlsxOf(broken));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function verify(pool: string, inspectors?: string) {
  const r = await openVerifyPage(browser, { record: file("record.json"), pool, inspectors, salt });
  // Input problems and differences alike: a refused pool is said in either list.
  return { ...r, issues: [...r.problems.map((x) => x.text), ...r.issues], names: r.selections.map((cells) => cells[2] ?? "") };
}

describe("offline page: pools from .xlsx (merged cells) and GBK CSV", () => {
  it("verifies the record against the .xlsx pool with merged tier/status cells, and says how it read the workbook", async () => {
    const r = await verify(file("名录库.xlsx"), file("执法人员.xlsx"));
    expect(r.errors).toEqual([]);
    expect(r.verdict).toContain("复核通过");
    expect(r.issues).toEqual([]);
    expect(r.names).toHaveLength(12);
    expect(r.names.every((n) => n.startsWith("焦作市"))).toBe(true);
    expect(r.notes.some((n) => n.includes("merge_filled"))).toBe(true);
    expect(r.notes.some((n) => n.includes("table_title_rows"))).toBe(true);
    expect(r.teamsVerdict).toContain("复核通过");
    expect(r.requests.every((u) => u.startsWith("file://"))).toBe(true);
    await r.shot("xlsx-pool");
    await r.close();
  });

  it("verifies it against the GBK CSV of the same pool, and says the file was read as GB18030", async () => {
    const r = await verify(file("名录库-gbk.csv"));
    expect(r.errors).toEqual([]);
    expect(r.verdict).toContain("复核通过");
    expect(r.names).toEqual(await verify(file("名录库.xlsx")).then(async (x) => (await x.close(), x.names)));
    expect(r.notes[0]).toContain("file_encoding_guessed");
    expect(r.notes[0]).toContain("gb18030");
    await r.close();
  });

  it("refuses a workbook whose tier cell is blank, naming the row and the column, instead of verifying another pool", async () => {
    const r = await verify(file("名录库-缺分类.xlsx"));
    expect(r.verdict).not.toContain("复核通过");
    expect(r.issues.some((i) => i.includes("第4行") && i.includes("信用风险分类"))).toBe(true);
    await r.close();
  });
});
