import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Quota, type IssueCode } from "../../src/index.js";
import { parseQuota } from "../../src/quota/index.js";

interface SeedCase {
  source: string;
  text: string;
  expected: Record<string, unknown> & { issue?: IssueCode };
  note?: string;
}
const seed = JSON.parse(readFileSync(new URL("../fixtures/quota/seed-quotas.json", import.meta.url), "utf8")) as { cases: SeedCase[] };

describe("parseQuota on every quota cell of the seed plans", () => {
  it("covers all three plans", () => {
    const files = new Set(seed.cases.map((c) => c.source.split(":")[0]));
    expect([...files].sort()).toEqual(["jiaozuo-2023-plans.txt", "jincheng-2023-joint-plan.txt", "wugang-2023-gongxin-plan.txt"]);
    expect(seed.cases.length).toBeGreaterThan(500);
  });
  it.each(seed.cases.map((c) => [c.source, c.text, c] as const))("%s %j", (_source, text, c) => {
    const r = parseQuota(text);
    if (c.expected.issue) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.code)).toContain(c.expected.issue);
    } else {
      expect(r.ok ? r.value : r.issues).toEqual(c.expected);
    }
  });
});

const ratio = (numerator: number, denominator: number, bound = "exact") => ({ numerator, denominator, bound });

describe("parseQuota: the wording listed in issue 3", () => {
  it.each([
    ["20%", { ratio: ratio(1, 5) }],
    ["1‰", { ratio: ratio(1, 1000) }],
    ["0.50%", { ratio: ratio(1, 200) }],
    ["不低于10%", { ratio: ratio(1, 10, "atLeast") }],
    ["5%以上", { ratio: ratio(1, 20, "atLeast") }],
    ["不超过10%", { ratio: ratio(1, 10, "atMost") }],
    ["10%以下", { ratio: ratio(1, 10, "atMost") }],
    ["≥20%", { ratio: ratio(1, 5, "atLeast") }],
    ["≤ 20%", { ratio: ratio(1, 5, "atMost") }],
    ["不少于4户", { count: { value: 4, bound: "atLeast" } }],
    ["约6家", { count: { value: 6, bound: "approx" } }],
    ["1家", { count: { value: 1, bound: "exact" } }],
    ["约六家", { count: { value: 6, bound: "approx" } }],
    ["每半年20%", { ratio: ratio(1, 5), frequency: { times: 1, per: "halfYear" } }],
    ["每季度 20%", { ratio: ratio(1, 5), frequency: { times: 1, per: "quarter" } }],
    ["20%；1次/年", { ratio: ratio(1, 5), frequency: { times: 1, per: "year" } }],
    ["20%: 1次/年", { ratio: ratio(1, 5), frequency: { times: 1, per: "year" } }],
    ["5%; 1/年", { ratio: ratio(1, 20), frequency: { times: 1, per: "year" } }],
    ["1次/季度", { frequency: { times: 1, per: "quarter" } }],
    ["2次/半年", { frequency: { times: 2, per: "halfYear" } }],
    ["1次/月", { frequency: { times: 1, per: "month" } }],
    ["抽查2次", { frequency: { times: 2, per: "plan" } }],
    ["3次/年", { frequency: { times: 3, per: "year" } }],
    ["每半年一次", { frequency: { times: 1, per: "halfYear" } }],
    ["每年两次", { frequency: { times: 2, per: "year" } }],
    ["全年不低于总商户数的10%", { ratio: ratio(1, 10, "atLeast"), cumulative: true }],
    ["100%,1次/年 (约6家)", { ratio: ratio(1, 1), count: { value: 6, bound: "approx" }, frequency: { times: 1, per: "year" } }],
    ["抽查比例之和≥20%", { ratio: ratio(1, 5, "atLeast"), cumulative: true }],
    ["２０％；１次／年", { ratio: ratio(1, 5), frequency: { times: 1, per: "year" } }],
    ["20%\n1次/年。", { ratio: ratio(1, 5), frequency: { times: 1, per: "year" } }],
    ["不低于\r\n10%", { ratio: ratio(1, 10, "atLeast") }],
    ["12.5%", { ratio: ratio(1, 8) }],
    ["33.33%", { ratio: ratio(3333, 10000) }],
  ])("%j", (text, expected) => {
    const r = parseQuota(text);
    expect(r.ok ? r.value : r.issues).toEqual({ ...expected, text });
  });

  it("reads sub-populations with different ratios as segments", () => {
    const text = "三级定点医疗机构≥50%，二级定点医疗机构≥30%";
    const r = parseQuota(text);
    expect(r.ok && r.value).toEqual({
      text,
      segments: [
        { scope: "三级定点医疗机构", quota: { ratio: ratio(1, 2, "atLeast"), text: "三级定点医疗机构≥50%" } },
        { scope: "二级定点医疗机构", quota: { ratio: ratio(3, 10, "atLeast"), text: "二级定点医疗机构≥30%" } },
      ],
    });
    expect(r.ok && r.value.ratio).toBeUndefined();
  });

  it("shares a leading frequency with every segment", () => {
    const r = parseQuota("每半年：三级医院≥50%，二级医院≥30%");
    expect(r.ok && r.value.segments?.map((x) => [x.scope, x.quota.frequency])).toEqual([
      ["三级医院", { times: 1, per: "halfYear" }],
      ["二级医院", { times: 1, per: "halfYear" }],
    ]);
  });

  it.each([
    ["0.1", "quota_bare_number"],
    ["0.2", "quota_bare_number"],
    ["100", "quota_bare_number"],
    ["待定", "quota_undecided"],
    ["-5%", "quota_negative"],
    ["－5％", "quota_negative"],
    ["120%", "quota_over_100"],
    ["100.01%", "quota_over_100"],
    ["1001‰", "quota_over_100"],
    ["", "quota_empty"],
    ["   \n ", "quota_empty"],
    ["2023年1月1日—12月31日", "quota_column_shift"],
    ["3月-12月", "quota_column_shift"],
    ["202302", "quota_column_shift"],
    ["2023.04", "quota_column_shift"],
    ["全年", "quota_column_shift"],
    ["市新闻出版局", "quota_column_shift"],
    ["县工信局", "quota_column_shift"],
    ["全市娱乐场所", "quota_column_shift"],
    ["根据企业信用风险分类结果,对低风险、一般风险、较高风险、高风险企业分别增加抽查比例、频次", "quota_column_shift"],
    ["5% 1次/年 5% 1次/年", "unsupported_structure"],
    ["10%；20%", "unsupported_structure"],
    ["三级医院≥50%，30%", "unsupported_structure"],
    ["abc", "quota_unrecognized"],
    ["原则上20%", "quota_unrecognized_text"],
    ["20%2月1日至12月31日", "quota_unrecognized_text"],
    ["1234567890123%", "quota_number_too_long"],
  ] as const)("%j is an issue (%s), never a number", (text, code) => {
    const r = parseQuota(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toContain(code);
      for (const i of r.issues) {
        expect(i.message.zh).not.toBe("");
        expect(i.message.en).not.toBe("");
      }
    }
  });

  it("explains a bare decimal with both readings", () => {
    const r = parseQuota("0.05");
    expect(!r.ok && r.issues[0]?.message.zh).toContain("5% / 0.05%");
  });

  it("warns, and invents nothing, when the number of times is missing", () => {
    const r = parseQuota("30% 次/年");
    expect(r.ok && r.value.frequency).toBeUndefined();
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["quota_frequency_incomplete"]);
  });

  it("keeps the original text verbatim", () => {
    const text = " 不低于１０％；\n1次/年。 ";
    const r = parseQuota(text);
    expect(r.ok && r.value.text).toBe(text);
  });
});

describe("parseQuota properties", () => {
  const decimalPercent = fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
    .filter(([i, f, hasFrac]) => !(i === 100 && hasFrac && f > 0))
    .map(([i, f, hasFrac]) => (hasFrac ? `${i}.${String(f).padStart(2, "0")}` : String(i)));

  it("reads p% as the reduced fraction p/100 (BigInt reference)", () => {
    fc.assert(
      fc.property(decimalPercent, fc.constantFrom("", "不低于", "不超过", "≥"), (p, prefix) => {
        const r = parseQuota(`${prefix}${p}%`);
        expect(r.ok).toBe(true);
        if (!r.ok || !r.value.ratio) return;
        const { numerator: n, denominator: d, bound } = r.value.ratio;
        const [int, frac = ""] = p.split(".");
        // n/d == (int.frac)/100 exactly, and n/d is reduced.
        expect(BigInt(n) * 10n ** BigInt(frac.length) * 100n).toBe(BigInt(`${int}${frac}`) * BigInt(d));
        const g = (a: bigint, b: bigint): bigint => (b === 0n ? a : g(b, a % b));
        expect(n === 0 ? d : Number(g(BigInt(n), BigInt(d)))).toBe(1);
        expect(bound).toBe(prefix === "" ? "exact" : prefix === "不超过" ? "atMost" : "atLeast");
      }),
    );
  });

  it("treats full-width and half-width forms alike", () => {
    const toFull = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(decimalPercent, fc.integer({ min: 1, max: 12 }), (p, times) => {
        const half = `${p}%;${times}次/年`;
        const a = parseQuota(half);
        const b = parseQuota(toFull(half));
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) expect({ ...b.value, text: "" }).toEqual({ ...a.value, text: "" });
      }),
    );
  });

  it("never throws on arbitrary text and returns a valid Quota when it succeeds", () => {
    const alphabet = fc.constantFrom(..."0123456789.%‰-−次/年季度月每半不低于超过少约家户以上下；;,:， \n抽查比例之和≥≤全待定一二两三十()（）局企业医院级的".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: alphabet, maxLength: 40 })), (text) => {
        const r = parseQuota(text);
        if (r.ok) {
          expect(Quota.safeParse(r.value).success).toBe(true);
          if (r.value.ratio) expect(r.value.ratio.numerator).toBeLessThanOrEqual(r.value.ratio.denominator);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on sequences of real wording fragments (grammar fuzz)", () => {
    const fragments = fc.constantFrom(
      "每半年", "每季度", "每年", "每月", "三级医院", "二级医院", "A类", "全市", "≥", "≤", "不低于", "不少于", "不超过", "约",
      "50%", "30%", "0.5%", "1‰", "120%", "-5%", "0.2", "100", "6家", "4户", "一次", "两次", "1次/年", "次/年", "抽查1次",
      "以上", "左右", "全年", "之和", "总商户数的", "，", "；", ":", " ", "\n", "(", ")", "2023年", "3月-12月", "待定", "局", "。",
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), (parts) => {
        const r = parseQuota(parts.join(""));
        if (r.ok) expect(Quota.safeParse(r.value).success).toBe(true);
        else expect(r.issues.some((i) => i.severity === "error")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("finishes on 100k-character inputs built to hurt backtracking regexes", () => {
    const inputs = [
      "1".repeat(100_000),
      "1.".repeat(50_000),
      "不低于".repeat(33_000),
      "20%;".repeat(25_000),
      "每".repeat(100_000),
      "2023年".repeat(20_000),
      `${" ".repeat(99_990)}20%`,
      "一".repeat(100_000),
      "x".repeat(100_000),
    ];
    for (const text of inputs) {
      const r = parseQuota(text);
      expect(typeof r.ok).toBe("boolean");
    }
  });
});
