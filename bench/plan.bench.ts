// Plan benchmark: import + lint of a 400-row plan (the 焦作 and 晋城 fixtures repeated), beside baselines
// measured in the same run: papaparse alone on the same CSV, and import alone.
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { Bench } from "tinybench";
import { importPlanTable, lintPlan } from "../src/index.js";

const read = (name: string) => readFileSync(new URL(`../test/fixtures/plans/${name}`, import.meta.url), "utf8").trim().split("\n");

/** A 400-task CSV in the 焦作 layout: its rows repeated, with 晋城's quota/window wording mixed in. */
export function buildPlan(rows = 400): string {
  const [header, ...body] = read("jiaozuo-2023.csv");
  const tasks = body.filter((l) => !l.startsWith("发起部门,序号"));
  const out = [header as string];
  for (let i = 0; out.length <= rows; i++) out.push(tasks[i % tasks.length] as string);
  return `${out.join("\n")}\n`;
}

/**
 * The same plan with every quota and window cell made unique, so that no reading is shared between rows
 * (real plans repeat cells like "10%；1次/年" a lot; this is the pessimistic case).
 */
export function buildUniquePlan(rows = 400): string {
  const [header, ...body] = buildPlan(rows).trim().split("\n");
  const unique = body.map((line, i) => {
    const cells = Papa.parse<string[]>(line).data[0] ?? [];
    const m = (i % 9) + 1;
    cells[7] = `不低于${(i / 4 + 1).toFixed(2)}%；${(i % 3) + 1}次/年`;
    cells[8] = `2023年${m}月${(i % 28) + 1}日至${m + 3}月${(i % 27) + 2}日`;
    return Papa.unparse([cells]);
  });
  return `${[header, ...unique].join("\n")}\n`;
}

type Stats = { mean: number; p99: number };
function stats(t: { result?: unknown }): Stats {
  const r = t.result as { latency?: Stats } | undefined;
  return { mean: r?.latency?.mean ?? Number.NaN, p99: r?.latency?.p99 ?? Number.NaN };
}

export async function run(): Promise<void> {
  const csv = buildPlan(400);
  const uniqueCsv = buildUniquePlan(400);
  const options = { year: 2023, fillMerged: true } as const;
  const check = importPlanTable(csv, options);
  if (!check.ok || check.value.tasks.length !== 400) throw new Error("benchmark plan did not import 400 tasks");
  const checkUnique = importPlanTable(uniqueCsv, options);
  if (!checkUnique.ok || checkUnique.value.tasks.length !== 400 || new Set(checkUnique.value.tasks.map((t) => t.windowText)).size !== 400) {
    throw new Error("unique benchmark plan is not 400 distinct rows");
  }
  const plan = check.value;

  const bench = new Bench({ time: 1000 });
  bench
    .add("baseline: papaparse alone on the same CSV (400 rows)", () => {
      Papa.parse(csv, { header: false });
    })
    .add("importPlanTable (400 rows: parseQuota + parseWindow per row)", () => {
      importPlanTable(csv, options);
    })
    .add("lintPlan on the imported plan (29 rules)", () => {
      lintPlan(plan);
    })
    .add("import + lint (the issue's budget: ≤ 100 ms)", () => {
      const r = importPlanTable(csv, options);
      if (r.ok) lintPlan(r.value);
    })
    .add("import + lint, every quota/window cell unique (no shared readings)", () => {
      const r = importPlanTable(uniqueCsv, options);
      if (r.ok) lintPlan(r.value);
    });
  await bench.run();
  const mean = (name: string) => {
    const t = bench.tasks.find((x) => x.name.startsWith(name));
    return t ? stats(t).mean : Number.NaN;
  };
  const base = mean("baseline");
  console.table(
    bench.tasks.map((t) => ({
      task: t.name,
      "mean ms": Number(stats(t).mean.toFixed(3)),
      "p99 ms": Number(stats(t).p99.toFixed(3)),
      "× papaparse": Number((stats(t).mean / base).toFixed(1)),
    })),
  );
  for (const [name, label] of [["import + lint (", "repeated fixture rows"], ["import + lint, every", "all cells unique"]] as const) {
    const total = mean(name);
    console.log(`import + lint of 400 rows (${label}): ${total.toFixed(1)} ms mean (budget 100 ms: ${total <= 100 ? "met" : "MISSED"})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
