// 市抽县查 over 晋城's counties: a city-level task of the 晋城 2023 joint plan (shared/seeds/jincheng-2023-joint-plan.txt,
// 晋城市本级) drawn per county and, within each county, per credit-risk tier (tier×region:county), with at least 3 per
// (tier, county) stratum — so every county (县、市、区) gets at least 3. The plan's row:
//   对旅馆业从业单位的随机抽查 | 旅馆业从业单位取得许可证及其他情况的检查 | 晋城市旅馆从业单位 | 不低于30% 1次/年 |
//   根据企业信用风险分类结果,结合行业监管风险分类,…分别增加抽查比例、频次 | 5月--10月 | 市卫健委 | 市公安局
// The minimum per stratum is the initiating department's choice for a 市抽县查 task (the plan states only the 30%).
// Run: npx tsx examples/jincheng/draw-by-county.ts [--lang en]; it is also section 4b of `npm run demo`.
import { readFileSync } from "node:fs";
import {
  announce, draw, type DrawEntity, type Issue, lotteryEntropy, parseEntityPoolCsv, parseQuota, riskTierLabels, unwrap, verifyDraw,
} from "../../src/index.js";
import { JINCHENG_COUNTIES } from "./counties.js";

type Lang = "zh" | "en";
const t = (lang: Lang, zh: string, en: string): string => (lang === "zh" ? zh : en);
const show = (lang: Lang, i: Issue) => `    ${i.severity === "error" ? "✗" : "!"} [${i.code}] ${i.message[lang]}`;

/** A stratum label `["B","140502"]` in words: B类（一般风险）· 城区. */
function words(label: string, lang: Lang): string {
  const [tier, county] = JSON.parse(label) as [string, string];
  const tierWords = tier === "A" || tier === "B" || tier === "C" || tier === "D" ? riskTierLabels[tier][lang] : t(lang, "未分类", "untiered");
  return `${JINCHENG_COUNTIES[county] ?? county} · ${tierWords}`;
}

export async function run(lang: Lang = "zh"): Promise<void> {
  console.log(t(lang, "\n四（续）、市抽县查：按县（市、区）分层抽取（晋城 2023 部门联合抽查计划）", "\n4b. 市抽县查: a draw spread over the counties (晋城 2023 joint plan)"));
  const csv = readFileSync(new URL("./hotels-pool.csv", import.meta.url), "utf8");
  const entities = unwrap(parseEntityPoolCsv(csv));
  const pool: DrawEntity[] = entities;
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const salt = "晋城卫健-2023旅馆业-示例盐值-请用随机串";
  const quotaText = "不低于30% 1次/年";
  const a = unwrap(announce({
    taskId: "JC-2023-市卫健委-旅馆业", taskName: "对旅馆业从业单位的随机抽查", pool, stratify: "tier×region:county", salt,
    allocation: { base: unwrap(parseQuota(quotaText)), minPerStratum: 3 },
    entropySource: { kind: "lottery", description: "中国福利彩票双色球2023年5月4日开奖号码（红球6个、蓝球1个）" },
  }));
  const { announcement, manifest, allocation } = a;
  console.log(t(lang, `  任务：对旅馆业从业单位的随机抽查（市卫健委发起，市公安局配合；抽查比例“${quotaText}”，每层不少于3户）`, `  Task: 对旅馆业从业单位的随机抽查 (市卫健委 with 市公安局; quota "${quotaText}", at least 3 per stratum)`));
  console.log(t(lang, `  名录库：${entities.length} 家旅馆，${Object.keys(JINCHENG_COUNTIES).length} 个县（市、区），分层方式 ${announcement.stratification}（县内再按信用风险分类）`, `  Pool: ${entities.length} hotels in ${Object.keys(JINCHENG_COUNTIES).length} counties, stratified ${announcement.stratification} (tiers within each county)`));
  // The allocation table is the department's (labels name tiers): the announcement publishes only keys, N and n.
  console.log(t(lang, "  ① 分配表（部门内部；公告只公布层键、N 和 n）：", "  ① Allocation table (the department's; the announcement publishes keys, N and n only):"));
  const keyOf = new Map(manifest.strata.map((s) => [s.label, s.key]));
  // By county, then tier (the rows come in key order, which says nothing).
  const byCounty = (label: string) => { const [tier, county] = JSON.parse(label) as string[]; return `${county}/${tier}`; };
  const rows = [...(allocation?.rows ?? [])].sort((x, y) => (byCounty(x.key) < byCounty(y.key) ? -1 : 1));
  for (const row of rows) {
    const rule = row.rule === "strata_whole" ? t(lang, "整层", "whole") : row.rule === "strata_minimum" ? t(lang, "保底", "minimum") : t(lang, "按规模", "by size");
    console.log(`    ${keyOf.get(row.key)}  N=${String(row.N).padStart(2)}  n=${String(row.n).padStart(2)}  ${rule.padEnd(lang === "zh" ? 3 : 7)}  ${words(row.key, lang)}`);
  }
  const perCounty = new Map<string, { N: number; n: number }>();
  for (const row of rows) {
    const county = (JSON.parse(row.key) as string[])[1] as string;
    const c = perCounty.get(county) ?? { N: 0, n: 0 };
    perCounty.set(county, { N: c.N + row.N, n: c.n + row.n });
  }
  console.log(t(lang, "  ② 各县（市、区）合计：", "  ② Per county:") + [...perCounty].map(([code, c]) => `${JINCHENG_COUNTIES[code]} ${c.n}/${c.N}`).join(t(lang, "，", ", ")) +
    t(lang, `；共 ${allocation?.total} 户`, `; ${allocation?.total} in all`));

  const entropy = unwrap(lotteryEntropy([{ name: "红球", numbers: [2, 9, 14, 21, 27, 33] }, { name: "蓝球", numbers: [6] }]));
  const record = unwrap(draw(announcement, pool, entropy, { salt }));
  const drawnBy = new Map<string, string[]>();
  const countyOf = new Map(entities.map((e) => [e.id, e.regionCode as string]));
  for (const s of record.selections) drawnBy.set(countyOf.get(s.id) as string, [...(drawnBy.get(countyOf.get(s.id) as string) ?? []), s.id]);
  console.log(t(lang, `  ③ 抽取：共抽中 ${record.selections.length} 家；例如`, `  ③ Draw: ${record.selections.length} hotels drawn; e.g.`));
  for (const code of Object.keys(JINCHENG_COUNTIES)) {
    const ids = drawnBy.get(code) ?? [];
    console.log(`    ${JINCHENG_COUNTIES[code]}（${code}）${ids.length} ${t(lang, "家", "")}：${names.get(ids[0] as string)}${ids.length > 1 ? t(lang, " 等", " …") : ""}`);
  }
  const v = verifyDraw(record, [...pool].reverse(), { salt });
  console.log(t(lang, `  ④ 复核（名录库顺序打乱）：${v.ok ? "通过 ✓" : "未通过"}`, `  ④ Re-check (pool order shuffled): ${v.ok ? "passed ✓" : "failed"}`));
  // A drawn hotel moved to another county in the pool handed to the auditor: its county's stratum no longer recomputes.
  const moved = record.selections[0]!.id;
  const tampered = pool.map((e) => (e.id === moved ? { ...e, regionCode: e.regionCode === "140502" ? "140525" : "140502" } : e));
  const bad = verifyDraw(record, tampered, { salt });
  console.log(t(lang, `  ⑤ 把一家抽中的旅馆改到另一个县后复核：${bad.ok ? "通过（不应如此）" : "未通过 ✗"}`, `  ⑤ Re-check after one drawn hotel was moved to another county: ${bad.ok ? "passed (it should not)" : "failed ✗"}`));
  if (!bad.ok) for (const i of bad.issues.slice(0, 2)) console.log(show(lang, i));
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv.includes("en") ? "en" : "zh");
