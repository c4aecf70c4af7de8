import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyResultSignals, resultSignals, unwrap, yearStatistics } from "../../src/index.js";
import { scenario, WINDOW } from "./_fixtures.js";

const res = (taskId: string, entityId: string, category: string, date = "2023-06-01", extra: Record<string, unknown> = {}) =>
  ({ taskId, entityId, entityName: `名${entityId}`, inspectionDates: [date], enteredOn: "2023-07-03", category, ...extra });

describe("resultSignals", () => {
  it("per entity: problems, 经营异常名录, status to exclude by, open follow-ups, inspections as pool records", () => {
    const signals = unwrap(resultSignals([
      res("T1", "E2", "未发现问题", "2023-06-01", { findings: [{ itemId: "I1", outcome: "compliant" }, { itemId: "I2", outcome: "compliant" }], teamIds: ["P1", "P2"] }),
      res("T1", "E1", "通过登记的住所（经营场所）无法联系"),
      res("T2", "E1", "已注销", "2023-09-01"),
      res("T1", "E3", "发现问题已移送有关部门处理", "2023-06-02", { followUps: [{ kind: "transfer", to: "某县公安局" }] }),
      res("T1", "E4", "公示信息隐瞒真实情况、弄虚作假"),
    ]));
    expect(signals.map((s) => [s.entityId, s.problemFound, s.abnormalList, s.status, s.openFollowUp, s.taskIds.length])).toEqual([
      ["E1", true, true, "deregistered", false, 2],
      ["E2", false, false, null, false, 1],
      ["E3", true, false, null, true, 1],
      ["E4", true, true, null, false, 1],
    ]);
    expect(signals[1]!.inspections).toEqual([{ date: "2023-06-01", itemId: "I1", inspectorIds: ["P1", "P2"] }, { date: "2023-06-01", itemId: "I2", inspectorIds: ["P1", "P2"] }]);
    expect(signals[0]!.categories).toEqual(["unreachable", "deregistered"]);
  });
  it("bad results are coded issues", () => {
    expect(resultSignals([{ entityId: "E1" }]).ok).toBe(false);
    expect(resultSignals("x" as never).ok).toBe(false);
  });
  it("applyResultSignals feeds next year's pool without mutating it", () => {
    const pool = [{ id: "E1", name: "甲", tags: ["x"] }, { id: "E2", name: "乙" }, { id: "E9", name: "丙" }];
    const before = JSON.stringify(pool);
    const signals = unwrap(resultSignals([res("T1", "E1", "无法联系"), res("T1", "E2", "已迁出", "2023-06-03", { teamIds: ["P1", "P2"] })]));
    const next = applyResultSignals(pool, signals);
    expect(JSON.stringify(pool)).toBe(before);
    expect(next.map((e) => [e.id, (e as { status?: string }).status ?? "active", e.tags ?? []])).toEqual([
      ["E1", "active", ["x", "经营异常名录", "抽查发现问题"]], ["E2", "moved_out", []], ["E9", "active", []],
    ]);
    expect((next[1] as { inspections?: unknown }).inspections).toEqual([{ date: "2023-06-03", inspectorIds: ["P1", "P2"] }]);
    expect(next[2]).toBe(pool[2]);
  });
  it("property: one signal per distinct entity, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("E1", "E2", "E3"), fc.constantFrom("T1", "T2"), fc.constantFrom("未发现问题", "已注销", "无法联系")), { maxLength: 12 }), (rows) => {
        const s = unwrap(resultSignals(rows.map(([e, t, c]) => res(t, e, c))));
        expect(s.map((x) => x.entityId)).toEqual([...new Set(rows.map(([e]) => e))].sort());
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});

describe("yearStatistics", () => {
  it("completion by deadline, coverage, joint share and entities inspected by two tasks", () => {
    const s = scenario();
    const late = s.results.map((r, k) => (k === 0 ? { ...r, enteredOn: "2023-08-01" } : r));
    const rec2 = { taskId: "T-2023-02", announcement: { digest: "b".repeat(64) }, selections: [{ id: s.results[0]!.entityId, stratum: "all" }], replacements: [] };
    const stats = unwrap(yearStatistics([
      { record: s.record, results: s.results, window: WINDOW },
      { record: { ...s.record, taskId: "T-2023-01b" }, results: late.map((r) => ({ ...r, taskId: "T-2023-01b" })), window: WINDOW },
      { record: rec2, results: [res("T-2023-02", s.results[0]!.entityId, "未发现问题", "2023-09-02")], window: { start: "2023-09-01", end: "2023-09-30" }, joint: true },
    ], { poolSize: 30 }));
    expect(stats.tasks.map((t) => [t.taskId, t.targets, t.inspected, t.enteredOnTime, t.completeByDeadline, t.joint, t.mismatches])).toEqual([
      ["T-2023-01", 6, 6, 6, true, false, []],
      ["T-2023-01b", 6, 6, null, false, false, ["result_entered_late"]],
      ["T-2023-02", 1, 1, 1, true, true, []],
    ]);
    expect([stats.entitiesInspected, stats.coverage, stats.jointTasks, stats.jointShare]).toEqual([7, "23.33%", 1, "33.33%"]);
    expect(stats.repeated.find((r) => r.entityId === s.results[0]!.entityId)?.taskIds).toEqual(["T-2023-01", "T-2023-01b", "T-2023-02"]);
    expect(stats.repeated.length).toBe(7);
  });
  it("not an array: one coded issue", () => {
    expect(yearStatistics(null as never).ok).toBe(false);
  });
});
