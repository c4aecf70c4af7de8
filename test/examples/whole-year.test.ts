// The whole-year example runs for real and its figures hold together.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

describe("examples/whole-year.ts", () => {
  it("goes from the plan table to the 公示 deadline, both batches verified, no entity drawn twice", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "examples/whole-year.ts"], { cwd: root, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("[window_empty]");
    expect(r.stdout).toContain("复查该行无错误");
    expect(r.stdout.match(/抽取复核 通过，选派复核 通过（名录库与规则已在公告中承诺）/g)).toHaveLength(2);
    expect(r.stdout).toContain("最迟 2023-07-28 公示");
    expect(r.stdout).toContain("无重复：是");
  });
});
