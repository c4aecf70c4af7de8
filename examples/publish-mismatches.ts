// Plants one of each kind of mismatch that reconcileResults must catch into a clean set of results, for the demo
// (examples/demo/07-publish.ts) and the whole-year example. Each planted set differs from the clean one by one change.
import {
  addWorkingDays, type InspectionResultInput, type IssueCode, type Message, publicationDeadline, reconcileResults, type ResultsRecord, unwrap,
} from "../src/index.js";

export interface Planted {
  readonly name: Message;
  readonly code: IssueCode;
  readonly results: readonly InspectionResultInput[];
}

interface MatchedLike extends ResultsRecord {
  readonly match: { readonly teams: readonly { readonly targetId: string; readonly members: readonly { readonly id: string }[] }[]; readonly log: readonly { readonly targetId: string; readonly inspectorId: string }[] };
}

/** One planted set per check of reconcileResults. `outsider` is an entity that was not drawn. */
export function plantMismatches(record: MatchedLike, clean: readonly InspectionResultInput[], window: { start: string; end: string }, outsider: { id: string; name: string }): Planted[] {
  const targets = record.match.teams.map((t) => t.targetId);
  const at = (id: string) => clean.findIndex((r) => r.entityId === id);
  const edit = (id: string, over: Partial<InspectionResultInput>) => clean.map((r) => (r.entityId === id ? { ...r, ...over } : r));
  const [a, b, c, d, e, f] = targets as [string, string, string, string, string, string];
  const deadline = unwrap(publicationDeadline(window.end)).deadline;
  const out: Planted[] = [
    { name: { zh: "漏检：一户抽中对象没有结果", en: "a drawn target without a result" }, code: "result_missing", results: clean.filter((r) => r.entityId !== a) },
    { name: { zh: "未抽先查：检查了未抽中的对象", en: "an entity inspected without being drawn" }, code: "result_not_drawn",
      results: [...clean, { ...clean[at(b)]!, entityId: outsider.id, entityName: outsider.name }] },
    { name: { zh: "同一对象两条结果", en: "two results for one entity" }, code: "result_duplicate", results: [...clean, clean[at(c)]!] },
    { name: { zh: "检查人员不是选派的检查组", en: "a team that is not the matched team" }, code: "result_team_mismatch",
      results: edit(d, { teamIds: [...(clean[at(d)]!.teamIds ?? []).slice(1), "非选派人员"] }) },
    { name: { zh: "检查日期不在抽查时间内", en: "an inspection date outside the window" }, code: "result_date_outside_window",
      results: edit(e, { inspectionDates: [unwrap(addWorkingDays(window.end, 3))] }) },
    { name: { zh: `逾期录入（期限 ${deadline}）`, en: `entered after the deadline (${deadline})` }, code: "result_entered_late",
      results: edit(f, { enteredOn: unwrap(addWorkingDays(deadline, 1)) }) },
    { name: { zh: "列入经营异常名录超过10个工作日", en: "a 经营异常名录 decision after 10 working days" }, code: "abnormal_list_late",
      results: edit(a, { category: "unreachable", followUps: [{ kind: "abnormal_list", decidedOn: unwrap(addWorkingDays(clean[at(a)]!.inspectionDates[0]!, 12)) }] }) },
  ];
  const recusal = record.match.log[0];
  if (recusal) {
    const k = at(recusal.targetId);
    out.push({ name: { zh: "已回避（递补）的人员仍参加检查", en: "a recused inspector (logged 递补) still inspected" }, code: "result_team_recused",
      results: edit(recusal.targetId, { teamIds: [recusal.inspectorId, ...(clean[k]!.teamIds ?? []).slice(1)] }) });
  }
  const replaced = record.replacements[0];
  if (replaced && at(replaced.replaces) >= 0) {
    out.push({ name: { zh: `补抽理由不成立（被替换对象结果为“未发现问题”）`, en: "a 补抽 the replaced entity's result does not justify" }, code: "replacement_unjustified",
      results: edit(replaced.replaces, { category: "no_problem" }) });
  }
  return out;
}

/** Runs reconcileResults on each planted set: which were caught (their code among the errors), and the error codes found. */
export function catchAll(record: ResultsRecord, planted: readonly Planted[], window: { start: string; end: string }) {
  return planted.map((p) => {
    const r = reconcileResults(record, p.results, { window });
    const codes = r.ok ? [] : r.issues.filter((i) => i.severity === "error").map((i) => i.code);
    const issue = r.ok ? undefined : r.issues.find((i) => i.code === p.code);
    return { ...p, caught: codes.includes(p.code), codes, issue };
  });
}
