// Demo section 7: 一公开. The joint task of section 5 (晋城 2023 序号37, 对汽车销售企业的部门联合抽查) continues past
// matching: a 补抽 for a dealer found 已注销 before the teams were sent, the teams, a late recusal (递补), results entered
// for every target, one of each kind of mismatch planted and caught, the publication package (公示清单 + 抽查情况)
// bound to the draw record, its public verification, and the signals for next year's plan (结果运用).
import {
  announce, diceEntropy, draw, type InspectionResultInput, matchCommitment, matchInspectors, parseWindow, publicationPackage, publicListCsv,
  recuseInspector, replaceSelections, resultCategoryLabels, type ResultCategory, resultSignals, unwrap, verifyResults, yearStatistics,
} from "../../src/index.js";
import { catchAll, plantMismatches } from "../publish-mismatches.js";
import { TASK, dealers, inspectors, rules } from "./05-match.js";
import { type Lang, show, t } from "./_lang.js";

export async function run(lang: Lang = "zh"): Promise<void> {
  console.log(t(lang, "\n七、检查结果与公示（一公开）：公示清单恰好是抽中的对象", "\n7. Results and publication (一公开): the published list is exactly the drawn set"));
  const salt = "9f1c2e7a4b6d8053";
  const window = unwrap(parseWindow("3月-12月", { year: 2023 }));
  const { announcement } = unwrap(announce({
    taskId: TASK.id, taskName: TASK.name, pool: dealers, stratify: "none", salt, sizes: 12,
    entropySource: { kind: "dice", description: "选派前在公证人员见证下公开掷骰" }, match: unwrap(matchCommitment({ inspectors, rules })),
  }));
  const drawn = unwrap(draw(announcement, dealers, unwrap(diceEntropy("41526375849102")), { salt }));
  // Checking the list before sending teams: one dealer turns out to be deregistered → 补抽 from the same stream.
  const gone = drawn.selections[4]!.id;
  const replaced = unwrap(replaceSelections(drawn, dealers, [{ id: gone, reason: "已注销", decision: { by: "科长 赵六", date: "2023-05-04" } }], { salt }));
  const matched = unwrap(matchInspectors({ record: replaced, inspectors, entities: dealers, rules })).record;
  const first = matched.match.teams[0]!;
  const leaving = first.members.find((m) => m.department === "市市场监管局")!;
  const record = unwrap(recuseInspector({ record: matched, inspectors, entities: dealers, recusal: { targetId: first.targetId, inspectorId: leaving.id, reason: "close_relative", decision: { basis: "head_decision", by: "局长", date: "2023-05-04" } } })).record;
  console.log(t(lang, `  抽中 ${drawn.selections.length} 户；${gone} 已注销，补抽 ${replaced.replacements[0]!.id}；选派 ${record.match.teams.length} 个检查组，递补 ${record.match.log.length} 人`,
    `  ${drawn.selections.length} drawn; ${gone} deregistered, replaced by ${replaced.replacements[0]!.id}; ${record.match.teams.length} teams, ${record.match.log.length} 递补`));

  // Results, as the teams enter them ("谁检查、谁录入、谁公开").
  const name = new Map(dealers.map((d) => [d.id, d.name]));
  const plan: ResultCategory[] = ["corrected", "unreachable", "transferred"];
  const results: InspectionResultInput[] = record.match.teams.map((team, k) => {
    const day = `2023-05-${String(8 + k).padStart(2, "0")}`;
    const category = plan[k] ?? "no_problem";
    return {
      taskId: record.taskId, entityId: team.targetId, entityName: name.get(team.targetId)!, inspectionDates: [day], enteredOn: "2023-05-31",
      department: TASK.initiator, teamIds: [...team.members, ...team.experts].map((m) => m.id), methods: ["on_site", "documentary"],
      findings: [{ itemId: "JC-37-1", itemName: "汽车销售及其相关服务活动", outcome: category === "no_problem" ? "compliant" : "problem" }],
      category,
      followUps: category === "corrected" ? [{ kind: "rectification", deadline: "2023-06-15" }]
        : category === "unreachable" ? [{ kind: "abnormal_list", decidedOn: "2023-05-22", verifiedOn: day }]
        : category === "transferred" ? [{ kind: "transfer", to: "市税务局", transferredOn: "2023-05-20" }] : [],
    };
  });
  results.push({ taskId: record.taskId, entityId: gone, entityName: name.get(gone)!, inspectionDates: ["2023-05-05"], enteredOn: "2023-05-31", category: "deregistered" });

  // One of each mismatch, planted and caught.
  const outsider = dealers.find((d) => !record.selections.some((s) => s.id === d.id) && !record.replacements.some((r) => r.id === d.id))!;
  const caught = catchAll(record, plantMismatches(record, results, window, outsider), window);
  console.log(t(lang, `  ① 核对（reconcileResults）：每种不一致各埋一处，${caught.filter((c) => c.caught).length}/${caught.length} 处被发现`,
    `  ① Reconciliation: one of each mismatch planted, ${caught.filter((c) => c.caught).length}/${caught.length} caught`));
  for (const c of caught) console.log(`    ${c.caught ? "✓" : "✗"} ${c.name[lang]} → ${c.issue ? show(lang, c.issue) : c.codes.join(", ")}`);

  const pkg = publicationPackage(record, results, { department: TASK.initiator, publishedOn: "2023-06-02", taskName: TASK.name, window, entities: dealers });
  if (!pkg.ok) {
    for (const i of pkg.issues) console.log(show(lang, i, "    "));
    return;
  }
  const p = pkg.value;
  const r = p.report;
  console.log(t(lang, `  ② 公示清单 ${p.list.length} 条（名称、统一社会信用代码、任务、事项、日期、机关、结果、后续处置；不含风险等级、盐值、人员）：`,
    `  ② Public list, ${p.list.length} rows (name, USCC, task, items, dates, authority, result, follow-up; no tier, salt or inspector):`));
  for (const line of publicListCsv(p).replace(/^\uFEFF/, "").split("\r\n").slice(0, 4)) console.log(`    ${line}`);
  console.log(t(lang, `  ③ 抽查情况：抽取 ${r.drawn}，补抽 ${r.replaced}，检查 ${r.inspected}/${r.targets}，问题发现率 ${r.problemRate}，公示期限 ${r.deadline}，按期录入 ${r.enteredOnTime}，列入经营异常名录 ${r.abnormalListed}`,
    `  ③ Task report: drawn ${r.drawn}, replaced ${r.replaced}, inspected ${r.inspected}/${r.targets}, problem rate ${r.problemRate}, deadline ${r.deadline}, on time ${r.enteredOnTime}, abnormal list ${r.abnormalListed}`));
  for (const [c, n] of Object.entries(r.byCategory)) if (n > 0) console.log(`      ${resultCategoryLabels[c as ResultCategory][lang]}  ${n}`);
  console.log(t(lang, `  ④ 公示包摘要 ${p.digest.slice(0, 16)}…，绑定抽取记录 ${p.recordDigest.slice(0, 12)}… 与抽取公告 ${p.announcementDigest.slice(0, 12)}…`,
    `  ④ Package digest ${p.digest.slice(0, 16)}…, bound to record ${p.recordDigest.slice(0, 12)}… and announcement ${p.announcementDigest.slice(0, 12)}…`));
  const ok = verifyResults(record, p);
  console.log(t(lang, `  ⑤ 公开复核（verifyResults）：${ok.ok ? "通过" : "未通过"}`, `  ⑤ Public verification: ${ok.ok ? "verified" : "failed"}`));
  const swapped = { ...p, list: p.list.map((e) => (e.entityId === replaced.replacements[0]!.id ? { ...e, entityId: gone, entityName: name.get(gone)! } : e)) };
  const bad = verifyResults(record, swapped);
  if (!bad.ok) for (const i of bad.issues.slice(0, 3)) console.log(show(lang, i, t(lang, "    篡改（用被替换对象顶替补抽对象）：", "    Tampered (replaced entity instead of its replacement): ")));

  const signals = unwrap(resultSignals(results));
  const stats = unwrap(yearStatistics([{ record, results, window }], { poolSize: dealers.length }));
  console.log(t(lang, `  ⑥ 结果运用：发现问题 ${signals.filter((s) => s.problemFound).length} 户（下年信用风险分类参考），经营异常名录 ${signals.filter((s) => s.abnormalList).length} 户，状态变更（下年排除）${signals.filter((s) => s.status).length} 户；覆盖率 ${stats.coverage}，按期完成 ${stats.tasks.filter((x) => x.completeByDeadline).length}/${stats.tasks.length} 项任务`,
    `  ⑥ Result signals: ${signals.filter((s) => s.problemFound).length} with problems (for next year's tiers), ${signals.filter((s) => s.abnormalList).length} on the abnormal list, ${signals.filter((s) => s.status).length} status change(s) (excluded next year); coverage ${stats.coverage}, ${stats.tasks.filter((x) => x.completeByDeadline).length}/${stats.tasks.length} task(s) complete by the deadline`));
}
