import { describe, expect, it } from "vitest";
import { checkMethodOf, InspectionResult, parseInspectionResult, ResultCategory, resultCategoryLabels, resultCategoryOf } from "../../src/index.js";

describe("result categories", () => {
  it("the closed list holds at least the ten of issue 13, each with zh and en labels", () => {
    const zh = Object.values(resultCategoryLabels).map((l) => l.zh);
    for (const required of ["未发现问题", "未按规定公示应当公示的信息", "公示信息隐瞒真实情况、弄虚作假", "通过登记的住所（经营场所）无法联系",
      "不予配合检查、情节严重", "未发现开展本次抽查涉及的经营活动", "已注销", "已吊销", "已迁出", "已关闭停业或正在组织清算",
      "发现问题已责令改正", "发现问题待后续处理", "发现问题已移送有关部门处理"]) expect(zh).toContain(required);
    expect(Object.keys(resultCategoryLabels).sort()).toEqual([...ResultCategory.options].sort());
    for (const l of Object.values(resultCategoryLabels)) expect(l.en.length).toBeGreaterThan(3);
  });
  it("reads labels as tables write them: half-width brackets, without 、, short forms, codes; unknown text is undefined", () => {
    expect(resultCategoryOf("通过登记的住所(经营场所)无法联系")).toBe("unreachable");
    expect(resultCategoryOf("公示信息隐瞒真实情况弄虚作假")).toBe("false_disclosure");
    expect(resultCategoryOf(" 已注销 ")).toBe("deregistered");
    expect(resultCategoryOf("正常")).toBe("no_problem");
    expect(resultCategoryOf("transferred")).toBe("transferred");
    expect(resultCategoryOf("Problem found, correction ordered")).toBe("corrected");
    expect(resultCategoryOf("良好")).toBeUndefined();
    expect(resultCategoryOf(3 as never)).toBeUndefined();
  });
  it("only unreachable and gone entities justify a 补抽; problems are the categories that found one", () => {
    const just = Object.entries(resultCategoryLabels).filter(([, l]) => l.justifiesReplacement).map(([c]) => c).sort();
    expect(just).toEqual(["closed", "deregistered", "moved_out", "revoked", "unreachable"]);
    expect(resultCategoryLabels.no_activity.problem).toBe(false);
    expect(resultCategoryLabels.pending.problem).toBe(true);
  });
  it("methods", () => {
    expect(checkMethodOf("现场检查")).toBe("on_site");
    expect(checkMethodOf("书面检查")).toBe("documentary");
    expect(checkMethodOf("网络监测")).toBe("online_monitoring");
    expect(checkMethodOf("飞行")).toBeUndefined();
  });
});

describe("InspectionResult", () => {
  const base = { taskId: "T1", entityId: "E1", entityName: "甲", inspectionDates: ["2023-06-01"], category: "no_problem" };
  it("applies defaults and takes zh labels through parseInspectionResult", () => {
    const r = parseInspectionResult({ ...base, category: "发现问题已责令改正", methods: ["书面检查"], followUps: [{ kind: "rectification", deadline: "2023-06-30" }] });
    expect(r.ok && [r.value.category, r.value.methods, r.value.teamIds, r.value.findings]).toEqual(["corrected", ["documentary"], [], []]);
  });
  it("rejects what is wrong with coded issues and paths, never throws", () => {
    const bad = [
      { ...base, inspectionDates: [] },
      { ...base, inspectionDates: ["2023-02-30"] },
      { ...base, category: "良好" },
      { ...base, followUps: [{ kind: "abnormal_list" }] },
      { ...base, tier: "D" },
      null, "x", 42,
    ];
    for (const b of bad) {
      const r = parseInspectionResult(b, ["results", 0]);
      expect(r.ok, JSON.stringify(b)).toBe(false);
      expect(r.ok ? [] : r.issues.every((i) => typeof i.code === "string" && i.message.zh.length > 0)).toBe(true);
    }
    expect(InspectionResult.safeParse(base).success).toBe(true);
  });
});
