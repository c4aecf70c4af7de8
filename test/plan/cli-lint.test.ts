import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readXlsxRows } from "../../src/cli/io.js";
import { runLint } from "../../src/cli/lint.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/plans/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "dr-lint-"));

let out = "";
let err = "";
beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function writeXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("2023年计划");
  ws.addRow(["焦作市生态环境局 2023 年度“双随机、一公开”抽查计划"]);
  ws.mergeCells("A1:F1");
  ws.addRow(["发起部门", "抽查任务名称", "抽查类型", "抽查对象范围", "抽查比例", "抽取日期"]);
  ws.addRow(["焦作市生态环境局", "2023年规模化畜禽养殖污染防治检查", "不定向", "全市在册的规模化畜禽养殖场", "10%", "2月1日至12月31日"]);
  ws.addRow(["", "2023年总量减排核查", "不定向", "2023年总量减排企业", "-5%", "1月1日至12月31日"]);
  ws.addRow(["", "2021年国家级自然保护监督检查", "不定向", "行政相对人", 0.5, "1月1日至12月31日"]);
  // The department cell is merged down over the three tasks, as planners do in Excel.
  ws.mergeCells("A3:A5");
  await wb.xlsx.writeFile(path);
}

describe("double-random lint (runLint)", () => {
  it("lints a real CSV: text report in Chinese, exit 1 when there are errors", async () => {
    const code = await runLint([fixture("jiaozuo-2023.csv"), "--year", "2023", "--fill-merged"]);
    expect(code).toBe(1);
    expect(out).toContain("第27行 序号11 2023年总量减排核查 2023年总量减排核查");
    expect(out).toContain("抽查比例“-5%”为负数 [quota_negative]");
    expect(out).toMatch(/共\d+个错误/);
  });

  it("exits 0 on a plan with warnings only, and speaks English on request", async () => {
    const path = join(dir, "fine.csv");
    writeFileSync(path, "抽查任务名称,抽查类型,抽查对象范围,抽查比例,抽取日期,发起部门\n娱乐场所治安管理监督检查,不定向,全市娱乐场所,每半年3%,2023年1月1日—12月31日,焦作市公安局\n");
    expect(await runLint([path, "--year", "2023", "--lang", "en"])).toBe(0);
    expect(out).toContain("Tasks using credit-risk classification: 0% (0 of 1)");
    expect(out).toContain("0 error(s), 1 warning(s)");
  });

  it("reads a real .xlsx made with exceljs: merged cells arrive filled, and no finding comes from the merge", async () => {
    const path = join(dir, "plan.xlsx");
    await writeXlsx(path);
    const rows = await readXlsxRows(readFileSync(path));
    expect("rows" in rows && rows.rows.slice(0, 5).map((r) => r[0])).toEqual(["焦作市生态环境局 2023 年度“双随机、一公开”抽查计划", "发起部门", "焦作市生态环境局", "", ""]);
    expect(await runLint([path, "--year", "2023", "--format", "json"])).toBe(1);
    const plain = JSON.parse(out);
    const codes = plain.diagnostics.map((d: { row?: number; code: string }) => `${d.row ?? "-"}:${d.code}`);
    expect(codes).toEqual(["1:plan_row_skipped", "4:quota_negative", "5:task_year_mismatch", "5:quota_bare_number", "-:credit_share_low"]);
    expect(plain.file).toBe(path);
    // Every finding about a row names its task.
    expect(plain.diagnostics.find((d: { code: string }) => d.code === "quota_negative").task).toEqual({ row: 4, name: "2023年总量减排核查" });
  });

  it("--fill-merged takes column names (=列 or a following value), and refuses unknown columns and extra arguments with a hint", async () => {
    const path = join(dir, "joint.csv");
    writeFileSync(path, "序号,抽查任务名称,抽查比例及频次,抽查检查起止时间,发起部门,配合部门\n1,甲检查,10%；1次/年,3月—11月,市农业农村局,市市场监管局\n2,乙检查,10%；1次/年,3月—11月,市农业农村局,\n");
    expect(await runLint([path, "--year", "2023", "--format", "json"])).toBe(1);
    expect(JSON.parse(out).diagnostics.map((d: { code: string }) => d.code)).toContain("cooperator_missing");
    for (const args of [["--fill-merged=配合部门", path], ["--fill-merged", "配合部门", path], [path, "--fill-merged", "配合部门,发起部门"], [path, "--fill-merged"]]) {
      out = "";
      expect(await runLint([...args, "--year", "2023", "--format", "json"]), args.join(" ")).toBe(0);
      const d = JSON.parse(out).diagnostics;
      expect(d.map((x: { code: string }) => x.code)).not.toContain("cooperator_missing");
      expect(d.find((x: { code: string }) => x.code === "plan_cell_filled").row).toBe(3);
    }
    err = "";
    expect(await runLint(["--fill-merged=配合部分", path, "--year", "2023"])).toBe(2);
    expect(err).toContain("[plan_fill_column_unknown]");
    expect(err).toContain("“配合部分”");
    expect(err).toContain("→");
    expect(err).not.toMatch(/Option|argument/);
    err = "";
    expect(await runLint([path, "配合部门", "--year", "2023"])).toBe(2);
    expect(err).toContain("多余的参数“配合部门”");
    expect(err).toContain("→");
    out = "";
    expect(await runLint([path, "--year", "2023"])).toBe(1);
    expect(out).toContain("--fill-merged 配合部门");
    expect(out).not.toContain("fillMerged");
  });

  it("writes SARIF 2.1.0 pointing at the file and its rows", async () => {
    expect(await runLint([fixture("wugang-2023.csv"), "--year", "2023", "--format", "sarif", "--issuer", "舞钢市工业和信息化局"])).toBe(1);
    const log = JSON.parse(out);
    expect(log.version).toBe("2.1.0");
    const r = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "targeting_unrecognized");
    expect(r.locations[0].physicalLocation.region.startLine).toBe(2);
    expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(/wugang-2023\.csv$/);
  });

  it("exits 2 on usage and file problems", async () => {
    expect(await runLint([])).toBe(2);
    expect(await runLint([fixture("jiaozuo-2023.csv")])).toBe(2);
    expect(await runLint([join(dir, "missing.csv"), "--year", "2023"])).toBe(2);
    expect(await runLint([fixture("jiaozuo-2023.csv"), "--year", "2023", "--format", "xml"])).toBe(2);
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "not a zip");
    expect(await runLint([bad, "--year", "2023"])).toBe(2);
    expect(err).toContain("--year");
  });

  it("runs as the built command: `double-random lint` sets the exit code, and runs once", () => {
    vi.restoreAllMocks();
    const r = spawnSync(process.execPath, ["dist/cli.js", "lint", fixture("jincheng-2023.csv"), "--year", "2023", "--fill-merged", "--completion-date", "2023-12-15"], { encoding: "utf8", cwd: fileURLToPath(new URL("../..", import.meta.url)) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("配合部门“高平市文化和旅游局”就是发起部门本身");
    expect(r.stdout.split("配合部门“高平市文化和旅游局”就是发起部门本身").length).toBe(2);
    expect(r.stderr).toBe("");
  });
});
