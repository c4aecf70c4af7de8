// Demo section 4: announce, then draw, a real seed-plan task (焦作市公安局 2023 序号7 娱乐场所治安管理监督检查,
// 每半年3%) over the sample 焦作 entertainment-venue pool with tiers; replace one pick (补抽), verify the record,
// and show a tampered record failing.
import { readFileSync } from "node:fs";
import {
  announce, draw, type DrawEntity, type DrawRecord, type Issue, lotteryEntropy, parseEntityPoolCsv, parseQuota,
  parseTask, parseTierPolicy, replaceSelections, riskTierLabels, unwrap, verifyDraw,
} from "../../src/index.js";
import { type Lang, show, t } from "./_lang.js";

const data = (file: string) => readFileSync(new URL(`../data/${file}`, import.meta.url), "utf8");

export async function run(lang: Lang = "zh"): Promise<void> {
  console.log(t(lang, "\n四、随机抽取检查对象（先公告，后抽取，人人可复核）", "\n4. Drawing the entities (announce first, then draw; anyone can re-check)"));
  const task = unwrap(parseTask((JSON.parse(data("jiaozuo-2023-task.json")) as { task: unknown }).task));
  const item = task.items[0] ?? task.name;
  // The sample pool's 上次检查日期 column names no item: draw-v1 §4.1 counts such an inspection for the rule's item.
  const entities = unwrap(parseEntityPoolCsv(data("jiaozuo-entertainment-pool.csv")));
  const pool: DrawEntity[] = entities;
  const names = new Map(entities.map((e) => [e.id, e.name]));

  const quota = unwrap(parseQuota(task.quotaText ?? "每半年3%"));
  const policyText = "A类×1/2；B类×1；C类×2；D类全部";
  const policy = unwrap(parseTierPolicy(policyText));
  // The salt must be random and kept by the department (it is given to auditors, never published).
  const salt = "焦作公安-2023上半年-示例盐值-请用随机串";
  const announced = announce({
    taskId: task.id, taskName: task.name, pool, stratify: "tier", salt,
    allocation: { policy, base: quota },
    exclusions: { recentInspection: { itemId: item, asOf: "2023-06-01", withinDays: 365 } },
    entropySource: { kind: "lottery", description: "中国福利彩票双色球2023年6月1日开奖号码（红球6个、蓝球1个）" },
  });
  if (!announced.ok) {
    for (const i of announced.issues) console.log(show(lang, i, "    "));
    return;
  }
  const { announcement, manifest } = announced.value;
  console.log(t(lang, `  任务：${task.name}（${task.initiator}，抽查比例“${task.quotaText}”，分类监管“${policyText}”）`, `  Task: ${task.name} (${task.initiator}, quota "${task.quotaText}", tier policy "${policyText}")`));
  console.log(t(lang, "  ① 抽取公告（在随机源产生之前公布）：", "  ① The announcement (published before the entropy exists):"));
  console.log(`    protocol ${announcement.protocol}  taskId ${announcement.taskId}`);
  console.log(t(lang, `    名录清单摘要 ${announcement.manifestDigest}`, `    manifest digest ${announcement.manifestDigest}`));
  const c = announcement.exclusions.counts;
  console.log(t(lang, `    排除：非存续 ${c.inactive}，一年内已就本事项检查 ${c.recently_inspected}，免查 ${c.tier_exempt}，本年已抽中 ${c.drawn_earlier}`, `    excluded: not active ${c.inactive}, inspected for this item within a year ${c.recently_inspected}, exempt ${c.tier_exempt}, drawn earlier ${c.drawn_earlier}`));
  for (const s of announcement.strata) console.log(t(lang, `    分层 ${s.key}：N=${s.N}，抽取 n=${s.n}，摘要 ${s.digest.slice(0, 16)}…`, `    stratum ${s.key}: N=${s.N}, draw n=${s.n}, digest ${s.digest.slice(0, 16)}…`));
  console.log(t(lang, `    随机源：${announcement.entropySource.description}`, `    entropy source: ${announcement.entropySource.description}`));
  console.log(t(lang, `    公告摘要 ${announcement.digest}`, `    announcement digest ${announcement.digest}`));
  console.log(t(lang, "    （分层键不透露信用等级；对应关系只在部门内部：", "    (stratum keys do not reveal tiers; only the department knows: ") +
    manifest.strata.map((s) => `${s.key}=${s.label === "A" || s.label === "B" || s.label === "C" || s.label === "D" ? riskTierLabels[s.label][lang] : s.label}`).join(t(lang, "，", ", ")) + t(lang, "）", ")"));

  // ② The lottery numbers come out (illustrative numbers).
  const entropy = unwrap(lotteryEntropy([{ name: "红球", numbers: [3, 11, 17, 22, 28, 31] }, { name: "蓝球", numbers: [9] }]));
  const drawn = draw(announcement, pool, entropy, { salt });
  if (!drawn.ok) {
    for (const i of drawn.issues) console.log(show(lang, i, "    "));
    return;
  }
  let record: DrawRecord = drawn.value;
  console.log(t(lang, `  ② 开奖号码规范化为 ${entropy.value}，派生种子 ${record.seed}`, `  ② Lottery numbers canonicalised as ${entropy.value}, derived seed ${record.seed}`));
  console.log(t(lang, `  ③ 抽取记录：共抽中 ${record.selections.length} 户`, `  ③ The draw record: ${record.selections.length} entities drawn`));
  for (const st of record.strata) {
    const picks = record.selections.filter((s) => s.stratum === st.key);
    for (const s of picks.slice(0, 3)) console.log(`    ${s.stratum}  i=${s.counter ?? "-"}  #${s.index}/${st.N}  ${s.id}  ${names.get(s.id) ?? ""}`);
    if (picks.length > 3) console.log(t(lang, `    ……本层另 ${picks.length - 3} 户（n = N，整层抽取）`, `    … ${picks.length - 3} more in this stratum (n = N, taken whole)`));
  }

  // ④ 补抽: the first drawn venue turns out closed. The reason is from the closed list, the decision is named, and the
  // entry is chained: the record publishes the chain head (draw-v1 §7.2).
  const first = record.selections.find((s) => s.counter !== null) ?? record.selections[0]!;
  record = unwrap(replaceSelections(record, pool, [{ id: first.id, reason: "停业", decision: { by: "治安支队 分管负责人", date: "2023-07-03" }, note: "经营场所已关闭" }], { salt }));
  const rep = record.replacements[0]!;
  const published = { length: record.replacements.length, head: record.replacementsHead ?? "" };
  console.log(t(lang, `  ④ 补抽：${names.get(first.id)} 停业（经营场所已关闭，分管负责人决定）→ 同层随机流下一个：i=${rep.counter} #${rep.index} ${names.get(rep.id)}；链头 ${record.replacementsHead?.slice(0, 12)}…`, `  ④ Replacement: ${names.get(first.id)} closed (decided by the deputy head) → next pick of the same stream: i=${rep.counter} #${rep.index} ${names.get(rep.id)}; chain head ${record.replacementsHead?.slice(0, 12)}…`));

  // ⑤ Anyone with the pool and the salt re-checks; the order of the pool does not matter.
  const v = verifyDraw(record, [...pool].reverse(), { salt });
  console.log(t(lang, `  ⑤ 复核（名录库顺序打乱）：${v.ok ? "通过 ✓" : "未通过"}`, `  ⑤ Re-check (pool order shuffled): ${v.ok ? "passed ✓" : "failed"}`));
  const tampered: DrawRecord = { ...record, selections: record.selections.map((s, k) => (k === 1 ? { ...s, id: entities.find((e) => e.id !== s.id && e.status === "active")!.id } : s)) };
  const bad = verifyDraw(tampered, pool, { salt });
  console.log(t(lang, "  ⑥ 篡改一条抽中记录后复核：", "  ⑥ Re-check after one pick was altered:"));
  if (!bad.ok) for (const i of bad.issues.slice(0, 3)) console.log(show(lang, i, "    "));
  // ⑦ Dropping the replacement (to keep the first venue after all) breaks the chain against the copy published at ④.
  const { replacementsHead: _head, ...rest } = record;
  const dropped = verifyDraw({ ...rest, replacements: [] }, pool, { salt, earlier: [published] });
  console.log(t(lang, "  ⑦ 删去补抽记录后复核（对照此前公布的链头）：", "  ⑦ Re-check after the replacement was dropped (against the head published earlier):"));
  if (!dropped.ok) for (const i of dropped.issues.slice(0, 2)) console.log(show(lang, i, "    "));
}
