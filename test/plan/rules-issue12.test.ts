// The defects of issue 12 (found by careful readers of an unseen 2024 municipal plan), each built from a seed-plan
// row (晋城 2023 joint plan: its header and wording) with one defect put in. Every rule is also shown silent on the
// same row without the defect, so no test here passes by a rule that fires on everything.
import { describe, expect, it } from "vitest";
import { lintPlanTable } from "../../src/plan/lintPlanTable.js";
import { formatDiagnosticsJson } from "../../src/plan/formatJson.js";
import { formatDiagnosticsSarif } from "../../src/plan/formatSarif.js";
import { formatDiagnosticsText } from "../../src/plan/formatText.js";
import { unwrap } from "../../src/result.js";

const HEADER = "序号,抽查任务名称,抽查事项,抽查对象范围,抽查比例及频次,智慧监管(信用风险分类)要求,抽查检查起止时间,发起部门,配合部门,抽查检查模式";
const CREDIT = "根据企业信用风险分类结果，对低风险、一般风险、较高风险、高风险企业分别增加抽查比例、频次";
// 晋城 2023 row 11 (序号28), written as a complete, clean row.
const row = (o: Partial<Record<"i" | "name" | "items" | "scope" | "quota" | "credit" | "window" | "init" | "coop" | "mode", string>> = {}) =>
  [o.i ?? "28", o.name ?? "对肥料的双随机抽查", o.items ?? "肥料监督检查", o.scope ?? "城区范围内经农业农村部门登记的肥料生产者",
    o.quota ?? "不低于10% 1次/年", o.credit ?? `"${CREDIT}"`, o.window ?? "3月-12月", o.init ?? "市农业农村局", o.coop ?? "市市场监管局", o.mode ?? "市抽市查"].join(",");
const lint = (rows: string[]) => unwrap(lintPlanTable([HEADER, ...rows].join("\n"), { year: 2023 }));
const found = (rows: string[]) => lint(rows).diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.row ?? "-"}:${d.code}`);

describe("issue 12: the defects careful readers found, each on a constructed seed row", () => {
  it("the clean rows have no finding at all", () => {
    expect(found([row(), row({ i: "29", name: "对农药的双随机抽查", items: "农药监督检查", scope: "农药经营者" })])).toEqual([]);
  });

  it("a department written two ways (with and without 市, as 局 and as 委)", () => {
    expect(found([row(), row({ i: "29", name: "对种子的抽查", scope: "种子经营者", coop: "市场监管局" })])).toEqual(["3:department_spelled_two_ways"]);
    expect(found([row({ init: "市发改委", coop: "市公安局" }), row({ i: "29", name: "对种子的抽查", scope: "种子经营者", init: "市发改局", coop: "市公安局" })])).toEqual(["3:department_spelled_two_ways"]);
    // 市公安局 and 县公安局 are two departments; so are 市场监管局 and 市场监管总局-like names of other words.
    expect(found([row({ coop: "市公安局" }), row({ i: "29", name: "对种子的抽查", scope: "种子经营者", coop: "县公安局" })])).toEqual([]);
  });

  it("a credit cell that only names a tier, not counted as applying the classification", () => {
    const d = lint([row({ credit: "一般风险" })]).diagnostics.filter((x) => x.severity !== "info");
    expect(d.map((x) => x.code)).toEqual(["credit_requirement_tier_only", "credit_share_low"]);
    expect(d[1]?.message.zh).toContain("0/1项");
  });

  it("a ratio below 100% on one named facility or on a pool of one or two", () => {
    expect(found([row({ scope: "晋城市城区垃圾填埋场", quota: "10% 1次/年" })])).toEqual(["2:quota_ratio_on_single_facility"]);
    expect(found([row({ scope: "游泳场馆", quota: "10% 1次/年" })])).toEqual([]);
    expect(found([row({ quota: "我市2家肥料生产企业，抽查比例不低于50%；1次/年" })])).toEqual(["2:quota_words_unused", "2:quota_ratio_on_tiny_pool"]);
    expect(found([row({ quota: "我市20家肥料生产企业，抽查比例不低于50%；1次/年" })])).toEqual(["2:quota_words_unused"]);
  });

  it("a 100% quota whose credit requirement raises the ratio by tier", () => {
    expect(found([row({ quota: "100% 1次/年" })])).toEqual(["2:credit_increase_on_full_quota"]);
    expect(found([row({ quota: "100% 1次/年", credit: "根据企业信用风险分类结果，对高风险企业提高检查频次" })])).toEqual([]);
  });

  it("a month in the task name that the window contradicts", () => {
    expect(found([row({ name: "2023年7月份肥料双随机抽查", window: "1月—11月" })])).toEqual(["2:task_name_period_mismatch"]);
    expect(found([row({ name: "2023年7月份肥料双随机抽查", window: "7月1日至7月31日" })])).toEqual([]);
    expect(found([row({ name: "第三季度肥料双随机抽查", window: "4月1日至6月30日" })])).toEqual(["2:task_name_period_mismatch"]);
  });

  it("two tasks with the same name (a merged or continued name is one task)", () => {
    expect(found([row(), row({ i: "29", items: "肥料标签检查", scope: "肥料经营者" })])).toEqual(["3:task_name_repeated"]);
  });

  it("an unfinished or garbled mode", () => {
    expect(found([row({ mode: "市抽(县、区)查" })])).toEqual(["2:mode_garbled"]);
    expect(found([row({ mode: "市抽市查、市抽县(区)查" })])).toEqual([]);
    expect(found([row({ mode: "市抽" })])).toEqual(["2:mode_garbled"]);
  });

  it("the same entities drawn by two departments without a joint task (多头检查)", () => {
    const other = row({ i: "29", name: "肥料经营者计量器具检查", items: "计量器具检查", scope: "肥料生产者", init: "市市场监管局", coop: "市公安局" });
    expect(found([row({ coop: "市公安局" }), other])).toEqual(["3:scope_overlap_not_joint"]);
    // Joint (the other department cooperates): not 多头.
    expect(found([row({ coop: "市市场监管局" }), other])).toEqual([]);
  });

  it("a quota cell with a preamble is read, and the unused words are quoted verbatim", () => {
    const d = lint([row({ quota: "市级农业农村部门每年对市级及以下肥料生产者抽查比例之和≥20%;1次/年" })]).diagnostics.filter((x) => x.severity !== "info");
    expect(d.map((x) => x.code)).toEqual(["quota_words_unused"]);
    expect(d[0]?.message.zh).toBe("抽查比例读作“不低于20%（累计），每年1次”；原文中未用到的文字：“市级农业农村部门每年对市级及以下肥料生产者”，请确认这些文字不改变抽取数量");
  });

  it("entity_inspections_above_cap shows its arithmetic and where the cap comes from", () => {
    const d = lint([row({ quota: "35% 每季度" })]).diagnostics.find((x) => x.code === "entity_inspections_above_cap");
    expect(d?.severity).toBe("warning");
    expect(d?.message.zh).toContain("第2行 35%×4（每季度1次，即4次/年） = 1.4次/年");
    expect(d?.message.zh).toContain("高于每年1次的上限（本工具默认值");
  });

  it("credit_share_low leaves out 不涉及 tasks and names the tasks that lack it", () => {
    const d = lint([row({ credit: "" }), row({ i: "29", name: "对学校的抽查", scope: "学校", credit: "不涉及" }), row({ i: "30", name: "对农药的抽查", scope: "农药经营者" })]).diagnostics.find((x) => x.code === "credit_share_low");
    expect(d?.message.zh).toContain("50%（1/2项，写明“不涉及”的1项不计入）");
    expect(d?.message.zh).toContain("未运用的任务：第2行 序号28 对肥料的双随机抽查");
    expect(d?.message.zh).toContain("本工具默认值");
  });

  it("every finding names its row and task in text, JSON and SARIF; every error has a hint; no English in zh messages", () => {
    const { plan, diagnostics } = lint([row({ quota: "-5%" }), row({ i: "29", name: "对农药的抽查", scope: "农药经营者", coop: "", mode: "市抽(县、区)查" })]);
    const text = formatDiagnosticsText(diagnostics, { plan });
    expect(text).toContain("第2行 序号28 对肥料的双随机抽查");
    expect(text).toContain("第3行 序号29 对农药的抽查");
    const json = JSON.parse(formatDiagnosticsJson(diagnostics));
    for (const d of json.diagnostics.filter((x: { row?: number }) => x.row !== undefined && x.row > 1)) expect(d.task.name).toMatch(/^对/);
    const sarif = JSON.parse(formatDiagnosticsSarif(diagnostics));
    for (const r of sarif.runs[0].results.filter((x: { locations?: unknown }) => x.locations)) {
      if (r.locations[0].physicalLocation?.region?.startLine > 1) expect(r.message.text).toMatch(/^第\d+行（序号\d+ 对/);
    }
    for (const d of diagnostics) {
      if (d.severity === "error") expect(d.hint, d.code).toBeDefined();
      // Letters are allowed only inside quoted plan text (A类, 3C) and option names.
      expect(d.message.zh.replace(/“[^”]*”|（[^）]*caps\.[^）]*）|[ABCD]类/g, ""), d.code).not.toMatch(/[a-zA-Z]{2,}/);
    }
  });
});
