// The rule "department-spelling" finds repeated spellings through indexes of derived forms (linear in a cell, where a
// pairwise scan was quadratic). Property: on random plans over a vocabulary of department names it reports exactly
// what the pairwise definition (kept here as the reference) reports, pair for pair.
import { describe, expect, it } from "vitest";
import { lintPlanTable, lintRules, type Task } from "../../src/index.js";
import { generator } from "./_vocabulary.js";

// The reference: the rule's definition as a pairwise test (its code before the indexes).
const PLACE = /^[\u4e00-\u9fff]{1,3}?(?:市|县|区|旗)/;
const KIND = /(?:委员会|局|委|办公室|办|厅)$/;
const norm = (s: string) => s.normalize("NFKC").replace(/[\s()（）]/g, "");
function stripped(n: string): string[] {
  const out: string[] = [];
  let rest = n;
  for (let k = 0; k < 3; k++) {
    const single = /^[市县区](?![场域级直属])/.test(rest) && rest.length > 3 ? 1 : 0;
    const m = single ? undefined : PLACE.exec(rest);
    const cut = single || (m ? m[0].length : 0);
    if (cut === 0 || rest.length - cut < 2 || /^[场域级直属]/.test(rest.slice(cut))) break;
    rest = rest.slice(cut);
    out.push(rest);
  }
  return out;
}
const core = (n: string) => n.replace(KIND, "");
function sameDepartment(a: string, b: string): boolean {
  if (a === b) return false;
  const sa = stripped(a);
  const sb = stripped(b);
  if (sa.includes(b) || sb.includes(a)) return true;
  const ca = core(a);
  const cb = core(b);
  if (ca.length >= 2 && ca === cb) return true;
  return sa.some((x) => core(x) === cb && cb !== b) || sb.some((x) => core(x) === ca && ca !== a);
}
function expected(tasks: readonly Task[]): Array<[string, string]> {
  const block = new Map<string, string>();
  for (const t of tasks) for (const d of [t.initiator, ...t.cooperators].map((x) => x.trim()).filter((x) => x !== "")) if (!block.has(norm(d))) block.set(norm(d), d);
  const names = [...block.keys()];
  const out: Array<[string, string]> = [];
  for (let j = 1; j < names.length; j++) {
    for (let i = 0; i < j; i++) {
      if (!sameDepartment(names[i] as string, names[j] as string)) continue;
      out.push([block.get(names[j] as string) as string, block.get(names[i] as string) as string]);
      break;
    }
  }
  return out;
}

const PLACES = ["", "", "焦作市", "晋城市", "市", "县", "区", "城区", "沁水县", "解放区", "山阳区"];
const BODIES = ["市场监管", "市场监督管理", "卫体", "卫生健康", "发展和改革", "发改", "教育", "生态环境", "城区卫体", "区域发展", "市直工委"];
const KINDS = ["局", "委", "委员会", "办", "办公室", "厅", ""];

describe("department-spelling", () => {
  it("reports the same pairs as the pairwise definition on 300 random plans", () => {
    const next = generator(1606);
    const pick = <T,>(xs: readonly T[]) => xs[next() % xs.length] as T;
    const others = lintRules.map((r) => r.id).filter((id) => id !== "department-spelling");
    let pairs = 0;
    for (let round = 0; round < 300; round++) {
      const name = () => `${pick(PLACES)}${pick(BODIES)}${pick(KINDS)}`;
      const rows: string[][] = [["抽查任务名称", "抽查比例", "抽查时间", "发起部门", "配合部门"]];
      for (let k = 0, n = 1 + (next() % 6); k < n; k++) rows.push([`任务${k}`, "5%", "3月", name(), Array.from({ length: next() % 4 }, name).join("、")]);
      const r = lintPlanTable(rows, { year: 2023, disable: others });
      if (!r.ok) throw new Error(JSON.stringify(r.issues[0]));
      const found = r.value.diagnostics.filter((d) => d.code === "department_spelled_two_ways").map((d) => [d.params?.name, d.params?.other]);
      const want = expected(r.value.plan.tasks);
      expect(found).toEqual(want);
      pairs += want.length;
    }
    // The vocabulary makes repeated spellings common: the property is not vacuous.
    expect(pairs).toBeGreaterThan(100);
  });
});
