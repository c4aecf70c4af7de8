import { describe, expect, it } from "vitest";
import { lintPlan, lintRules, type Plan } from "../../src/index.js";
import { simulatePlan } from "../../src/simulate/index.js";
import { jiaozuoScenario } from "./scenario.js";

describe("sim-* lint rules read a simulation given to lintPlan", () => {
  const { plan, pools, monthlyCap, planted } = jiaozuoScenario();
  const r = simulatePlan(plan, pools, { runs: 1000, seed: "lint", monthlyCap });
  if (!r.ok) throw new Error("simulation failed");
  const simulation = r.value;
  const sim = (plan: Plan, options = {}) => lintPlan(plan, { year: 2023, simulation, ...options }).filter((d) => d.rule.startsWith("sim-"));

  it("are registered and report nothing without a simulation", () => {
    const ids = lintRules.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(["sim-inspector-overload", "sim-repeat-inspection", "sim-joint-shortage"]));
    expect(lintPlan(plan, { year: 2023 }).filter((d) => d.rule.startsWith("sim-"))).toEqual([]);
  });

  it("warn about the planted overload, on the department's 发起部门 cell, with the figures", () => {
    const found = sim(plan).filter((d) => d.code === "sim_inspector_overload");
    expect(found.map((d) => d.params?.department)).toEqual([planted.overloaded]);
    const first = found[0]!;
    expect(first.severity).toBe("warning");
    expect(first.row).toBe(plan.tasks.find((t) => t.initiator === planted.overloaded)!.source!.row);
    expect(first.field).toBe("发起部门");
    // 生猪屠宰 runs 3月—11月: every month of it is over the cap of 4.
    expect(first.message.zh).toMatch(/^焦作市农业农村局在3—11月很可能超出人员工作量上限（每人每月4户）：1000次模拟中，至少一人超过上限的概率最高为\d+%（\d+月：最忙者中位数\d+户，95%分位\d+户）$/);
    expect(first.message.en).toContain("is likely over capacity");
  });

  it("warn about the planted overlap, and only about it", () => {
    const found = sim(plan).filter((d) => d.code === "sim_repeat_inspection");
    expect(found.map((d) => [d.params?.task, d.params?.other])).toEqual([["建设工程质量监督检查", "建设工程招标投标检查"]]);
    expect(found[0]!.message.zh).toContain("预计每年约1.48户被两项任务重复检查");
    expect(found[0]!.row).toBe(plan.tasks.find((t) => t.id === planted.overlap[0])!.source!.row);
  });

  it("warn about a joint task that is rarely staffed", () => {
    const joint: Plan = { year: 2023, issuer: "", tasks: [{ id: "J", name: "印刷单位联合抽查", items: [], scope: "", targeting: "undirected", quotaText: "10%", windowText: "2023年3月—12月", initiator: "新闻出版局", cooperators: ["文旅局"] }] };
    const entities = Array.from({ length: 200 }, (_, k) => ({ id: `E${k}`, name: `印刷${k}`, regionCode: k % 4 === 0 ? "140502" : "140525" }));
    const inspectors = [
      ...[1, 2, 3].map((k) => ({ id: `P${k}`, name: `出版${k}`, department: "新闻出版局" })),
      { id: "W1", name: "文旅1", department: "文旅局", regions: ["140502"] },
    ];
    const s = simulatePlan(joint, { entities, inspectors }, { runs: 200, seed: "j" });
    if (!s.ok) throw new Error("simulation failed");
    const found = lintPlan(joint, { simulation: s.value }).filter((d) => d.rule === "sim-joint-shortage");
    expect(found.map((d) => d.message.zh)).toEqual(["联合抽查任务“印刷单位联合抽查”第1批（2023-03-01至2023-12-31）在100%的模拟中配不齐有资格的人员（短缺部门：文旅局）"]);
    // Staffed when the cooperating department may go anywhere: no finding.
    const ok = simulatePlan(joint, { entities, inspectors: inspectors.map((i) => ({ ...i, regions: [] })) }, { runs: 200, seed: "j" });
    if (!ok.ok) throw new Error("simulation failed");
    expect(lintPlan(joint, { simulation: ok.value }).filter((d) => d.rule === "sim-joint-shortage")).toEqual([]);
  });

  it("can be disabled like any rule", () => {
    expect(sim(plan, { disable: ["sim-inspector-overload", "sim-repeat-inspection", "sim-joint-shortage"] })).toEqual([]);
  });
});
