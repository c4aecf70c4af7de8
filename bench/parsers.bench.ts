// Linear parsers on hostile cells (issue 16 item 4): every exported reader of user text (test/fuzz/_parsers.ts; the fuzz
// coverage test keeps that list complete) and every lint rule on its own, fed one fuzzed cell of 1k → 10k → 100k → 1M
// characters over the fuzz vocabulary (plan words, digits, %, ；, 户, 次/年, 月—, random Unicode). Prints the time per
// call at each length and the growth per 10×; target ≤ 12× (linear is 10×; at 1k fixed costs dominate, so the first
// step is usually far below). Also the most issues one call returned and the longest issue (JSON characters) at 1M:
// issues quote spans, not the cell, and are capped per cell.
// Each figure is the median of 7 samples; a sample is the mean CPU time (process.cpuUsage) per call over a batch of at
// least 50 ms (one call at least), after a full collection and two warm-up calls. Medians, not minima: the best of a few
// batches at 10k (all in cache, never a collection) against a typical one at 100k made linear readers look 15× per 10×.
// A step over the target is measured again on the shorter cell repeated 10 times (`×10 copies`: the same length as
// the longer cell, the same content as the shorter): a linear reader gives ~10× there too, so the excess of the step
// came from what the longer cell holds (quotes, line breaks, dates…), not from its length. And at 3M characters
// (`×3M/1M`): a linear reader stays near 3×.
// `npm run bench -- parsers`, or `npx tsx bench/parsers.bench.ts [filter]`.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fileURLToPath } from "node:url";
import { importPlanTable, lintPlan, lintPlanTable, lintRules, parseQuota, parseWindow, type CheckItem, type Issue } from "../src/index.js";
import { readTable } from "../src/files/index.js";
import { READERS, type Outcome, type Reader } from "../test/fuzz/_parsers.js";
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

const SAMPLES = 7;
const BUDGET_MS = 50;

/** A median (of a copy). */
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? (s[s.length >> 1] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/**
 * CPU ms per call: two warm-up calls, then `SAMPLES` batches, each after a full collection, each the mean over calls
 * repeated until `BUDGET_MS` have passed (at least one call); the median batch.
 */
function timeCall(run: () => unknown): number {
  run();
  run();
  const samples: number[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    gc();
    let calls = 0;
    const t0 = cpuMs();
    let t = 0;
    do {
      run();
      calls++;
      t = cpuMs() - t0;
    } while (t < BUDGET_MS);
    samples.push(t / calls);
  }
  return median(samples);
}

/** One row of the table: a name and, for a cell, the call to time (set up outside the timing). */
interface Subject {
  readonly name: string;
  readonly prepare: (cell: string) => () => Outcome;
  /** The cell of `n` characters, when not the fuzzed one: a hostile structure repeated. */
  readonly cellOf?: (n: number) => string;
}

interface Row {
  name: string;
  ms: number[];
  growth: number[];
  /** ×3M/1M, measured only when a step is over the target. */
  beyond?: number;
  /** The most of (the shorter cell ×10) ÷ (the shorter cell) over the steps above the target. */
  copies?: number;
  issues: number;
  longest: number;
}

const PLAN_HEADER = ["发起部门", "序号", "抽查计划名称", "抽查任务名称", "抽查类型", "抽查事项", "抽查对象范围", "抽查比例", "抽取日期", "配合部门", "信用风险分类要求", "抽查检查模式"];
const ITEMS: CheckItem[] = [{ id: "I-1", name: "食品经营许可情况的检查", legalBasis: "《食品安全法》", department: "市场监管局", category: "general", methods: ["on_site"] }];

/** Each lint rule alone (the others disabled) on the plan imported from a table with the cell in every column. */
const RULES: Subject[] = lintRules.map((rule) => ({
  name: `rule ${rule.id}`,
  prepare: (cell) => {
    const imported = importPlanTable([PLAN_HEADER, PLAN_HEADER.map(() => cell)], { year: 2023, fillMerged: true });
    if (!imported.ok) throw new Error(`the plan of a fuzzed cell did not import: ${imported.issues[0]?.code}`);
    const plan = imported.value;
    const disable = lintRules.filter((r) => r !== rule).map((r) => r.id);
    return () => lintPlan(plan, { year: 2023, items: ITEMS, disable });
  },
}));

/** `unit` repeated to `n` characters. */
const repeated = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/**
 * Hostile structures the fuzz vocabulary rarely builds, each once quadratic: a run of digits (the column-shift
 * regexes tried it from every digit: 200k digits took 90 s in lintPlanTable), many "每年对…" frequencies (a splice each
 * in parseQuota), many frequencies before many segments (shared pieces scanned per segment), many invalid dates (a
 * scan of the issues per date in parseWindow), many bare numbers (an issue built per number, ten kept); and a CSV file whose every row has a parse error (an issue per row),
 * which the repeated fuzzed file of the whole-file readers does not hold.
 */
const HOSTILE: Subject[] = [
  {
    name: "lintPlanTable (a run of digits in every column)",
    cellOf: (n) => "1".repeat(n),
    prepare: (cell) => () => {
      const r = lintPlanTable([PLAN_HEADER, PLAN_HEADER.map(() => cell)], { year: 2023, issuer: "焦作市市场监督管理局" });
      return r.ok ? r.value.diagnostics : r.issues;
    },
  },
  { name: "parseQuota (每年对甲… then 1次/年)", cellOf: (n) => `${repeated("每年对甲", n - 11)}≥20%；1次/年`, prepare: (cell) => () => issuesOf(parseQuota(cell)) },
  { name: "parseQuota (每年… then 甲≥5%…)", cellOf: (n) => repeated("每年", n >> 1) + repeated("甲≥5%", n - (n >> 1)), prepare: (cell) => () => issuesOf(parseQuota(cell)) },
  {
    name: "readTable (rows with a stray quote, as CSV text)",
    cellOf: (n) => repeated('"甲"乙,丙\n', n),
    prepare: (cell) => () => issuesOf(readTable(cell)),
  },
  { name: "parseQuota (0.2，0.2，… bare numbers)", cellOf: (n) => repeated("0.2，", n), prepare: (cell) => () => issuesOf(parseQuota(cell)) },
  { name: "parseWindow (2021年2月30日、…)", cellOf: (n) => repeated("2021年2月30日、", n), prepare: (cell) => () => issuesOf(parseWindow(cell, { year: 2023 })) },
];

/**
 * One pass over the cell, no parser involved: the floor that any reader normalising or copying the cell stands on.
 * A copy over 65,536 UTF-16 units is a V8 large object on fresh pages (here NFKC of the cell costs 2.9 ns per character
 * at 64,000 units and 5.1 at 66,000), so the 10k → 100k step of one `normalize` is itself far over 12×.
 */
let sink = 0;
const FLOOR: Subject[] = [
  { name: "floor: cell.normalize(\"NFKC\")", prepare: (cell) => () => ((sink ^= cell.normalize("NFKC").length), []) },
  { name: "floor: cell.toLowerCase()", prepare: (cell) => () => ((sink ^= cell.toLowerCase().length), []) },
  {
    name: "floor: a loop over the char codes",
    prepare: (cell) => () => {
      let h = 0;
      for (let i = 0; i < cell.length; i++) h = (h * 31 + cell.charCodeAt(i)) | 0;
      sink ^= h;
      return [];
    },
  },
];

/**
 * A whole file of `n` characters for the readers that take the cell as a file (its line breaks make rows): the 1k
 * fuzzed file repeated, so that every length holds rows of the same kind. The fuzzed cells themselves do not: their
 * quotes happen to pair up to 100k (0 parse errors) and not at 1M (823 csv_parse_error issues, one per row), which
 * made 1M/100k a comparison of different files (20×; their 10 copies 12.5×, ×3M/1M 2.6×).
 */
const fileOf = (n: number) => fuzzCell(LENGTHS[0], SEED).repeat(n / LENGTHS[0]);

const SUBJECTS: Subject[] = [
  ...READERS.map((r: Reader): Subject => ({ name: r.name, prepare: (cell) => () => r.run(cell), ...(r.wholeFile ? { cellOf: fileOf } : {}) })),
  ...RULES,
  ...HOSTILE,
  ...FLOOR,
];

const cellOf = (subject: Subject, n: number) => (subject.cellOf ? subject.cellOf(n) : fuzzCell(n, SEED));
/** The issues of a Result (or its warnings). */
const issuesOf = (r: { ok: boolean; issues?: readonly Issue[]; warnings?: readonly Issue[] }): Outcome => (r.ok ? (r.warnings ?? []) : (r.issues ?? []));

function measure(subject: Subject): Row {
  const ms: number[] = [];
  let issues = 0;
  let longest = 0;
  for (const n of LENGTHS) {
    const call = subject.prepare(cellOf(subject, n));
    const out = call();
    issues = Math.max(issues, out.length);
    if (n === LENGTHS[LENGTHS.length - 1]) for (const i of out) longest = Math.max(longest, JSON.stringify(i).length);
    ms.push(timeCall(call));
  }
  const growth = ms.slice(1).map((m, k) => m / (ms[k] as number));
  const row: Row = { name: subject.name, ms, growth, issues, longest };
  if (growth.some((g) => g > TARGET_GROWTH)) {
    row.beyond = timeCall(subject.prepare(cellOf(subject, 3_000_000))) / (ms[ms.length - 1] as number);
    row.copies = growth.reduce((worst, g, k) => (g > TARGET_GROWTH ? Math.max(worst, timeCall(subject.prepare(cellOf(subject, LENGTHS[k] as number).repeat(10))) / (ms[k] as number)) : worst), 0);
  }
  return row;
}

export async function run(filter = ""): Promise<void> {
  const rows = SUBJECTS.filter((r) => r.name.includes(filter)).map(measure);
  const fmt = (m: number) => (m < 1 ? m.toFixed(3) : m < 100 ? m.toFixed(2) : m.toFixed(0));
  const head = ["reader or rule (one fuzzed cell)", "1k ms", "10k ms", "100k ms", "1M ms", "×10k/1k", "×100k/10k", "×1M/100k", "×3M/1M", "×10 copies", "issues≤", "longest issue"];
  const table = rows.map((r) => [
    r.name, ...r.ms.map(fmt), ...r.growth.map((g) => `${g.toFixed(1)}×`), r.beyond === undefined ? "" : `${r.beyond.toFixed(1)}×`, r.copies === undefined ? "" : `${r.copies.toFixed(1)}×`, String(r.issues), String(r.longest),
  ]);
  const widths = head.map((h, c) => table.reduce((w, t) => Math.max(w, (t[c] as string).length), h.length));
  for (const t of [head, ...table]) console.log(t.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join("  "));
  const worst = rows.reduce((w, r) => r.growth.reduce((m, g) => Math.max(m, g), w), 0);
  const over = rows.filter((r) => r.growth.some((g) => g > TARGET_GROWTH)).map((r) => r.name);
  console.log(`worst growth per 10×: ${worst.toFixed(1)}× (target ≤ ${TARGET_GROWTH}×: ${over.length === 0 ? "met" : `over on ${over.join(", ")}`})`);
  const superLinear = rows.filter((r) => (r.copies ?? 0) > TARGET_GROWTH && (r.beyond ?? 0) > 3 * 1.2).map((r) => r.name);
  console.log(`super-linear (over the target on 10 copies of the shorter cell and ×3M/1M > 3.6): ${superLinear.length === 0 ? "none" : superLinear.join(", ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(process.argv[2] ?? "");
