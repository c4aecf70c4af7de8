// The whole-year example and the demo continue past matching (issue 13): results for every target, one of each
// mismatch planted and caught, the package built and publicly verified, signals produced.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: root, encoding: "utf8" });

describe("一公开 in the examples", () => {
  it("examples/whole-year.ts: both batches published and verified, 9 planted mismatches caught, year statistics", () => {
    const r = run("examples/whole-year.ts");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("补抽 1 户（无法联系（经营场所已关闭）），递补 1 人");
    expect(r.stdout.match(/公开复核 通过/g)).toHaveLength(2);
    expect(r.stdout).toContain("埋设 9 种不一致，发现 9 种");
    expect(r.stdout).toContain("2/2 批按期公示");
  });
  it("the demo's section 7 in zh and en: 9/9 caught, package verified, tampering named", () => {
    for (const lang of ["zh", "en"]) {
      const r = run("-e", `import("./examples/demo/07-publish.ts").then((m) => m.run("${lang}"))`);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(lang === "zh" ? "9/9 处被发现" : "9/9 caught");
      expect(r.stdout).not.toMatch(/^\s+✗ (漏检|a drawn)/m);
      expect(r.stdout).toContain(lang === "zh" ? "公开复核（verifyResults）：通过" : "Public verification: verified");
      expect(r.stdout).toContain("[publish_entity_missing]");
    }
  });
});
