// The publish-v1 test vector (docs/spec/publish-v1.md §6): a small real draw (unstratified, 8 entities, 3 drawn, one
// 补抽 for an entity found unreachable), results for every target, and the package built from them.
import { announce, diceEntropy, draw, publicationPackage, replaceSelections, unwrap } from "../../src/index.js";

export function makeVector() {
  const salt = "publish-v1-vector-salt";
  const pool = ["91410800MA0000001L", "91410800MA0000002J", "91410800MA0000003E", "E004", "E005", "E006", "E007", "E008"].map((id) => ({ id }));
  const { announcement } = unwrap(announce({ taskId: "V-2023-1", pool, stratify: "none", salt, sizes: 3, entropySource: { kind: "dice", description: "公开掷骰" } }));
  const first = unwrap(draw(announcement, pool, unwrap(diceEntropy("14142135623730950488")), { salt }));
  const gone = first.selections[0]!.id;
  const chained = unwrap(replaceSelections(first, pool, [{ id: gone, reason: "无法联系", decision: { by: "科长", date: "2023-05-30" } }], { salt }));
  // The record as published before draw-v1 §7.2 chained replacements: publish-v1.md prints these bytes.
  const { replacementsHead: _head, ...unchained } = chained;
  const record = { ...unchained, replacements: chained.replacements.map(({ decision: _d, prev: _p, ...e }) => e) };
  const targets = record.selections.map((s) => (s.id === gone ? record.replacements[0]!.id : s.id));
  const results = targets.map((id, k) => ({
    taskId: record.taskId, entityId: id, entityName: `检查对象${k + 1}`, inspectionDates: [`2023-06-0${k + 1}`], enteredOn: "2023-06-20",
    findings: [{ itemId: "I1", outcome: k === 0 ? "problem" : "compliant" }], category: k === 0 ? "corrected" : "no_problem",
    followUps: k === 0 ? [{ kind: "rectification", deadline: "2023-06-30" }] : [],
  }));
  const pkg = unwrap(publicationPackage(record, results, {
    department: "某市市场监管局", publishedOn: "2023-06-21", taskName: "向量任务", itemNames: { I1: "检查事项一" }, window: { start: "2023-06-01", end: "2023-06-09" },
  }));
  return { record, package: pkg };
}
