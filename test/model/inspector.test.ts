import { describe, expect, it } from "vitest";
import { parseInspector, parseInspectorPool } from "../../src/index.js";

describe("parseInspector", () => {
  it("defaults to a credentialed non-expert with no caps", () => {
    expect(parseInspector({ id: "P1", name: "张三", department: "市场监管局" })).toMatchObject({
      ok: true,
      value: { credential: true, expert: false, qualifications: [], regions: [], conflicts: [] },
    });
  });
  it("rejects a negative workload cap", () => {
    const r = parseInspector({ id: "P1", name: "张三", department: "市场监管局", loadCap: -1 });
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "too_small", path: ["loadCap"] });
  });
  it("warns about an officer without 执法资格", () => {
    const r = parseInspector({ id: "P1", name: "张三", department: "市场监管局", credential: false });
    expect(r.ok && r.warnings[0]?.code).toBe("inspector_without_credential");
  });
  it("reports duplicate inspector ids with both rows", () => {
    const r = parseInspectorPool([{ id: "P1", name: "甲", department: "A" }, { id: "P1", name: "乙", department: "B" }]);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "duplicate_inspector_id", params: { first: 1, second: 2 } });
  });
});
