// Linear parsers on hostile cells (issue 16 item 4): every exported reader of user text (test/fuzz/_parsers.ts) fed one
// fuzzed cell of 1k → 10k → 100k → 1M characters over the fuzz vocabulary (plan words, digits, %, ；, 户, 次/年, 月—,
// random Unicode). Prints the time per call at each length and the growth per 10×; target ≤ 12× (linear is 10×;
// at 1k fixed costs dominate, so the first step is usually far below). Also the most issues one call returned and the
// longest issue (JSON characters) at 1M: issues quote spans, not the cell, and are capped per cell.
// Times are CPU time of this process (process.cpuUsage), the best of a few batches.
// `npm run bench -- parsers`, or `npx tsx bench/parsers.bench.ts [filter]`.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fileURLToPath } from "node:url";
import { READERS, type Reader } from "../test/fuzz/_parsers.js";
import { fuzzCell } from "../test/fuzz/_vocabulary.js";

const LENGTHS = [1_000, 10_000, 100_000, 1_000_000] as const;
const TARGET_GROWTH = 12;
const SEED = 20231;

// A full collection before each batch, so that a batch is not charged for the garbage of the one before it.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** CPU milliseconds of this process so far (user + system): less disturbed than wall time by other processes. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Mean CPU ms per call: calls repeated until `budget` ms have passed (at least once); the best of `batches` such
 * batches (the 2 cores are shared: the best batch is the one least disturbed).
 */
function timeCall(run: () => unknown, budget: number, batches: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let batch = 0; batch < batches; batch++) {
    gc();
    let calls = 0;
    const t0 = cpuMs();
    let t = 0;
    do {
      run();
      calls++;
      t = cpuMs() - t0;
    } while (t < budget);
    best = Math.min(best, t / calls);
  }
  return best;
}

interface Row {
  reader: string;
  ms: number[];
  growth: number[];
  issues: number;
  longest: number;
}

function measure(reader: Reader): Row {
  const ms: number[] = [];
  let issues = 0;
  let longest = 0;
  for (const n of LENGTHS) {
    const cell = fuzzCell(n, SEED);
    const out = reader.run(cell); // warm-up, and the issues at this length
    issues = Math.max(issues, out.length);
    if (n === LENGTHS[LENGTHS.length - 1]) for (const i of out) longest = Math.max(longest, JSON.stringify(i).length);
    ms.push(timeCall(() => reader.run(cell), n >= 1_000_000 ? 1 : 50, 3));
  }
  const growth = ms.slice(1).map((m, k) => m / (ms[k] as number));
  return { reader: reader.name, ms, growth, issues, longest };
}

export async function run(filter = ""): Promise<void> {
  const rows = READERS.filter((r) => r.name.includes(filter)).map(measure);
  const fmt = (m: number) => (m < 1 ? m.toFixed(3) : m < 100 ? m.toFixed(2) : m.toFixed(0));
  const head = ["reader (one fuzzed cell)", "1k ms", "10k ms", "100k ms", "1M ms", "×10k/1k", "×100k/10k", "×1M/100k", "issues≤", "longest issue"];
  const table = rows.map((r) => [r.reader, ...r.ms.map(fmt), ...r.growth.map((g) => `${g.toFixed(1)}×`), String(r.issues), String(r.longest)]);
  const widths = head.map((h, c) => Math.max(h.length, ...table.map((t) => (t[c] as string).length)));
  for (const t of [head, ...table]) console.log(t.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join("  "));
  const worst = rows.reduce((w, r) => Math.max(w, ...r.growth), 0);
  const over = rows.filter((r) => r.growth.some((g) => g > TARGET_GROWTH)).map((r) => r.reader);
  console.log(`worst growth per 10×: ${worst.toFixed(1)}× (target ≤ ${TARGET_GROWTH}×: ${over.length === 0 ? "met" : `MISSED by ${over.join(", ")}`})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(process.argv[2] ?? "");
