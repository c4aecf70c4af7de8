import { NAMED_HALF, NAMED_QUARTER } from "../../calendar/period.js";
import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";
import { ISSUE12 } from "./_source.js";

const CN_MONTH: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const QUARTER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** The months a task name pins: "2024年7月份…", "7月…", "第三季度…", "上半年…". Ranges ("3-11月") pin nothing. */
function namedMonths(name: string): { months: Set<number>; words: string } | undefined {
  const n = name.normalize("NFKC").replace(/\s+/g, "");
  // A month range in the name is a window, not a pin.
  if (/[0-9一二三四五六七八九十]+月?\s*[-—–~至到]\s*[0-9一二三四五六七八九十]+月/.test(n)) return undefined;
  const m = /(?:^|[^0-9])([0-9]{1,2})月份?(?![0-9]|日|号|底|末|前|中)|([一二三四五六七八九十]{1,2})月份/.exec(n);
  if (m) {
    const v = m[1] !== undefined ? Number(m[1]) : CN_MONTH[m[2] as string];
    if (v !== undefined && v >= 1 && v <= 12) return { months: new Set([v]), words: m[0].replace(/^[^0-9一二三四五六七八九十]/, "") };
  }
  const q = NAMED_QUARTER.exec(n);
  if (q) {
    const k = QUARTER[q[1] as string] as number;
    return { months: new Set([k * 3 - 2, k * 3 - 1, k * 3]), words: q[0] };
  }
  const h = NAMED_HALF.exec(n);
  if (h) return { months: new Set(h[1] === "上" ? [1, 2, 3, 4, 5, 6] : [7, 8, 9, 10, 11, 12]), words: h[0] };
  return undefined;
}

/**
 * Lint rule "task-name-period": a month, quarter or half year named in the task name agrees with the window.
 * @public
 */
export const taskNamePeriod: LintRule = {
  id: "task-name-period",
  severity: "warning",
  codes: ["task_name_period_mismatch"],
  description: { zh: "任务名称写了月份（季度、半年），抽查时间却是另一段时间（如“7月份…”配“1月—11月”）", en: "The task name names a month (quarter, half year) and the window is another period (\"7月份…\" with 1月—11月)" },
  rationale: {
    zh: `名称与抽查时间不一致时，执行人员和被检查对象无从判断何时检查；公示的计划须前后一致（国发〔2019〕5号：抽查计划向社会公开）。${ISSUE12.zh}。`,
    en: `When the name and the window disagree nobody can tell when the inspection takes place; a published plan must agree with itself (国发〔2019〕5号). ${ISSUE12.en}.`,
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const named = namedMonths(t.name);
      if (!named) continue;
      const w = ctx.window(t);
      if (!w.ok || w.value.recurring || w.value.windows.length === 0) continue;
      const months = new Set<number>();
      for (const r of w.value.windows) {
        let [y, m] = r.start.split("-").map(Number) as [number, number];
        const [ey, em] = r.end.split("-").map(Number) as [number, number];
        while (y < ey || (y === ey && m <= em)) {
          if (y === ctx.year) months.add(m);
          m++;
          if (m > 12) (m = 1), y++;
        }
      }
      const outside = [...months].some((m) => !named.months.has(m));
      const none = ![...named.months].some((m) => months.has(m));
      if (outside || none) out.push(issue("task_name_period_mismatch", { words: named.words, window: t.windowText.trim() }, ctx.where(t, "name")));
    }
    return out;
  },
};
