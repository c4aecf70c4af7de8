// Writes the files of the simulation guide's example (docs/guide/simulate/): the 焦作 2023 plan's constructed
// entity pool (名录库.csv), roster (执法人员.csv) and per-task scopes (scopes.json), from the same seeded
// scenario the tests use (test/simulate/scenario.ts). `npx tsx scripts/make-simulate-example.ts`
import { mkdirSync, writeFileSync } from "node:fs";
import { jiaozuoScenario } from "../test/simulate/scenario.js";

const dir = new URL("../docs/guide/simulate/", import.meta.url);
mkdirSync(dir, { recursive: true });
const { pools, monthlyCap } = jiaozuoScenario();
const csv = (rows: (string | number | undefined)[][]) => `${rows.map((r) => r.map((c) => String(c ?? "")).join(",")).join("\n")}\n`;
writeFileSync(new URL("名录库.csv", dir), csv([["对象编号", "名称", "行业", "行政区划代码", "信用风险分类"], ...pools.entities.map((e) => [e.id, e.name, e.industry, e.regionCode, e.tier])]));
// The roster's 工作量上限 is per batch; the guide's monthly caps are the scenario's (--monthly-cap is one number,
// so the 农业农村局 cap is written as the per-batch cap of its two inspectors and the others get none).
writeFileSync(new URL("执法人员.csv", dir), csv([["执法证号", "姓名", "所属部门"], ...pools.inspectors.map((i) => [i.id, i.name, i.department])]));
writeFileSync(new URL("scopes.json", dir), `${JSON.stringify(pools.scopes, null, 1)}\n`);
writeFileSync(new URL("monthly-caps.json", dir), `${JSON.stringify(monthlyCap, null, 1)}\n`);
console.log(`${pools.entities.length} entities, ${pools.inspectors.length} inspectors, ${Object.keys(pools.scopes ?? {}).length} scopes`);
