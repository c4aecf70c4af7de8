// The seed plans as hand-made CSV fixtures, linted in full. The text reports are reviewed snapshots:
// every line was read against the seed documents (shared/seeds) before being accepted.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CheckItem } from "../../src/model/item.js";
import type { Inspector } from "../../src/model/inspector.js";
import { formatDiagnosticsText } from "../../src/plan/formatText.js";
import { type LintPlanTableOptions, lintPlanTable } from "../../src/plan/lintPlanTable.js";
import { unwrap } from "../../src/result.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), "utf8");

// 舞钢 附件1 (item list) and 附件2 (inspector pool: one entry, the bureau itself, not an officer).
export const wugangItems: CheckItem[] = [{
  id: "1", name: "民爆企业安全生产工作监督检查", legalBasis: "《民用爆炸物品安全管理条例》第四条；《河南省〈民用爆炸物品安全管理条例〉实施办法》第四条",
  department: "县级以上工信主管部门", category: "general", methods: ["on_site"], targets: "全市民爆生产、销售企业",
}];
export const wugangInspectors: Inspector[] = [{
  id: "1", name: "舞钢市工信局", department: "舞钢市工业和信息化局", credential: true, expert: false, qualifications: [], regions: [], conflicts: [],
}];

const CASES: Record<string, LintPlanTableOptions> = {
  // The columns the documents merge (a department's heading, the 序号 and plan name of quarterly rows); filling
  // every usual column (fillMerged: true) would also fill the blanks the documents really have (焦作 row 6).
  "jiaozuo-2023": { year: 2023, fillMerged: ["发起部门", "序号", "抽查计划名称"] },
  "jincheng-2023": { year: 2023, fillMerged: ["地市"], completionDate: "2023-12-15" },
  "wugang-2023": { year: 2023, issuer: "舞钢市工业和信息化局", items: wugangItems, inspectors: wugangInspectors },
};

const run = (name: string) => unwrap(lintPlanTable(fixture(`${name}.csv`), CASES[name]!));
const at = (name: string) => {
  const { diagnostics } = run(name);
  // Filled merged cells are notes, not defects; they are in the snapshots.
  return (row: number | undefined) => diagnostics.filter((d) => d.row === row && d.code !== "plan_cell_filled").map((d) => d.code);
};

describe("seed plan fixtures", () => {
  for (const name of Object.keys(CASES)) {
    it(`${name}: the full report matches the reviewed snapshot`, async () => {
      const { plan, diagnostics } = run(name);
      await expect(formatDiagnosticsText(diagnostics, { plan, title: `${name}.csv` })).toMatchFileSnapshot(`__snapshots__/${name}.zh.txt`);
    });
  }

  it("晋城: the English report matches the reviewed snapshot", async () => {
    const { plan, diagnostics } = run("jincheng-2023");
    await expect(formatDiagnosticsText(diagnostics, { plan, lang: "en", title: "jincheng-2023.csv" })).toMatchFileSnapshot("__snapshots__/jincheng-2023.en.txt");
  });

  it("焦作: every real defect is found on its row", () => {
    const row = at("jiaozuo-2023");
    expect(row(6)).toEqual(expect.arrayContaining(["window_empty"])); // 公安 7: no 抽取日期 in the document
    for (const r of [7, 8, 9, 10]) expect(row(r)).toContain("quota_column_shift"); // 公安 13, 14, 16, 17: cells shifted left
    expect(row(12)).toContain("quota_bare_number"); // 人社: "0.2"
    expect(row(13)).toEqual(["columns_shifted"]); // 生态 1: ratio in the scope column (the unread quota is that shift: folded)
    expect(row(14)).toContain("entity_inspections_above_cap"); // 废弃电器 100% every quarter: 4 a year
    expect(row(18)).toEqual(expect.arrayContaining(["columns_shifted"]));
    for (const r of [19, 20, 21, 22, 23, 26]) expect(row(r)).toContain("task_year_mismatch"); // "2021年…" in a 2023 plan
    expect(row(27)).toEqual(["quota_negative"]); // 总量减排 -5%
    expect(row(32)).toEqual(["quota_empty", "window_empty", "directed_without_scope"]); // 交通 2: merged 合并查 cells
    expect(row(35)).toEqual(["quota_bare_number"]); // 文旅 0.05
    expect(row(36)).toContain("targeting_typo"); // 定期向
    for (const r of [37, 38, 47, 49]) expect(row(r)).toContain("targeting_typo"); // 不定项 / 定项
    expect(row(43)).toEqual(["plan_row_skipped"]); // repeated header: fill-down stops here
    expect(row(44)).toEqual(["initiator_missing"]); // 雷电 tasks printed without their department's heading
    expect(row(51)).toEqual(["quota_undecided", "window_empty"]); // 市场监管 4: 待定
    expect(row(53)).toEqual(["quota_column_shift", "task_name_from_plan"]); // 31: 下半年 / 5% swapped (the unread window is the swap: folded)
    expect(row(54)).toEqual(["window_outside_year"]); // 2022年4月
    expect(row(undefined)).toEqual(["credit_share_low"]); // no credit-risk column at all
  });

  it("焦作: rows that are fine produce no errors", () => {
    const { diagnostics } = run("jiaozuo-2023");
    const errorRows = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.row));
    for (const r of [2, 3, 4, 5, 11, 25, 28, 29, 30, 31, 33, 34, 39, 40, 41, 42, 48, 50, 55, 56, 57]) expect(errorRows.has(r), `row ${r}`).toBe(false);
  });

  it("晋城: every real defect is found on its row", () => {
    const row = at("jincheng-2023");
    expect(row(2)).toEqual(["window_after_completion"]); // 3月--12月 past 12月15日
    expect(row(5)).toContain("quota_frequency_incomplete"); // "30% 次/年"
    expect(row(11)).toContain("credit_requirement_missing");
    expect(row(14)).toEqual(expect.arrayContaining(["task_name_missing", "window_empty"])); // 52's second line
    expect(row(15)).toContain("cooperator_ambiguous"); // 市市场监管局 或市人社局
    expect(row(16)).toContain("quota_bare_number"); // "100 1次/年"
    for (const r of [20, 21, 25, 28, 32, 39, 40, 41]) expect(row(r)).toContain("columns_shifted");
    expect(row(22)).toContain("task_year_mismatch"); // 2021年度涉劳务企业年度报告抽查
    expect(row(31)).toContain("entity_inspections_above_cap"); // 50% three times a year
    expect(row(35)).toContain("cooperator_is_initiator"); // 高平市文化和旅游局 with itself
  });

  it("晋城: rows that are fine produce no errors", () => {
    const { diagnostics } = run("jincheng-2023");
    const errorRows = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.row));
    for (const r of [2, 3, 4, 6, 7, 8, 9, 10, 12, 13, 17, 18, 19, 23, 26, 29, 30, 31, 33, 34, 36, 37, 38]) expect(errorRows.has(r), `row ${r}`).toBe(false);
  });

  it("舞钢: the plan against its own item list and inspector pool", () => {
    const row = at("wugang-2023");
    expect(row(2)).toEqual(["targeting_unrecognized", "inspectors_insufficient", "entity_inspections_above_cap", "item_not_in_list"]);
    expect(row(undefined)).toEqual(["item_coverage_low", "credit_share_low"]);
  });
});
