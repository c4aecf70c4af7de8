import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseResultsTable, type Table } from "../../src/index.js";

const table = (rows: string[][], first = 1): Table => ({ format: "rows", merges: [], rows: rows.map((cells, k) => ({ row: first + k, cells })) });
const HEADER = ["序号", "任务编号", "统一社会信用代码", "企业名称", "检查日期", "检查人员", "检查方式", "抽查事项", "问题事项", "检查结果",
  "责令改正期限", "列入经营异常名录日期", "核实日期", "立案日期", "移送部门", "录入日期", "检查实施机关"];

describe("parseResultsTable", () => {
  it("reads a results table with a title row above the header (said, not guessed silently), lists and follow-ups", () => {
    const t = table([
      ["2023年食品经营抽查检查结果"],
      HEADER,
      ["1", "T1", "91350100M000100Y43", "甲公司", "2023-06-01、2023/6/3", "P1、P2", "现场检查、书面检查", "I1、I2", "I2", "发现问题已责令改正", "2023-06-30", "", "", "", "", "2023-06-05", "某局"],
      ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
      ["2", "T1", "E2", "乙店", "2023年6月2日", "P3,P4", "实地核查", "I1", "", "通过登记的住所(经营场所)无法联系", "", "2023-06-09", "2023-06-02", "", "", "2023-06-05", ""],
      ["3", "T1", "E3", "丙厂", "2023-06-04", "P1、P3", "现场", "I1", "I1", "发现问题已移送有关部门处理", "", "", "", "2023-06-06", "某县公安局", "2023-06-07", ""],
    ]);
    const r = parseResultsTable(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.code, w.row])).toEqual([["result_header_row", 2]]);
    const [a, b, c] = r.value;
    expect(a).toMatchObject({ entityId: "91350100M000100Y43", inspectionDates: ["2023-06-01", "2023-06-03"], teamIds: ["P1", "P2"], methods: ["on_site", "documentary"],
      findings: [{ itemId: "I1", outcome: "compliant" }, { itemId: "I2", outcome: "problem" }], category: "corrected",
      followUps: [{ kind: "rectification", deadline: "2023-06-30" }], enteredOn: "2023-06-05", department: "某局" });
    expect(b).toMatchObject({ inspectionDates: ["2023-06-02"], category: "unreachable", followUps: [{ kind: "abnormal_list", decidedOn: "2023-06-09", verifiedOn: "2023-06-02" }] });
    expect(b!.department).toBeUndefined();
    expect(c!.followUps).toEqual([{ kind: "case", filedOn: "2023-06-06" }, { kind: "transfer", to: "某县公安局" }]);
  });

  it("reports every bad row with its row and field, and keeps going", () => {
    const t = table([
      HEADER,
      ["1", "T1", "", "甲", "2023-06-01", "", "", "", "", "未发现问题"],
      ["2", "T1", "E2", "乙", "2023-13-01", "", "", "", "", "良好"],
      ["3", "T1", "E3", "丙", "2023-06-01", "", "飞行检查", "", "", "未发现问题", "下周"],
    ]);
    const r = parseResultsTable(t);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ["result_field_missing", 2, "统一社会信用代码"],
      ["result_date_invalid", 3, "检查日期"],
      ["result_category_unknown", 3, "检查结果"],
      ["result_method_unknown", 4, "检查方式"],
      ["result_date_invalid", 4, "责令改正期限"],
    ]);
  });

  it("without a 任务编号 column the task id comes from the options; without a header it says which columns it needs", () => {
    const t = table([["统一社会信用代码", "名称", "检查日期", "检查结果"], ["E1", "甲", "2023-06-01", "正常"]]);
    expect(parseResultsTable(t).ok).toBe(false);
    const r = parseResultsTable(t, { taskId: "T9" });
    expect(r.ok && r.value[0]!.taskId).toBe("T9");
    const none = parseResultsTable(table([["a", "b"], ["1", "2"]]));
    expect(none.ok ? "" : none.issues[0]!.code).toBe("result_header_not_found");
    expect(parseResultsTable(null as never).ok).toBe(false);
  });

  it("property: never throws on arbitrary cells", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 18 }), { maxLength: 8 }), (body) => {
        const r = parseResultsTable(table([HEADER, ...body]));
        expect(typeof r.ok).toBe("boolean");
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
