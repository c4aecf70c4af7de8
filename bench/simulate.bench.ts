// Plan simulation benchmark (issue 19): 10,000 simulated years of a 50-task plan over a pool of 100,000 entities
// and 200 inspectors in 10 departments (target ≤ 10 s). Baseline measured in the same run: drawing the same number
// of uniform numbers from the same seedrandom Alea stream (the floor of any simulation that makes those picks).
// A twentieth as many runs with tight caps show the cost of the matching's repair step when many batches are short.
// `npm run bench -- simulate` or `npx tsx bench/simulate.bench.ts [runs]`.
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import type { EntityInput, InspectorInput, Plan, TaskInput } from "../src/index.js";
import { simulatePlan, type SimulationPools } from "../src/simulate/index.js";

const INDUSTRIES = ["食品销售", "餐饮服务", "药品零售", "特种设备", "建筑施工", "危险化学品", "印刷", "娱乐场所", "道路运输", "医疗机构"];
const REGIONS = ["410802", "410803", "410804", "410811", "410821", "410822", "410823", "410825", "410882", "410883"];
const DEPARTMENTS = ["市场监管局", "卫健委", "应急管理局", "住建局", "交通运输局", "生态环境局", "文旅局", "公安局", "商务局", "农业农村局"];
const QUOTAS = ["3%", "每半年2%", "每季度1%", "5%", "不低于4%"];
const WINDOWS = ["2023年3月—11月", "2023年1月1日—12月31日", "2023年4月—6月", "2023年第三季度", "2023年5月、10月"];
const TIERS = ["A", "B", "C", "D"] as const;

/** A 50-task plan over 100,000 entities; every task draws from an industry in three districts, some scopes overlap. */
export function workload(): { plan: Plan; pools: SimulationPools } {
  const random = seedrandom.alea("bench/simulate");
  const entities: EntityInput[] = Array.from({ length: 100_000 }, (_, k) => ({
    id: `E${String(k).padStart(6, "0")}`,
    name: `对象${k}`,
    industry: INDUSTRIES[Math.floor(random() * INDUSTRIES.length)]!,
    regionCode: REGIONS[Math.floor(random() * REGIONS.length)]!,
    tier: TIERS[Math.floor(random() * 4)]!,
  }));
  const inspectors: InspectorInput[] = DEPARTMENTS.flatMap((d, j) =>
    Array.from({ length: 20 }, (_, k) => ({ id: `I${j}-${k}`, name: `${d}${k}`, department: d, loadCap: 40 })),
  );
  const scopes: Record<string, { industries: string[]; regionCodes: string[] }> = {};
  const tasks: TaskInput[] = Array.from({ length: 50 }, (_, k) => {
    const id = `T${k + 1}`;
    scopes[id] = { industries: [INDUSTRIES[k % 10]!], regionCodes: [0, 1, 2].map((r) => REGIONS[(k + 3 * r) % 10]!) };
    return {
      id, name: `任务${k + 1}`, targeting: "directed", quotaText: QUOTAS[k % 5]!, windowText: WINDOWS[(k * 3) % 5]!,
      initiator: DEPARTMENTS[k % 10]!, ...(k % 7 === 0 ? { cooperators: [DEPARTMENTS[(k + 1) % 10]!] } : {}),
    };
  });
  const plan = { year: 2023, issuer: "某市", tasks: tasks.map((t) => ({ items: [], scope: "", cooperators: [], ...t })) } as Plan;
  return { plan, pools: { entities, inspectors, scopes } };
}

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

export async function run(): Promise<void> {
  const arg = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)));
  const runs = Number.isInteger(arg) && arg > 0 ? arg : 10_000;
  const { plan, pools } = workload();
  let w = performance.now();
  let c = cpu();
  const r = simulatePlan(plan, pools, { runs, seed: "bench" });
  const simWall = performance.now() - w;
  const simCpu = cpu() - c;
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join("; "));
  const report = r.value;
  const targets = report.tasks.reduce((s, t) => s + t.batches.reduce((a, b) => a + b.size, 0), 0);
  const slots = report.windows.reduce((s, x) => s + x.targets * 2, 0);
  // The floor: the same count of uniform numbers (one per target for the pick, one for the day, one per team slot).
  const draws = runs * (2 * targets + slots);
  const random = seedrandom.alea("floor");
  w = performance.now();
  c = cpu();
  let x = 0;
  for (let i = 0; i < draws; i++) x += random();
  const floorWall = performance.now() - w;
  const floorCpu = cpu() - c;
  const over = report.departments.filter((d) => (d.anyOverCap?.mean ?? 0) > 0.5).length;
  // The matching's repair at work: per-batch caps of 12 and a third of each department limited to one district, so
  // greedy picks often leave slots empty and many batches cannot be staffed at all (the costly case of the repair).
  const tightRuns = Math.max(1, Math.round(runs / 20));
  const tight = { ...pools, inspectors: pools.inspectors.map((i, k) => ({ ...i, loadCap: 12, ...(k % 3 === 0 ? { regions: [REGIONS[0]!] } : {}) })) };
  w = performance.now();
  c = cpu();
  const t = simulatePlan(plan, tight, { runs: tightRuns, seed: "bench" });
  const tightWall = performance.now() - w;
  const tightCpu = cpu() - c;
  if (!t.ok) throw new Error(t.issues.map((i) => i.message.en).join("; "));
  const repaired = t.value.windows.reduce((s, x) => s + x.repaired, 0);
  const infeasible = t.value.windows.reduce((s, x) => s + x.infeasible.mean, 0);
  console.log(`| case | wall ms | cpu ms | ÷ floor (cpu) | note |`);
  console.log(`|---|---:|---:|---:|---|`);
  console.log(`| baseline: ${draws.toLocaleString("en")} Alea draws | ${floorWall.toFixed(0)} | ${floorCpu.toFixed(0)} | 1.00 | sum ${x.toFixed(0)} |`);
  console.log(`| simulatePlan, ${runs.toLocaleString("en")} runs | ${simWall.toFixed(0)} | ${simCpu.toFixed(0)} | ${(simCpu / floorCpu).toFixed(2)} | ${report.tasks.length} tasks, ${report.windows.length} batches, ${targets} targets/run, ${report.overlaps.length} overlapping task pairs, ${over} department-months over cap |`);
  console.log(`| simulatePlan, ${tightRuns.toLocaleString("en")} runs, tight caps | ${tightWall.toFixed(0)} | ${tightCpu.toFixed(0)} | ${((tightCpu / floorCpu) * (runs / tightRuns)).toFixed(2)} per run-equivalent | caps 12, a third of inspectors in one district: ${repaired.toFixed(1)} batches/run repaired, ${infeasible.toFixed(1)} batches/run infeasible |`);
  console.log(`(50 tasks, 100,000 entities, 200 inspectors in 10 departments; target ≤ 10,000 ms CPU for 10,000 runs: ${simCpu <= 10_000 * (runs / 10_000) ? "met" : "NOT met"}; ${(simCpu / runs).toFixed(3)} ms CPU per run)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
