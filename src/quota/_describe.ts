import { EVERY_PERIOD } from "../calendar/period.js";
import type { Quota } from "../model/quota.js";
import type { Message } from "../result.js";

// "Every period" words; per `plan` (once in the task window) zh says nothing, en "in the window".
const PER: Readonly<Record<string, readonly [string, string]>> = {
  ...Object.fromEntries(Object.entries(EVERY_PERIOD).map(([per, m]) => [per, [m.zh, m.en] as const])),
  plan: ["", "in the window"],
};

function percent(n: number, d: number): string {
  const v = (n * 100) / d;
  return `${Number.isInteger(v) ? v : Number(v.toFixed(4))}%`;
}

/** A quota in words, for messages: "不低于20%（累计），每年1次" / "at least 20% (cumulative), once a year". */
export function describeQuota(q: Quota): Message {
  const zh: string[] = [];
  const en: string[] = [];
  if (q.segments) {
    for (const s of q.segments) {
      const d = describeQuota(s.quota);
      zh.push(`${s.scope}${d.zh}`);
      en.push(`${s.scope}: ${d.en}`);
    }
  }
  if (q.ratio) {
    const { numerator: n, denominator: d, bound } = q.ratio;
    zh.push(`${bound === "atLeast" ? "不低于" : bound === "atMost" ? "不超过" : ""}${percent(n, d)}`);
    en.push(`${bound === "atLeast" ? "at least " : bound === "atMost" ? "at most " : ""}${percent(n, d)}`);
  }
  if (q.count) {
    const { value, bound } = q.count;
    zh.push(`${bound === "atLeast" ? "不少于" : bound === "atMost" ? "不超过" : bound === "approx" ? "约" : ""}${value}户`);
    en.push(`${bound === "atLeast" ? "at least " : bound === "atMost" ? "at most " : bound === "approx" ? "about " : ""}${value} entities`);
  }
  if (q.cumulative && zh.length > 0) {
    if (q.segments) zh.push("比例为累计值"), en.push("ratios are cumulative");
    else (zh[zh.length - 1] += "（累计）"), (en[en.length - 1] += " (cumulative)");
  }
  if (q.frequency) {
    const [pz, pe] = PER[q.frequency.per] ?? ["", ""];
    zh.push(`${pz}${q.frequency.per === "plan" ? "抽查" : ""}${q.frequency.times}次`);
    en.push(`${q.frequency.times === 1 ? "once" : `${q.frequency.times} times`} ${pe}`);
  }
  return { zh: zh.join("，"), en: en.join(", ") };
}
