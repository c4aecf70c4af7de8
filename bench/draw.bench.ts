// Draw benchmark (issue 4): 1,000,000 entities in 4 tiers, 5% per tier. Prints the whole draw (announce =
// manifest + digests; draw = rebuild + check + selection + record) and verifyDraw against the floor measured in
// the same run, peak memory, scaling 1e5/1e6 (and 1e7 with `-- 1e7`), and the Chromium time.
// `npm run bench -- draw` or `npx tsx bench/draw.bench.ts [1e7] [--no-browser]`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makePool, measure, type Timings } from "./draw-workload.js";

const ms = (x: number) => `${x.toFixed(0)} ms`;
const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}×`;

function row(where: string, t: Timings): string[] {
  return [where, String(t.n), String(t.picks), ms(t.floorMs), ms(t.announceMs), ratio(t.announceMs, t.floorMs), ms(t.drawMs), ratio(t.drawMs, t.floorMs), ms(t.verifyMs), ratio(t.verifyMs, t.floorMs)];
}

function printTable(rows: string[][]): void {
  const head = ["where", "N", "picks", "floor", "announce", "÷floor", "draw", "÷floor", "verify", "÷floor"];
  const all = [head, ...rows];
  const widths = head.map((_, j) => Math.max(...all.map((r) => (r[j] ?? "").length)));
  for (const r of all) console.log(r.map((c, j) => c.padStart(widths[j]!)).join("  "));
}

async function chromium(n: number, reps: number): Promise<Timings | string> {
  const dir = mkdtempSync(join(tmpdir(), "draw-bench-"));
  try {
    const esbuild = await import("esbuild");
    const entry = fileURLToPath(new URL("./draw-workload.ts", import.meta.url));
    await esbuild.build({ entryPoints: [entry], bundle: true, format: "iife", globalName: "drawBench", outfile: join(dir, "bench.js"), platform: "browser", target: "es2022", logLevel: "silent" });
    writeFileSync(join(dir, "index.html"), "<!doctype html><meta charset=utf-8><script src=bench.js></script>");
    const { chromium: browserType } = await import("playwright-core");
    const browser = await browserType.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"] });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(dir, "index.html")}`);
      return await page.evaluate(([size, r]) => (globalThis as unknown as { drawBench: { measure: (n: number, reps: number) => Timings } }).drawBench.measure(size, r), [n, reps] as const);
    } finally {
      await browser.close();
    }
  } catch (e) {
    return `Chromium not measured: ${(e as Error).message.split("\n")[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const args = process.argv.slice(2);
  const sizes = [100_000, 1_000_000, ...(args.includes("1e7") ? [10_000_000] : [])];
  const rows: string[][] = [];
  for (const n of sizes) {
    const pool = makePool(n);
    const reps = n >= 10_000_000 ? 1 : 3;
    rows.push(row("node (wall)", measure(n, reps, pool, "wall")));
    rows.push(row("node (cpu)", measure(n, reps, pool, "cpu")));
    console.log(`  node N=${n}: peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
  }
  if (!args.includes("--no-browser")) {
    const c = await chromium(1_000_000, 2);
    if (typeof c === "string") console.log(`  ${c}`);
    else rows.push(row("chromium (wall)", c));
  }
  printTable(rows);
  console.log(`  targets: draw ≤ 1.0 s in Node, ≤ 2.5 s in Chromium, ≤ 1.5× the floor; best of 3 (2 in Chromium) on a shared 2-core machine;
  "cpu" is the process's CPU time (user + system, GC threads included), "wall" elapsed time`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
