// Calendar benchmarks: each of our operations beside a baseline measured in the same run.
import chineseDays from "chinese-days";

const { isWorkday } = chineseDays;
import { Bench } from "tinybench";
import { addWorkingDays, isWorkingDay, parseQuota, parseWindow, sampleSize, scheduleBatches } from "../src/index.js";
import seeds from "../test/fixtures/calendar/seed-windows.json" with { type: "json" };

const texts = seeds.map((s) => s.text);
const dates: string[] = [];
for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2024, 0, 1); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
const RE = /^(\d{4})年?(\d{1,2})月/;

function timePerCall(fn: () => void, rounds: number): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - t0) / rounds;
}

export async function run(): Promise<void> {
  const bench = new Bench({ time: 300 });
  bench
    .add(`baseline: NFKC + one regex per seed cell (${texts.length})`, () => {
      for (const s of texts) RE.exec(s.normalize("NFKC"));
    })
    .add(`parseWindow every seed cell (${texts.length})`, () => {
      for (const s of texts) parseWindow(s, { year: 2023 });
    })
    .add("baseline: chinese-days isWorkday × 365", () => {
      for (const d of dates) isWorkday(d);
    })
    .add("isWorkingDay × 365", () => {
      for (const d of dates) isWorkingDay(d);
    })
    .add("addWorkingDays(d, 20) × 365", () => {
      for (const d of dates) addWorkingDays(d, 20);
    })
    .add("baseline: parseQuota + parseWindow + sampleSize (the parts scheduleBatches calls)", () => {
      const q = parseQuota("每季度 20%");
      parseWindow("全年", { year: 2023 });
      if (q.ok) sampleSize(q.value, 10_000);
    })
    .add("scheduleBatches 每季度 20% over 全年, avoidRepeats", () => {
      scheduleBatches({ quota: "每季度 20%", window: "全年", year: 2023, poolSize: 10_000, avoidRepeats: true });
    });
  await bench.run();
  const mean = (i: number) => (bench.tasks[i]?.result as { latency?: { mean: number } } | undefined)?.latency?.mean ?? Number.NaN;
  const rows = [
    ["parseWindow ×157 seed cells", mean(1), mean(0)],
    ["isWorkingDay ×365", mean(3), mean(2)],
    ["addWorkingDays(d,20) ×365", mean(4), mean(2)],
    ["scheduleBatches (4 batches)", mean(6), mean(5)],
  ] as const;
  console.table(rows.map(([name, ours, base]) => ({ operation: name, "ours (ms)": ours.toFixed(4), "baseline (ms)": base.toFixed(4), ratio: (ours / base).toFixed(2) })));

  // Linear time: cost per character on growing adversarial inputs, relative to the shortest.
  const sizes = [1_000, 10_000, 100_000];
  const per = sizes.map((n) => {
    const input = "3月-".repeat(n / 3) + "前";
    return timePerCall(() => parseWindow(input, { year: 2023 }), 20) / input.length;
  });
  console.table(sizes.map((n, i) => ({ "input chars": n, "ns per char": (per[i] as number).toFixed(1), "vs 1k": ((per[i] as number) / (per[0] as number)).toFixed(2) })));
}
