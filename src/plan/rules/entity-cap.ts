import { EVERY_PERIOD, NAMED_HALF, NAMED_QUARTER, PERIODS_PER_YEAR } from "../../calendar/period.js";
import { type Issue } from "../../result.js";
import type { LintRule } from "../rule.js";
import { filledFrom } from "../_filled.js";
import { issue } from "../_issue.js";
import { gcd } from "../../_internal/fraction.js";

// Per year: a frequency per task window (`plan`) counts once.
const PER_YEAR = { ...PERIODS_PER_YEAR, plan: 1 } as const;
const RECURRING = { month: PERIODS_PER_YEAR.month, quarter: PERIODS_PER_YEAR.quarter, halfYear: PERIODS_PER_YEAR.halfYear } as const;
const PER_ZH = { year: EVERY_PERIOD.year.zh, halfYear: EVERY_PERIOD.halfYear.zh, quarter: EVERY_PERIOD.quarter.zh, month: EVERY_PERIOD.month.zh, plan: "抽查时间内" } as const;
const PER_EN = { year: EVERY_PERIOD.year.en, halfYear: EVERY_PERIOD.halfYear.en, quarter: EVERY_PERIOD.quarter.en, month: EVERY_PERIOD.month.en, plan: "in the window" } as const;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toFixed(2))));
const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
// A task that names one period of its recurrence ("2021年第一季度…检查" with the window "每季度结束前5个工作日") is
// that period's round, not a round every period: planners write one row per quarter (焦作 2023 rows 19–22).
const PINNED = { quarter: NAMED_QUARTER, halfYear: NAMED_HALF } as const;
function pinnedOnce(period: keyof typeof RECURRING, texts: readonly string[]): boolean {
  const re = period === "month" ? null : PINNED[period];
  return re !== null && texts.some((t) => re.test(norm(t)));
}

/**
 * Lint rule "entity-cap": one entity is not expected to be inspected for the same item more often than the cap
 * (多头检查、重复检查).
 * @public
 */
export const entityCap: LintRule = {
  id: "entity-cap",
  severity: "warning",
  codes: ["entity_inspections_above_cap"],
  description: {
    zh: "同一抽查事项下，每个对象每年预计被检查次数（比例×频次，各任务相加）超过上限（默认1次，caps.perEntityPerYear）",
    en: "For one check item, the expected inspections of an entity per year (ratio × frequency, summed over tasks) exceed the cap (default 1, caps.perEntityPerYear)",
  },
  rationale: {
    zh: "国发〔2019〕5号：同一市场主体的多个检查事项原则上一次完成，避免多头执法、重复检查，减轻企业负担。",
    en: "国发〔2019〕5号: inspections of one entity are combined where possible; avoid repeated and overlapping inspections.",
  },
  check(ctx) {
    const groups = new Map<string, { item: string; n: bigint; d: bigint; rows: number[]; terms: Array<{ zh: string; en: string }> }>();
    for (const t of ctx.plan.tasks) {
      // A 事项 merged over several tasks (焦作 交通 “合并查”) is one combined inspection: counted on its first row only.
      if (filledFrom(t, "items") !== undefined) continue;
      const q = ctx.quota(t);
      if (!q.ok) continue;
      let n: bigint;
      let d: bigint;
      const pool = ctx.poolSize(t);
      if (q.value.ratio) (n = BigInt(q.value.ratio.numerator)), (d = BigInt(q.value.ratio.denominator));
      else if (q.value.count && pool !== undefined && pool > 0) (n = BigInt(Math.min(q.value.count.value, pool))), (d = BigInt(pool));
      else continue;
      let times = 1;
      let how: { zh: string; en: string } = { zh: "每年1次", en: "once a year" };
      const f = q.value.frequency;
      // A cumulative quota ("全年不低于…10%") is the year's total, however it is split.
      if (q.value.cumulative) how = { zh: "全年累计", en: "cumulative over the year" };
      else if (f) {
        times = f.times * PER_YEAR[f.per];
        how = f.per === "year"
          ? { zh: `每年${f.times}次`, en: `${f.times} a year` }
          : { zh: `${PER_ZH[f.per]}${f.times}次，即${times}次/年`, en: `${f.times} ${PER_EN[f.per]}, ${times} a year` };
      } else {
        const w = ctx.window(t);
        if (w.ok && w.value.recurring) {
          const period = w.value.recurring.period;
          const pinned = pinnedOnce(period, [t.name, t.planName ?? ""]);
          times = pinned ? 1 : RECURRING[period];
          how = pinned
            ? { zh: "名称指定了其中一期，计1次", en: "the name picks one period: once" }
            : { zh: `抽查时间${PER_ZH[period]}一轮，即${times}次/年`, en: `a round ${PER_EN[period]} in the window, ${times} a year` };
        }
      }
      const share = q.value.ratio ? `${fmt((q.value.ratio.numerator * 100) / q.value.ratio.denominator)}%` : `${String(n)}/${String(d)}`;
      const row = t.source?.row ?? ctx.plan.tasks.indexOf(t) + 1;
      const term = { zh: `第${row}行 ${share}×${times}（${how.zh}）`, en: `row ${row}: ${share} × ${times} (${how.en})` };
      n *= BigInt(times);
      const item = t.items.join("；") || t.name;
      const key = `${norm(item)}\u0000${norm(t.initiator)}`;
      // A 事项 the plan declares “合并查” (one combined inspection for several tasks, 焦作 交通) is counted once.
      if (groups.has(key) && /合并查/.test(item)) continue;
      const g = groups.get(key) ?? { item, n: 0n, d: 1n, rows: [], terms: [] };
      g.terms.push(term);
      g.n = g.n * d + n * g.d;
      g.d *= d;
      const k = gcd(g.n, g.d) || 1n;
      (g.n /= k), (g.d /= k);
      g.rows.push(t.source?.row ?? ctx.plan.tasks.indexOf(t) + 1);
      groups.set(key, g);
    }
    const cap = ctx.caps.perEntityPerYear;
    const out: Issue[] = [];
    for (const [, g] of groups) {
      // Exact comparison n/d > cap, with the cap as a decimal of at most 6 places.
      const capN = BigInt(Math.round(cap * 1e6));
      if (g.n * 1_000_000n <= capN * g.d) continue;
      const expected = Number((g.n * 100n) / g.d) / 100;
      const first = ctx.plan.tasks.find((t) => (t.source?.row ?? ctx.plan.tasks.indexOf(t) + 1) === g.rows[0]);
      const where = first ? ctx.where(first, "quota") : {};
      const custom = ctx.options.caps?.perEntityPerYear !== undefined;
      out.push(issue("entity_inspections_above_cap", {
        item: g.item.length > 40 ? `${g.item.slice(0, 38)}…` : g.item, expected, cap,
        arithmetic: { zh: `${g.terms.map((x) => x.zh).join(" + ")} = ${expected}次/年`, en: `${g.terms.map((x) => x.en).join(" + ")} = ${expected} a year` },
        source: custom
          ? { zh: "调用方设定（caps.perEntityPerYear）", en: "set by the caller (caps.perEntityPerYear)" }
          : { zh: "本工具默认值：同一事项每年检查一次，依据国发〔2019〕5号“避免重复检查”", en: "this tool's default, one inspection per item a year, after 国发〔2019〕5号 (avoid repeated inspections)" },
        rows: { zh: g.rows.join("、"), en: g.rows.join(", ") },
      }, where));
    }
    return out;
  },
};
