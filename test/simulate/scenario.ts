// Scenarios for the simulation tests: the 焦作 2023 seed plan with a constructed roster and pool (a planted
// overload and a planted overlap), and a small plan whose figures have exact expectations.
import { readFileSync } from "node:fs";
import seedrandom from "seedrandom";
import { type EntityInput, importPlanTable, type InspectorInput, type Plan, type TaskInput, unwrap } from "../../src/index.js";
import { simulatePlan, type SimulationPools } from "../../src/simulate/index.js";

export const fixture = (name: string) => new URL(`../fixtures/plans/${name}`, import.meta.url);

/** The 焦作 2023 plan as its table says (merged 发起部门 cells filled). */
export function jiaozuoPlan(): Plan {
  return unwrap(importPlanTable(readFileSync(fixture("jiaozuo-2023.csv"), "utf8"), { year: 2023, fillMerged: true }));
}

export const REGIONS = ["410802", "410803", "410804", "410811", "410821", "410822", "410823", "410825", "410882", "410883"];
const TIERS = ["A", "B", "C", "D"] as const;

/**
 * A pool for the 焦作 plan: every task draws from its own industry (scope) of 120 entities, except the planted
 * overlap: 建设工程质量监督检查 (R29, 2% in May) and 建设工程招标投标检查 (R30, 37% in September) both draw from
 * the same 200 建设工程 entities. The roster staffs each department for twice its busiest month at a cap of 30,
 * except the planted overload: 焦作市农业农村局 has 2 inspectors with a cap of 4 for 生猪屠宰 (10% of 600 over 3–11月).
 */
export function jiaozuoScenario(): { plan: Plan; pools: SimulationPools; monthlyCap: Record<string, number>; planted: { overlap: [string, string]; overloaded: string } } {
  const plan = jiaozuoPlan();
  const random = seedrandom.alea("jiaozuo-scenario");
  const entities: EntityInput[] = [];
  const scopes: Record<string, { industries: string[] }> = {};
  const add = (industry: string, count: number) => {
    for (let k = 0; k < count; k++) {
      entities.push({
        id: `${industry}-${k}`,
        name: `${industry}${k}号`,
        industry,
        tier: TIERS[Math.floor(random() * 4)]!,
        regionCode: REGIONS[Math.floor(random() * REGIONS.length)]!,
      });
    }
  };
  add("建设工程", 200);
  add("生猪屠宰", 600);
  for (const task of plan.tasks) {
    const industry = task.id === "R29" || task.id === "R30" ? "建设工程" : task.id === "R33" ? "生猪屠宰" : `行业${task.id}`;
    if (industry.startsWith("行业")) add(industry, 120);
    scopes[task.id] = { industries: [industry] };
  }
  // Every department is staffed for twice its busiest month's slots at a monthly cap of 30 (measured with two
  // uncapped inspectors per department), except 农业农村局: 2 inspectors with a monthly cap of 4.
  const departments = [...new Set(plan.tasks.map((t) => t.initiator).filter((d) => d !== ""))];
  const pair = departments.flatMap((d) => [0, 1].map((k) => ({ id: `${d}-${k}`, name: d, department: d })));
  const probe = simulatePlan(plan, { entities, scopes, inspectors: pair }, { runs: 1, seed: "probe" });
  if (!probe.ok) throw new Error("probe failed");
  const inspectors: InspectorInput[] = [];
  const monthlyCap: Record<string, number> = {};
  for (const d of departments) {
    const small = d === "焦作市农业农村局";
    let peak = 0;
    for (let m = 1; m <= 12; m++) {
      peak = Math.max(peak, probe.value.inspectors.filter((c) => c.department === d && c.month === m).reduce((s, c) => s + c.expected, 0));
    }
    const staff = small ? 2 : Math.max(6, Math.ceil((2 * peak) / 30));
    for (let k = 0; k < staff; k++) {
      const id = `${d}-${k}`;
      inspectors.push({ id, name: `${d.replace("焦作市", "")}${k}`, department: d });
      monthlyCap[id] = small ? 4 : 30;
    }
  }
  return { plan, pools: { entities, inspectors, scopes }, monthlyCap, planted: { overlap: ["R29", "R30"], overloaded: "焦作市农业农村局" } };
}

const task = (t: Partial<TaskInput> & Pick<TaskInput, "id" | "quotaText" | "windowText" | "initiator">): TaskInput => ({
  name: t.id, targeting: "directed", ...t,
});

/**
 * A plan where every figure has an exact expectation: no caps, regions or recusals; a tier policy, a joint task
 * with open slots, quarterly batches and overlapping scopes.
 */
export function exactScenario(): { plan: Plan; pools: SimulationPools } {
  const plan: Plan = {
    year: 2023,
    issuer: "某市",
    tasks: [
      task({ id: "F1", name: "食品销售", quotaText: "每季度10%", windowText: "2023年1月1日—12月31日", initiator: "市场监管局", filter: { industries: ["食品", "餐饮"] } }),
      task({ id: "F2", name: "餐饮服务", quotaText: "20%", windowText: "2023年5月10日—6月20日", initiator: "市场监管局", cooperators: ["卫健委"], filter: { industries: ["餐饮"] } }),
      task({ id: "F3", name: "分类抽查", quotaText: "5%", windowText: "2023年9月", initiator: "卫健委", creditRequirement: "A类3%，B类5%，C类10%，D类30%" }),
    ].map((t) => ({ items: [], scope: "", cooperators: [], ...t })) as Plan["tasks"],
  };
  const random = seedrandom.alea("exact-scenario");
  const entities: EntityInput[] = Array.from({ length: 400 }, (_, k) => ({
    id: `E${String(k).padStart(4, "0")}`,
    name: `对象${k}`,
    industry: ["食品", "餐饮", "药品"][k % 3]!,
    tier: TIERS[Math.floor(random() * 4)]!,
    regionCode: REGIONS[k % 4]!,
  }));
  const inspectors: InspectorInput[] = [
    ...Array.from({ length: 5 }, (_, k) => ({ id: `S${k}`, name: `市场${k}`, department: "市场监管局" })),
    ...Array.from({ length: 3 }, (_, k) => ({ id: `H${k}`, name: `卫健${k}`, department: "卫健委" })),
  ];
  return { plan, pools: { entities, inspectors, rules: { F2: { departments: { 市场监管局: 1, 卫健委: 1 }, minCredentialed: 3 } } } };
}
