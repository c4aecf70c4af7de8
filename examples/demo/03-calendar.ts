// Demo section 3: the calendar — real 抽取日期 cells of the seed plans read into dates, split into batches
// with their sizes, each entity's chance of being inspected in the year, and the 公示 deadline.
import { type Issue, parseWindow, publicationDeadline, scheduleBatches } from "../../src/index.js";
import { type Lang, show, t } from "./_lang.js";

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

// Real tasks of 焦作 2023 (jiaozuo-2023-plans.txt). The plans do not state pool sizes: the sizes below are
// illustrative, so the arithmetic can be followed.
const tasks = [
  { who: "焦作市公安局", name: "民爆物品安全管理", quota: "每半年 20%", window: "2023年1月1日—12月31日", pool: 23 },
  { who: "焦作市发展和改革委员会", name: "用能单位节能监察", quota: "20%", window: "2023年6月、11月", pool: 41 },
  { who: "焦作市生态环境局", name: "自动监控基站监督检查", quota: "不少于15%", window: "每季度结束前5个工作日", pool: 60 },
];

const cells = ["3月—11月", "2023第四季度", "上半年（1-4 月）；下半年（11-12 月）", "9 月份之前", "月初", "2022年4月"];

export async function run(lang: Lang): Promise<void> {
  console.log(t(lang, "\n三、抽查时间、分批与公示期限", "\n3. Windows, batches and the publication deadline"));

  console.log(t(lang, "  抽取日期原文 → 日期（计划年度 2023）：", "  Window cells as written → dates (plan year 2023):"));
  for (const text of cells) {
    const r = parseWindow(text, { year: 2023 });
    if (!r.ok) {
      console.log(`    “${text}”`);
      for (const i of r.issues) console.log(show(lang, i, "      "));
      continue;
    }
    const ws = r.value.windows.map((w) => (w.start === w.end ? w.start : `${w.start}～${w.end}`));
    const list = ws.length > 3 ? `${ws.slice(0, 2).join("，")} … ${ws[ws.length - 1]}（${t(lang, `共${ws.length}段`, `${ws.length} parts`)}）` : ws.join("，");
    console.log(`    “${text}” → ${list}${r.value.recurring ? `  [${r.value.recurring.description[lang]}]` : ""}`);
    for (const i of r.warnings) console.log(show(lang, i, "      "));
  }

  for (const task of tasks) {
    console.log(t(lang, `\n  ${task.who}·${task.name}：抽查比例“${task.quota}”，抽取日期“${task.window}”，名录库 ${task.pool} 户（示例）`,
      `\n  ${task.who} · ${task.name}: quota "${task.quota}", window "${task.window}", pool of ${task.pool} (illustrative)`));
    for (const avoidRepeats of [false, true]) {
      const r = scheduleBatches({ quota: task.quota, window: task.window, year: 2023, poolSize: task.pool, avoidRepeats });
      if (!r.ok) {
        for (const i of r.issues) console.log(show(lang, i, "      "));
        continue;
      }
      const s = r.value;
      if (!avoidRepeats) {
        console.log(`    ${s.layout[lang]}`);
        for (const b of s.batches) {
          const deadline = publicationDeadline(b.end);
          const d = deadline.ok ? deadline.value.deadline : "?";
          console.log(t(lang, `    第${b.index}批 ${b.start}～${b.end}：抽 ${b.size} 户（${b.explanation.zh}）；若${b.end}检查完毕，最迟 ${d} 公示`,
            `    batch ${b.index} ${b.start}..${b.end}: draw ${b.size} (${b.explanation.en}); if checked by ${b.end}, publish by ${d}`));
        }
      }
      const c = s.chanceAtLeastOnce;
      console.log(t(lang, `    ${avoidRepeats ? "避免重复检查" : "各批独立抽取"}：全年共 ${s.totalDraws} 户次，每户至少被抽中一次的概率 ${c.numerator}/${c.denominator} ≈ ${pct(c.approx)}`,
        `    ${avoidRepeats ? "avoiding repeats" : "independent batches"}: ${s.totalDraws} draws in the year; chance an entity is drawn at least once ${c.numerator}/${c.denominator} ≈ ${pct(c.approx)}`));
      for (const i of r.warnings) console.log(show(lang, i, "      "));
    }
  }

  const p = publicationDeadline("2023-09-28");
  if (p.ok) console.log(t(lang, `\n  公示期限：${p.value.basis.zh}`, `\n  Publication deadline: ${p.value.basis.en}`));
}
