// CLI start-up (issue 16 item 3): whole-process wall time of `double-random --help`, `quota`, `schema` and `lint`
// of a 65-row plan, each beside `node -e ""` run in the same interleaved rounds, reported as medians and ratios.
// Targets: --help, quota, schema ≤ 150 ms; lint of the 65-row plan ≤ 300 ms. Needs `npm run build` (dist/cli.js and
// schemas/, which `schema` prints without loading zod). On a loaded machine wall times grow for every row alike: read
// the ratios, and time CPU with `farm-bench -n 7 --vs 'node -e ""' -- node dist/cli.js …` (its "A cpu s" row).
// `npm run bench -- cli` or `npx tsx bench/cli.bench.ts [rounds]`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPlan } from "./plan.bench.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
// The 65-task plan of the target: the 焦作 2023 seed plan's rows (test/fixtures/plans), repeated to 65 tasks.
const plan = join(mkdtempSync(join(tmpdir(), "dr-cli-bench-")), "jiaozuo-65.csv");
writeFileSync(plan, buildPlan(65));

const commands: Record<string, string[]> = {
  'baseline: node -e ""': ["-e", ""],
  "double-random --help": [cli, "--help"],
  'double-random quota "每半年3%" --pool 108': [cli, "quota", "每半年3%", "--pool", "108"],
  "double-random schema Entity": [cli, "schema", "Entity"],
  "double-random lint jiaozuo-65.csv (65-task plan)": [cli, "lint", plan, "--year", "2023", "--fill-merged"],
};

// GNU time reports the child's own CPU time (user + system), which other processes queueing on the shared cores do not
// inflate as they inflate wall time; 10 ms resolution.
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Wall ms of one run, and its CPU ms when GNU time is there. */
function timeRun(args: string[]): { wall: number; cpu: number | undefined } {
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync(gnuTime, ["-f", "%U %S", process.execPath, ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" })
    : spawnSync(process.execPath, args, { stdio: "ignore" });
  const wall = performance.now() - t0;
  if (r.error) throw r.error;
  const last = gnuTime ? String(r.stderr ?? "").trim().split("\n").pop() ?? "" : "";
  const [u, sy] = last.split(" ").map(Number);
  return { wall, cpu: u !== undefined && sy !== undefined && Number.isFinite(u + sy) ? (u + sy) * 1000 : undefined };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
};

export async function run(rounds = 15): Promise<void> {
  if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run build` first");
  const names = Object.keys(commands);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpus: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) timeRun(commands[n] as string[]); // warm the file cache
  // Interleaved: each round runs every command once, so drift of the machine's speed hits all alike.
  for (let k = 0; k < rounds; k++) {
    for (const n of names) {
      const t = timeRun(commands[n] as string[]);
      (times[n] as number[]).push(t.wall);
      if (t.cpu !== undefined) (cpus[n] as number[]).push(t.cpu);
    }
  }
  const base = median(times[names[0] as string] as number[]);
  const rows = names.map((n) => {
    const m = median(times[n] as number[]);
    const cpu = (cpus[n] as number[]).length > 0 ? median(cpus[n] as number[]) : undefined;
    const target = n.startsWith("baseline") ? undefined : n.includes(" lint ") ? 300 : 150;
    // Judged on CPU time when it is known (the wall time of a loaded machine says more about the load than the CLI).
    const judged = cpu ?? m;
    return [
      n, `${m.toFixed(0)} ms`, `${(m / base).toFixed(2)}×`, `+${(m - base).toFixed(0)} ms`, cpu === undefined ? "" : `${cpu.toFixed(0)} ms`,
      target === undefined ? "" : `≤ ${target} ms: ${judged <= target ? "met" : "MISSED"}`,
    ];
  });
  const head = ["command (whole process, median of " + rounds + ")", "wall", "÷ node -e", "over node", "cpu", "target (cpu)"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  for (const r of [head, ...rows]) console.log(r.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join("  "));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(Number(process.argv[2] ?? 15));
