// draw-v1 §4.1 from a real CSV pool (issue 15): the column 上次检查日期 names no item, and such an inspection counts for
// the recent-inspection rule's item (announced as `withoutItem: true`); a column 上次检查事项 names the items; an
// announcement made before (no `withoutItem`) keeps its reading, so its record still verifies.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { announce, diceEntropy, draw, parseEntityPoolCsv, parseEntityPoolRows, unwrap, verifyDraw } from "../../src/index.js";

const csv = readFileSync(new URL("../../examples/data/jiaozuo-entertainment-pool.csv", import.meta.url), "utf8");
const item = "娱乐场所治安管理监督检查";
const salt = "焦作-近期检查-盐值-2023";
const rule = { itemId: item, asOf: "2023-06-01", withinDays: 365 };
const base = { taskId: "JZ-GA-07", stratify: "none" as const, salt, sizes: 5, entropySource: { kind: "dice" as const, description: "公开掷骰" } };

/** Active rows whose 上次检查日期 falls in (asOf − 365 days, asOf], counted from the CSV text itself. */
function expectedFromText(): number {
  const [header, ...rows] = csv.trim().split(/\r?\n/).map((l) => l.split(","));
  const date = header!.indexOf("上次检查日期");
  const status = header!.indexOf("登记状态");
  return rows.filter((r) => r[status] === "存续" && r[date]! > "2022-06-01" && r[date]! <= "2023-06-01").length;
}

describe("recent-inspection rule from a CSV pool (draw-v1 §4.1)", () => {
  it("上次检查日期 without an item counts for the rule's item: excluded, counted, announced as withoutItem, verified", () => {
    const pool = unwrap(parseEntityPoolCsv(csv));
    expect(pool.some((e) => e.inspections.length > 0 && e.inspections.every((i) => i.itemId === undefined))).toBe(true);
    const { announcement } = unwrap(announce({ ...base, pool, exclusions: { recentInspection: rule } }));
    expect(announcement.exclusions.rules.recentInspection).toEqual({ ...rule, withoutItem: true });
    expect(expectedFromText()).toBeGreaterThan(0);
    expect(announcement.exclusions.counts.recently_inspected).toBe(expectedFromText());
    const record = unwrap(draw(announcement, pool, unwrap(diceEntropy("31415926535897932384")), { salt }));
    expect(verifyDraw(record, [...pool].reverse(), { salt }).ok).toBe(true);
  });

  it("a column 上次检查事项 names the items: only an inspection of the rule's item (or of none) counts", () => {
    const header = ["统一社会信用代码", "名称", "上次检查日期", "上次检查事项"];
    const rows = [header, ["E1", "甲", "2023-01-10", item], ["E2", "乙", "2023-01-10", "消防安全检查"], ["E3", "丙", "2023-01-10", ""], ["E4", "丁", "", ""], ["E5", "戊", "2023-01-10", `消防安全检查、${item}`]];
    const pool = unwrap(parseEntityPoolRows(rows));
    expect(pool.map((e) => e.inspections.map((i) => i.itemId ?? "-").join("|"))).toEqual([item, "消防安全检查", "-", "", `消防安全检查|${item}`]);
    const counts = unwrap(announce({ ...base, sizes: 1, pool, exclusions: { recentInspection: rule } })).announcement.exclusions.counts;
    expect(counts.recently_inspected).toBe(3);
  });

  it("an announcement without withoutItem (made before) keeps its reading: inspections naming no item do not count", () => {
    const pool = unwrap(parseEntityPoolCsv(csv));
    const { announcement } = unwrap(announce({ ...base, pool, exclusions: { recentInspection: { ...rule, withoutItem: false } } }));
    expect(announcement.exclusions.rules.recentInspection).toEqual(rule);
    expect(announcement.exclusions.counts.recently_inspected).toBe(0);
    const record = unwrap(draw(announcement, pool, unwrap(diceEntropy("31415926535897932384")), { salt }));
    expect(verifyDraw(record, pool, { salt }).ok).toBe(true);
  });
});
