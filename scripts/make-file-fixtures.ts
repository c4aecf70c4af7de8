// Makes the reader's fixtures in test/fixtures/files/ the way the tools make them (run: npx tsx scripts/make-file-fixtures.ts):
// workbooks written by exceljs (the library most Node portals export with), CSVs in the encodings Excel/WPS save
// (python3's codecs, see make-file-fixtures.py), and — when LibreOffice is installed — a workbook and a .docx
// converted by LibreOffice headless from the 晋城 2023 seed plan. Deterministic: same files on every run.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";

const out = new URL("../test/fixtures/files/", import.meta.url).pathname;
const created = new Date(Date.UTC(2023, 0, 1));

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "double-random fixtures";
  wb.created = created;
  wb.modified = created;
  return wb;
}

// 1. A pool as a registry keeps it: a title row, merged 风险等级/登记状态 runs, dates, percents, rich text,
//    formulas (cached and not), a hyperlink, a hidden row, a hidden sheet before it, an 18-digit id typed as a number.
async function pool(): Promise<void> {
  const wb = workbook();
  const notes = wb.addWorksheet("说明", { state: "hidden" });
  notes.addRow(["本表由名录库导出"]);
  const ws = wb.addWorksheet("名录库");
  ws.addRow(["焦作市文化娱乐场所检查对象名录库（2023年）"]);
  ws.mergeCells("A1:I1");
  ws.addRow(["统一社会信用代码", "名称", "类型", "信用风险分类", "登记状态", "上次检查日期", "抽查比例", "网址", "备注"]);
  const rows: ExcelJS.CellValue[][] = [
    ["91410802MA44K5YQ6B", "焦作市解放区星光KTV有限公司", "企业", "A", "存续", new Date(Date.UTC(2023, 1, 1)), 0.05, { text: "星光官网", hyperlink: "https://example.org/xg" }, "甲"],
    ["91410803MA40R2DN0U", { richText: [{ text: "焦作市" }, { font: { bold: true }, text: "中站区" }, { text: "欢乐颂歌舞厅" }] }, "企业", null, null, new Date(Date.UTC(2022, 11, 31)), 0.1, null, { formula: "1+1", result: 2 }],
    ["92410811MA45N2XG7K", "山阳区麦乐迪量贩式KTV", "个体工商户", null, null, null, 0.055, null, { formula: "B5&\"分店\"" }],
    ["91410821MA3X7H0Q2F", "修武县云台演艺酒吧有限公司", "企业", "C", "存续", null, 1, null, { error: "#N/A" }],
    [410802199001011234, "张三（个体）", "个体工商户", "B", "注销", null, 0, null, true],
    ["91410882MA47D2Y35L", "沁阳市天籁音乐会所", "企业", "D", "吊销", null, 0.3 - 0.1, null, 0.1 + 0.2],
  ];
  for (const r of rows) ws.addRow(r);
  ws.mergeCells("D3:D5"); // 风险等级 A over rows 3–5 (three entities)
  ws.mergeCells("E3:E5");
  ws.getColumn(6).numFmt = "yyyy-mm-dd";
  ws.getCell("F4").numFmt = "m/d/yy"; // built-in id 14
  ws.getColumn(7).numFmt = "0%";
  ws.getCell("G5").numFmt = "0.00%";
  ws.getRow(6).hidden = true;
  await wb.xlsx.writeFile(join(out, "pool-exceljs.xlsx"));
}

// 2. The 1904 date system (workbooks from Mac Excel).
async function date1904(): Promise<void> {
  const wb = workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(["上次检查日期"]);
  ws.addRow([new Date(Date.UTC(2023, 1, 1))]);
  ws.getColumn(1).numFmt = "yyyy/m/d";
  await wb.xlsx.writeFile(join(out, "date1904-exceljs.xlsx"));
}

// 3. The 晋城 2023 seed plan as planners publish it: a title row, 地市 merged down over its tasks.
function seedPlan(): string[][] {
  const text = readFileSync(new URL("../test/fixtures/plans/jincheng-2023.csv", import.meta.url), "utf8");
  return (Papa.parse<string[]>(text.trim(), { header: false }).data).slice(0, 16);
}

async function plan(): Promise<void> {
  const [header, ...body] = seedPlan() as [string[], ...string[][]];
  const wb = workbook();
  const ws = wb.addWorksheet("抽查计划");
  ws.addRow(["晋城市2023年度部门联合双随机抽查工作计划"]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  // A blank 地市 cell in the seed continues the one above: merge the run.
  let start = 3;
  body.forEach((r, i) => {
    const row = 3 + i;
    ws.addRow(r.map((c, k) => (k === 0 && c === "" ? null : c)));
    const next = body[i + 1];
    if (next === undefined || next[0] !== "") {
      if (row > start) ws.mergeCells(start, 1, row, 1);
      start = row + 1;
    }
  });
  await wb.xlsx.writeFile(join(out, "plan-jincheng-exceljs.xlsx"));
}

// 4. LibreOffice headless (when installed): the seed plan as an HTML table with rowspan/colspan, converted to
//    .docx (w:vMerge, w:gridSpan) and .xlsx (mergeCells) by the tool itself.
function libreOffice(): void {
  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
  if (soffice === undefined) {
    console.log("LibreOffice not installed: its fixtures are kept as they are");
    return;
  }
  const [header, ...body] = seedPlan() as [string[], ...string[][]];
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  let html = `<html><head><meta charset="utf-8"></head><body><p>晋城市2023年度部门联合双随机抽查工作计划</p><table border="1">`;
  html += `<tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`;
  body.forEach((r, i) => {
    let span = 1;
    while (body[i + span] !== undefined && body[i + span]?.[0] === "") span++;
    const first = r[0] === "" ? "" : `<td rowspan="${span}">${esc(r[0] ?? "")}</td>`;
    html += `<tr>${first}${r.slice(1).map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`;
  });
  // A two-row heading over sub-columns, as quota tables have: a colspan over 比例/频次.
  html += `</table><p>附表</p><table border="1"><tr><th rowspan="2">事项</th><th colspan="2">抽查比例及频次</th></tr><tr><th>比例</th><th>频次</th></tr><tr><td>印刷单位</td><td>20%</td><td>1次/年</td></tr></table></body></html>`;
  const dir = mkdtempSync(join(tmpdir(), "fixtures-"));
  try {
    writeFileSync(join(dir, "plan-jincheng-libreoffice.html"), html);
    const run = (filter: string, ext: string, infilter: string[] = []) => {
      const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
      execFileSync(soffice, [profile, "--headless", ...infilter, "--convert-to", `${ext}:${filter}`, "--outdir", dir, join(dir, "plan-jincheng-libreoffice.html")], { stdio: "ignore", timeout: 120_000 });
      writeFileSync(join(out, `plan-jincheng-libreoffice.${ext}`), readFileSync(join(dir, `plan-jincheng-libreoffice.${ext}`)));
    };
    run("MS Word 2007 XML", "docx");
    run("Calc MS Excel 2007 XML", "xlsx", ["--infilter=HTML (StarCalc)"]);
    // The exceljs pool opened and saved again by LibreOffice Calc: its own styles, shared strings, and the
    // formula exceljs left without a value recalculated.
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    execFileSync(soffice, [profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, join(out, "pool-exceljs.xlsx")], { stdio: "ignore", timeout: 120_000 });
    writeFileSync(join(out, "pool-libreoffice.xlsx"), readFileSync(join(dir, "pool-exceljs.xlsx")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await pool();
await date1904();
await plan();
libreOffice();
execFileSync("python3", [new URL("./make-file-fixtures.py", import.meta.url).pathname, out], { stdio: "inherit" });
console.log(`fixtures written to ${out}`);
