// Demo section 5: the second random. A joint task of the 晋城 2023 plan (部门联合, 发起部门 + 配合部门), a drawn
// set of targets, and a team for each from the inspectors of the three departments; then a late recusal (递补).
import {
  announce, diceEntropy, draw, type InspectorInput, type Issue, matchCommitment, matchInspectors, type MatchRules, recuseInspector,
  type Team, unwrap, verifyMatch,
} from "../../src/index.js";
import { type Lang, show, t } from "./_lang.js";


// Row 37 of 晋城市2023年度部门联合双随机抽查工作计划 (shared/seeds/jincheng-2023-joint-plan.txt), as printed:
// 37 对汽车销售企业的部门联合抽查 | 对从事汽车销售及其相关服务活动的检查 | 高平市 | 30% 1次/年 | 3月-12月 | 市商务局 | 市市场监管局 市税务局
const TASK = {
  id: "JC-2023-37",
  name: "对汽车销售企业的部门联合抽查",
  scope: "高平市",
  quotaText: "30% 1次/年",
  initiator: "市商务局",
  cooperators: ["市市场监管局", "市税务局"],
};
const GAOPING = "140581";

// A generated pool of 40 car dealers in 高平市 (the plan gives no list): 30% → 12 targets.
const dealers = Array.from({ length: 40 }, (_, k) => ({ id: `GP-QC-${String(k + 1).padStart(3, "0")}`, name: `高平市某汽车销售公司${k + 1}`, regionCode: GAOPING }));

// Inspectors of the three departments (generated names), with a few declared conflicts and one officer who
// may only work in 泽州县.
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林";
const inspectors: InspectorInput[] = [
  ...[0, 1, 2, 3, 4, 5].map((k) => ({ id: `SW-${k + 1}`, name: `${SURNAMES[k]}商务`, department: "市商务局" })),
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({ id: `SJ-${k + 1}`, name: `${SURNAMES[k + 6]}市监`, department: "市市场监管局" })),
  ...[0, 1, 2, 3, 4].map((k) => ({ id: `SWJ-${k + 1}`, name: `${SURNAMES[k + 14]}税务`, department: "市税务局" })),
].map((i, k) => ({
  ...i,
  ...(k % 5 === 0 ? { conflicts: [{ entityId: dealers[k]!.id, reason: "former_employer" as const }] } : {}),
  ...(i.id === "SJ-8" ? { regions: ["140525"] } : {}),
}));

const rules: MatchRules = {
  departments: [TASK.initiator, ...TASK.cooperators],
  leader: { department: TASK.initiator },
  loadCap: 3,
};

function line(lang: Lang, team: Team): string {
  const members = team.members
    .map((m) => `${m.name}${t(lang, "（", " (")}${m.department}${m.id === team.leaderId ? t(lang, "，组长", ", leader") : ""}${t(lang, "）", ")")}`)
    .join(t(lang, "、", ", "));
  return `  ${team.targetId}  ${members}`;
}

export async function run(lang: Lang = "zh"): Promise<void> {
  console.log(t(lang, "\n五、随机选派执法检查人员（第二个随机）", "\n5. Matching inspectors (the second random)"));
  console.log(t(lang, `任务：${TASK.name}（${TASK.scope}，${TASK.quotaText}）`, `Task: ${TASK.name} (${TASK.scope}, ${TASK.quotaText})`));
  console.log(t(lang, `发起部门：${TASK.initiator}；配合部门：${TASK.cooperators.join("、")}`, `Initiator: ${TASK.initiator}; cooperating: ${TASK.cooperators.join(", ")}`));

  // The entity draw: 30% of 40 = 12, public dice as entropy.
  const salt = "9f1c2e7a4b6d8053";
  // The announcement commits to the inspector roster and the rules too (match-v1 §8.1): once the dice are rolled,
  // nobody can drop or add an inspector to steer who goes where.
  const commitment = unwrap(matchCommitment({ inspectors, rules }));
  const { announcement } = unwrap(
    announce({ taskId: TASK.id, pool: dealers, stratify: "none", salt, sizes: 12, entropySource: { kind: "dice", description: "选派前在公证人员见证下公开掷骰" }, match: commitment }),
  );
  console.log(t(lang, `公告同时承诺执法人员名录库（摘要 ${commitment.inspectors.slice(0, 16)}…）和选派规则（摘要 ${commitment.rules.slice(0, 16)}…）`, `The announcement also commits to the inspector roster (digest ${commitment.inspectors.slice(0, 16)}…) and the rules (digest ${commitment.rules.slice(0, 16)}…)`));
  const record = unwrap(draw(announcement, dealers, unwrap(diceEntropy("41526375849102")), { salt }));
  console.log(t(lang, `抽中 ${record.selections.length} 户；种子 ${record.seed.slice(0, 16)}…`, `${record.selections.length} targets drawn; seed ${record.seed.slice(0, 16)}…`));

  const matched = matchInspectors({ record, inspectors, entities: dealers, rules });
  if (!matched.ok) {
    for (const i of matched.issues) console.log(show(lang, i));
    return;
  }
  const { match } = matched.value.record;
  console.log(t(lang, `规则：每组每部门至少1人，组长来自${TASK.initiator}，每人本批次最多3户；随机流 ${match.seed.slice(0, 16)}…/inspectors`, `Rules: ≥ 1 per department, leader from ${TASK.initiator}, at most 3 targets per person; stream ${match.seed.slice(0, 16)}…/inspectors`));
  for (const team of matched.value.teams) console.log(line(lang, team));
  console.log(t(lang, `（用到随机数 ${match.counter} 个，增广路径修复 ${match.repairs} 次）`, `(${match.counter} stream values used, ${match.repairs} augmenting-path repairs)`));

  // A recusal declared after the draw: the first team's 市市场监管局 member turns out to be a relative.
  const first = matched.value.teams[0]!;
  const leaving = first.members.find((m) => m.department === "市市场监管局")!;
  const r = recuseInspector({ record: matched.value.record, inspectors, entities: dealers, recusal: { targetId: first.targetId, inspectorId: leaving.id, reason: "close_relative", decision: { basis: "head_decision", by: "局长", date: "2026-03-02" }, note: "近亲属在该企业任职" } });
  if (!r.ok) {
    for (const i of r.issues) console.log(show(lang, i));
    return;
  }
  const e = r.value.entry;
  const replacement = inspectors.find((i) => i.id === e.replacementId);
  console.log(
    t(
      lang,
      `递补：${leaving.name} 申请回避 ${first.targetId}（近亲属），由 ${replacement?.name ?? "—"} 递补${e.counter === null ? "（调整其他组）" : `（随机流第 ${e.counter} 个值）`}${e.moves.length > 0 ? `，调整 ${e.moves.length} 人` : ""}`,
      `Replacement: ${leaving.name} recused from ${first.targetId} (relative); ${replacement?.name ?? "—"} takes the place${e.counter === null ? " (other teams rearranged)" : ` (stream value ${e.counter})`}${e.moves.length > 0 ? `, ${e.moves.length} move(s)` : ""}`,
    ),
  );
  console.log(line(lang, r.value.record.match.teams[0]!));
  const v = verifyMatch({ record: r.value.record, inspectors, entities: dealers });
  console.log(v.ok ? t(lang, `复核通过：${v.value.teams} 个检查组，${v.value.logEntries} 条递补记录`, `Verified: ${v.value.teams} teams, ${v.value.logEntries} log entry`) : v.issues.map((i) => show(lang, i)).join("\n"));
}
export { TASK, dealers, inspectors, rules }; // reused by section 7 (一公开), which continues this task
