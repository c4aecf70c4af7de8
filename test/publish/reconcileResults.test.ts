import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reconcileResults, type Issue } from "../../src/index.js";
import { scenario, WINDOW } from "./_fixtures.js";

const codes = (r: { ok: boolean; issues?: readonly Issue[]; warnings?: readonly Issue[] }) =>
  ((r.ok ? r.warnings : r.issues) ?? []).map((i) => i.code).sort();
const errors = (r: ReturnType<typeof reconcileResults>) => (r.ok ? [] : r.issues.filter((i) => i.severity === "error").map((i) => i.code).sort());

describe("reconcileResults", () => {
  const s = scenario();
  const edit = (k: number, over: Record<string, unknown>) => s.results.map((r, j) => (j === k ? { ...r, ...over } : r));

  it("accepts a complete, consistent set: every target once, replaced entity's result as evidence, no warning", () => {
    const r = reconcileResults(s.record, s.results, { window: WINDOW });
    expect(codes(r)).toEqual([]);
    expect(r.ok && r.value.targets.map((t) => t.id)).toEqual(s.record.match.teams.map((t) => t.targetId));
    expect(r.ok && r.value.replacements).toEqual([{ replaces: s.gone, id: s.record.replacements[0]!.id, reason: "已注销", category: "deregistered" }]);
    expect(r.ok && r.value.replacedResults.map((x) => x.entityId)).toEqual([s.gone]);
    expect(r.ok && r.value.targets.every((t) => t.deadline === "2023-07-28" && t.onTime === true)).toBe(true);
  });

  it("does not mutate its inputs", () => {
    const before = JSON.stringify([s.record, s.results]);
    reconcileResults(s.record, s.results, { window: WINDOW });
    expect(JSON.stringify([s.record, s.results])).toBe(before);
  });

  it("a drawn target without a result", () => {
    expect(errors(reconcileResults(s.record, s.results.slice(1), { window: WINDOW }))).toEqual(["result_missing"]);
  });

  it("a result for an entity never drawn (任性检查)", () => {
    const extra = { ...s.results[0]!, entityId: "E999", entityName: "未抽中" };
    const r = reconcileResults(s.record, [...s.results, extra], { window: WINDOW });
    expect(errors(r)).toEqual(["result_not_drawn"]);
    expect(r.ok ? "" : r.issues[0]!.message.zh).toContain("E999");
  });

  it("two results for one entity", () => {
    expect(errors(reconcileResults(s.record, [...s.results, s.results[3]!], { window: WINDOW }))).toEqual(["result_duplicate"]);
  });

  it("a 补抽 whose replaced entity's result does not justify it", () => {
    const k = s.results.findIndex((r) => r.entityId === s.gone);
    expect(errors(reconcileResults(s.record, edit(k, { category: "no_problem" }), { window: WINDOW }))).toEqual(["replacement_unjustified"]);
    // Without the replaced entity's result, the logged reason is read instead: "已注销" justifies it.
    expect(reconcileResults(s.record, s.results.filter((r) => r.entityId !== s.gone), { window: WINDOW }).ok).toBe(true);
    const vague = { ...s.record, replacements: [{ ...s.record.replacements[0]!, reason: "领导要求" }] };
    const r = reconcileResults(vague, s.results.filter((x) => x.entityId !== s.gone), { window: WINDOW });
    expect(codes(r)).toEqual(["replacement_reason_unknown"]);
    const unjust = { ...s.record, replacements: [{ ...s.record.replacements[0]!, reason: "未发现问题" }] };
    expect(errors(reconcileResults(unjust, s.results.filter((x) => x.entityId !== s.gone), { window: WINDOW }))).toEqual(["replacement_unjustified"]);
  });

  it("a team that is not the matched team, and a recused inspector (logged 递补) who still inspected", () => {
    const outsider = edit(2, { teamIds: [...(s.results[2]!.teamIds ?? []).slice(0, 1), "P99"] });
    expect(errors(reconcileResults(s.record, outsider, { window: WINDOW }))).toEqual(["result_team_mismatch"]);
    const k = s.results.findIndex((r) => r.entityId === s.recusal.targetId);
    const withRecused = edit(k, { teamIds: [s.recusal.inspectorId, ...(s.results[k]!.teamIds ?? []).filter((p) => p !== s.recusal.replacementId)] });
    const r = reconcileResults(s.record, withRecused, { window: WINDOW });
    expect(errors(r)).toEqual(["result_team_recused"]);
    expect(codes(r)).toContain("result_team_incomplete");
  });

  it("teams are not checked (and said so) when the record has no matching section", () => {
    const { match: _m, ...bare } = s.record;
    const r = reconcileResults(bare, s.results, { window: WINDOW });
    expect(codes(r)).toEqual(["result_team_not_checked"]);
  });

  it("an inspection date outside the task window", () => {
    expect(errors(reconcileResults(s.record, edit(0, { inspectionDates: ["2023-07-01"] }), { window: WINDOW }))).toEqual(["result_date_outside_window"]);
  });

  it("a result entered after the 20-working-day deadline, counted with the holiday calendar", () => {
    // Window ends 2023-09-28: 9-29…10-06 are holidays and 10-07/10-08 make-up working days, so the deadline is 11-01
    // (weekdays only would give 10-26).
    const window = { start: "2023-09-01", end: "2023-09-28" };
    const moved = s.results.map((r) => ({ ...r, inspectionDates: ["2023-09-15"], enteredOn: "2023-11-01" }));
    const onTime = reconcileResults(s.record, moved, { window });
    expect(onTime.ok && onTime.value.targets[0]!.deadline).toBe("2023-11-01");
    const late = moved.map((r, k) => (k === 4 ? { ...r, enteredOn: "2023-11-02" } : r));
    expect(errors(reconcileResults(s.record, late, { window }))).toEqual(["result_entered_late"]);
    const unknown = moved.map((r, k) => (k === 4 ? { ...r, enteredOn: undefined } : r));
    expect(codes(reconcileResults(s.record, unknown, { window }))).toEqual(["result_entry_date_missing"]);
  });

  it("without a window, each result's deadline runs from its own conclusion, and the missing window is said", () => {
    // From 2023-06-01, 20 working days across 端午 (06-22…06-24 off, Sunday 06-25 worked) end on 06-30.
    expect(codes(reconcileResults(s.record, edit(0, { concludedOn: "2023-06-01", enteredOn: "2023-06-30" })))).toEqual(["result_window_missing"]);
    const r = reconcileResults(s.record, edit(0, { concludedOn: "2023-06-01", enteredOn: "2023-07-03" }));
    expect(codes(r)).toEqual(["result_entered_late", "result_window_missing"]);
  });

  it("a 经营异常名录 decision later than 10 working days after verification", () => {
    const listed = (decidedOn: string) => edit(0, { category: "无法联系", inspectionDates: ["2023-06-01"], followUps: [{ kind: "abnormal_list", decidedOn }] });
    // 2023-06-01 + 10 working days = 06-15 (no holiday in between).
    expect(reconcileResults(s.record, listed("2023-06-15"), { window: WINDOW }).ok).toBe(true);
    expect(errors(reconcileResults(s.record, listed("2023-06-16"), { window: WINDOW }))).toEqual(["abnormal_list_late"]);
    // Across 端午 (06-22…06-24, 06-25 a make-up Sunday): from 06-16, 10 working days end on 06-30.
    const acrossHoliday = edit(0, { category: "unreachable", inspectionDates: ["2023-06-16"], followUps: [{ kind: "abnormal_list", decidedOn: "2023-06-30" }] });
    expect(reconcileResults(s.record, acrossHoliday, { window: WINDOW }).ok).toBe(true);
    expect(codes(reconcileResults(s.record, edit(0, { category: "unreachable" }), { window: WINDOW }))).toEqual(["abnormal_list_expected"]);
  });

  it("a result of another task, and follow-ups the category calls for", () => {
    expect(errors(reconcileResults(s.record, edit(0, { taskId: "T-OTHER" }), { window: WINDOW }))).toEqual(["result_task_mismatch"]);
    expect(codes(reconcileResults(s.record, edit(0, { category: "发现问题已责令改正" }), { window: WINDOW }))).toEqual(["follow_up_expected"]);
    expect(codes(reconcileResults(s.record, edit(0, { category: "发现问题已移送有关部门处理" }), { window: WINDOW }))).toEqual(["follow_up_expected"]);
  });

  it("invalid results are reported with their path, never thrown", () => {
    const r = reconcileResults(s.record, [...s.results, { entityId: 3 }, null], { window: WINDOW });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.filter((i) => i.path?.[0] === "results").map((i) => i.path?.[1])).toContain(s.results.length);
    expect(reconcileResults(null as never, []).ok).toBe(false);
  });

  it("property: the verdict does not depend on the order of the results", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(s.results, { minLength: s.results.length }), fc.integer({ min: 0, max: 6 }), (shuffled, drop) => {
        const a = reconcileResults(s.record, s.results.filter((_, k) => k !== drop), { window: WINDOW });
        const b = reconcileResults(s.record, shuffled.filter((r) => r !== s.results[drop]), { window: WINDOW });
        expect(codes(b)).toEqual(codes(a));
      }),
      { seed: 13, numRuns: 50 },
    );
  });
});
