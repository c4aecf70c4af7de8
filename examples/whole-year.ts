// A whole year for one task, end to end, with the public API only:
// plan table → lint → sizes per tier → batches → announce → draw → match → verify → what to publish and by when.
//
//   npx tsx examples/whole-year.ts            (run by the test suite: test/examples/whole-year.test.ts)
//
// Data: the 焦作 2023 plan table (test/fixtures/plans/jiaozuo-2023.csv, hand-made from the published plan, mistakes
// kept) and the sample 焦作 entertainment-venue pools in examples/data/.
import { readFileSync } from "node:fs";
import {
  allocate, announce, buildManifest, diceEntropy, draw, type Issue, lintPlanTable, matchCommitment, matchInspectors, parseEntityPoolCsv,
  parseInspectorPoolCsv, parseQuota, parseTierPolicy, parseWindow, publicationDeadline, scheduleBatches, type Task, unwrap, verifyDraw,
  verifyMatch,
  // 一公开 (step 6): results, publication package, verification, signals.
  addWorkingDays, applyResultSignals, recuseInspector, replaceSelections, type InspectionResultInput, publicationPackage, resultSignals, verifyResults, type YearTask, yearStatistics,
} from "../src/index.js";
import { catchAll, plantMismatches } from "./publish-mismatches.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const YEAR = 2023;
const say = (text: string) => console.log(text);
const issueLine = (i: Issue) => `    ${i.severity === "error" ? "✗" : "!"} ${i.row ? `第${i.row}行 ` : ""}[${i.code}] ${i.message.zh}`;

// 1. The plan table, linted before anything is drawn.
// 发起部门 is a merged cell in the published table (blank in the export): fill it down.
const linted = unwrap(lintPlanTable(read("../test/fixtures/plans/jiaozuo-2023.csv"), { year: YEAR, fillMerged: ["发起部门"] }));
const errors = linted.diagnostics.filter((d) => d.severity === "error");
say(`1. 计划检查：${linted.plan.tasks.length} 项任务，${errors.length} 个错误`);
const found = linted.plan.tasks.find((t) => t.name === "娱乐场所治安管理监督检查");
if (!found) throw new Error("task not found in the plan table");
for (const d of linted.diagnostics.filter((x) => x.row === found.source?.row && x.severity === "error")) say(issueLine(d));

// The PDF lost this row's 抽查类型 and 抽取日期: the planner fills them in as in the table's other 公安局 rows
// (不定向, 2023年1月1日—12月31日) and lints the corrected table again.
const original = read("../test/fixtures/plans/jiaozuo-2023.csv");
const row = ",7,娱乐场所治安管理监督检查,娱乐场所治安管理监督检查,,,全市娱乐场所,每半年3%,";
if (!original.includes(row)) throw new Error("the plan row changed");
const corrected = original.replace(row, ",7,娱乐场所治安管理监督检查,娱乐场所治安管理监督检查,不定向,,全市娱乐场所,每半年3%,2023年1月1日—12月31日");
const relinted = unwrap(lintPlanTable(corrected, { year: YEAR, fillMerged: ["发起部门"] }));
const task = relinted.plan.tasks.find((t) => t.source?.row === found.source?.row) as Task;
const left = relinted.diagnostics.filter((d) => d.row === task.source?.row && d.severity === "error");
if (left.length > 0) throw new Error(left.map((d) => d.message.zh).join("\n"));
const window = unwrap(parseWindow(task.windowText, { year: YEAR }));
say(`   修正后（${task.targeting === "undirected" ? "不定向" : "定向"}）：抽查比例“${task.quotaText}”，抽取日期“${task.windowText}” → ${window.start}～${window.end}；复查该行无错误`);

// 2. The pools (两库).
const pool = unwrap(parseEntityPoolCsv(read("data/jiaozuo-entertainment-pool.csv")));
const inspectors = unwrap(parseInspectorPoolCsv(read("data/jiaozuo-inspectors.csv")));
const active = pool.filter((e) => e.status === "active").length;
say(`2. 名录库 ${pool.length} 户（存续 ${active} 户）；执法人员 ${inspectors.length} 人`);

// 3. Batches over the year (每半年 → two halves), avoiding repeat inspections of the same venue.
const schedule = unwrap(scheduleBatches({ quota: task.quotaText, window, poolSize: active, avoidRepeats: true }));
say(`3. 分批：${schedule.layout.zh}；每户全年至少被抽中一次的概率 ${schedule.chanceAtLeastOnce.numerator}/${schedule.chanceAtLeastOnce.denominator}`);

// 4. Per batch: sizes per tier, announce, draw (public dice), match inspectors, verify, publication deadline.
const policy = unwrap(parseTierPolicy("A类×1/2，B类×1，C类×2，D类×5"));
const quota = task.quota ?? unwrap(parseQuota(task.quotaText));
const salt = "焦作市公安局-2023-娱乐场所-3f9a1c07e2";
const dice = ["27182818284590452353", "16180339887498948482"];
const drawnEarlier: string[] = [];
const nameOf = new Map(pool.map((e) => [e.id, e.name]));
const year: YearTask[] = [];
const yearResults: InspectionResultInput[] = [];
for (const batch of schedule.batches) {
  const exclusions = { drawnEarlier };
  const manifest = unwrap(buildManifest(pool, { stratify: "tier", salt, exclusions }));
  const strata = manifest.strata.map((s) => ({ key: s.label, size: s.N, ...(s.label.length === 1 ? { tier: s.label as "A" | "B" | "C" | "D" } : {}) }));
  const allocation = unwrap(allocate(strata, policy, { base: quota }));
  const sizes = Object.fromEntries(allocation.rows.map((r) => [r.key, r.n]));
  // The announcement also commits to the inspector roster and the matching rules (match-v1 §8.1), so neither can be
  // changed once the dice are rolled.
  const rules = { departments: ["焦作市公安局"], minCredentialed: 2, qualifications: ["治安管理"], loadCap: 3 };
  const { announcement } = unwrap(announce({
    taskId: `${task.id}-B${batch.index}`, taskName: task.name, pool, stratify: "tier", salt, sizes, exclusions,
    entropySource: { kind: "dice", description: `${batch.start} 焦作市公安局 公开掷骰20位（公证员见证）` },
    match: unwrap(matchCommitment({ inspectors, rules })),
  }));
  say(`4.${batch.index} 第${batch.index}批 ${batch.start}～${batch.end}：公告 ${announcement.digest.slice(0, 12)}…，各层抽取 ${allocation.rows.map((r) => `${r.key}:${r.n}/${r.N}`).join(" ")}，已排除此前抽中 ${announcement.exclusions.counts.drawn_earlier} 户`);

  const drawn = unwrap(draw(announcement, pool, unwrap(diceEntropy(dice[batch.index - 1] ?? "00000000000000000000")), { salt, drawnEarlier }));
  // Batch 1: one venue cannot be reached at its registered premises when the visits are planned → 补抽 from the same
  // stream (draw-v1 §7.2); after the teams are sent, one officer declares a conflict → 递补 (match-v1). Both are logged.
  const record = batch.index === 1
    ? unwrap(replaceSelections(drawn, pool, [{ id: drawn.selections[0]!.id, reason: "无法联系", decision: { by: "分管负责人", date: batch.start }, note: "经营场所已关闭" }], { salt, drawnEarlier }))
    : drawn;
  let matched = unwrap(matchInspectors({ record, inspectors, entities: pool, rules }));
  if (batch.index === 1) {
    const team = matched.teams[0]!;
    const late = unwrap(recuseInspector({ record: matched.record, inspectors, entities: pool, recusal: { targetId: team.targetId, inspectorId: team.members[0]!.id, reason: "close_relative", decision: { basis: "head_decision", by: "分管副局长", date: batch.start } } }));
    matched = { teams: late.record.match.teams, record: late.record };
  }
  const checkedDraw = verifyDraw(matched.record, pool, { salt, drawnEarlier });
  const checkedMatch = verifyMatch({ record: matched.record, inspectors, entities: pool });
  const deadline = unwrap(publicationDeadline(batch.end));
  const committed = checkedMatch.ok && !checkedMatch.warnings.some((w) => w.code === "match_not_committed");
  say(`    抽中 ${record.selections.length} 户，${matched.teams.length} 个检查组；抽取复核 ${checkedDraw.ok ? "通过" : "未通过"}，选派复核 ${checkedMatch.ok ? "通过" : "未通过"}${committed ? "（名录库与规则已在公告中承诺）" : ""}`);
  say(`    公示：抽取公告（抽取前）、抽取记录与检查组（抽取后）；检查结果最迟 ${deadline.deadline} 公示（${batch.end} 完成检查后20个工作日）`);
  drawnEarlier.push(...record.selections.map((s) => s.id), ...record.replacements.map((r) => r.id));

  // 6. 一公开: every team enters its result (谁检查、谁录入、谁公开); the package lists exactly the drawn set.
  const teams = matched.record.match.teams;
  const results: InspectionResultInput[] = teams.map((team, k) => {
    const day = unwrap(addWorkingDays(batch.start, 5 + k));
    const category = k === 0 ? (batch.index === 1 ? "corrected" : "unreachable") : "no_problem";
    return {
      taskId: matched.record.taskId, entityId: team.targetId, entityName: nameOf.get(team.targetId) ?? team.targetId, inspectionDates: [day],
      enteredOn: unwrap(addWorkingDays(day, 3)), department: "焦作市公安局", teamIds: team.members.map((m) => m.id), methods: ["on_site"],
      findings: [{ itemId: task.id, itemName: task.name, outcome: category === "no_problem" ? "compliant" : "problem" }], category,
      followUps: category === "corrected" ? [{ kind: "rectification", deadline: unwrap(addWorkingDays(day, 10)) }]
        : category === "unreachable" ? [{ kind: "abnormal_list", decidedOn: unwrap(addWorkingDays(day, 8)), verifiedOn: day }] : [],
    };
  });
  // The replaced venue's own result is the evidence for its 补抽.
  for (const rep of record.replacements) {
    const day = unwrap(addWorkingDays(batch.start, 2));
    results.push({ taskId: record.taskId, entityId: rep.replaces, entityName: nameOf.get(rep.replaces) ?? rep.replaces, inspectionDates: [day], enteredOn: unwrap(addWorkingDays(day, 1)),
      category: "unreachable", followUps: [{ kind: "abnormal_list", decidedOn: unwrap(addWorkingDays(day, 6)), verifiedOn: day }] });
  }
  const batchWindow = { start: batch.start, end: batch.end };
  const pkg = unwrap(publicationPackage(matched.record, results, { department: "焦作市公安局", publishedOn: unwrap(addWorkingDays(batch.end, 5)), taskName: task.name, window: batchWindow, entities: pool }));
  const published = verifyResults(matched.record, pkg);
  if (record.replacements.length > 0 || matched.record.match.log.length > 0) say(`    补抽 ${record.replacements.length} 户（${record.replacements.map((r) => (r.note ? `${r.reason}（${r.note}）` : r.reason)).join("；")}），递补 ${matched.record.match.log.length} 人`);
  say(`    一公开：结果 ${results.length} 条全部核对一致；公示清单 ${pkg.list.length} 条，问题发现率 ${pkg.report.problemRate}，按期录入 ${pkg.report.enteredOnTime}/${pkg.report.inspected}；公开复核 ${published.ok ? "通过" : "未通过"}（公示包 ${pkg.digest.slice(0, 12)}…）`);
  if (batch.index === 1) {
    const outsider = pool.find((e) => e.status === "active" && !teams.some((t) => t.targetId === e.id))!;
    const caught = catchAll(matched.record, plantMismatches(matched.record, results, batchWindow, { id: outsider.id, name: outsider.name }), batchWindow);
    say(`    埋设 ${caught.length} 种不一致，发现 ${caught.filter((c) => c.caught).length} 种：${caught.map((c) => c.code).join("、")}`);
  }
  year.push({ record: matched.record, results, window: batchWindow });
  yearResults.push(...results);
}
say(`5. 全年共抽取 ${drawnEarlier.length} 户（含补抽），无重复：${new Set(drawnEarlier).size === drawnEarlier.length ? "是" : "否"}`);
const stats = unwrap(yearStatistics(year, { poolSize: active }));
const signals = unwrap(resultSignals(yearResults));
const nextPool = applyResultSignals(pool, signals);
say(`6. 全年一公开：${stats.tasks.filter((t) => t.completeByDeadline).length}/${stats.tasks.length} 批按期公示，覆盖名录库 ${stats.coverage}，部门联合任务占比 ${stats.jointShare}，重复检查 ${stats.repeated.length} 户`);
say(`   结果运用：发现问题 ${signals.filter((s) => s.problemFound).length} 户，列入经营异常名录 ${signals.filter((s) => s.abnormalList).length} 户；下年名录库中 ${nextPool.filter((e) => e.tags.includes("抽查发现问题")).length} 户标注“抽查发现问题”，供信用风险分类参考`);
