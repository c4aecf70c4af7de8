// Quota benchmarks: each of our operations beside a baseline measured in the same run, reported as a ratio.
import { Bench } from "tinybench";
import { allocate, parseQuota, parseTierPolicy, sampleSize, unwrap } from "../src/index.js";
import seed from "../test/fixtures/quota/seed-quotas.json" with { type: "json" };

const texts = seed.cases.map((c) => c.text);
const long = `${"不低于".repeat(10_000)}${"1".repeat(30_000)}${"20%;".repeat(10_000)}`;
const policy = unwrap(parseTierPolicy("A类×1/2，B类×1，C类×2，D类×5"));
const base = unwrap(parseQuota("每半年3%"));
const strata = [
  { key: "A", size: 7_200, tier: "A" as const },
  { key: "B", size: 10_800, tier: "B" as const },
  { key: "C", size: 3_300, tier: "C" as const },
  { key: "D", size: 1_700, tier: "D" as const },
];

export async function run(): Promise<void> {
  let sink = 0;
  const bench = new Bench({ time: 300 });
  bench
    .add(`baseline: text.normalize("NFKC") × ${texts.length} seed cells`, () => {
      for (const s of texts) sink += s.normalize("NFKC").length;
    })
    .add(`parseQuota + sampleSize(·, 1000) × ${texts.length} seed cells`, () => {
      for (const s of texts) {
        const q = parseQuota(s);
        if (q.ok) {
          const r = sampleSize(q.value, 1000, { segment: q.value.segments?.[0]?.scope });
          if (r.ok) sink += r.value.size;
        }
      }
    })
    .add(`baseline: normalize("NFKC") of a ${long.length}-char cell`, () => {
      sink += long.normalize("NFKC").length;
    })
    .add(`parseQuota of a ${long.length}-char cell`, () => {
      sink += parseQuota(long).ok ? 1 : 0;
    })
    .add("allocate 4 tiers (no total)", () => {
      const r = allocate(strata, policy, { base });
      if (r.ok) sink += r.value.total;
    })
    .add("allocate 4 tiers, total 500 with a minimum", () => {
      const r = allocate(strata, policy, { base, total: 500, minimums: { D: 50 } });
      if (r.ok) sink += r.value.total;
    });
  await bench.run();
  const mean = (i: number) => (bench.tasks[i]?.result as { latency?: { mean: number } } | undefined)?.latency?.mean ?? Number.NaN;
  const rows = [
    [`parse + size ×${texts.length} seed cells`, mean(1), mean(0)],
    [`parseQuota ${long.length} chars`, mean(3), mean(2)],
    ["allocate 4 tiers", mean(4), mean(0)],
    ["allocate 4 tiers, total", mean(5), mean(0)],
  ] as const;
  console.table(rows.map(([name, ours, b]) => ({ operation: name, "ours (ms)": ours.toFixed(4), "baseline (ms)": b.toFixed(4), ratio: (ours / b).toFixed(2) })));
  if (sink === -1) console.log(sink);
}
