// CLI start-up (issue 16 item 3): whole-process wall time of `double-random --help`, `quota`, `schema` and `lint`
// of a 65-row plan, each beside `node -e ""` run in the same interleaved rounds, reported as medians and ratios.
// Targets: --help, quota, schema ≤ 150 ms; lint of the 65-row plan ≤ 300 ms. Needs `npm run build` (dist/cli.js).
// `npm run bench -- cli` or `npx tsx bench/cli.bench.ts [rounds]`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const plan = fileURLToPath(new URL("../test/fixtures/plans/jiaozuo-2023.csv", import.meta.url));

const commands: Record<string, string[]> = {
  'baseline: node -e ""': ["-e", ""],
  "double-random --help": [cli, "--help"],
  'double-random quota "每半年3%" --pool 108': [cli, "quota", "每半年3%", "--pool", "108"],
  "double-random schema Entity": [cli, "schema", "Entity"],
  "double-random lint jiaozuo-2023.csv (plan table)": [cli, "lint", plan, "--year", "2023"],
};

function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: "ignore" });
  const t = performance.now() - t0;
  if (r.error) throw r.error;
  return t;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
};

export async function run(rounds = 15): Promise<void> {
  if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run build` first");
  const names = Object.keys(commands);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) wallMs(commands[n] as string[]); // warm the file cache
  // Interleaved: each round runs every command once, so drift of the machine's speed hits all alike.
  for (let k = 0; k < rounds; k++) for (const n of names) (times[n] as number[]).push(wallMs(commands[n] as string[]));
  const base = median(times[names[0] as string] as number[]);
  const rows = names.map((n) => {
    const m = median(times[n] as number[]);
    return [n, `${m.toFixed(0)} ms`, `${(m / base).toFixed(2)}×`, `+${(m - base).toFixed(0)} ms`];
  });
  const head = ["command (whole process, median of " + rounds + ")", "wall", "÷ node -e", "over node"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  for (const r of [head, ...rows]) console.log(r.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join("  "));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(Number(process.argv[2] ?? 15));
