// Shared fixtures of the publish tests: a real draw (tiered pool, dice entropy), a 补抽 for an entity found 已注销,
// inspectors matched with match-v1, one late recusal (递补), and a result for every target.
import {
  announce, diceEntropy, draw, type InspectionResultInput, matchInspectors, recuseInspector, replaceSelections, unwrap,
} from "../../src/index.js";

export const SALT = "publish-test-salt-0123456789";
export const WINDOW = { start: "2023-05-01", end: "2023-06-30" } as const;
export const pool = Array.from({ length: 30 }, (_, k) => ({
  id: `E${String(k + 1).padStart(3, "0")}`,
  tier: (["A", "B", "C", "D"] as const)[k % 4],
}));
export const inspectors = Array.from({ length: 12 }, (_, k) => ({ id: `P${String(k + 1).padStart(2, "0")}`, name: `检查员${k + 1}`, department: "某市市场监管局" }));

export function scenario() {
  const { announcement } = unwrap(announce({
    taskId: "T-2023-01", taskName: "食品经营抽查", pool, stratify: "none", salt: SALT, sizes: 6,
    entropySource: { kind: "dice", description: "2023-04-28 公开掷骰" },
  }));
  const record0 = unwrap(draw(announcement, pool, unwrap(diceEntropy("27182818284590452353")), { salt: SALT }));
  const gone = record0.selections[2]!.id;
  const record1 = unwrap(replaceSelections(record0, pool, [{ id: gone, reason: "已注销", decision: { by: "科长", date: "2023-04-30" } }], { salt: SALT }));
  const matched = unwrap(matchInspectors({ record: record1, inspectors })).record;
  const team0 = matched.match.teams[0]!;
  const recused = unwrap(recuseInspector({ record: matched, inspectors, recusal: { targetId: team0.targetId, inspectorId: team0.members[0]!.id, reason: "close_relative", decision: { basis: "head_decision", by: "局长", date: "2023-05-02" } } }));
  const record = recused.record;
  const teamOf = (id: string) => record.match.teams.find((t) => t.targetId === id)!.members.map((m) => m.id);
  const results: InspectionResultInput[] = record.match.teams.map((t, k) => ({
    taskId: record.taskId,
    entityId: t.targetId,
    entityName: `对象${t.targetId}`,
    inspectionDates: ["2023-06-0" + (k + 1)],
    enteredOn: "2023-07-03",
    teamIds: teamOf(t.targetId),
    methods: ["on_site"],
    findings: [{ itemId: "I1", outcome: k === 1 ? "problem" : "compliant" }],
    category: k === 1 ? "corrected" : "no_problem",
    followUps: k === 1 ? [{ kind: "rectification", deadline: "2023-06-30" }] : [],
  }));
  // The replaced entity's own result: the evidence for the 补抽.
  results.push({ taskId: record.taskId, entityId: gone, entityName: `对象${gone}`, inspectionDates: ["2023-05-10"], enteredOn: "2023-05-12", category: "deregistered" });
  return { announcement, record, results, gone, recusal: recused.entry };
}
