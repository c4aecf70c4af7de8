// The 晋城 市抽县查 example (examples/jincheng/draw-by-county.ts, section 4b of the demo) in zh and en: a tier×region:county
// draw sized by allocateStrata with at least 3 per stratum — every county gets at least 3 (or all it has) — drawn,
// re-checked from a shuffled pool, and failing once a drawn hotel is moved to another county.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const run = (lang: string) => spawnSync(process.execPath, ["--import", "tsx", "-e", `import("./examples/demo/04b-county.ts").then((m) => m.run("${lang}"))`], { cwd: root, encoding: "utf8" });

describe("examples/jincheng: draw by county", () => {
  it("zh: allocation with 保底, 整层 and 按规模 rows; every county at least 3; verified; a moved hotel fails", () => {
    const r = run("zh");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("分层方式 tier×region:county");
    for (const rule of ["保底", "整层", "按规模"]) expect(r.stdout).toContain(rule);
    const perCounty = /② 各县（市、区）合计：(.*)；共 (\d+) 户/.exec(r.stdout);
    expect(perCounty).not.toBeNull();
    const counties = [...(perCounty![1] as string).matchAll(/([^，\s]+) (\d+)\/(\d+)/g)].map((m) => [m[1], Number(m[2]), Number(m[3])] as const);
    expect(counties.map((c) => c[0]).sort()).toEqual(["城区", "沁水县", "泽州县", "阳城县", "陵川县", "高平市"].sort());
    for (const [, n, N] of counties) expect(n).toBeGreaterThanOrEqual(Math.min(3, N));
    expect(counties.reduce((a, c) => a + c[1], 0)).toBe(Number(perCounty![2]));
    expect(r.stdout).toContain(`共抽中 ${perCounty![2]} 家`);
    expect(r.stdout).toContain("④ 复核（名录库顺序打乱）：通过 ✓");
    expect(r.stdout).toContain("未通过 ✗");
    expect(r.stdout).toContain("[stratum_mismatch]");
  });

  it("en: the same story in English", () => {
    const r = run("en");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Per county:");
    expect(r.stdout).toContain("Re-check (pool order shuffled): passed ✓");
    expect(r.stdout).toContain("moved to another county: failed ✗");
  });
});
