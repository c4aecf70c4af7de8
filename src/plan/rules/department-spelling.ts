import { type Issue } from "../../result.js";
import type { Task } from "../../model/plan.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { ISSUE12 } from "./_source.js";

const PLACE = /^[\u4e00-\u9fff]{1,3}?(?:市|县|区|旗)/;
const KIND = /(?:委员会|局|委|办公室|办|厅)$/;

function norm(s: string): string {
  return s.normalize("NFKC").replace(/[\s()（）]/g, "");
}

/** The name without its level or place prefix, step by step: "晋城市城区卫体局" → "城区卫体局" → "卫体局". */
function stripped(n: string): string[] {
  const out: string[] = [];
  let rest = n;
  for (let k = 0; k < 3; k++) {
    // "市市场监管局" → "市场监管局"; the 市 of 市场 (and 区域, 县级, 市直, 市属) is part of the word, not a prefix.
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

/**
 * Earlier spellings by their derived forms, so that "is `b` another spelling of an earlier `a`" is a few lookups.
 * Two names are one department when one is the other without its prefix ({@link stripped}), when their cores
 * (without 局/委…) are equal, or when a prefix-less form of one has the other's core (that core not being the
 * other name itself).
 */
class SpellingIndex {
  private readonly byName = new Map<string, number>();
  private readonly byStripped = new Map<string, number>();
  private readonly byCore = new Map<string, number>();
  /** Names whose core differs from the name, by that core. */
  private readonly byShortCore = new Map<string, number>();
  private readonly byStrippedCore = new Map<string, number>();

  earliestMatch(b: string): number | undefined {
    let best: number | undefined;
    const take = (i: number | undefined) => {
      if (i !== undefined && (best === undefined || i < best)) best = i;
    };
    const sb = stripped(b);
    const cb = core(b);
    take(this.byStripped.get(b));
    for (const x of sb) take(this.byName.get(x));
    if (cb.length >= 2) take(this.byCore.get(cb));
    if (cb !== b) take(this.byStrippedCore.get(cb));
    for (const x of sb) take(this.byShortCore.get(core(x)));
    return best;
  }

  add(a: string, i: number): void {
    const first = (m: Map<string, number>, k: string) => {
      if (!m.has(k)) m.set(k, i);
    };
    first(this.byName, a);
    const ca = core(a);
    first(this.byCore, ca);
    if (ca !== a) first(this.byShortCore, ca);
    for (const x of stripped(a)) {
      first(this.byStripped, x);
      first(this.byStrippedCore, core(x));
    }
  }
}

function departments(t: Task): string[] {
  return [t.initiator, ...t.cooperators].map((d) => d.trim()).filter((d) => d !== "");
}

/**
 * Lint rule "department-spelling": one department is written one way throughout a plan (with or without its 市/县
 * prefix, as 局 or 委), so that joint tasks and inspector pools are matched by name.
 * @public
 */
export const departmentSpelling: LintRule = {
  id: "department-spelling",
  severity: "warning",
  codes: ["department_spelled_two_ways"],
  description: { zh: "同一部门在计划中写法不一（有无“市/县”前缀、“局/委”混用）", en: "One department is written two ways in the plan (with and without the 市/县 prefix, as 局 and as 委)" },
  rationale: {
    zh: `部门联合抽查按部门名称对应各部门的执法检查人员名录库和任务分工（国发〔2019〕5号：发起部门与配合部门分别抽取执法人员）；同一部门两种写法会被当作两个部门，配合统计和“多头检查”核对都会出错。${ISSUE12.zh}。`,
    en: `Joint tasks match departments by name to their inspector pools and duties (国发〔2019〕5号: initiator and cooperators each draw their inspectors); two spellings count as two departments and break the bookkeeping. ${ISSUE12.en}.`,
  },
  check(ctx) {
    const out: Issue[] = [];
    // Per region block (晋城's plan holds five counties: "县市场监管局" of two counties are two departments).
    const blocks = new Map<string, Map<string, { name: string; task: Task }>>();
    for (const t of ctx.plan.tasks) {
      const region = norm(t.region ?? "");
      const block = blocks.get(region) ?? new Map<string, { name: string; task: Task }>();
      blocks.set(region, block);
      for (const d of departments(t)) {
        const key = norm(d);
        if (!block.has(key)) block.set(key, { name: d, task: t });
      }
    }
    // Each task's initiator normalised once, not once per finding on it (a long cell with many spellings made that
    // the length of the cell times the findings).
    const initiators = new Map<Task, string>();
    const initiatorOf = (t: Task) => {
      let n = initiators.get(t);
      if (n === undefined) initiators.set(t, (n = norm(t.initiator)));
      return n;
    };
    for (const block of blocks.values()) {
      const names = [...block.keys()];
      const index = new SpellingIndex();
      for (let j = 0; j < names.length; j++) {
        // The earliest spelling this one repeats (as the pairwise test over all earlier names would find it),
        // from indexes of the derived forms: linear in the plan, where a pairwise scan was quadratic in one cell.
        const i = index.earliestMatch(names[j] as string);
        index.add(names[j] as string, j);
        if (i === undefined) continue;
        const a = block.get(names[i] as string) as { name: string; task: Task };
        const b = block.get(names[j] as string) as { name: string; task: Task };
        const field = initiatorOf(b.task) === names[j] ? "initiator" : "cooperators";
        out.push(issue("department_spelled_two_ways", { name: b.name, other: a.name, first: a.task.source?.row ?? 0 }, ctx.where(b.task, field)));
      }
    }
    return out;
  },
};
