// 一公开 on the offline page (issue 13): the optional results input — the department's results table (检查结果表), the
// published list (公示清单 CSV) or the publication package (公示包.json) — checked against the draw record in Debian's
// chromium from file:// with the network off, through the 一公开 bundle shipped beside the page. Results that match;
// one of each mismatch planted (a drawn entity without a result, a result for an entity never drawn, two results for one
// entity, a 补抽 whose replaced entity's result does not justify it) and caught with its row marked; a tampered package;
// a wrong file chosen as the results: could not check. Screenshots: artifacts/verify-page-results-*.png.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyPageFolder, jiaozuoDraw, launchChromium, openVerifyPage, type PageInputs, pageSalt } from "../_internal/verify-page.js";
import { publicationPackage, publicListCsv, replaceSelections, resultCategoryLabels, type ResultCategory, unwrap } from "../../src/index.js";
import { publicListRows, taskReportRows } from "../../src/publish/csv.js";
import ExcelJS from "exceljs";

const root = new URL("../../", import.meta.url).pathname;
const salt = pageSalt;
let browser: Browser;
let dir: string;
let page: string;
const files: Record<string, string> = {};
/** The drawn set after the 补抽, the replaced entity, its replacement, and one entity never drawn. */
let targets: string[] = [];
let gone = "";
let replacement = "";
let outsider = "";

interface Row { taskId: string; id: string; name: string; date: string; entered: string; category: ResultCategory }
const HEADER = ["任务编号", "统一社会信用代码", "检查对象名称", "检查日期", "录入日期", "检查结果"];
const tableCsv = (rows: readonly Row[]) =>
  `${[HEADER, ...rows.map((r) => [r.taskId, r.id, r.name, r.date, r.entered, resultCategoryLabels[r.category].zh])].map((l) => l.join(",")).join("\r\n")}\r\n`;

beforeAll(async () => {
  const bundle = join(root, "docs/verify/double-random.publish.global.js");
  if (!existsSync(bundle)) throw new Error("docs/verify/double-random.publish.global.js is missing: run `npm run build` (the test command does)");
  ({ dir, page } = copyPageFolder("verify-results-"));
  const { csv, pool, record: drawn } = jiaozuoDraw();
  gone = drawn.selections[4]!.id;
  const record = unwrap(replaceSelections(drawn, pool, [{ id: gone, reason: "已注销", decision: { by: "科长", date: "2023-05-06" } }], { salt }));
  replacement = record.replacements[0]!.id;
  targets = record.selections.map((s) => (s.id === gone ? replacement : s.id));
  const name = new Map(pool.map((e) => [e.id, e.name]));
  outsider = pool.find((e) => !targets.includes(e.id) && e.id !== gone)!.id;
  const categories: ResultCategory[] = ["no_problem", "no_problem", "not_disclosed", "no_problem"];
  const clean: Row[] = targets.map((id, k) => ({ taskId: record.taskId, id, name: name.get(id)!, date: "2023-05-10", entered: "2023-05-20", category: categories[k % categories.length]! }));
  const evidence: Row = { taskId: record.taskId, id: gone, name: name.get(gone)!, date: "2023-05-08", entered: "2023-05-20", category: "deregistered" };
  const write = (file: string, data: string) => { files[file] = join(dir, file); writeFileSync(files[file]!, data); };
  write("record.json", JSON.stringify(record, null, 2));
  write("pool.csv", csv);
  write("检查结果.csv", tableCsv([...clean, evidence]));
  // One of each mismatch, each on its own entity: targets[0] has no result, the outsider has one, targets[2] has two,
  // and the replaced entity was found with no problem, so its 补抽 was not justified.
  write("检查结果-不一致.csv", tableCsv([
    ...clean.slice(1), clean[2]!, { ...clean[1]!, id: outsider, name: name.get(outsider)! }, { ...evidence, category: "no_problem" },
  ]));
  const pkg = unwrap(publicationPackage(record, tableRowsAsResults([...clean, evidence]), { department: "焦作市公安局", publishedOn: "2023-06-02", taskName: "文化娱乐场所治安检查" }));
  write("公示包.json", JSON.stringify(pkg, null, 2));
  write("公示清单.csv", publicListCsv(pkg));
  // 公示.xlsx as the CLI writes it: the public list first, the task report on a second sheet.
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of [["公示清单", publicListRows(pkg)], ["抽查情况", taskReportRows(pkg)]] as const) wb.addWorksheet(sheet).addRows(rows);
  files["公示.xlsx"] = join(dir, "公示.xlsx");
  writeFileSync(files["公示.xlsx"], new Uint8Array(await wb.xlsx.writeBuffer()));
  // A portal that published the replaced entity instead of its replacement, and left the digests as they were.
  write("公示包-篡改.json", JSON.stringify({ ...pkg, list: pkg.list.map((e) => (e.entityId === replacement ? { ...e, entityId: gone, entityName: name.get(gone)! } : e)) }, null, 2));
  // A task report whose figures were edited after the package was built (drawn, and one category's count).
  write("公示包-数目.json", JSON.stringify({ ...pkg, report: { ...pkg.report, drawn: pkg.report.drawn + 1, byCategory: { ...pkg.report.byCategory, no_problem: 0 } } }, null, 2));
  browser = await launchChromium();
});

function tableRowsAsResults(rows: readonly Row[]) {
  return rows.map((r) => ({ taskId: r.taskId, entityId: r.id, entityName: r.name, inspectionDates: [r.date], enteredOn: r.entered, category: r.category }));
}

afterAll(async () => {
  await browser?.close();
});

const open = (inputs: Omit<PageInputs, "url" | "record"> & { results: string }) =>
  openVerifyPage(browser, { url: page, record: files["record.json"], ...inputs, results: files[inputs.results] });
/** The draw re-checked too: the pool and the salt. */
const withDraw = () => ({ pool: files["pool.csv"], salt });

describe("offline page: results against the draw record (一公开)", () => {
  it("shows the 补抽 log: count against the published threshold, who decided, and the chain head", async () => {
    const r = await open({ ...withDraw(), results: "检查结果.csv" });
    const text = await r.p.locator("#replacement-log").textContent();
    const record = JSON.parse(readFileSync(files["record.json"]!, "utf8")) as { replacementsHead: string };
    expect(await r.p.locator("#replacement-log").isVisible()).toBe(true);
    expect(text).toContain("补抽 1 次（公布的阈值 2 次）");
    expect(text).toContain("已注销（科长，2023-05-06）");
    expect(text).toContain(`补抽链头：${record.replacementsHead}`);
    await r.close();
  });
  it("the results table matches the drawn set after the 补抽: the draw and the results verified, every row ✓", async () => {
    const r = await open({ ...withDraw(), results: "检查结果.csv" });
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe("ok");
    expect(r.verdict).toContain("复核通过");
    expect(r.verdict).toContain("按名录库复核；检查结果已与抽取记录核对");
    expect(r.resultsShown).toBe(true);
    expect(r.resultsKind).toBe("ok");
    expect(r.resultsVerdict).toContain("检查结果表的 13 条结果恰好对应抽中的 12 户（含补抽）");
    expect(r.resultsVerdict).toContain("补抽有据");
    expect(r.resultRows.map((x) => x.id)).toEqual([...targets, gone]);
    expect(r.resultRows.filter((x) => x.bad)).toEqual([]);
    expect(r.resultRows.at(-1)!.cells.join(" ")).toContain(`已被补抽替换为 ${replacement}`);
    expect(r.resultRows.at(-1)!.cells[3]).toBe("已注销");
    // Said, not hidden: the record has no teams to check the inspectors against, and no task window was given.
    expect(r.notes.some((n) => n.includes("result_team_not_checked"))).toBe(true);
    expect(r.requests.every((u) => u.startsWith("file://"))).toBe(true);
    await r.shot("results-ok");
    await r.close();
  });

  it("the package alone with the record (no pool, no salt): the results verified, and said that the draw was not", async () => {
    const r = await open({ results: "公示包.json" });
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe("ok");
    expect(r.verdict).toContain("公示的检查结果与抽取记录一致");
    expect(r.verdict).toContain("抽取本身未复核");
    expect(r.resultsVerdict).toContain("公示包的 12 条结果恰好对应抽中的 12 户");
    expect(r.resultsVerdict).toContain("摘要相符");
    expect(r.resultRows.map((x) => x.id)).toEqual(targets);
    // No pool: the selections are named from the published list (which does not hold the replaced entity).
    const named = r.selections.slice(0, 12).filter((cells) => cells[2]!.startsWith("焦作市")).map((cells) => cells[1]);
    expect(named).toEqual(targets.filter((id) => id !== replacement));
    await r.shot("results-package-only");
    await r.close();
    const list = await open({ results: "公示清单.csv", lang: "en" });
    expect(list.kind).toBe("ok");
    expect(list.resultsVerdict).toContain("the public list are exactly the 12 drawn entities");
    expect(list.resultsVerdict).not.toContain("digests hold");
    expect(list.notes.some((n) => n.includes("publish_digest_not_checked"))).toBe(true);
    await list.close();
    const xlsx = await open({ results: "公示.xlsx" });
    expect(xlsx.errors).toEqual([]);
    expect(xlsx.kind).toBe("ok");
    expect(xlsx.resultsVerdict).toContain("公示清单的 12 条结果恰好对应抽中的 12 户");
    await xlsx.close();
  });

  it("one of each mismatch planted in the results table: each caught, each entity's row marked", async () => {
    const r = await open({ ...withDraw(), results: "检查结果-不一致.csv" });
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe("bad");
    expect(r.verdict).toContain("复核未通过：发现 4 处不一致");
    expect(r.resultsKind).toBe("bad");
    expect(r.resultsVerdict).toContain("有 4 处不一致");
    const codes = r.issues.map((i) => i.split(" ")[0]).sort();
    expect(codes).toEqual(["replacement_unjustified", "result_duplicate", "result_missing", "result_not_drawn"]);
    const marked = Object.fromEntries(r.resultRows.filter((x) => x.bad).map((x) => [x.id, x.cells[4]]));
    expect(marked).toEqual({ [targets[0]!]: "没有检查结果", [targets[2]!]: "结果重复", [outsider]: "未经抽取却有结果", [gone]: "补抽理由不成立（已被补抽替换为 " + replacement + "）" });
    expect(r.resultRows.find((x) => x.id === targets[2])!.cells[3]).toContain("×2");
    // The entity without a result is still named, from the pool.
    expect(r.resultRows[0]!.cells[2]).toMatch(/^焦作市/);
    // The draw itself still matches: its selections are not marked.
    expect(r.selections.filter((cells) => cells[0]!.startsWith("✗"))).toEqual([]);
    await r.shot("results-mismatches");
    await r.close();
  });

  it("a tampered package (the replaced entity published instead of its replacement): named, marked, digests fail (in English)", async () => {
    const r = await open({ results: "公示包-篡改.json", lang: "en" });
    expect(r.kind).toBe("bad");
    expect(r.verdict).toContain("the published results and the draw record differ in 4 place(s)");
    expect(r.verdict).not.toContain("the draw was checked");
    expect(r.resultsVerdict).toContain("Results not verified");
    const codes = r.issues.map((i) => i.split(" ")[0]);
    expect(codes).toContain("publish_entity_missing");
    expect(codes).toContain("publish_entity_extra");
    expect(codes).toContain("publish_digest_mismatch");
    expect(r.resultRows.filter((x) => x.bad).map((x) => x.id).sort()).toEqual([replacement, gone].sort());
    await r.shot("results-tampered-package");
    await r.close();
  });

  it("a task report with edited figures: each count named in Chinese words, not field names", async () => {
    const r = await open({ results: "公示包-数目.json" });
    expect(r.kind).toBe("bad");
    const counts = r.issues.filter((i) => i.startsWith("publish_count_mismatch"));
    expect(counts).toHaveLength(2);
    expect(counts[0]).toContain("抽查情况中“抽取户数”为13，按抽取记录和公示清单应为12");
    expect(counts[1]).toContain("抽查情况中“检查结果为未发现问题的户数”为0");
    for (const line of counts) expect(line.replace(/^publish_count_mismatch /, "")).not.toMatch(/[A-Za-z]/);
    // Counts are about the package, not one entity: no row is marked.
    expect(r.resultRows.filter((x) => x.bad)).toEqual([]);
    await r.close();
  });

  it("a wrong file chosen as the results (the pool, the record): could not check, the results input named", async () => {
    const pool = await open({ ...withDraw(), results: "pool.csv" });
    expect(pool.kind).toBe("unchecked");
    expect(pool.verdict).not.toContain("复核未通过");
    expect(pool.problems.map((x) => x.input)).toEqual(["results"]);
    expect(pool.problems[0]!.text).toContain("既不是公示清单，也不是检查结果表");
    expect(pool.problems[0]!.text).toContain("请选择部门公布的公示包");
    await pool.shot("results-wrong-file");
    await pool.close();
    const record = await open({ results: "record.json", lang: "en" });
    expect(record.kind).toBe("unchecked");
    expect(record.problems.map((x) => x.input)).toEqual(["results"]);
    expect(record.problems[0]!.text).toContain("is a draw record, not results");
    await record.close();
  });
});
