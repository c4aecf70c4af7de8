import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/messages/index.js";
import { planMessages } from "../../src/messages/plan.js";
import type { Inspector } from "../../src/model/inspector.js";
import { importPlanTable } from "../../src/plan/importPlanTable.js";
import { lintPlan } from "../../src/plan/lintPlan.js";
import { lintRules } from "../../src/plan/rules/index.js";
import { unwrap } from "../../src/result.js";

const HEADER = "抽查任务名称,抽查类型,抽查事项,抽查对象范围,抽查比例,抽取日期,发起部门";
const FINE = "娱乐场所治安管理监督检查,不定向,娱乐场所治安管理,全市娱乐场所,每半年3%,2023年1月1日—12月31日,焦作市公安局";
const plan = (rows: string[], header = HEADER, extra: Record<string, unknown> = {}) =>
  unwrap(importPlanTable([header, ...rows].join("\n"), { year: 2023, ...extra }));
// credit_share_low fires on any plan without a credit-risk column; tests of other rules leave it out.
const codes = (rows: string[], options: Parameters<typeof lintPlan>[1] = {}, header = HEADER) =>
  lintPlan(plan(rows, header), { disable: ["credit-share"], ...options }).map((d) => [d.row, d.code]);

describe("lint rules", () => {
  it("each rule has a unique id, a zh/en description, a rationale and catalogued codes", () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of lintRules) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.description.zh.length).toBeGreaterThan(4);
      expect(r.description.en.length).toBeGreaterThan(4);
      expect(r.rationale.zh.length).toBeGreaterThan(10);
      expect(r.rationale.en.length).toBeGreaterThan(10);
      expect(r.codes.length).toBeGreaterThan(0);
      for (const c of r.codes) expect(messages[c]).toBeDefined();
    }
  });

  it("plan codes do not collide with another area's catalog (a spread would overwrite their messages)", async () => {
    const others = await Promise.all([
      import("../../src/messages/core.js"), import("../../src/messages/model.js"), import("../../src/messages/quota.js"),
      import("../../src/messages/calendar.js"), import("../../src/messages/draw.js"), import("../../src/messages/match.js"),
    ]);
    const taken = new Set(others.flatMap((m) => Object.values(m).flatMap((catalog) => Object.keys(catalog))));
    expect(taken.size).toBeGreaterThan(20);
    expect(Object.keys(planMessages).filter((code) => taken.has(code))).toEqual([]);
  });
});

describe("lintPlan", () => {
  it("finds nothing wrong in a fine row", () => {
    expect(codes([FINE])).toEqual([]);
  });

  it("reports the ratio problems of the seed plans with their row", () => {
    const rows = [FINE.replace("每半年3%", "-5%"), FINE.replace("每半年3%", "120%"), FINE.replace("每半年3%", "0.2"), FINE.replace("每半年3%", "待定"), FINE.replace("每半年3%", "")];
    expect(codes(rows, { disable: ["credit-share", "duplicate-task", "task-name-repeated"] })).toEqual([[2, "quota_negative"], [3, "quota_over_100"], [4, "quota_bare_number"], [5, "quota_undecided"], [6, "quota_empty"]]);
  });

  it("reports missing, unreadable and out-of-year windows and windows after the completion date", () => {
    const rows = [FINE.replace("2023年1月1日—12月31日", ""), FINE.replace("2023年1月1日—12月31日", "年中左右"), FINE.replace("2023年1月1日—12月31日", "2022年4月"), FINE.replace("2023年1月1日—12月31日", "3月-12月")];
    const p = unwrap(importPlanTable([HEADER, ...rows].join("\n"), { year: 2023, completionDate: "2023-12-15" }));
    expect(lintPlan(p, { disable: ["credit-share", "task-name-repeated"] }).map((d) => [d.row, d.code])).toEqual([
      [2, "window_empty"], [3, "window_unparseable"], [4, "window_outside_year"], [5, "window_after_completion"],
    ]);
  });

  it("reports a year in the task or plan name that is not the plan year", () => {
    // The name also pins the first quarter while the window is the whole year (task-name-period).
    expect(codes([FINE.replace("娱乐场所治安管理监督检查", "2021年第一季度市管重点排污单位监督检查")])).toEqual([[2, "task_year_mismatch"], [2, "task_name_period_mismatch"]]);
    expect(codes([FINE.replace("娱乐场所治安管理监督检查", "2023 年度娱乐场所检查")])).toEqual([]);
  });

  it("reports a frequency the window cannot hold, and accepts one it can", () => {
    expect(codes([FINE.replace("每半年3%", "每季度 20%").replace("2023年1月1日—12月31日", "5月—8月")])).toEqual([[2, "frequency_impossible"]]);
    expect(codes([FINE.replace("每半年3%", "10%；4次/年").replace("2023年1月1日—12月31日", "5月—7月")])).toEqual([[2, "frequency_impossible"]]);
    expect(codes([FINE.replace("每半年3%", "10%；4次/年").replace("2023年1月1日—12月31日", "5月—8月")])).toEqual([]);
    expect(codes([FINE.replace("每半年3%", "每半年 20%").replace("2023年1月1日—12月31日", "3月-8月")])).toEqual([]);
  });

  it("checks the departments of joint tasks", () => {
    const h = `${HEADER},配合部门`;
    expect(codes([`${FINE},`], {}, h)).toEqual([[2, "cooperator_missing"]]);
    expect(codes([`${FINE},焦作市公安局`], {}, h)).toEqual([[2, "cooperator_is_initiator"]]);
    expect(codes([`${FINE},市市场监管局 或市人社局`], {}, h)).toEqual([[2, "cooperator_ambiguous"]]);
    expect(codes([`${FINE},市市场监管局、市税务局`], {}, h)).toEqual([]);
    expect(codes([FINE.replace("焦作市公安局", "")])).toEqual([[2, "initiator_missing"]]);
    // Without a 发起部门 column the plan's issuer is the initiator.
    const noColumn = unwrap(importPlanTable("抽查任务名称,抽查类型,抽查对象范围,抽查比例,抽取日期\n甲,不定向,全市,5%,3月", { year: 2023, issuer: "舞钢市工业和信息化局" }));
    expect(lintPlan(noColumn, { disable: ["credit-share"] })).toEqual([]);
  });

  it("checks the credit-risk requirement where the plan has one", () => {
    const h = `${HEADER},智慧监管（信用风险分类）要求`;
    expect(codes([`${FINE},`], {}, h)).toEqual([[2, "credit_requirement_missing"]]);
    expect(codes([`${FINE.replace("每半年3%", "A类3%，D类50%")},不涉及`], {}, h).map((x) => x[1])).toContain("credit_requirement_contradictory");
    expect(codes([`${FINE},根据企业信用风险分类结果分别增加抽查比例`], {}, h)).toEqual([]);
    const p = plan([`${FINE},按风险分类`, `${FINE.replace("娱乐", "旅馆")},`], h);
    expect(lintPlan(p).filter((d) => d.code === "credit_share_low")).toMatchObject([{ params: { used: 1, total: 2, share: "50%" } }]);
    expect(lintPlan(p, { caps: { creditRiskShare: 0.5 } }).filter((d) => d.code === "credit_share_low")).toEqual([]);
  });

  it("reports a directed task without scope, duplicates and shifted columns", () => {
    expect(codes([FINE.replace("不定向", "定向").replace("全市娱乐场所", "")])).toEqual([[2, "directed_without_scope"]]);
    expect(codes([FINE, FINE])).toEqual([[3, "task_duplicate"]]);
    expect(codes(["大型群众性活动治安管理监督检查,不定向,大型群众性活动,每半年 3%,2023年1月1日—12月31日,,焦作市公安局"]).map((x) => x[1])).toEqual(["quota_column_shift"]); // the empty window is the shift: folded into it
    expect(codes(["企业事业单位内部治安保卫工作监督检查,不定向,内部治安保卫,全市治安保卫重点单位 每季度 20%,2023年1月1日至12月31日,,焦作市公安局"])[0]).toEqual([2, "quota_column_shift"]);
    expect(codes([FINE.replace("2023年1月1日—12月31日", "县市场局")]).map((x) => x[1])).toEqual(["columns_shifted"]);
    expect(codes([FINE.replace("全市娱乐场所", "易制毒化学品生产、使用、购买、运输企业 0.1")]).map((x) => x[1])).toEqual(["columns_shifted"]);
  });

  it("reports targeting typos and unknown targeting from the raw cell", () => {
    expect(codes([FINE.replace("不定向", "不定项")])).toEqual([[2, "targeting_typo"]]);
    expect(codes([FINE.replace("不定向", "一般检查事项")])).toEqual([[2, "targeting_unrecognized"]]);
    expect(codes([FINE.replace("不定向", "")])).toEqual([[2, "targeting_missing"]]);
  });

  it("uses pool sizes: a ratio rounding to zero, and inspectors too few for two per entity", () => {
    const p = plan([FINE.replace("每半年3%", "1‰")]);
    expect(lintPlan(p, { poolSizes: { R2: 400 }, disable: ["credit-share"] }).map((d) => d.code)).toEqual(["quota_rounds_to_zero"]);
    expect(lintPlan(p, { poolSizes: { 娱乐场所治安管理监督检查: 1000 }, disable: ["credit-share"] })).toEqual([]);
    // "不低于" rounds up: at least one entity, never zero.
    expect(lintPlan(plan([FINE.replace("每半年3%", "不低于1‰")]), { poolSizes: { R2: 400 }, disable: ["credit-share"] })).toEqual([]);
    const officer = (id: string, loadCap?: number): Inspector => ({ id, name: id, department: "焦作市公安局", credential: true, expert: false, qualifications: [], regions: [], conflicts: [], ...(loadCap === undefined ? {} : { loadCap }) });
    const p2 = plan([FINE.replace("每半年3%", "10%")]);
    const run = (inspectors: Inspector[], pool?: number) =>
      lintPlan(p2, { inspectors, ...(pool === undefined ? {} : { poolSizes: { R2: pool } }), disable: ["credit-share"] }).map((d) => [d.code, d.params?.needed, d.params?.available]);
    expect(run([officer("a")])).toEqual([["inspectors_insufficient", 2, 1]]);
    expect(run([officer("a"), { ...officer("b"), expert: true }])).toEqual([["inspectors_insufficient", 2, 1]]);
    expect(run([officer("a"), officer("b")])).toEqual([]);
    // 10% of 100 = 10 entities need 20 inspector slots; two officers capped at 8 each offer 16.
    expect(run([officer("a", 8), officer("b", 8)], 100)).toEqual([["inspectors_insufficient", 20, 16]]);
    expect(run([officer("a", 10), officer("b", 10)], 100)).toEqual([]);
  });

  it("sums expected inspections of one entity per item exactly (5 × 20% is 1, not above it)", () => {
    const five = [1, 2, 3, 4, 5].map((i) => FINE.replace("娱乐场所治安管理监督检查", `第${i}批检查`).replace("每半年3%", "20%"));
    expect(codes(five)).toEqual([]);
    const quarters = ["1月1日至3月31日", "4月1日至6月30日", "7月1日至9月30日", "10月1日至12月31日"].map((w, i) => FINE.replace("娱乐场所治安管理监督检查", `第${i + 1}季度检查`).replace("每半年3%", "100%").replace("2023年1月1日—12月31日", w));
    expect(lintPlan(plan(quarters), { disable: ["credit-share"] }).map((d) => [d.row, d.code, d.params?.expected, d.params?.rows])).toEqual([[2, "entity_inspections_above_cap", 4, { zh: "2、3、4、5", en: "2, 3, 4, 5" }]]);
    expect(codes(quarters, { caps: { perEntityPerYear: 4 } })).toEqual([]);
    expect(codes([FINE.replace("每半年3%", "100%").replace("2023年1月1日—12月31日", "每月")])).toEqual([[2, "entity_inspections_above_cap"]]);
  });

  it("a task that names its quarter is one round, even when its window recurs every quarter (焦作 2023 rows 19–22)", () => {
    const rows = ["一", "二", "三", "四"].map((q) => FINE.replace("娱乐场所治安管理监督检查", `2021年第${q}季度重点排污单位监督检查`).replace("每半年3%", "100%").replace("2023年1月1日—12月31日", "每季度结束前5个工作日"));
    expect(lintPlan(plan(rows), { disable: ["credit-share"] }).filter((d) => d.code === "entity_inspections_above_cap").map((d) => d.params?.expected)).toEqual([4]);
    // The same rows without a named quarter are four rounds each: 16 a year.
    const unnamed = rows.map((r, i) => r.replace(/2021年第.季度/, `第${i + 1}组`));
    expect(lintPlan(plan(unnamed), { disable: ["credit-share"] }).filter((d) => d.code === "entity_inspections_above_cap").map((d) => d.params?.expected)).toEqual([16]);
    // 上半年 pins a half-year round the same way.
    const half = FINE.replace("娱乐场所治安管理监督检查", "上半年专项检查").replace("每半年3%", "100%").replace("2023年1月1日—12月31日", "每半年");
    expect(lintPlan(plan([half]), { disable: ["credit-share"] }).filter((d) => d.code === "entity_inspections_above_cap")).toEqual([]);
  });

  it("checks the item list: unknown items and coverage", () => {
    const items = [
      { id: "WG-1", name: "民爆企业安全生产工作监督检查", legalBasis: "《民用爆炸物品安全管理条例》第四条", department: "县级以上工信主管部门", category: "general" as const, methods: ["on_site" as const] },
      { id: "X-2", name: "烟花爆竹安全管理", legalBasis: "x", department: "x", category: "general" as const, methods: ["on_site" as const] },
    ];
    const p = plan([FINE.replace("娱乐场所治安管理,", "民爆企业安全生产工作监督检查,")]);
    expect(lintPlan(p, { items, disable: ["credit-share"] }).map((d) => [d.code, d.params?.coverage])).toEqual([["item_coverage_low", "50%"]]);
    expect(lintPlan(p, { items, caps: { itemCoverage: 0.5 }, disable: ["credit-share"] })).toEqual([]);
    expect(lintPlan(plan([FINE]), { items, disable: ["credit-share"] }).map((d) => d.code)).toEqual(["item_not_in_list", "item_coverage_low"]);
  });

  it("does not mutate the plan, and is deterministic", () => {
    const p = plan([FINE, FINE.replace("每半年3%", "-5%"), FINE.replace("不定向", "定项")]);
    const copy = structuredClone(p);
    const a = lintPlan(p, { poolSizes: { R2: 10 } });
    expect(p).toEqual(copy);
    expect(lintPlan(p, { poolSizes: { R2: 10 } })).toEqual(a);
  });

  it("never throws on random plans, and every finding names a known rule and, when it has a row, a task row", () => {
    const cell = fc.constantFrom("", "定向", "不定项", "5%", "-5%", "待定", "0.2", "3月-11月", "2022年4月", "每季度 20%", "县市场局", "全市", "2021年检查", "甲局", "或乙局", "不涉及");
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 12 }), (rows) => {
        const p = unwrap(importPlanTable([["抽查任务名称", "抽查类型", "抽查对象范围", "抽查比例", "抽取日期", "发起部门", "配合部门", "智慧监管（信用风险分类）要求"], ...rows], { year: 2023 }));
        const ids = new Set(lintRules.map((r) => r.id));
        const taskRows = new Set(p.tasks.map((t) => t.source?.row));
        for (const d of lintPlan(p)) {
          expect(ids.has(d.rule)).toBe(true);
          if (d.row !== undefined) expect(taskRows.has(d.row)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 6 },
    );
  });
});
