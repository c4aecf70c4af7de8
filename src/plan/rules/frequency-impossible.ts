import { PERIOD_MONTHS, PERIODS_PER_YEAR, periodOfYear } from "../../calendar/period.js";
import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { issue } from "../_issue.js";


function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Lint rule "frequency-impossible": the frequency of the quota fits in the window.
 * @public
 */
export const frequencyImpossible: LintRule = {
  id: "frequency-impossible",
  severity: "warning",
  codes: ["frequency_impossible"],
  description: { zh: "频次在抽查时间内无法完成（如“每季度”但抽查时间只有5月—8月）", en: "The frequency cannot be met within the window (\"every quarter\" in a May–August window)" },
  rationale: {
    zh: "抽查频次须与抽查时间一致（国发〔2019〕5号：合理确定抽查比例和频次），否则计划无法按写明的方式执行。",
    en: "Frequency and window must agree (国发〔2019〕5号: set ratios and frequencies soundly), or the plan cannot be carried out as written.",
  },
  check(ctx) {
    const out: Issue[] = [];
    for (const t of ctx.plan.tasks) {
      const q = ctx.quota(t);
      const w = ctx.window(t);
      if (!q.ok || !w.ok || !q.value.frequency) continue;
      const { times, per } = q.value.frequency;
      const ranges = w.value.windows;
      const y = ctx.year;
      const params = { frequency: q.value.text.trim(), window: t.windowText.trim() };
      if (per === "month" || per === "quarter" || per === "halfYear") {
        const months = PERIOD_MONTHS[per];
        const missing: number[] = [];
        for (let i = 0; i < PERIODS_PER_YEAR[per]; i++) {
          const from = `${y}-${pad(i * months + 1)}-01`;
          const to = `${y}-${pad((i + 1) * months)}-31`;
          if (!ranges.some((r) => r.start <= to && r.end >= from)) missing.push(i);
        }
        if (missing.length > 0) {
          out.push(issue("frequency_impossible", {
            ...params,
            detail: { zh: `${missing.map((i) => periodOfYear(per, i).zh).join("、")}不在抽查时间内`, en: `${missing.map((i) => periodOfYear(per, i).en).join(", ")} outside the window` },
          }, ctx.where(t, "quota")));
        }
      } else if (times > 1) {
        const months = new Set<string>();
        for (const r of ranges) {
          let [yy, mm] = r.start.split("-").map(Number) as [number, number];
          const [ey, em] = r.end.split("-").map(Number) as [number, number];
          while (yy < ey || (yy === ey && mm <= em)) {
            months.add(`${yy}-${mm}`);
            mm++;
            if (mm > 12) (mm = 1), yy++;
          }
        }
        if (months.size < times) {
          out.push(issue("frequency_impossible", {
            ...params,
            detail: { zh: `抽查时间只涉及${months.size}个月，安排不下${times}次抽查`, en: `the window spans ${months.size} month(s), too few for ${times} rounds` },
          }, ctx.where(t, "quota")));
        }
      }
    }
    return out;
  },
};
