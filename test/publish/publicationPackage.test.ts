import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publicationPackage, publicListCsv, publicListFromTable, taskReportCsv, type Table, unwrap, verifyResults } from "../../src/index.js";
import { readCsv } from "../../src/_internal/csv.js";
import { percent } from "../../src/publish/publicationPackage.js";
import { SALT, scenario, WINDOW } from "./_fixtures.js";

const s = scenario();
const options = { window: WINDOW, department: "某市市场监管局", publishedOn: "2023-07-05", taskName: "食品经营抽查", itemNames: { I1: "食品经营许可情况" } };
const pkg = unwrap(publicationPackage(s.record, s.results, options));
const asTable = (csv: string): Table => ({ format: "csv", merges: [], rows: readCsv(csv).rows.filter((r) => r.cells.some((c) => c !== "")) });

describe("publicationPackage", () => {
  it("lists exactly the drawn set after replacements, sorted by id, with the report's figures", () => {
    const targets = s.record.match.teams.map((t) => t.targetId).sort();
    expect(pkg.list.map((e) => e.entityId)).toEqual(targets);
    expect(pkg.list.map((e) => e.entityId)).not.toContain(s.gone);
    expect(pkg.list[0]!.items).toBe("食品经营许可情况");
    expect(pkg.report).toMatchObject({ drawn: 6, replaced: 1, targets: 6, inspected: 6, problems: 1, problemRate: "16.67%", deadline: "2023-07-28",
      enteredOnTime: 6, enteredLate: 0, entryUnknown: 0 });
    expect(pkg.report.byCategory.corrected).toBe(1);
    expect(pkg.announcementDigest).toBe(s.record.announcement.digest);
  });

  it("never carries a tier, the salt, inspectors or their names", () => {
    const text = JSON.stringify(pkg) + publicListCsv(pkg) + taskReportCsv(pkg);
    expect(text).not.toContain(SALT);
    expect(text).not.toMatch(/"tier"|检查员|"P\d\d"/);
    for (const e of pkg.list) expect(Object.keys(e).sort()).toEqual(["category", "department", "entityId", "entityName", "followUp", "inspectedOn", "items", "taskId", "taskName"]);
  });

  it("withholds a 个体工商户's identifier unless it is a 统一社会信用代码", () => {
    const id = pkg.list[0]!.entityId;
    const p = publicationPackage(s.record, s.results, { ...options, entities: [{ id, kind: "individual" }] });
    expect(p.ok && p.value.list.filter((e) => e.entityId === "").length).toBe(1);
    expect(p.ok && p.warnings.map((w) => w.code)).toEqual(["publish_id_withheld"]);
    expect(p.ok && verifyResults(s.record, p.value).ok).toBe(true);
  });

  it("refuses to build over a mismatch, and needs a department and a date", () => {
    expect(publicationPackage(s.record, s.results.slice(1), options).ok).toBe(false);
    expect(publicationPackage(s.record, s.results, { ...options, department: "" }).ok).toBe(false);
    expect(publicationPackage(s.record, s.results, { ...options, publishedOn: "7月5日" }).ok).toBe(false);
  });

  it("property: the package does not depend on the order of the results", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(s.results, { minLength: s.results.length }), (shuffled) => {
        expect(unwrap(publicationPackage(s.record, shuffled, options)).digest).toBe(pkg.digest);
      }),
      { seed: 3, numRuns: 30 },
    );
  });

  it("property: percent is the exact half-up rounding of part/whole to two decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (whole, p) => {
        const part = p % (whole + 1);
        const [int, dec] = percent(part, whole).replace("%", "").split(".");
        const hundredths = BigInt(int!) * 100n + BigInt(dec!);
        // |hundredths − 10000·part/whole| ≤ 1/2, and exactly 1/2 rounds up.
        const twice = 2n * hundredths * BigInt(whole) - 20000n * BigInt(part);
        expect(twice <= BigInt(whole) && twice > -BigInt(whole)).toBe(true);
      }),
      { seed: 11, numRuns: 300 },
    );
    expect(percent(0, 0)).toBe("0.00%");
    expect(percent(1, 8)).toBe("12.50%");
  });
});

describe("CSV of the package", () => {
  it("the public list round-trips through CSV (BOM, CRLF, Chinese headers, zh category labels)", () => {
    const csv = publicListCsv(pkg);
    expect(csv.startsWith("\uFEFF检查对象名称,统一社会信用代码,")).toBe(true);
    expect(csv).toContain("发现问题已责令改正");
    expect(unwrap(publicListFromTable(asTable(csv)))).toEqual(pkg.list);
  });
  it("property: any text (commas, quotes, line breaks, 中文) round-trips through the CSV writer and papaparse", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "甲", ",", '"', "\n", "\r\n", " ", "、", "；") });
    fc.assert(
      fc.property(fc.array(fc.record({ entityName: text, entityId: text, items: text, followUp: text }), { maxLength: 5 }), (rows) => {
        const list = rows.map((r) => ({ ...pkg.list[0]!, ...r, entityName: `名${r.entityName}` }));
        expect(unwrap(publicListFromTable(asTable(publicListCsv({ list }))))).toEqual(list);
      }),
      { seed: 17, numRuns: 200 },
    );
  });
  it("the task report lists every figure and the binding digests", () => {
    const rows = readCsv(taskReportCsv(pkg)).rows.map((r) => r.cells);
    const get = (k: string) => rows.find((r) => r[0] === k)?.[1];
    expect([get("抽取户数"), get("补抽户数"), get("已检查户数"), get("问题发现率"), get("公示期限"), get("公示包摘要")]).toEqual(["6", "1", "6", "16.67%", "2023-07-28", pkg.digest]);
  });
  it("a list with a missing column or an unknown category is reported", () => {
    expect(publicListFromTable(asTable("检查对象名称\n甲\n")).ok).toBe(false);
    const bad = publicListCsv(pkg).replace("发现问题已责令改正", "良好");
    const r = publicListFromTable(asTable(bad));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["result_category_unknown"]);
  });
});

describe("verifyResults", () => {
  const codes = (r: ReturnType<typeof verifyResults>) => (r.ok ? [] : r.issues.filter((i) => i.severity === "error").map((i) => i.code).sort());
  it("accepts the package and the list read back from its CSV (digest checked with the published list digest)", () => {
    expect(unwrap(verifyResults(s.record, pkg))).toEqual({ entries: 6, targets: 6, digestChecked: true });
    const list = unwrap(publicListFromTable(asTable(publicListCsv(pkg))));
    const bare = verifyResults(s.record, { list });
    expect(bare.ok && bare.warnings.map((w) => w.code)).toEqual(["publish_digest_not_checked"]);
    expect(unwrap(verifyResults(s.record, { list }, { listDigest: pkg.listDigest })).digestChecked).toBe(true);
    expect(codes(verifyResults(s.record, { list }, { listDigest: "0".repeat(64) }))).toEqual(["publish_digest_mismatch"]);
  });
  it("catches an entity left out, one added, one twice, the replaced entity instead of its replacement", () => {
    const without = { list: pkg.list.slice(1) };
    expect(codes(verifyResults(s.record, without))).toEqual(["publish_entity_missing"]);
    const added = { list: [...pkg.list, { ...pkg.list[0]!, entityId: "E999" }] };
    expect(codes(verifyResults(s.record, added))).toEqual(["publish_entity_extra"]);
    const twice = { list: [...pkg.list, pkg.list[0]!] };
    expect(codes(verifyResults(s.record, twice))).toEqual(["publish_entity_duplicate"]);
    const replacement = s.record.replacements[0]!.id;
    const swapped = { list: pkg.list.map((e) => (e.entityId === replacement ? { ...e, entityId: s.gone } : e)) };
    expect(codes(verifyResults(s.record, swapped))).toEqual(["publish_entity_extra", "publish_entity_missing"]);
  });
  it("catches counts that do not add up, a package bound to another record, and any edit (digest)", () => {
    const counts = { ...pkg, report: { ...pkg.report, problems: 0 } };
    expect(codes(verifyResults(s.record, counts))).toEqual(["publish_count_mismatch", "publish_digest_mismatch"]);
    const other = { ...s.record, replacements: [] };
    expect(codes(verifyResults(other, pkg))).toContain("publish_binding_mismatch");
    const category = { ...pkg, list: pkg.list.map((e, k) => (k === 0 ? { ...e, category: "corrected" } : e)) };
    expect(codes(verifyResults(s.record, category))).toEqual(["publish_count_mismatch", "publish_count_mismatch", "publish_count_mismatch", "publish_count_mismatch", "publish_digest_mismatch", "publish_digest_mismatch"]);
    // The report's fields are named in words in each language; the token stays in params.field for programs.
    const counted = verifyResults(s.record, category);
    const mismatches = counted.ok ? [] : counted.issues.filter((i) => i.code === "publish_count_mismatch");
    expect(mismatches).toHaveLength(4);
    for (const i of mismatches) expect(i.message.zh).not.toMatch(/[A-Za-z]/);
    expect(mismatches.map((i) => i.message.zh).join("\n")).toContain("检查结果为未发现问题的户数");
    const renamed = { ...pkg, list: pkg.list.map((e, k) => (k === 0 ? { ...e, entityName: "改过的名称" } : e)) };
    expect(codes(verifyResults(s.record, renamed))).toEqual(["publish_digest_mismatch", "publish_digest_mismatch"]);
  });
  it("a malformed package is one coded issue, never a throw", () => {
    for (const bad of [null, {}, { list: [1] }, { list: [{ entityId: 1 }] }, { ...pkg, protocol: "x" }, { ...pkg, report: null }]) {
      const r = verifyResults(s.record, bad as never);
      expect(r.ok ? "" : r.issues[0]!.code).toBe("publish_package_invalid");
    }
  });
});
