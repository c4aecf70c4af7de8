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
} from "../src/index.js";

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

  const record = unwrap(draw(announcement, pool, unwrap(diceEntropy(dice[batch.index - 1] ?? "00000000000000000000")), { salt, drawnEarlier }));
  const matched = unwrap(matchInspectors({ record, inspectors, entities: pool, rules }));
  const checkedDraw = verifyDraw(matched.record, pool, { salt, drawnEarlier });
  const checkedMatch = verifyMatch({ record: matched.record, inspectors, entities: pool });
  const deadline = unwrap(publicationDeadline(batch.end));
  const committed = checkedMatch.ok && !checkedMatch.warnings.some((w) => w.code === "match_not_committed");
  say(`    抽中 ${record.selections.length} 户，${matched.teams.length} 个检查组；抽取复核 ${checkedDraw.ok ? "通过" : "未通过"}，选派复核 ${checkedMatch.ok ? "通过" : "未通过"}${committed ? "（名录库与规则已在公告中承诺）" : ""}`);
  say(`    公示：抽取公告（抽取前）、抽取记录与检查组（抽取后）；检查结果最迟 ${deadline.deadline} 公示（${batch.end} 完成检查后20个工作日）`);
  drawnEarlier.push(...record.selections.map((s) => s.id));
}
say(`5. 全年共抽查 ${drawnEarlier.length} 户，无重复：${new Set(drawnEarlier).size === drawnEarlier.length ? "是" : "否"}`);
