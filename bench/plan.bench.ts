// Plan benchmark: import + lint of a 400-row plan (the 焦作 and 晋城 fixtures repeated), beside baselines
// measured in the same run: papaparse alone on the same CSV, and import alone.
import Papa from "papaparse";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseQuota } from "../src/quota/parseQuota.js";
import { parseWindow } from "../src/calendar/parseWindow.js";
import { lintPlanTable } from "../src/plan/lintPlanTable.js";
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
  runHostile();
  runCli();
}

/** Hostile cells (issue 16 item 4): time per character of parseQuota, parseWindow and lintPlanTable from 1k to 1M characters. */
export function runHostile(): void {
  const cells: Record<string, (n: number) => string> = {
    "preamble words then a ratio": (n) => `${"对市级及以下经办机构".repeat(Math.ceil(n / 10)).slice(0, n)}抽查比例之和≥20%`,
    "digits and units": (n) => "12家三级医院，".repeat(Math.ceil(n / 8)).slice(0, n),
    "separators": (n) => "、".repeat(n),
  };
  const rows: Array<Record<string, string | number>> = [];
  for (const [label, make] of Object.entries(cells)) {
    for (const [what, fn] of [
      ["parseQuota", (t: string) => parseQuota(t)],
      ["parseWindow", (t: string) => parseWindow(t, { year: 2024 })],
      ["lintPlanTable (cell in every column)", (t: string) => lintPlanTable([["抽查任务名称", "抽查比例", "抽查时间", "发起部门"], [t, t, t, t]], { year: 2024 })],
    ] as const) {
      const ns: number[] = [];
      for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
        const text = make(n);
        const t0 = performance.now();
        const r = fn(text);
        ns.push(((performance.now() - t0) * 1e6) / n);
        // Issues quote the offending span capped per cell: a 1M-char cell never makes a 1M-char message.
        const list = "ok" in r && r.ok ? r.warnings : (r as { issues?: readonly { message: { zh: string } }[] }).issues ?? [];
        for (const i of list) if (i.message.zh.length > n + 200) throw new Error(`${what}: message longer than its cell`);
      }
      rows.push({ cell: label, function: what, "ns/char 1k": Math.round(ns[0] ?? 0), "10k": Math.round(ns[1] ?? 0), "100k": Math.round(ns[2] ?? 0), "1M": Math.round(ns[3] ?? 0), "1M / 1k": Number(((ns[3] ?? 0) / (ns[0] ?? 1)).toFixed(2)) });
    }
  }
  console.table(rows);
  console.log("Linear: ns per character stays flat from 1k to 1M (the last column ≈ 1 or below).");
}

/** `double-random lint` on a 65-row plan, as a user runs it (the built CLI), beside `node -e ""` in the same run. */
export function runCli(): void {
  const cli = new URL("../dist/cli.js", import.meta.url).pathname;
  if (!existsSync(cli)) {
    console.log("dist/cli.js missing: npm run build first");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "dr-plan-bench-"));
  const file = join(dir, "plan-65.csv");
  writeFileSync(file, buildPlan(65));
  const time = (args: string[]) => {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { encoding: "utf8" });
    return performance.now() - t0;
  };
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < 7; i++) pairs.push([time([cli, "lint", file, "--year", "2023", "--fill-merged"]), time(["-e", ""])]);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const lint = median(pairs.map((p) => p[0]));
  const node = median(pairs.map((p) => p[1]));
  console.log(`double-random lint, 65-row plan: ${lint.toFixed(0)} ms wall (median of 7); node -e "": ${node.toFixed(0)} ms; ratio ${(lint / node).toFixed(2)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
