import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importPlanTable } from "../../src/plan/importPlanTable.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), "utf8");

describe("importPlanTable", () => {
  it("reads the 焦作 fixture: every non-header row is a task, typed, with its provenance", () => {
    const r = importPlanTable(fixture("jiaozuo-2023.csv"), { year: 2023 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 56 data lines, two of them repeated header rows at page breaks.
    expect(r.value.tasks).toHaveLength(54);
    const skipped = r.warnings.filter((i) => i.code === "plan_row_skipped").map((i) => i.row);
    expect(skipped).toEqual([24, 43]);
    const police = r.value.tasks.find((t) => t.source?.row === 5);
    expect(police).toMatchObject({
      id: "R5", name: "民爆物品安全管理", planName: "民爆物品安全监管督查", targeting: "undirected",
      initiator: "焦作市公安局", scope: "全市爆破作业单位", quotaText: "每半年 20%",
      quota: { ratio: { numerator: 1, denominator: 5, bound: "exact" }, frequency: { times: 1, per: "halfYear" } },
      windows: [{ start: "2023-01-01", end: "2023-12-31" }],
    });
    expect(police?.source?.cells["抽查比例"]).toBe("每半年 20%");
    expect(police?.source?.cells["抽取日期"]).toBe("2023年1月1日—12月31日");
  });

  it("recognises the 晋城 and 舞钢 header variants and keeps unknown headers", () => {
    const jc = importPlanTable(fixture("jincheng-2023.csv"), { year: 2023 });
    expect(jc.ok && jc.value.tasks[0]).toMatchObject({
      region: "晋城市本级 (58)", initiator: "市新闻出版局", cooperators: ["市文旅局"], quotaText: "20% 1次/年",
      creditRequirement: expect.stringContaining("信用风险分类"),
    });
    const wg = importPlanTable(fixture("wugang-2023.csv"), { year: 2023, issuer: "舞钢市工业和信息化局" });
    expect(wg.ok).toBe(true);
    if (!wg.ok) return;
    const t = wg.value.tasks[0];
    expect(t).toMatchObject({ name: "2023 年民爆生产企业及销售企业的安全检查", scope: "民爆生产及销售企业", quotaText: "100%", windowText: "每月", initiator: "舞钢市工业和信息化局", responsible: "县（市区）局" });
    // 抽查方式 holds 一般检查事项 (a shifted cell): reported, not guessed into a targeting.
    expect(wg.warnings.map((i) => i.code)).toContain("targeting_unrecognized");
    const unknown = wg.warnings.filter((i) => i.code === "plan_column_unknown").map((i) => i.field);
    expect(unknown).toEqual(["抽查类别", "事项类别", "检查方式", "不同地区抽查比重", "县（市、区）局抽查要求"]);
    expect(t?.source?.cells["不同地区抽查比重"]).toBe("不同地区抽查比重相同");
  });

  it("recognises 抽取比例, 抽查数量, 抽查日期 and spaced or full-width headers", () => {
    const csv = "序号,抽查 任务 名称,抽查类型,抽取比例,抽查日期,智慧监管（信用风险分类）要求\n1,甲,定向,5%,3月,按风险分类\n";
    const r = importPlanTable(csv, { year: 2023, issuer: "某局" });
    expect(r.ok && r.value.tasks[0]).toMatchObject({ name: "甲", targeting: "directed", quotaText: "5%", windowText: "3月", creditRequirement: "按风险分类" });
    const r2 = importPlanTable([["抽查任务名称", "抽查数量"], ["乙", "不少于4户"]], { year: 2023 });
    expect(r2.ok && r2.value.tasks[0]?.quota?.count).toEqual({ value: 4, bound: "atLeast" });
  });

  it("maps headers it does not know through `columns`, and the lint reads them the same way", async () => {
    const { lintPlan } = await import("../../src/plan/lintPlan.js");
    const csv = "任务,类型,检查比例（%）,时间安排,牵头单位\n甲,不定向,-5%,3月,某局\n";
    const plain = importPlanTable(csv, { year: 2023 });
    expect(plain.ok).toBe(false);
    const columns = { 任务: "name", 类型: "targeting", "检查比例（%）": "quota", 时间安排: "window", 牵头单位: "initiator" } as const;
    const r = importPlanTable(csv, { year: 2023, columns });
    if (!r.ok) throw new Error("import failed");
    expect(r.value.tasks[0]).toMatchObject({ name: "甲", targeting: "undirected", quotaText: "-5%", windowText: "3月", initiator: "某局" });
    expect(lintPlan(r.value, { columns, disable: ["credit-share"] }).map((d) => [d.code, d.field])).toEqual([["quota_negative", "检查比例（%）"]]);
  });

  it("reads rows as records and rows as arrays, numbering rows as the planner sees them", () => {
    const records = [{ 抽查任务名称: "甲", 抽查比例: "5%" }, { 抽查任务名称: "乙", 抽查比例: 0.5, 备注: "x" }];
    const r = importPlanTable(records, { year: 2023 });
    expect(r.ok && r.value.tasks.map((t) => [t.source?.row, t.quotaText, t.source?.cells["备注"]])).toEqual([[2, "5%", ""], [3, "0.5", "x"]]);
    const arrays = [["焦作市公安局 2023 年度抽查计划"], ["抽查任务名称", "抽查比例"], ["甲", "5%"]];
    const a = importPlanTable(arrays, { year: 2023 });
    expect(a.ok && a.value.tasks.map((t) => t.source?.row)).toEqual([3]);
    expect(a.ok && a.warnings.find((i) => i.code === "plan_row_skipped")?.row).toBe(1);
  });

  it("fills merged cells down only when asked, records every fill, and stops at a repeated header", () => {
    const csv = "发起部门,抽查任务名称,抽查比例\n甲局,任务一,5%\n,任务二,5%\n发起部门,抽查任务名称,抽查比例\n,任务三,5%\n";
    const off = importPlanTable(csv, { year: 2023 });
    expect(off.ok && off.value.tasks.map((t) => t.initiator)).toEqual(["甲局", "", ""]);
    const on = importPlanTable(csv, { year: 2023, fillMerged: true });
    expect(on.ok && on.value.tasks.map((t) => t.initiator)).toEqual(["甲局", "甲局", ""]);
    const fills = on.ok ? on.warnings.filter((i) => i.code === "plan_cell_filled") : [];
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ row: 3, field: "发起部门", params: { from: 2, value: "甲局" } });
    const listed = importPlanTable("抽查任务名称,抽查比例\n甲,5%\n乙,\n", { year: 2023, fillMerged: ["抽查比例"] });
    expect(listed.ok && listed.value.tasks[1]?.quotaText).toBe("5%");
  });

  it("reads 抽查类型 typos with a warning and never guesses an unknown one", () => {
    const csv = "抽查任务名称,抽查类型\n甲,不定项\n乙,定项\n丙,定期向\n丁,定向 现场检查\n戊,一般检查事项\n";
    const r = importPlanTable(csv, { year: 2023 });
    if (!r.ok) throw new Error("import failed");
    expect(r.value.tasks.map((t) => t.targeting)).toEqual(["undirected", "directed", "directed", "directed", "undirected"]);
    expect(r.warnings.filter((i) => i.code.startsWith("targeting")).map((i) => [i.row, i.code])).toEqual([
      [2, "targeting_typo"], [3, "targeting_typo"], [4, "targeting_typo"], [6, "targeting_unrecognized"],
    ]);
  });

  it("attaches quota and window problems to their row and column as warnings", () => {
    const r = importPlanTable("抽查任务名称,抽查比例,抽取日期\n总量减排核查,-5%,2022年4月\n", { year: 2023 });
    if (!r.ok) throw new Error("import failed");
    const got = r.warnings.filter((i) => !i.code.startsWith("plan_")).map((i) => [i.code, i.row, i.field, i.severity]);
    expect(got).toEqual([["quota_negative", 2, "抽查比例", "warning"], ["window_outside_year", 2, "抽取日期", "warning"]]);
    expect(r.value.tasks[0]?.quota).toBeUndefined();
  });

  it("fails without a header row or with a bad year, and does not mutate its input", () => {
    expect(importPlanTable("a,b\n1,2\n", { year: 2023 })).toMatchObject({ ok: false, issues: [{ code: "plan_header_missing" }] });
    expect(importPlanTable("", { year: 2023 }).ok).toBe(false);
    expect(importPlanTable("抽查任务名称,抽查比例\n", { year: 23 })).toMatchObject({ ok: false, issues: [{ code: "invalid_argument" }] });
    const rows = [["抽查任务名称", "发起部门"], ["甲", "局"], ["乙", ""]];
    const copy = structuredClone(rows);
    importPlanTable(rows, { year: 2023, fillMerged: true });
    expect(rows).toEqual(copy);
  });

  it("never throws on records holding any kind of value", () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom("抽查任务名称", "抽查比例", "抽取日期", "备注", "x"), fc.anything()), { maxLength: 20 }), (records) => {
        const r = importPlanTable(records, { year: 2023 });
        if (r.ok) expect(r.value.tasks.length).toBeLessThanOrEqual(records.length);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it("never throws and never loses a row on random tables", () => {
    const headers = ["序号", "抽查任务名称", "抽查类型", "抽查比例", "抽取日期", "发起部门", "配合部门", "备注", ""];
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "定向", "不定项", "5%", "-5%", "待定", "3月-11月", "2022年4月", "抽查任务名称", "抽查比例", ",", "\"", "\n"));
    fc.assert(
      fc.property(fc.shuffledSubarray(headers, { minLength: 0 }), fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }), fc.boolean(), fc.boolean(),
        (header, body, fillMerged, asCsv) => {
          const rows = [header, ...body];
          const input = asCsv ? rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n") : rows;
          const r = importPlanTable(input, { year: 2023, fillMerged });
          if (!r.ok) {
            expect(r.issues.some((i) => i.code === "plan_header_missing" )).toBe(true);
            return;
          }
          // Every non-blank row after the header is a task or a reported skipped row.
          const nonBlank = rows.map((cells, i) => ({ row: i + 1, blank: cells.every((c) => c.trim() === "") })).filter((x) => !x.blank);
          const accounted = new Set([...r.value.tasks.map((t) => t.source?.row), ...r.warnings.filter((i) => i.code === "plan_row_skipped").map((i) => i.row)]);
          const headerLine = nonBlank.filter((x) => !accounted.has(x.row));
          // Exactly one non-blank row is not accounted for: the header itself.
          expect(headerLine).toHaveLength(1);
          for (const t of r.value.tasks) expect(t.source!.row).toBeGreaterThan(headerLine[0]!.row);
          for (const t of r.value.tasks) expect(t.name.length).toBeGreaterThan(0);
        }),
      { numRuns: 300, seed: 20230217 },
    );
  });
});
