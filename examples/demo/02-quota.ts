// Demo section 2: real 抽查比例 cells → exact sample sizes, and per-tier sizes under a credit-risk policy.
import { readFileSync } from "node:fs";
import {
  allocate, type Issue, parseEntityPoolCsv, parseQuota, parseTierPolicy, type Quota, riskTierLabels, sampleSize,
} from "../../src/index.js";
import { type Lang, show, t } from "./_lang.js";


const PER: Record<string, [string, string]> = {
  year: ["每年", "per year"], halfYear: ["每半年", "per half year"], quarter: ["每季度", "per quarter"], month: ["每月", "per month"], plan: ["本次任务", "per task window"],
};
const BOUND: Record<string, [string, string]> = {
  exact: ["", ""], atLeast: ["不低于", "at least "], atMost: ["不超过", "at most "], approx: ["约", "about "],
};

function describe(lang: Lang, q: Quota): string {
  const parts: string[] = [];
  if (q.ratio) {
    const b = BOUND[q.ratio.bound] as [string, string];
    parts.push(t(lang, `比例 ${b[0]}${q.ratio.numerator}/${q.ratio.denominator}`, `ratio ${b[1]}${q.ratio.numerator}/${q.ratio.denominator}`));
  }
  if (q.count) {
    const b = BOUND[q.count.bound] as [string, string];
    parts.push(t(lang, `数量 ${b[0].replace("不低于", "不少于")}${q.count.value}户`, `count ${b[1]}${q.count.value}`));
  }
  if (q.frequency) {
    const p = PER[q.frequency.per] as [string, string];
    parts.push(t(lang, `频次 ${p[0]}${q.frequency.times}次`, `${q.frequency.times} time(s) ${p[1]}`));
  }
  if (q.cumulative) parts.push(t(lang, "全年累计", "summed over the year"));
  if (q.segments) parts.push(q.segments.map((s) => `${s.scope}: ${describe(lang, s.quota)}`).join(" | "));
  return parts.join(t(lang, "；", "; "));
}

// Cells exactly as they appear in the seed plans (shared/seeds/), with where they come from.
const CELLS: Array<[string, string, string]> = [
  ["焦作市公安局 民爆物品安全管理", "Jiaozuo police, explosives", "每半年 20%"],
  ["焦作市公安局 娱乐场所治安管理", "Jiaozuo police, entertainment venues", "每半年3%"],
  ["焦作市人社局 劳动保障监察", "Jiaozuo HR & social security", "0.2"],
  ["焦作市生态环境局 机动车排放抽测", "Jiaozuo environment, vehicle emissions", "不少于 15%"],
  ["焦作市生态环境局 总量减排核查", "Jiaozuo environment, emission cuts", "-5%"],
  ["焦作市烟草专卖局 零售市场检查", "Jiaozuo tobacco, retail market", "全年不低于总商户数的 10%"],
  ["焦作市住房公积金中心 武陟", "Jiaozuo housing fund, Wuzhi", "1‰"],
  ["焦作市市场监管局 商标专利检查", "Jiaozuo market regulation, trademarks", "待定"],
  ["焦作市市场监管局 婴幼儿配方食品", "Jiaozuo market regulation, infant formula", "0.50%"],
  ["晋城 劳务派遣企业抽查", "Jincheng, labour dispatch firms", "不低于10%；不少于4户；1次/年"],
  ["晋城 冶金工贸重点监管企业", "Jincheng, metallurgy firms", "100%,1次/年 (约6家)"],
  ["晋城 进出口商品生产企业", "Jincheng, export producers", "100 1次/年"],
  ["晋城 陵川县二手车交易市场（错列）", "Jincheng, Lingchuan used cars (shifted row)", "县工信局"],
  ["舞钢市工信局 民爆企业安全检查", "Wugang industry bureau, explosives", "100%"],
];

export async function run(lang: Lang): Promise<void> {
  console.log(t(lang, "\n二、抽查比例 → 抽查数量（精确有理数运算）", "\n2. Quotas → sample sizes (exact rational arithmetic)"));
  for (const [zh, en, text] of CELLS) {
    const r = parseQuota(text);
    const head = `  ${t(lang, zh, en)}：“${text}”`;
    if (!r.ok) {
      console.log(`${head}\n      ${r.issues.map((i) => show(lang, i)).join("\n      ")}`);
      continue;
    }
    console.log(`${head} → ${describe(lang, r.value)}`);
    for (const w of r.warnings) console.log(`      ${show(lang, w)}`);
  }

  console.log(t(lang, "\n  同一比例在不同名录库规模下的抽查数量：", "\n  Sizes of the same quotas for different pool sizes:"));
  const sized: Array<[string, number]> = [["不低于10%；不少于4户；1次/年", 20], ["不低于10%；不少于4户；1次/年", 61], ["7%", 100], ["1‰", 4321], ["100%,1次/年 (约6家)", 7], ["每半年3%", 0]];
  for (const [text, pool] of sized) {
    const s = sampleSize(parseQuotaOrThrow(text), pool);
    if (!s.ok) continue;
    console.log(`    “${text}” × ${pool}: ${s.value.size}  [${s.value.rule}] ${s.value.explanation[lang]}`);
    for (const w of s.warnings) console.log(`      ${show(lang, w)}`);
  }

  // Per-tier sizes for the demo task (焦作市公安局 娱乐场所, 每半年3%) over the sample entertainment pool.
  const csv = readFileSync(new URL("../data/jiaozuo-entertainment-pool.csv", import.meta.url), "utf8");
  const pool = parseEntityPoolCsv(csv);
  if (!pool.ok) throw new Error("sample entity pool is invalid");
  const active = pool.value.filter((e) => e.status === "active");
  const tiers = ["A", "B", "C", "D"] as const;
  const strata = tiers.map((k) => ({ key: k, size: active.filter((e) => e.tier === k).length, tier: k }));
  const base = parseQuotaOrThrow("每半年3%");
  const policyText = "A类×1/2，B类×1，C类×2，D类×5";
  const policy = parseTierPolicy(policyText);
  if (!policy.ok) throw new Error("policy");
  console.log(t(lang, `\n  分类抽查：娱乐场所名录库（存续 ${active.length} 户），基础比例“每半年3%”，策略“${policyText}”`, `\n  By tier: entertainment pool (${active.length} active), base "每半年3%", policy "${policyText}"`));
  const table = allocate(strata, policy.value, { base });
  if (!table.ok) {
    for (const i of table.issues) console.log(`    ${show(lang, i)}`);
    return;
  }
  for (const row of table.value.rows) {
    const label = riskTierLabels[row.key as (typeof tiers)[number]][lang];
    console.log(`    ${row.key} ${label}: N=${row.N} n=${row.n} p=${row.probability.numerator}/${row.probability.denominator} [${row.rule}]`);
  }
  console.log(t(lang, `    合计每半年抽取 ${table.value.total} 户`, `    total per half year: ${table.value.total}`));
  const fixed = allocate(strata, policy.value, { base, total: 10, minimums: { D: 1 } });
  if (fixed.ok) {
    console.log(t(lang, "  若计划固定每半年共抽10户（D类至少1户），按最大余数法分配：", "  With a fixed total of 10 per half year (D at least 1), by largest remainder:"));
    console.log(`    ${fixed.value.rows.map((r) => `${r.key}=${r.n} [${r.rule}]`).join(", ")}`);
  }
  const exempt = allocate(strata, { rules: { A: { kind: "exempt" } } }, { base });
  if (exempt.ok) {
    console.log(t(lang, "  只有策略明确写明“A类免查（无事不扰）”时才免查：", "  A-tier exemption (无事不扰) only when the policy says so:"));
    console.log(`    ${exempt.value.rows.map((r) => `${r.key}=${r.n} [${r.rule}]`).join(", ")}`);
  }
}

function parseQuotaOrThrow(text: string): Quota {
  const r = parseQuota(text);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join("; "));
  return r.value;
}
