// The @example blocks of the plan area's TSDoc, run as written: the `//=>` lines must stay true.
import { describe, expect, it } from "vitest";
import { formatDiagnosticsJson, formatDiagnosticsSarif, importPlanTable, lintPlan, lintPlanTable, lintRules } from "../../src/index.js";
import { unwrap } from "../../src/result.js";

describe("documented examples", () => {
  it("importPlanTable", () => {
    const csv = "抽查任务名称,抽查类型,抽查比例,抽取日期\n娱乐场所治安管理监督检查,不定向,每半年3%,2023年1月1日—12月31日";
    const r = importPlanTable(csv, { year: 2023, issuer: "焦作市公安局" });
    expect(r.ok && r.value.tasks[0]?.quota?.frequency).toEqual({ times: 1, per: "halfYear" });
  });

  it("lintPlan", () => {
    const plan = unwrap(importPlanTable("抽查任务名称,抽查类型,抽查比例,抽取日期\n总量减排核查,不定向,-5%,1月1日至12月31日", { year: 2023, issuer: "焦作市生态环境局" }));
    expect(lintPlan(plan, { year: 2023 }).map((d) => d.code)).toEqual(["quota_negative", "credit_share_low"]);
  });

  it("lintPlanTable", () => {
    const r = lintPlanTable("抽查任务名称,抽查类型,抽查比例,抽取日期\n甲,定项,5%,3月", { year: 2023, issuer: "某局", disable: ["credit-share"] });
    expect(r.ok && r.value.diagnostics.map((d) => [d.row, d.code])).toEqual([[2, "targeting_typo"], [2, "directed_without_scope"]]);
  });

  it("formatters and rules", () => {
    expect(JSON.parse(formatDiagnosticsJson([])).summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(JSON.parse(formatDiagnosticsSarif([], { file: "plan.csv" })).version).toBe("2.1.0");
    expect(lintRules.map((r) => r.id).includes("quota-negative")).toBe(true);
  });

  it("the lint reads a task again when its text changed after import", () => {
    const plan = unwrap(importPlanTable("抽查任务名称,抽查类型,抽查对象范围,抽查比例,抽取日期\n甲,不定向,全市,5%,3月", { year: 2023, issuer: "某局" }));
    expect(lintPlan(plan, { disable: ["credit-share"] })).toEqual([]);
    const edited = { ...plan, tasks: plan.tasks.map((t) => ({ ...t, quotaText: "-5%" })) };
    expect(lintPlan(edited, { disable: ["credit-share"] }).map((d) => d.code)).toEqual(["quota_negative"]);
    const task = plan.tasks[0]!;
    task.quotaText = "待定";
    expect(lintPlan(plan, { disable: ["credit-share"] }).map((d) => d.code)).toEqual(["quota_undecided"]);
  });
});
