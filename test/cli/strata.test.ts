// The real command line (dist/cli.js) on the 晋城 hotels example: --stratify region / tier×region (typed with x, *,
// 县级), sizes from --quota with --min-per-stratum or per county label, the allocation table, draw and verify with the
// labels in words, a tampered pool failing, and bilingual usage errors naming what is allowed.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireBuiltCli, runCli } from "../_internal/cli.js";

const root = new URL("../../", import.meta.url).pathname;
const pool = join(root, "examples/jincheng/hotels-pool.csv");
const salt = "晋城卫健2023盐值-c41d9e07b2";
let dir: string;

const run = (...args: string[]) => runCli(args, { cwd: dir });

beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), "dr-cli-strata-"));
});

describe("double-random CLI: region and tier×region strata", () => {
  it("manifest --stratify tierxregion: the stratification and each stratum's label in words", () => {
    const r = run("manifest", pool, "--salt", salt, "--stratify", "tierxregion");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("（按信用风险分类×县级行政区划分层）");
    expect(r.out).toMatch(/S[0-9a-f]{12} {2}层 B类（一般风险）×140524 {2}N=3 /);
    const en = run("manifest", pool, "--salt", salt, "--stratify", "region:city", "--lang", "en");
    expect(en.code, en.err).toBe(0);
    expect(en.out).toContain("(by city (prefecture))");
    expect(en.out).toMatch(/stratum 140500 {2}N=370 /);
  });

  it("announce → draw → verify, tier*region:县级 sized by --quota and --min-per-stratum 3; a moved hotel fails", () => {
    const a = run("announce", pool, "--task-id", "JC-2023-旅馆业", "--salt", salt, "--stratify", "tier*region:县级", "--quota", "不低于30%", "--min-per-stratum", "3",
      "--entropy-source", "lottery:双色球2023年5月4日开奖号码", "-o", "a.json");
    expect(a.code, a.err).toBe(0);
    // The allocation table (stderr, for the department): every row and the total.
    expect(a.err).toContain("各层抽取户数（按信用风险分类×县级行政区划分层");
    expect(a.err).toMatch(/\["A","140524"\] +N= +3 +n= +3 /);
    expect(a.err).toContain("合计 111 户");
    const text = readFileSync(join(dir, "a.json"), "utf8");
    const announcement = JSON.parse(text) as { stratification: string; strata: { n: number }[] };
    expect(announcement.stratification).toBe("tier×region:county");
    expect(announcement.strata.reduce((s, x) => s + x.n, 0)).toBe(111);
    // Published: keys only, never a county code or a tier.
    expect(text).not.toMatch(/"1405\d\d"|"[ABCD]"|\["/);
    const d = run("draw", "a.json", pool, "--salt", salt, "--entropy", "lottery:2.9.14.21.27.33./6./", "-o", "r.json");
    expect(d.code, d.err).toBe(0);
    const v = run("verify", "r.json", "--pool", pool, "--salt", salt);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.out).toContain("分层: 按信用风险分类×县级行政区划分层");
    expect(v.out).toMatch(/S[0-9a-f]{12} {2}A类（低风险）×140524 {2}N=3 {2}n=3/);
    // The auditor's copy of the pool has one drawn hotel in another county.
    const drawn = (JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as { selections: { id: string }[] }).selections[0]!.id;
    const lines = readFileSync(pool, "utf8").split("\n").map((l) => (l.startsWith(drawn) ? l.replace(/,1405\d\d,/, ",140581,") : l));
    writeFileSync(join(dir, "moved.csv"), lines.join("\n"));
    const bad = run("verify", "r.json", "--pool", "moved.csv", "--salt", salt);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("[stratum_mismatch]");
  });

  it("--stratify region with --sizes per county code", () => {
    const sizes = "140502=5,140521=3,140522=3,140524=3,140525=4,140581=3";
    const a = run("announce", pool, "--task-id", "JC-R", "--salt", salt, "--stratify", "region", "--sizes", sizes, "--entropy-source", "dice:公开掷骰", "-o", "ar.json");
    expect(a.code, a.err).toBe(0);
    const strata = (JSON.parse(readFileSync(join(dir, "ar.json"), "utf8")) as { stratification: string; strata: { n: number }[] });
    expect(strata.stratification).toBe("region:county");
    expect(strata.strata.map((s) => s.n).sort()).toEqual([3, 3, 3, 3, 4, 5]);
    // Not a county-level code at all: a usage error; a code with no hotel: the library names the stratum it lacks.
    const typo = run("announce", pool, "--task-id", "JC-R", "--salt", salt, "--stratify", "region", "--sizes", "140502=5,14052=3", "--entropy-source", "dice:x");
    expect(typo.code).toBe(2);
    expect(typo.err).toContain("[cli_bad_option]");
    expect(typo.err).toContain("“14052”不是此分层方式（region:county）的分层");
    const unknown = run("announce", pool, "--task-id", "JC-R", "--salt", salt, "--stratify", "region", "--sizes", `${sizes},999999=3`, "--entropy-source", "dice:x");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("[size_unknown_stratum]");
  });

  it("usage errors name what is allowed, in zh and en", () => {
    const zh = run("manifest", pool, "--salt", salt, "--stratify", "region:town");
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("[cli_bad_option]");
    expect(zh.err).toContain("region 的层级应为 province、city 或 county");
    expect(zh.err).toContain("attribute:列名");
    const en = run("manifest", pool, "--salt", salt, "--stratify", "tier×tier", "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toContain('"tier" appears twice');
    expect(en.err).toContain("e.g. tier×region (x or * may be typed for ×)");
    const min = run("announce", pool, "--task-id", "X", "--salt", salt, "--stratify", "region", "--quota", "30%", "--min-per-stratum", "三", "--entropy-source", "dice:x");
    expect(min.code).toBe(2);
    expect(min.err).toContain("--min-per-stratum");
    expect(min.err).toContain("应为非负整数");
  });
});
