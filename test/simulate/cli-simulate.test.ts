// `double-random simulate` on the real CLI (src/cli/main.ts through tsx, so the test does not depend on a fresh
// build): the guide's example files, text and JSON output, the progress bar, the chart, usage errors.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTable } from "../../src/files/index.js";
import { importPlanTable, unwrap } from "../../src/index.js";

const root = new URL("../..", import.meta.url).pathname;
const example = join(root, "docs/guide/simulate");
const plan = join(root, "test/fixtures/plans/jiaozuo-2023.csv");
const out = mkdtempSync(join(tmpdir(), "simulate-cli-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), "simulate", ...args], { encoding: "utf8", cwd: example, maxBuffer: 256 * 2 ** 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const common = [plan, "--fill-merged", "--inspectors", "执法人员.csv", "--pool", "名录库.csv", "--scopes", "scopes.json", "--monthly-cap", "monthly-caps.json", "--runs", "300", "--seed", "cli"];

describe("double-random simulate", () => {
  it("prints the tables and the findings, draws the progress bar, writes the chart", () => {
    const chart = join(out, "load.svg");
    const r = cli(...common, "--progress", "--chart", chart, "--chart-top", "4");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("计划模拟：2023年，300次，种子“cli”，随机流 seedrandom.alea");
    expect(r.stdout).toMatch(/焦作市农业农村局\s+3\s+2\s+\d+\s+\d+/);
    expect(r.stdout).toContain("[sim_inspector_overload] 焦作市农业农村局在3—11月很可能超出人员工作量上限");
    expect(r.stdout).toContain("[sim_repeat_inspection] 任务“建设工程质量监督检查”与“建设工程招标投标检查”");
    expect(r.stderr).toContain("100% 300/300");
    expect(r.stderr).toContain("计划年度取表中最常出现的年份：2023");
    const svg = readFileSync(chart, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<polygon /g)?.length).toBe(4);
    expect(svg).toContain("焦作市农业农村局");
  });

  it("--format json: one document with the report and the findings, same seed same figures", () => {
    const a = cli(...common, "--format", "json", "--lang", "en", "--year", "2023");
    const b = cli(...common, "--format", "json", "--lang", "en", "--year", "2023");
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout) as { ok: boolean; report: { runs: number; overlaps: { taskIds: string[] }[] }; diagnostics: { code: string }[] };
    expect(doc.ok).toBe(true);
    expect(doc.report.runs).toBe(300);
    expect(doc.report.overlaps[0]!.taskIds).toEqual(["R29", "R30"]);
    expect(doc.diagnostics.map((d) => d.code).sort()).toEqual(["sim_inspector_overload", "sim_repeat_inspection"]);
    expect(b.stdout).toBe(a.stdout);
  });

  it("usage problems exit 2 with a coded message", () => {
    const r = cli(plan, "--pool", "名录库.csv");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[cli_missing_argument]");
    expect(r.stderr).toContain("--inspectors");
    const bad = cli(...common, "--runs", "0");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("[cli_bad_option]");
  });
});

/** The bytes of UTF-8 `text` in GBK, as Excel's "CSV (逗号分隔)" writes them on Chinese Windows (python3's codec). */
function gbk(text: string): Buffer {
  const r = spawnSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('gbk'))"], { input: Buffer.from(text, "utf8") });
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return r.stdout;
}

describe("double-random simulate reads its files through the shared table reader", () => {
  it("a real .xlsx plan (title row, merged department cells) with a GBK roster and pool finds the planted overload and overlap", () => {
    const xlsx = join(root, "test/fixtures/plans/files/jiaozuo-2023.xlsx");
    // The workbook's title row shifts the task ids (R<row>) by one from the CSV's: the scopes follow the tasks.
    const fromXlsx = unwrap(importPlanTable(unwrap(readTable(readFileSync(xlsx), { name: "jiaozuo-2023.xlsx" })), { year: 2023 })).tasks;
    const fromCsv = unwrap(importPlanTable(readFileSync(plan, "utf8"), { year: 2023, fillMerged: true })).tasks;
    expect(fromXlsx.map((t) => t.name)).toEqual(fromCsv.map((t) => t.name));
    const csvScopes = JSON.parse(readFileSync(join(example, "scopes.json"), "utf8")) as Record<string, unknown>;
    const scopes = Object.fromEntries(fromXlsx.map((t, k) => [t.id, csvScopes[fromCsv[k]!.id]]));
    writeFileSync(join(out, "scopes-xlsx.json"), JSON.stringify(scopes));
    const roster = readFileSync(join(example, "执法人员.csv"), "utf8");
    writeFileSync(join(out, "执法人员.csv"), gbk(roster));
    writeFileSync(join(out, "名录库.csv"), gbk(readFileSync(join(example, "名录库.csv"), "utf8")));
    // The bytes really are GBK: read as UTF-8 they are not the roster.
    expect(readFileSync(join(out, "执法人员.csv"), "utf8")).not.toBe(roster);

    const r = cli(xlsx, "--inspectors", join(out, "执法人员.csv"), "--pool", join(out, "名录库.csv"), "--scopes", join(out, "scopes-xlsx.json"),
      "--monthly-cap", "monthly-caps.json", "--runs", "300", "--seed", "cli", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      report: { tasks: unknown[]; overlaps: { taskNames: string[] }[]; departments: { department: string; anyOverCap?: { mean: number } }[] };
      diagnostics: { code: string; message: { zh: string } }[];
      warnings: { code: string; message: { zh: string } }[];
    };
    expect(doc.report.overlaps[0]!.taskNames).toEqual(["建设工程质量监督检查", "建设工程招标投标检查"]);
    const over = new Set(doc.report.departments.filter((d) => (d.anyOverCap?.mean ?? 0) >= 0.5).map((d) => d.department));
    expect([...over]).toEqual(["焦作市农业农村局"]);
    expect(doc.diagnostics.map((d) => d.code).sort()).toEqual(["sim_inspector_overload", "sim_repeat_inspection"]);
    // The reader said how it read the files: GBK for both CSVs, the workbook's merges filled.
    const encodings = doc.warnings.filter((w) => w.code === "file_encoding_guessed").map((w) => w.message.zh);
    expect(encodings.length).toBe(2);
    for (const e of encodings) expect(e.toLowerCase()).toMatch(/gbk|gb18030/);
    expect(doc.warnings.some((w) => w.code === "merge_filled")).toBe(true);
  });

  it("a file the reader cannot take is a usage problem, not a stack trace", () => {
    const r = cli(join(root, "README.md"), "--inspectors", "执法人员.csv", "--pool", "名录库.csv", "--year", "2023");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[file_format_unsupported]");
  });
});
