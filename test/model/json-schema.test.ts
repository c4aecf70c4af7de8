import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { Entity, jsonSchemas, type ModelName } from "../../src/index.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
const all = jsonSchemas();
const validator = (name: ModelName) => ajv.compile(all[name]);

const samples: Record<ModelName, { good: unknown[]; bad: unknown[] }> = {
  RiskTier: { good: ["A", "D"], bad: ["E", "低风险", 1] },
  CheckItem: {
    good: [{ id: "WG-1", name: "民爆企业安全生产工作监督检查", legalBasis: "《民用爆炸物品安全管理条例》第四条", department: "县级以上工信主管部门", category: "general", methods: ["on_site", "documentary"] }],
    bad: [{ id: "WG-1", name: "x" }, { id: "WG-1", name: "x", legalBasis: "y", department: "z", category: "重点" }],
  },
  Entity: {
    good: [{ id: "91350100M000100Y43", idKind: "uscc", name: "某公司", kind: "enterprise", tier: "B", regionCode: "410802", inspections: [{ date: "2022-05-01" }] }, { id: "P-1", name: "某产品" }],
    bad: [{ id: "", name: "x" }, { id: "E1", name: "x", tier: "E" }, { id: "E1", name: "x", regionCode: "41" }, { id: "E1", name: "x", color: "red" }],
  },
  Inspector: {
    good: [{ id: "P1", name: "张三", department: "市场监管局", qualifications: ["特种设备"], conflicts: [{ entityId: "E1", reason: "relative" }] }],
    bad: [{ id: "P1", name: "张三" }, { id: "P1", name: "张三", department: "x", loadCap: -1 }],
  },
  Quota: {
    good: [{ text: "不低于10%；不少于4户；1次/年", ratio: { numerator: 1, denominator: 10, bound: "atLeast" }, count: { value: 4, bound: "atLeast" }, frequency: { times: 1, per: "year" } },
      { text: "三级≥50%，二级≥30%", segments: [{ scope: "三级", quota: { text: "≥50%", ratio: { numerator: 1, denominator: 2, bound: "atLeast" } } }] }],
    bad: [{ ratio: { numerator: 1, denominator: 10, bound: "atLeast" } }, { text: "x", ratio: { numerator: 1, denominator: 0, bound: "exact" } }, { text: "x", segments: [{ scope: "a", quota: { ratio: 1 } }] }],
  },
  TierPolicy: {
    good: [{ rules: { A: { kind: "exempt" }, D: { kind: "all" }, C: { kind: "multiplier", numerator: 2, denominator: 1 } } }],
    bad: [{ rules: { E: { kind: "all" } } }, { rules: { A: { kind: "half" } } }],
  },
  Task: {
    good: [{ id: "JZ-2023-GA-07", name: "娱乐场所治安管理监督检查", targeting: "undirected", quotaText: "每半年3%", windowText: "2023年1月1日—12月31日", initiator: "焦作市公安局" }],
    bad: [{ id: "T", name: "x", targeting: "定向", quotaText: "", windowText: "" }, { id: "T", name: "x" }],
  },
  Plan: {
    good: [{ year: 2023, issuer: "焦作市", completionDate: "2023-12-31", tasks: [] }],
    bad: [{ year: 1999, tasks: [] }, { year: 2023, tasks: [{}] }, { year: 2023, completionDate: "2023/12/31", tasks: [] }],
  },
  DrawRecord: { good: [], bad: [{}, { protocol: "v0" }] },
  InspectionResult: {
    good: [{ taskId: "T1", entityId: "91350100M000100Y43", entityName: "某公司", inspectionDates: ["2023-06-01"], teamIds: ["P1", "P2"], methods: ["on_site"],
      findings: [{ itemId: "WG-1", outcome: "problem", note: "未公示" }], category: "corrected", followUps: [{ kind: "rectification", deadline: "2023-06-30" }] }],
    bad: [{ taskId: "T1", entityId: "E1", entityName: "x", inspectionDates: [], category: "no_problem" },
      { taskId: "T1", entityId: "E1", entityName: "x", inspectionDates: ["2023-06-01"], category: "未发现问题" },
      { taskId: "T1", entityId: "E1", entityName: "x", inspectionDates: ["2023-06-01"], category: "no_problem", followUps: [{ kind: "rectification" }] }],
  },
};

describe("JSON Schemas generated from the zod models", () => {
  it("cover every model", () => {
    expect(Object.keys(all).sort()).toEqual(Object.keys(samples).sort());
  });
  it.each(Object.keys(samples) as ModelName[])("%s: sample data validates, broken data does not", (name) => {
    const validate = validator(name);
    for (const good of samples[name].good) expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    for (const bad of samples[name].bad) expect(validate(bad), `${name} accepted ${JSON.stringify(bad)}`).toBe(false);
  });
  it("agree with zod on entities (same verdicts)", () => {
    const validate = validator("Entity");
    for (const x of [...samples.Entity.good, ...samples.Entity.bad]) expect(validate(x)).toBe(Entity.safeParse(x).success);
  });
});

describe("JSON Schema patterns are portable", () => {
  const patterns: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) k === "pattern" && typeof v === "string" ? patterns.push(v) : walk(v);
  };
  walk(all);
  it("use no \\p{…} classes (Python's re and many Java validators reject them)", () => {
    expect(patterns.length).toBeGreaterThan(3);
    for (const p of patterns) expect(p).not.toMatch(/\\[pP]\{/);
  });
});
